import fc from 'fast-check';
import { match, matchUnguarded, MATCH_MODES, type MatchMode } from './index.js';

// Values that change between runs, of every kind.
const volatile = fc.constantFrom(
  '10.244.0.11',
  '172.18.255.200',
  '10.96.123.45:9080',
  '10.244.0.0/16',
  'fd00:10:244::5',
  '2m41s',
  '17h',
  '1.5ms',
  '<unknown>',
  'reviews-v1-545db77b95-rdmsp',
  'ztunnel-8fjhz',
  '80f198ee56343ba864fe8b2a57d3eff7',
  '7b4d26b6-3e4d-9c5e-8f2a-1e5c5c1e0e3f',
  '2020-11-19T14:27:18.435Z',
  '20:38:41',
  '1.24.0',
  '7.73.0-DEV',
  '80:31380/TCP',
);

// Values that never change: words, counts, status codes, hostnames, column names.
const stable = fc.constantFrom(
  'Running',
  'Pending',
  'CrashLoopBackOff',
  '2/2',
  '1/2',
  '0',
  '1',
  '200',
  '503',
  'OK',
  'reviews-v1',
  'reviews',
  'httpbin.default.svc.cluster.local',
  'outbound|9080||reviews.default.svc.cluster.local',
  'HTTP/1.1',
  'NAME',
  'READY',
  'STATUS',
  'SYNCED',
  'NOT',
  'default',
  'istio-system',
  '-',
  '<none>',
  'x-envoy-decorator-operation',
  'true',
  'false',
);

// A token: a stable word, a volatile value, or a volatile value inside punctuation.
const token = fc.oneof(
  stable.map((text) => ({ text, stable: true })),
  volatile.map((text) => ({ text, stable: false })),
  fc.tuple(fc.constantFrom('"', '(', 'ip=', '~', '['), volatile, fc.constantFrom('"', ')', ',', '~', ']')).map(([a, v, b]) => ({ text: `${a}${v}${b}`, stable: false })),
);

// An output: lines of tokens separated by runs of spaces.
const output = fc.array(fc.tuple(fc.array(token, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '  ', '   ')), { minLength: 1, maxLength: 12 });

// Any text at all, with the characters the matcher treats specially over-represented.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom('...', ' ', '  ', '\n', '\t', '\r', '\x1b[31m', '{', '}', '[', ']', '"', ':', 'NAME', 'READY', '10.0.0.1', '1.2.3', '4s', 'a-bcdfg', '-', '+ ', '- ', '<none>', 'x'), { maxLength: 80 }).map((parts) => parts.join('')),
);

