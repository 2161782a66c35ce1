// Aligning two line lists with jsdiff under a bounded edit budget, so a huge mismatch stays cheap.
import { diffArrays, type ArrayChange } from 'diff';

// Diffs two line lists, giving up (undefined) past an edit budget that shrinks as the inputs grow.
export function alignLines(expected: string[], actual: string[]): ArrayChange<string>[] | undefined {
  const total = expected.length + actual.length;
  return diffArrays(expected, actual, {
    maxEditLength: Math.max(16, Math.min(5000, Math.floor(20_000_000 / Math.max(1, total)))),
  });
}
