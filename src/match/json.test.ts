import { match } from './index.js';

const headers = `{
  "headers": {
    "Accept": "*/*",
    "Host": "httpbin:8000",
    "User-Agent": "curl/7.81.0",
    "X-B3-Parentspanid": "8c8a4a2b5e0d1f3a",
    "X-B3-Sampled": "1",
    "X-B3-Spanid": "2d5e1c7b9a3f4e6d",
    "X-B3-Traceid": "80f198ee56343ba864fe8b2a57d3eff7",
    "X-Envoy-Attempt-Count": "1",
    "X-Forwarded-Client-Cert": "By=spiffe://cluster.local/ns/foo/sa/httpbin;Hash=...;Subject=\\"\\";URI=spiffe://cluster.local/ns/foo/sa/curl"
  }
}`;

// The same request on another day: new ids, a newer curl, headers in another order, one more header.
const headersLater = JSON.stringify({
  headers: {
    'X-Forwarded-Client-Cert': 'By=spiffe://cluster.local/ns/foo/sa/httpbin;Hash=3b7c2c0a9f1e4d5b6a7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c;Subject="";URI=spiffe://cluster.local/ns/foo/sa/curl',
    'X-Envoy-Attempt-Count': '1',
    'X-B3-Traceid': 'c3a9d1e5f7b2046813579bdf02468ace',
    'X-B3-Spanid': '0f1e2d3c4b5a6978',
    'X-B3-Sampled': '1',
    'X-B3-Parentspanid': 'a1b2c3d4e5f60718',
    'X-Envoy-Peer-Metadata-Id': 'sidecar~10.244.0.7~curl-5b7d9f8c6-x2z4q.foo~foo.svc.cluster.local',
    'User-Agent': 'curl/8.5.0',
    Host: 'httpbin:8000',
    Accept: '*/*',
  },
});

// Edits the later headers object.
function later(edit: (h: Record<string, unknown>) => void): string {
  const value = JSON.parse(headersLater) as { headers: Record<string, unknown> };
  edit(value.headers);
  return JSON.stringify(value, null, 2);
}

describe('JSON that matches', () => {
  test.each<[string, string, string]>([
    ['httpbin /headers on another day, keys in another order, an extra header', headers, headersLater],
    ['"..." matches any value', '{"args": "...", "url": "http://httpbin:8000/get"}', '{"args": {"a": [1, 2]}, "url": "http://httpbin:8000/get"}'],
    ['arrays keep order', '{"ids": [1, 2, 3]}', '{"ids": [1, 2, 3]}'],
    ['numbers compare as values', '{"count": 1.0}', '{"count": 1}'],
    ['strings with volatile values', '{"origin": "10.244.0.7", "date": "2024-03-04T11:22:33Z"}', '{"origin": "10.244.1.9", "date": "2025-01-01T00:00:00.5Z"}'],
    ['a top-level array', '[{"name": "reviews-v1-545db77b95-rdmsp"}]', '[{"name": "reviews-v1-5b67c7c6b9-pq2tz", "ready": true}]'],
    ['pretty against compact', '{\n  "a": {\n    "b": null\n  }\n}', '{"a":{"b":null}}'],
  ])('%s', (_name, expected, actual) => {
    const result = match(expected, actual);
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('JSON that does not match', () => {
  test.each<[string, string, string, string[]]>([
    ['a missing header', headers, later((h) => delete h['X-Envoy-Attempt-Count']), ['$.headers.X-Envoy-Attempt-Count: missing from the output (expected "1")']],
    ['another host', headers, later((h) => (h.Host = 'httpbin.foo:8000')), ['$.headers.Host: expected "httpbin:8000", got "httpbin.foo:8000"']],
    ['a header of another type', headers, later((h) => (h['X-B3-Sampled'] = 1)), ['$.headers.X-B3-Sampled: expected a string "1", got a number 1']],
    ['an id of another length outside volatile headers', '{"traceId": "80f198ee56343ba864fe8b2a57d3eff7"}', '{"traceId": "c3a9d1e5f7b20468"}', ['$.traceId: expected "80f198ee56343ba864fe8b2a57d3eff7", got "c3a9d1e5f7b20468" (at column 1: expected a hexadecimal id of 32 characters like "80f198ee56343ba864fe8b2a57d3eff7", got "c3a9d1e5f7b20468")']],
    ['a volatile header is not compared with another type', headers, later((h) => (h['X-B3-Traceid'] = 7)), ['$.headers.X-B3-Traceid: expected a string "80f198ee56343ba864fe8b2a57d3eff7", got a number 7']],
    ['arrays keep their length', '{"ids": [1, 2, 3]}', '{"ids": [1, 2]}', ['$.ids: expected 3 items, got 2']],
    ['arrays keep their order', '{"ids": ["a", "b"]}', '{"ids": ["b", "a"]}', ['$.ids[0]: expected "a", got "b"', '$.ids[1]: expected "b", got "a"']],
    ['a number differs', '{"code": 200}', '{"code": 503}', ['$.code: expected 200, got 503']],
    ['an object against an array', '{"a": {"b": 1}}', '{"a": [1]}', ['$.a: expected an object, got an array [1]']],
    ['keys that are not identifiers are quoted', '{"a b": true}', '{"a b": false}', ['$["a b"]: expected true, got false']],
  ])('%s', (_name, expected, actual, reasons) => {
    const result = match(expected, actual);
    expect(result.ok).toBe(false);
    expect(result.differences.map((d) => d.reason)).toEqual(reasons);
  });

  test('the difference carries its JSON path', () => {
    expect(match(headers, later((h) => (h.Host = 'x'))).differences[0]).toMatchObject({ path: '$.headers.Host' });
  });

  test('the diff hides extra keys and shows only the real difference', () => {
    const diff = match(headers, later((h) => (h.Host = 'httpbin.foo:8000'))).diff;
    const changed = diff.split('\n').filter((l) => /^[-+] /.test(l) || /^[-+]\s+"/.test(l));
    expect(changed).toEqual(['-    "Host": "httpbin:8000",', '+    "Host": "httpbin.foo:8000",']);
  });

  test('an output that is not JSON is compared line by line', () => {
    const result = match('{"a": 1}', 'upstream connect error or disconnect/reset before headers');
    expect(result.ok).toBe(false);
    expect(result.diff).toContain('(lines)');
  });
});