describe('properties of the matcher', () => {
  test('a text always matches itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, output.map((lines) => lines.map(([tokens, sep]) => tokens.map((t) => t.text).join(sep)).join('\n'))), fc.constantFrom<MatchMode>('auto', 'same', 'like', 'elided', 'first-line'), (text, mode) => {
        const result = match(text, text, mode);
        return result.ok && result.differences.length === 0 && result.diff === '';
      }),
      { numRuns: 1500 },
    );
  });

  test('an output matches itself with fresh values of every volatile kind', () => {
    const pairs = fc.constantFrom(
      ['10.244.0.11', '10.1.2.3'],
      ['172.18.255.200', '<pending>'],
      ['10.96.123.45:39080', '10.0.0.9:55006'],
      ['10.96.123.45:9080', '10.0.0.9:9080'],
      ['fd00:10:244::5', '2001:db8::a:1'],
      ['2m41s', '3d4h'],
      ['1.5ms', '250µs'],
      ['reviews-v1-545db77b95-rdmsp', 'reviews-v1-5b67c7c6b9-pq2tz'],
      ['ztunnel-8fjhz', 'ztunnel-2llld'],
      ['80f198ee56343ba864fe8b2a57d3eff7', 'c3a9d1e5f7b2046813579bdf02468ace'],
      ['7b4d26b6-3e4d-9c5e-8f2a-1e5c5c1e0e3f', 'a1b2c3d4-0000-4000-8000-123456789abc'],
      ['2020-11-19T14:27:18.435Z', '2025-06-23T08:15:59+02:00'],
      ['1.24.0', '1.26.0-rc.1'],
      ['80:31380/TCP', '80:30001/TCP'],
    );
    const part = fc.oneof(stable.map((t) => [t, t]), pairs, fc.tuple(fc.constantFrom('"', 'age=', '('), pairs).map(([p, [e, a]]) => [p + e, p + a]));
    fc.assert(
      fc.property(fc.array(fc.array(part, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 10 }), (lines) => {
        // Lines of text, never a table: a bare duration in a table column other than an age is configuration.
        const side = (k: 0 | 1) => lines.map((l) => `> ${l.map((p) => p[k]).join('  ')}`).join('\n');
        return matchUnguarded(side(0), side(1)).ok;
      }),
      { numRuns: 1000 },
    );
  });

  test('a table always matches itself with its rows shuffled', () => {
    fc.assert(
      fc.property(fc.array(fc.array(token, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), fc.integer(), (rows, seed) => {
        const lines = rows.map((r) => r.map((t) => t.text).join('   '));
        const shuffled = [...lines].sort((x, y) => ((x.length * 31 + seed) % 7) - ((y.length * 31 + seed) % 7));
        const header = 'NAME   STATUS   AGE';
        return match([header, ...lines].join('\n'), [header, ...shuffled].join('\n')).ok;
      }),
      { numRuns: 500 },
    );
  });

  test('masking never makes two outputs equal that differ in a non-volatile token', () => {
    fc.assert(
      fc.property(output, fc.nat(), stable, (lines, pick, replacement) => {
        const positions: [number, number][] = [];
        lines.forEach(([tokens], i) => tokens.forEach((t, j) => t.stable && positions.push([i, j])));
        fc.pre(positions.length > 0);
        const [li, tj] = positions[pick % positions.length];
        fc.pre(lines[li][0][tj].text !== replacement);
        const render = (swap: boolean) =>
          lines.map(([tokens, sep], i) => tokens.map((t, j) => (swap && i === li && j === tj ? replacement : t.text)).join(sep)).join('\n');
        return !matchUnguarded(render(false), render(true)).ok;
      }),
      { numRuns: 1500 },
    );
  });

  test('a generated name never matches one of another base', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('reviews-v1', 'reviews-v2', 'ratings-v1', 'productpage-v1', 'istiod', 'istio-ingressgateway', 'httpbin'),
        fc.constantFrom('reviews-v1', 'reviews-v2', 'ratings-v1', 'productpage-v1', 'istiod', 'istio-ingressgateway', 'httpbin'),
        fc.constantFrom('', 'pod/', '"'),
        (a, b, prefix) => {
          fc.pre(a !== b);
          return !matchUnguarded(`${prefix}${a}-545db77b95-rdmsp Running`, `${prefix}${b}-5b67c7c6b9-pq2tz Running`).ok;
        },
      ),
    );
  });

  test('the matcher never throws and always answers in shape', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.constantFrom<string>(...MATCH_MODES, 'bogus'), fc.option(anyText, { nil: undefined }), (expected, actual, mode, arg) => {
        const result = match(expected, actual, mode as MatchMode, arg);
        return (
          typeof result.ok === 'boolean' &&
          Array.isArray(result.differences) &&
          typeof result.diff === 'string' &&
          result.ok === (result.differences.length === 0) &&
          result.differences.every((d) => typeof d.reason === 'string' && d.reason.length > 0)
        );
      }),
      { numRuns: 3000 },
    );
  });

  test('the matcher never throws on inputs that are not strings', () => {
    const odd = [undefined, null, 42, {}, [], Symbol('s')] as unknown as string[];
    for (const value of odd) {
      expect(() => match(value, value)).not.toThrow();
      expect(() => match('a', value, 'regex', value)).not.toThrow();
    }
  });
});
