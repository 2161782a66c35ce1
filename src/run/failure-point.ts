// Deriving a failed step's failing line, once, from what the run knows as data: the matcher's differences (their
// expected-text line, row, column, expected and actual values) mapped onto the page's lines, or the step's status.
// Pure; every reporter formats the record it returns and none reads a message to find the line again.
import { MODES_WITH_ARG, type Difference, type MatchMode } from '../match/types.js';
import type { PlannedStep } from '../plan/plan.js';
import type { FailureKind, StepFailure } from '../plan/step-failure.js';

/** How long a value may be in the short difference before it is cut with `…`. */
const VALUE_WIDTH = 80;

/** The modes whose differences name substrings or patterns, not lines to pair: their reason is the short difference. */
const SUBSTRING_MODES: readonly MatchMode[] = ['contains', 'not-contains', 'regex', 'lines'];
/** The modes that take a TEXT or PATTERN, whose line numbers are that argument's. */
const ARG_MODES: readonly MatchMode[] = MODES_WITH_ARG;

// A value for the short difference: blanks collapsed, quoted, cut when long.
function shown(value: string): string {
  const text = value.replace(/[ \t]+/g, ' ').trim();
  return JSON.stringify(text.length <= VALUE_WIDTH ? text : `${text.slice(0, VALUE_WIDTH - 1)}…`);
}

// The first line of a text (a reason or a message is one line, but a command's may not be).
function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline < 0 ? text : text.slice(0, newline);
}

// The difference a reader should look at first: among those tied to an expected line with a value that differs, the
// earliest line (a table's row count is told at its header, but the row that differs is the line to read); else the
// first tied to a line; else the first.
export function firstDifference(differences: readonly Difference[]): Difference | undefined {
  const specific = differences.filter((d) => d.line !== undefined && (d.expected !== undefined || d.actual !== undefined));
  if (specific.length > 0) return specific.reduce((best, d) => (d.line! < best.line! ? d : best));
  return differences.find((d) => d.line !== undefined) ?? differences[0];
}

// What kind of difference it is, from which values it has.
function kindOf(d: Difference, mode: MatchMode): FailureKind {
  if (SUBSTRING_MODES.includes(mode) || d.path !== undefined || d.line === undefined) return 'output-differs';
  if (d.expected !== undefined && d.actual !== undefined) return 'line-differs';
  if (d.expected !== undefined) return 'line-missing';
  if (d.actual !== undefined) return 'line-extra';
  return 'output-differs';
}

// The short difference, from the values (the matcher's reason for substring modes and differences without values).
function shortOf(d: Difference, kind: FailureKind): string {
  const column = d.column !== undefined ? `column ${d.column}: ` : '';
  if (kind === 'line-differs') return `${column}expected ${shown(d.expected!)}, got ${shown(d.actual!)}`;
  if (kind === 'line-missing') return `not in the output: ${shown(d.expected!)}`;
  if (kind === 'line-extra') return `not on the page: ${shown(d.actual!)}`;
  return firstLine(d.reason);
}

/**
 * The failure of an output that does not match: the page line of the first differing expected line (the expected
 * output starts at `step.expectedLine`, its line N is N-1 lines below), else the first expected line, else the
 * command's line. `expected`: the text compared (a script's verify call evaluates it in the session).
 */
export function mismatchFailure(step: PlannedStep, mode: MatchMode, differences: readonly Difference[], expected: string = step.expected): StepFailure {
  const d = firstDifference(differences);
  const base = { file: step.file, commandLine: step.line };
  if (!d) return { ...base, kind: 'output-differs', line: step.expectedLine ?? step.line, short: 'the output does not match' };
  const kind = kindOf(d, mode);
  // The TEXT or PATTERN of contains, not-contains and regex may come from doctest.yaml: its lines are not the page's.
  const onPage = step.expectedLine !== undefined && !ARG_MODES.includes(mode);
  // An output line after every expected line is told at the last one (the matcher counts it before line N+1).
  const last = expected.replace(/\n+$/, '').split('\n').length;
  const line = !onPage ? step.expectedLine ?? step.line : d.line !== undefined ? step.expectedLine! + Math.min(d.line, last) - 1 : step.expectedLine!;
  const column = d.column ?? d.path;
  return {
    ...base,
    kind,
    line,
    ...(column !== undefined ? { column } : {}),
    ...(d.expected !== undefined ? { expected: d.expected } : {}),
    ...(d.actual !== undefined ? { actual: d.actual } : {}),
    short: shortOf(d, kind),
  };
}

/** The failure of a step that failed by its status, a time-out or anything but its output: at the command's line. */
export function statusFailure(step: PlannedStep, kind: FailureKind, short: string): StepFailure {
  return { kind, file: step.file, line: step.line, commandLine: step.line, short: firstLine(short) || kind };
}
