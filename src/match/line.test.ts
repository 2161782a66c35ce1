import { compileLine, lineMatches, matchLine } from './line.js';
import { rewriteLine } from './line-diff.js';

describe('one expected line against one actual line', () => {
  test.each<[string, string, string, boolean]>([
    ['equal lines', 'Hello world', 'Hello world', true],
    ['runs of spaces are equivalent', 'NAME   READY  STATUS', 'NAME READY     STATUS', true],
    ['a tab is a run of spaces', 'a  b', 'a\tb', true],
    ['a space is needed where one is expected', 'a b', 'ab', false],
    ['indentation counts', '  a', 'a', false],
    ['different words differ', 'STATUS Running', 'STATUS Pending', false],
    ['counts must be equal', 'data plane version: 1.24.0 (6 proxies)', 'data plane version: 1.25.0 (5 proxies)', false],
    ['versions and counts', 'data plane version: 1.24.0 (6 proxies)', 'data plane version: 1.25.0 (6 proxies)', true],
    ['status codes must be equal', 'HTTP/1.1 200 OK', 'HTTP/1.1 503 Service Unavailable', false],
    ['hostnames must be equal', 'Host: httpbin:8000', 'Host: httpbin.default:8000', false],
    ['inline ... matches any run', '"X-Envoy-Peer-Metadata": "..."', '"X-Envoy-Peer-Metadata": "ChQKDkFQUF9DT05UQUlORVJT"', true],
    ['inline ... matches an empty run', 'date: ...', 'date:', true],
    ['inline ... after a header name', '< date: ...', '< date: Tue, 07 Jan 2025 10:00:00 GMT', true],
    ['inline ... keeps the text around it', '"X-Envoy-Peer-Metadata": "..."', '"X-Envoy-Peer-Metadata-Id": "x"', false],
    ['inline ... in the middle', 'outbound|9080|...|reviews.default.svc.cluster.local', 'outbound|9080|v1|reviews.default.svc.cluster.local', true],
    ['inline ... does not cross the end', 'a...b', 'a x b c', false],
    ['several inline ...', '... reviews ... Running ...', 'pod/reviews-v1 is Running now', true],
    ['inline ... with volatile values after it', 'took ... at 10.0.0.1:8080', 'took 3 tries at 10.1.2.3:8080', true],
    ['a volatile value inside a token', 'x-request-id=7b4d26b6-3e4d-9c5e-8f2a-1e5c5c1e0e3f;', 'x-request-id=00000000-1111-2222-3333-444455556666;', true],
    ['a volatile value keeps what follows', '10.0.0.1:80/TCP', '10.0.0.2:80/UDP', false],
    ['extra text at the end fails', 'Running', 'Running now', false],
    ['missing text at the end fails', 'Running now', 'Running', false],
  ])('%s', (_name, e, a, ok) => {
    expect(lineMatches(e, a)).toBe(ok);
  });
});

describe('reasons say where a line differs', () => {
  test('a literal difference names the column and both values', () => {
    const outcome = matchLine(compileLine('STATUS Running'), 'STATUS Pending');
    expect(outcome).toEqual({ ok: false, column: 8, detail: 'at column 8: expected "Running", got "Pending"' });
  });

  test('a volatile difference names the kind', () => {
    const outcome = matchLine(compileLine('IP 10.244.0.11'), 'IP localhost');
    expect(outcome.detail).toBe('at column 4: expected an IPv4 address like "10.244.0.11", got "localhost"');
  });

  test('a generated name of another base names the base', () => {
    const outcome = matchLine(compileLine('reviews-v1-545db77b95-rdmsp'), 'reviews-v2-5b67c7c6b9-pq2tz');
    expect(outcome.detail).toContain('with BASE "reviews-v1"');
    expect(outcome.detail).toContain('got "reviews-v2-5b67c7c6b9-pq2tz"');
  });

  test('a piece between inline ... that is missing is named', () => {
    const outcome = matchLine(compileLine('... Running ...'), 'pod is Pending');
    expect(outcome.detail).toBe('"Running" not found in the line');
  });
});

describe('rewriting a failed line for the diff', () => {
  test('matching values are written as expected and the real difference stays', () => {
    const e = 'reviews-v1-545db77b95-rdmsp   2/2   Running   0   2m41s   10.244.0.12';
    const a = 'reviews-v1-5b67c7c6b9-pq2tz   1/2   Running   0   5m      10.244.1.7';
    expect(rewriteLine(e, a)).toBe('reviews-v1-545db77b95-rdmsp   1/2   Running   0   2m41s      10.244.0.12');
  });
});

describe('pathological lines finish', () => {
  test('hundreds of inline ... against a 20,000-character line that matches', () => {
    const e = `${'a...'.repeat(300)}b`;
    const a = `${'a'.repeat(20_000)}b`;
    expect(lineMatches(e, a)).toBe(true);
  });

  test('hundreds of inline ... against a 20,000-character line that does not match', () => {
    const e = `${'a...'.repeat(300)}b`;
    const a = 'a'.repeat(20_000);
    expect(lineMatches(e, a)).toBe(false);
  });

  test('inline ... between pieces that almost match everywhere', () => {
    const e = `...${'ab ...'.repeat(300)}c`;
    const a = 'ab '.repeat(7_000);
    expect(lineMatches(e, a)).toBe(false);
  });

  test('inline ... with volatile pieces against a long line of digits', () => {
    const e = `${'10.0.0.1 ...'.repeat(300)}x`;
    const a = '1'.repeat(20_000);
    expect(lineMatches(e, a)).toBe(false);
  });
});
