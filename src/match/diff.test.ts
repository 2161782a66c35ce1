import { renderDiff } from './diff.js';
import { match } from './index.js';

describe('rendering differences', () => {
  test('a match renders nothing', () => {
    expect(match('a 10.0.0.1', 'a 10.0.0.2').diff).toBe('');
  });

  test('the reasons come first, then a diff where matched values are written as expected', () => {
    const expected = 'pod reviews-v1-545db77b95-rdmsp at 10.244.0.12 is Running since 2m41s';
    const actual = 'pod reviews-v1-5b67c7c6b9-pq2tz at 10.244.1.7 is Pending since 5s';
    expect(match(expected, actual).diff).toBe(
      [
        '1 difference (lines):',
        '  line 1: expected "pod reviews-v1-545db77b95-rdmsp at 10.244.0.12 is Running since 2m41s", got "pod reviews-v1-5b67c7c6b9-pq2tz at 10.244.1.7 is Pending since 5s": at column 50: expected "Running", got "Pending"',
        '--- expected',
        '+++ actual (values that match written as expected)',
        '@@ -1,1 +1,1 @@',
        '-pod reviews-v1-545db77b95-rdmsp at 10.244.0.12 is Running since 2m41s',
        '+pod reviews-v1-545db77b95-rdmsp at 10.244.0.12 is Pending since 2m41s',
        '',
      ].join('\n'),
    );
  });

  test('a table row that differs in one cell keeps the expected row\'s spacing, even where a hand-edited row overruns the header', () => {
    // The page's author lengthened the names without aligning the header again, as istio.io pages often have it.
    const expected = [
      'NAME                       READY   STATUS    RESTARTS   AGE',
      'productpage-v1-5f9dbcd669-lx4rb   2/2     Running   0          5m',
      'reviews-v1-6c7c4b6f9b-9zj7k   2/2     Running   0          5m',
    ].join('\n');
    const actual = [
      'NAME                              READY   STATUS             RESTARTS   AGE',
      'productpage-v1-7d9f8b5c64-h2x7q   2/2     Running            0          12s',
      'reviews-v1-6c7c4b6f9b-n5w8z       2/2     CrashLoopBackOff   3          12s',
    ].join('\n');
    const lines = match(expected, actual).diff.split('\n');
    expect(lines.filter((line) => /^[-+][a-z]/.test(line))).toEqual([
      '-reviews-v1-6c7c4b6f9b-9zj7k   2/2     Running   0          5m',
      '+reviews-v1-6c7c4b6f9b-9zj7k   2/2     CrashLoopBackOff   3   5m',
    ]);
  });

  test('hunks keep three lines of context around each change', () => {
    const expected = Array.from({ length: 20 }, (_, k) => `line ${k}`).join('\n');
    const actual = expected.replace('line 10', 'line ten');
    const hunk = match(expected, actual).diff.split('\n').slice(4, -1);
    expect(hunk).toEqual(['@@ -8,7 +8,7 @@', ' line 7', ' line 8', ' line 9', '-line 10', '+line ten', ' line 11', ' line 12', ' line 13']);
  });

  test('a long diff is cut', () => {
    const expected = Array.from({ length: 1000 }, (_, k) => `a ${k}`).join('\n');
    const actual = Array.from({ length: 1000 }, (_, k) => `b ${k}`).join('\n');
    const diff = match(expected, actual).diff;
    expect(diff).toContain('... diff cut after 200 lines');
    expect(diff.split('\n').length).toBeLessThan(300);
  });

  test('the list of differences is capped', () => {
    const expected = Array.from({ length: 100 }, (_, k) => `a ${k}`).join('\n');
    const actual = Array.from({ length: 100 }, (_, k) => `b ${k}`).join('\n');
    const { differences } = match(expected, actual);
    expect(differences).toHaveLength(51);
    expect(differences[50].reason).toBe('and 50 more differences');
  });

  test('outputs too different to align are shown from the first difference', () => {
    const text = renderDiff({
      ok: false,
      differences: [{ reason: 'r' }],
      expected: ['same', ...Array.from({ length: 3000 }, (_, k) => `e${k}`)],
      rewritten: ['same', ...Array.from({ length: 3000 }, (_, k) => `a${k}`)],
      structure: 'lines',
    });
    expect(text).toContain('-e0');
    expect(text).toContain('... diff cut after 200 lines');
  });
});
