// The output matcher: does what a command printed match what the page shows? Pure code, no I/O.
import { compareAuto } from './auto.js';
import { renderDiff } from './diff.js';
import { compareContains, compareElided, compareFirstLine, compareLike, compareLinesSpec, compareRegex, compareSame } from './modes.js';
import { MATCH_MODES, type Comparison, type MatchMode, type MatchResult } from './types.js';

export { MATCH_MODES };
export type { Difference, MatchMode, MatchResult } from './types.js';

// Runs the comparison of one mode.
function compare(mode: MatchMode, expected: string, actual: string, arg: string | undefined): Comparison {
  switch (mode) {
    case 'auto':
      return compareAuto(expected, actual);
    case 'same':
      return compareSame(expected, actual);
    case 'contains':
      return compareContains(expected, actual, arg, false);
    case 'not-contains':
      return compareContains(expected, actual, arg, true);
    case 'lines':
      return compareLinesSpec(expected, actual);
    case 'first-line':
      return compareFirstLine(expected, actual);
    case 'regex':
      return compareRegex(expected, actual, arg);
    case 'like':
      return compareLike(expected, actual);
    case 'elided':
      return compareElided(expected, actual);
  }
}

// Turns anything a caller passes into text, since the matcher must never throw.
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  try {
    return String(value);
  } catch {
    return '';
  }
}

// Describes an unexpected error without risking another one.
function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unknown error';
  }
}

/**
 * Compares the output a command printed (`actual`) with the output a page shows (`expected`).
 * `arg` is the TEXT of `contains`/`not-contains` and the PATTERN of `regex` (the expected output
 * when absent). Never throws: anything wrong becomes a failed result with a reason.
 */
export function match(expected: string, actual: string, mode: MatchMode = 'auto', arg?: string): MatchResult {
  if (!MATCH_MODES.includes(mode)) {
    const reason = `unknown mode ${JSON.stringify(text(mode))} (expected one of ${MATCH_MODES.join(', ')})`;
    return { ok: false, mode, differences: [{ reason }], diff: `${reason}\n` };
  }
  try {
    const comparison = compare(mode, text(expected), text(actual), arg === undefined || arg === null ? undefined : text(arg));
    if (comparison.ok) return { ok: true, mode, differences: [], diff: '' };
    if (comparison.differences.length === 0) comparison.differences = [{ reason: 'the output does not match' }];
    return { ok: false, mode, differences: comparison.differences, diff: renderDiff(comparison) };
  } catch (error) {
    const reason = `the matcher failed: ${describe(error)}`;
    return { ok: false, mode, differences: [{ reason }], diff: `${reason}\n` };
  }
}
