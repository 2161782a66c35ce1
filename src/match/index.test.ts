import * as auto from './auto.js';
import { match, matchUnguarded } from './index.js';

describe('an internal error of the matcher is its own result, not a mismatch', () => {
  afterEach(() => jest.restoreAllMocks());

  test('match() reports a crash with the error set, so the runner can tell it from an output to retry', () => {
    jest.spyOn(auto, 'compareAuto').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'cells')");
    });
    const result = match('NAME   READY\nx      1/1', 'NAME   READY\nx      1/1');
    expect(result.ok).toBe(false);
    expect(result.error).toBe("Cannot read properties of undefined (reading 'cells')");
    expect(result.differences[0].reason).toMatch(/^internal error of the matcher \(a bug in istio-doctest/);
  });

  test('the unguarded comparison lets the crash through, so a property asserting a mismatch cannot pass on it', () => {
    jest.spyOn(auto, 'compareAuto').mockImplementation(() => {
      throw new RangeError('boom');
    });
    expect(() => matchUnguarded('a', 'b')).toThrow('boom');
  });

  test('an ordinary mismatch has no error', () => {
    const result = match('HTTP/1.1 200 OK', 'HTTP/1.1 503 Service Unavailable');
    expect(result.ok).toBe(false);
    expect(result.error).toBeUndefined();
  });
});
