import { match } from './index.js';
import { updateExpected } from './update.js';

// The page's new expected text, as the update would write it.
function redrawn(expected: string, actual: string, mode: 'auto' | 'same' = 'auto'): string {
  const update = updateExpected(expected.split('\n'), expected, actual, mode);
  if (!update.ok) throw new Error(update.reason);
  return update.lines.map((l) => l.text).join('\n');
}

describe('redrawing an expected output from the actual one', () => {
  test('only the line that really differs changes; accepted hashes, IPs and ages keep what the page wrote', () => {
    const expected = [
      'NAME                              READY   STATUS    RESTARTS   AGE',
      'details-v1-79f774bdb9-6jl84       2/2     Running   0          2m',
      'reviews-v1-545db77b95-rdmsp       2/2     Running   0          2m',
    ].join('\n');
    const actual = [
      'NAME                              READY   STATUS    RESTARTS   AGE',
      'details-v1-5b67c7c6b9-pq2tz       2/2     Running   0          14s',
      'reviews-v1-7d4f9b8c6d-x2x9k       1/2     Running   3          15s',
    ].join('\n');
    const text = redrawn(expected, actual);
    expect(text.split('\n')[1]).toBe(expected.split('\n')[1]);
    expect(text.split('\n')[2]).toContain('reviews-v1-545db77b95-rdmsp');
    expect(text.split('\n')[2]).toMatch(/1\/2\s+Running\s+3\s+2m/);
    expect(match(text, actual).ok).toBe(true);
  });

  test('`...` lines and inline `...` stay, and a new line is added where the output has one', () => {
    const expected = ['Server: istio-envoy', '...', 'x-request-id: ...', 'status: 200'].join('\n');
    const actual = ['Server: istio-envoy', 'date: Mon', 'via: 1.1', 'x-request-id: 0b1e', 'status: 503', 'retry: yes'].join('\n');
    expect(redrawn(expected, actual)).toBe(['Server: istio-envoy', '...', 'x-request-id: ...', 'status: 503', 'retry: yes'].join('\n'));
  });

  test('lines that matched stay byte for byte, trailing blanks and version shortcodes included', () => {
    const written = ['client version: {{< istio_full_version >}}   ', 'mode: permissive'];
    const expected = 'client version: 1.27.0\nmode: permissive';
    const update = updateExpected(written, expected, 'client version: 1.27.0\nmode: strict', 'auto');
    expect(update).toEqual({ ok: true, changed: true, lines: [{ kept: 0, text: written[0] }, { text: 'mode: strict' }] });
  });

  test('an output that already matches changes nothing', () => {
    const update = updateExpected(['pod/a-7d4f9b8c6d-x2x9k created'], 'pod/a-7d4f9b8c6d-x2x9k created', 'pod/a-5b67c7c6b9-pq2tz created', 'auto');
    expect(update).toMatchObject({ ok: true, changed: false });
  });

  test('JSON keeps the page layout and its accepted values', () => {
    const expected = '{\n  "id": "0b1e7f6a",\n  "ok": true\n}';
    const actual = '{\n  "id": "99aa33cc",\n  "ok": false\n}';
    expect(redrawn(expected, actual)).toBe('{\n  "id": "0b1e7f6a",\n  "ok": false\n}');
  });

  test('JSON is redrawn by key path: only the differing value changes, accepted values keep their text and layout, extra keys are not added', () => {
    const expected = ['{', '  "headers": {', '    "Accept": "*/*",', '    "Host": "httpbin:8000",', '    "User-Agent": "curl/7.55.0",', '    "X-B3-Sampled": "1"', '  }', '}'].join('\n');
    const actual = JSON.stringify(
      { headers: { Accept: 'application/json', Host: 'httpbin:8000', 'User-Agent': 'curl/8.14.1', 'X-Amzn-Trace-Id': 'Root=1-67891233-abcdef012345678912345678', 'X-B3-Sampled': '0', 'X-Envoy-Attempt-Count': '1' } },
      null,
      2,
    );
    expect(redrawn(expected, actual)).toBe(expected.replace('"*/*"', '"application/json"'));
  });

  test('JSON: a key the output lacks is removed with its comma, a changed array or object is written in the page layout', () => {
    const expected = '{"name": "reviews", "ports": [9080], "labels": {"app": "reviews", "version": "v1"}, "old": true}';
    const actual = '{"name": "reviews", "ports": [9080, 9443], "labels": {"app": "reviews", "version": "v2"}}';
    expect(redrawn(expected, actual)).toBe('{"name": "reviews", "ports": [9080,9443], "labels": {"app": "reviews", "version": "v2"}}');
    const tall = ['{', '  "ports": [', '    9080', '  ],', '  "kept": "x"', '}'].join('\n');
    expect(redrawn(tall, '{"ports": [9080, 9443], "kept": "x"}')).toBe(['{', '  "ports": [', '    9080,', '    9443', '  ],', '  "kept": "x"', '}'].join('\n'));
    expect(redrawn('{"a": 1, "b": 2, "c": 3}', '{"c": 4}')).toBe('{"c": 4}');
  });

  test('contains and regex steps are not redrawn', () => {
    expect(updateExpected(['a'], 'a', 'b', 'contains')).toMatchObject({ ok: false });
    expect(updateExpected(['a'], 'a', 'b', 'regex')).toMatchObject({ ok: false });
  });

  test('`same` takes the output as it is, keeping the lines that were equal', () => {
    expect(redrawn('a 10.0.0.1\nb', 'a 10.0.0.2\nb', 'same')).toBe('a 10.0.0.2\nb');
  });
});
