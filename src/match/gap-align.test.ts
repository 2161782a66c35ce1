// Diffs around `...`: a `...` line is a gap that absorbs any number of lines, and only the lines left
// unmatched are reported, each once, at its place.
import fc from 'fast-check';
import { match } from './index.js';

describe('only real differences are reported around ...', () => {
  const expected = ['Server: istio-envoy', '...', 'x-request-id: ...', 'client: 10.244.1.12', 'status: 200'].join('\n');
  const actual = ['Server: istio-envoy', 'date: Mon, 07 Dec 2026 19:08:35 GMT', 'x-request-id: 5795fab599dca0b8', 'client: 10.244.1.12', 'status: 200'];

  test('an extra trailing line is one difference, at the end', () => {
    const result = match(expected, [...actual, 'retry: yes'].join('\n'));
    expect(result.differences.map((d) => d.reason)).toEqual(['output line 6: unexpected line at the end: "retry: yes"']);
    // The diff shows the extra line only: every other line is there.
    expect(result.diff.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toEqual(['+retry: yes']);
  });

  test('a missing line is shown once, at its place', () => {
    const result = match(expected, actual.filter((l) => !l.startsWith('client')).join('\n'));
    expect(result.differences.map((d) => d.reason)).toEqual(['line 4: missing from the output: "client: 10.244.1.12"']);
  });

  test('a changed line after a gap is one difference naming both lines', () => {
    const result = match(expected, actual.map((l) => l.replace('status: 200', 'status: 503')).join('\n'));
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0].reason).toContain('line 5: expected "status: 200", got "status: 503"');
  });
});

describe('properties of the alignment around ...', () => {
  // Distinct plain lines for the page, fillers the gaps absorb (never equal to a page line), and a gap marker.
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];
  const page = fc
    .uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 8 })
    .chain((lines) => fc.tuple(fc.constant(lines), fc.array(fc.boolean(), { minLength: lines.length + 1, maxLength: lines.length + 1 })))
    .map(([lines, gaps]) => {
      // A gap may stand before each line and after the last one; never two in a row.
      const out: string[] = [];
      lines.forEach((line, k) => {
        if (gaps[k]) out.push('...');
        out.push(`${line} ok`);
      });
      if (gaps[lines.length]) out.push('...');
      return out;
    });
  const case_ = page.chain((expected) =>
    fc.tuple(
      fc.constant(expected),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: expected.length, maxLength: expected.length }),
      fc.nat(),
    ),
  );

  // An actual text that matches the page: each gap filled with 0-3 lines; with, for each boundary between
  // actual lines, whether a gap spans it (a line inserted there is absorbed).
  function matching(expected: string[], fills: number[]): { actual: string[]; absorbable: boolean[] } {
    const actual: string[] = [];
    const absorbable: boolean[] = [false];
    expected.forEach((line, k) => {
      if (line !== '...') {
        actual.push(line);
        absorbable.push(false);
        return;
      }
      absorbable[actual.length] = true;
      for (let n = 0; n < fills[k]; n++) {
        actual.push(`filler ${n} zz`);
        absorbable.push(true);
      }
    });
    return { actual, absorbable };
  }

  test('the generated actual texts match their page', () => {
    fc.assert(
      fc.property(case_, ([expected, fills]) => {
        expect(match(expected.join('\n'), matching(expected, fills).actual.join('\n')).ok).toBe(true);
      }),
    );
  });

  test('one line inserted in the output is absorbed by a gap, or is exactly one difference at its place', () => {
    fc.assert(
      fc.property(case_, ([expected, fills, seed]) => {
        const { actual, absorbable } = matching(expected, fills);
        const at = seed % (actual.length + 1);
        const changed = [...actual.slice(0, at), 'inserted xyzzy', ...actual.slice(at)];
        const result = match(expected.join('\n'), changed.join('\n'));
        if (absorbable[at]) {
          expect(result.ok).toBe(true);
          return;
        }
        expect(result.differences).toHaveLength(1);
        expect(result.differences[0].actual).toBe('inserted xyzzy');
        expect(result.differences[0].reason).toMatch(new RegExp(`^output line ${at + 1}[: ]`));
      }),
    );
  });

  test('one line inserted in the page is exactly one difference, at its line', () => {
    fc.assert(
      fc.property(case_, ([expected, fills, seed]) => {
        const { actual } = matching(expected, fills);
        const at = seed % (expected.length + 1);
        const page = [...expected.slice(0, at), 'inserted xyzzy', ...expected.slice(at)];
        const result = match(page.join('\n'), actual.join('\n'));
        expect(result.differences).toHaveLength(1);
        expect(result.differences[0].line).toBe(at + 1);
        expect(result.differences[0].expected).toBe('inserted xyzzy');
      }),
    );
  });
});
