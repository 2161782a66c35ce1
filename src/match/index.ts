// The output matcher: does what a command printed match what the page shows? Pure code, no I/O.
import { compareAuto } from './auto.js';
import { renderDiff } from './diff.js';
import { compareContains, compareElided, compareFirstLine, compareLike, compareLinesSpec, compareRegex, compareSame } from './modes.js';
import { MATCH_MODES, type Comparison, type MatchMode, type MatchResult } from './types.js';

export { MATCH_MODES };
export type { Difference, MatchMode, MatchResult } from './types.js';

/** One mode's comparison: the expected text, the actual text and the mode's argument. */
type Compare = (expected: string, actual: string, arg: string | undefined) => Comparison;

// The comparison of each mode.
const COMPARE: Record<MatchMode, Compare> = {
  auto: (e, a) => compareAuto(e, a),
  same: (e, a) => compareSame(e, a),
  contains: (e, a, arg) => compareContains(e, a, arg, false),
  'not-contains': (e, a, arg) => compareContains(e, a, arg, true),
  lines: (e, a) => compareLinesSpec(e, a),
  'first-line': (e, a) => compareFirstLine(e, a),
  regex: (e, a, arg) => compareRegex(e, a, arg),
  like: (e, a) => compareLike(e, a),
  elided: (e, a) => compareElided(e, a),
};

// Whether a value is one of the modes.
function isMode(mode: unknown): mode is MatchMode {
  return (MATCH_MODES as readonly unknown[]).includes(mode);
}

/**
 * The comparison without the guard of `match`: an internal error is thrown, not turned into a result.
 * For tests, so that a property asserting a mismatch cannot pass on a crash.
 */
export function matchUnguarded(expected: string, actual: string, mode: MatchMode = 'auto', arg?: string): MatchResult {
  const comparison = COMPARE[mode](text(expected), text(actual), arg === undefined || arg === null ? undefined : text(arg));
  if (comparison.ok) return { ok: true, mode, differences: [], diff: '' };
  if (comparison.differences.length === 0) comparison.differences = [{ reason: 'the output does not match' }];
  return { ok: false, mode, differences: comparison.differences, diff: renderDiff(comparison) };
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
 * when absent). Never throws: an unknown mode is a failed result with a reason, and an internal error
 * of the matcher a failed result with `error` set (a bug to report, never a reason to retry).
 */
export function match(expected: string, actual: string, mode: MatchMode = 'auto', arg?: string): MatchResult {
  if (!isMode(mode)) {
    const reason = `unknown mode ${JSON.stringify(text(mode))} (expected one of ${MATCH_MODES.join(', ')})`;
    return { ok: false, mode, differences: [{ reason }], diff: `${reason}\n` };
  }
  try {
    return matchUnguarded(expected, actual, mode, arg);
  } catch (error) {
    const message = describe(error);
    const reason = `internal error of the matcher (a bug in istio-doctest, not a difference in the output): ${message}`;
    return { ok: false, mode, differences: [{ reason }], diff: `${reason}\n`, error: message };
  }
}
