import { PatternCache } from './line.js';
import { compareLines } from './lines.js';
import { Differences } from './types.js';

// Compares two texts line by line and returns the verdict with the reasons.
function compare(expected: string, actual: string) {
  const out = new Differences();
  const outcome = compareLines(expected.split('\n'), actual.split('\n'), { out, cache: new PatternCache() });
  return { ok: outcome.ok, reasons: out.done().map((d) => d.reason), rewritten: outcome.rewritten };
}

describe('lines in order with ... lines', () => {
  test.each<[string, string, string, boolean]>([
    ['equal lines', 'a\nb\nc', 'a\nb\nc', true],
    ['a missing line', 'a\nb\nc', 'a\nc', false],
    ['an extra line', 'a\nc', 'a\nb\nc', false],
    ['order matters', 'a\nb', 'b\na', false],
    ['... matches zero lines', 'a\n...\nb', 'a\nb', true],
    ['... matches many lines', 'a\n...\nb', 'a\nx\ny\nz\nb', true],
    ['... at the start', '...\nlast', 'first\nsecond\nlast', true],
    ['... at the end', 'first\n...', 'first\nsecond\nlast', true],
    ['... alone matches anything', '...', 'anything\nat all', true],
    ['... alone matches nothing', '...', '', true],
    ['indented ...', 'a\n    ...\nb', 'a\nx\nb', true],
    ['the first line is anchored', 'a\n...', 'x\na', false],
    ['the last line is anchored', '...\nb', 'b\nx', false],
    ['pieces keep their order', '...\nb\n...\na\n...', 'a\nb', false],
    ['pieces in order', '...\na\n...\nb\n...', 'x\na\ny\nb\nz', true],
    ['a piece must be contiguous', '...\na\nb\n...', 'a\nx\nb', false],
    ['leftmost placement leaves room for the rest', '...\na\n...\na\nb', 'a\na\nb', true],
    ['volatile values in pieces', '...\nServer: istio-envoy\n...\nx-envoy-upstream-service-time: 4\n...', 'HTTP/1.1 200 OK\nServer: istio-envoy\ndate: x\nx-envoy-upstream-service-time: 4', true],
  ])('%s', (_name, e, a, ok) => {
    expect(compare(e, a).ok).toBe(ok);
  });
});

describe('reasons for lines', () => {
  test('a changed line is reported with both values and the column', () => {
    expect(compare('a\nSTATUS Running\nc', 'a\nSTATUS Pending\nc').reasons).toEqual([
      'line 2: expected "STATUS Running", got "STATUS Pending": at column 8: expected "Running", got "Pending"',
    ]);
  });

  test('a missing line is reported as missing', () => {
    expect(compare('a\nb\nc', 'a\nc').reasons).toEqual(['line 2: missing from the output: "b"']);
  });

  test('an extra line is reported with its output line', () => {
    expect(compare('a\nc', 'a\nb\nc').reasons).toEqual(['output line 2 is not expected: "b"']);
  });

  test('a piece that is not found is named with where the search started', () => {
    const result = compare('first\n...\nneedle\n...', 'first\nx\ny');
    expect(result.reasons).toEqual(['line 3: missing from the output: "needle"']);
  });

  test('a piece that almost matches is explained at the closest place, as the one line that differs', () => {
    const result = compare('...\nServer: istio-envoy\nx-envoy-decorator-operation: productpage\n...', 'HTTP/1.1 200 OK\nServer: istio-envoy\nx-envoy-decorator-operation: reviews\nend');
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toContain('line 3: expected "x-envoy-decorator-operation: productpage", got "x-envoy-decorator-operation: reviews"');
  });

  test('the rewritten output shows ... where the expected has it', () => {
    const result = compare('a 10.0.0.1\n...\nb', 'a 10.1.1.1\nx\ny\nb');
    expect(result.ok).toBe(true);
    expect(result.rewritten).toEqual(['a 10.0.0.1', '...', 'b']);
  });
});

describe('pathological ... lines finish', () => {
  test('hundreds of ... lines against 20,000 lines that match', () => {
    const expected = Array.from({ length: 300 }, (_, k) => `...\nline ${k * 60}`).join('\n') + '\n...';
    const actual = Array.from({ length: 20_000 }, (_, k) => `line ${k}`).join('\n');
    expect(compare(expected, actual).ok).toBe(true);
  });

  test('hundreds of ... lines against 20,000 lines that do not match', () => {
    const expected = Array.from({ length: 300 }, () => '...\nx').join('\n') + '\n...\ny';
    const actual = Array.from({ length: 20_000 }, () => 'x').join('\n');
    expect(compare(expected, actual).ok).toBe(false);
  });

  test('one segment of thousands of lines against 20,000 repeated lines', () => {
    const many = (n: number, line: string) => Array.from({ length: n }, () => line).join('\n');
    expect(compare(`...\n${many(5000, 'x')}\ny\n...`, many(20_000, 'x')).ok).toBe(false);
    expect(compare(`...\n${many(5000, 'x')}\nip 10.0.0.1\n...`, many(20_000, 'x')).ok).toBe(false);
    expect(compare(`...\n${many(5000, 'x')}\nip 10.0.0.1\n...`, `${many(20_000, 'x')}\nip 10.9.9.9\nend`).ok).toBe(true);
  });

  test('segments that almost match at every place', () => {
    const segment = Array.from({ length: 30 }, () => 'x').join('\n');
    const expected = Array.from({ length: 200 }, () => `...\n${segment}\ny`).join('\n');
    const actual = Array.from({ length: 20_000 }, () => 'x').join('\n');
    expect(compare(expected, actual).ok).toBe(false);
  });
});
