// The types at the boundary of the matcher, imported by the runner and the CLI.

/** Every mode, for option parsing and validation: the one list the mode type is derived from. */
export const MATCH_MODES = ['auto', 'same', 'contains', 'not-contains', 'lines', 'first-line', 'regex', 'like', 'elided'] as const;

/** How an actual output is compared with the expected one. */
export type MatchMode = (typeof MATCH_MODES)[number];

/** The modes that need an argument: the TEXT of contains/not-contains, the PATTERN of regex. */
export const MODES_WITH_ARG = ['contains', 'not-contains', 'regex'] as const satisfies readonly MatchMode[];

/** Whether a mode needs an argument. */
export function needsArg(mode: string): boolean {
  return (MODES_WITH_ARG as readonly string[]).includes(mode);
}

/** One reason why the outputs differ, and where. */
export interface Difference {
  /** 1-based line of the expected text the difference is about. */
  line?: number;
  /** 1-based data row of an expected table (the header is row 0). */
  row?: number;
  /** Column name of a table. */
  column?: string;
  /** JSON path (`$.headers.Host`). */
  path?: string;
  expected?: string;
  actual?: string;
  /** A sentence saying which rule failed where, e.g. `row 3, column STATUS: expected "Running", got "Pending"`. */
  reason: string;
  /** Set on the last entry of a list cut short: it counts the differences left out and is none itself. */
  more?: number;
}

/** The verdict of a comparison, with a diff ready to print (empty when the outputs match). */
export interface MatchResult {
  ok: boolean;
  mode: MatchMode;
  differences: Difference[];
  diff: string;
  /**
   * Set only when the matcher itself failed (a bug, not a mismatch): the error's message. `ok` is then
   * false, and running the command again cannot change the verdict, so callers must not retry.
   */
  error?: string;
}

/** What a structural comparison hands to the diff renderer. */
export interface Comparison {
  ok: boolean;
  differences: Difference[];
  /** Expected lines as compared (normalized). */
  expected: string[];
  /** Actual lines with every matched volatile value written as the expected one. */
  rewritten: string[];
  /** The structure the comparison used, named in the diff. */
  structure: string;
  /** `diff` (default) shows a line diff; `output` shows the output itself, for substring and pattern modes. */
  render?: 'diff' | 'output';
  /** Normalized actual lines, for the `output` rendering. */
  actual?: string[];
  /** 0-based actual line the `output` rendering centres on. */
  focus?: number;
}

/** At most this many differences are listed; one more entry says how many were left out. */
export const MAX_DIFFERENCES = 50;

// Collects differences up to the limit, counting the ones left out.
export class Differences {
  readonly list: Difference[] = [];
  private dropped = 0;

  // Adds a difference, or counts it when the list is full.
  add(d: Difference): void {
    if (this.list.length < MAX_DIFFERENCES) this.list.push(d);
    else this.dropped++;
  }

  // How many differences were found, listed or not.
  get size(): number {
    return this.list.length + this.dropped;
  }

  // The list, with a last entry saying how many were left out.
  done(): Difference[] {
    return this.dropped > 0 ? [...this.list, { reason: `and ${this.dropped} more difference${this.dropped === 1 ? '' : 's'}`, more: this.dropped }] : this.list;
  }
}

/** How a step's result can be judged: the matcher's modes, `failure` (wants a non-zero exit), `none` (only runs it). */
export const VERIFY_MODES = [...MATCH_MODES, 'failure', 'none'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];
