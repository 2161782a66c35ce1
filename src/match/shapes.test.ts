// Values masked by their context (a header or key by name) still have a shape, and ephemeral ports are
// masked on every address, loopback included.
import { match } from './index.js';

// The reasons of a comparison, one per difference.
function reasons(expected: string, actual: string): string[] {
  return match(expected, actual).differences.map((d) => d.reason);
}

describe('a value masked by its header name keeps the shape of the expected one', () => {
  test('a word does not stand for a request id', () => {
    const result = match('x-request-id: 5795fab599dca0b8', 'x-request-id: not-available');
    expect(result.ok).toBe(false);
    expect(result.differences[0].reason).toContain('expected a hexadecimal id like "5795fab599dca0b8", got "not-available"');
  });

  test.each([
    ['x-request-id: 5795fab599dca0b8', 'x-request-id: 0b6a1d2e3f4c5b6a7d8e9f00'],
    ['x-request-id: 1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', 'x-request-id: 7c2d9e1f-3a4b-4c5d-9e6f-a1b2c3d4e5f6'],
    ['date: Thu, 15 Jun 2017 02:25:42 GMT', 'date: Mon, 07 Dec 2026 19:08:35 GMT'],
    ['x-envoy-upstream-service-time: 5', 'x-envoy-upstream-service-time: 128'],
    ['traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['  "x-b3-sampled": "1"', '  "x-b3-sampled": "0"'],
    ['resourceVersion: "1234"', 'resourceVersion: "98765"'],
  ])('%s matches a fresh value of its shape', (expected, actual) => {
    expect(match(expected, actual).ok).toBe(true);
  });

  test.each([
    ['x-request-id: 1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', 'x-request-id: -', 'a UUID'],
    ['date: Thu, 15 Jun 2017 02:25:42 GMT', 'date: unknown', 'a timestamp'],
    ['x-envoy-upstream-service-time: 5', 'x-envoy-upstream-service-time: slow', 'a number'],
    ['traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'traceparent: none', 'an id'],
    ['resourceVersion: "1234"', 'resourceVersion: "latest"', 'a number'],
  ])('%s fails on %s, naming the kind', (expected, actual, kind) => {
    const found = reasons(expected, actual);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`expected ${kind}`);
  });

  test('an empty value fails', () => {
    expect(match('x-request-id: 5795fab599dca0b8', 'x-request-id:').ok).toBe(false);
  });

  test('in JSON, a key masked by name keeps its shape too', () => {
    const expected = '{"headers": {"X-B3-Traceid": "80f198ee56343ba864fe8b2a57d3eff7", "Host": "httpbin:8000"}}';
    expect(match(expected, '{"headers": {"X-B3-Traceid": "c3a9d1e5f7b2046813579bdf02468ace", "Host": "httpbin:8000"}}').ok).toBe(true);
    const word = match(expected, '{"headers": {"X-B3-Traceid": "disabled", "Host": "httpbin:8000"}}');
    expect(word.differences.map((d) => d.reason)).toEqual(['$.headers.X-B3-Traceid: expected a hexadecimal id like "80f198ee56343ba864fe8b2a57d3eff7", got "disabled"']);
  });
});

describe('ephemeral ports are masked on every address', () => {
  const log = (from: string) => `[2026-12-07T10:12:01.123Z] "GET /productpage HTTP/1.1" 200 - via_upstream - "-" 0 5293 12 11 "-" "curl/8.5.0" "${from}" "10.244.0.12:9080"`;

  test('two access-log lines that differ only in an ephemeral port on loopback match', () => {
    expect(match(log('127.0.0.1:41854'), log('127.0.0.1:52110')).ok).toBe(true);
    expect(match('[::1]:41854 -> [::1]:15001', '[::1]:60001 -> [::1]:15001').ok).toBe(true);
  });

  test('the loopback address itself and well-known ports stay literal', () => {
    expect(match(log('127.0.0.1:41854'), log('127.0.0.2:52110')).ok).toBe(false);
    expect(match('listening on 127.0.0.1:15000', 'listening on 127.0.0.1:15001').ok).toBe(false);
    const port = reasons(log('127.0.0.1:41854'), log('127.0.0.1:8080'));
    expect(port).toHaveLength(1);
    expect(port[0]).toMatch(/expected 127\.0\.0\.1 with an ephemeral port like .*127\.0\.0\.1:41854.*, got .*127\.0\.0\.1:8080/);
  });
});
