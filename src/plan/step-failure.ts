// Where and how a step failed, as one record: the page line a reader should look at (the first expected output line
// that differs, or the command's line when the step failed by its status or a time-out), the kind of failure and the
// short difference. The run derives it once; every reporter formats it and `report --runs` reads it back from the JSON
// events through this one schema.
import { z } from 'zod';

/** Every kind of failure, the one list the kind type is derived from. */
export const FAILURE_KINDS = [
  /** An expected line and the output's line differ (a table cell, a value, a word). */
  'line-differs',
  /** An expected line has no counterpart in the output. */
  'line-missing',
  /** The output has a line the page does not show. */
  'line-extra',
  /** The output does not match, and no one expected line is to blame (a substring, a pattern, a row count, a JSON path). */
  'output-differs',
  /** The command exited non-zero where the page only runs it. */
  'exit-status',
  /** The page expects the command to fail, and it exited 0. */
  'unexpected-success',
  'timeout',
  'interrupted',
  /** The matcher itself failed: a bug, not a difference. */
  'matcher-error',
  /** Anything else that failed the step (a rollout that never finished, a lost shell, a full disk, leftovers...). */
  'step-failed',
] as const;

export type FailureKind = (typeof FAILURE_KINDS)[number];

/** The record of a failed step: the one place its failing line is told. */
export const stepFailure = z.object({
  kind: z.enum(FAILURE_KINDS),
  /** The page file (a boilerplate's, a script's own statement's) the line is in. */
  file: z.string(),
  /** The first expected output line that differs, or the command's line. */
  line: z.number().int().nonnegative(),
  /** The step's command line, shown beside an output line. */
  commandLine: z.number().int().nonnegative(),
  /** The table column or JSON path that differs. */
  column: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** The short difference, one line (`column STATUS: expected "Running", got "Pending"`, `exit code 1`). */
  short: z.string(),
});

export type StepFailure = z.output<typeof stepFailure>;
