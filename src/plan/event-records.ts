// The lines of `run --json`: one record per event, flat, with stable keys and durations in whole milliseconds. One zod
// schema per record type, used twice: the JSON reporter's records are typed by it (what it writes cannot drift from
// it), and `report --runs` reads event files back through it (a line it does not describe is a problem with its place).
// On the plan floor, below both the report room that writes and the overview room that reads.
import { z } from 'zod';
import { stepFailure } from './step-failure.js';

/** A step's status in a run, the one list the status type is derived from. */
export const STEP_STATUSES = ['passed', 'failed', 'timeout', 'skipped', 'interrupted'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** A page's status in a run. */
export const PAGE_STATUSES = ['passed', 'failed', 'interrupted', 'skipped'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

const count = z.number().int().nonnegative();
const ms = z.number().int().nonnegative();

/** The run began: the pages it will run and those it will not, with why. */
export const runRecord = z.object({ type: z.literal('run'), status: z.literal('started'), pages: z.array(z.string()), skipped: z.array(z.object({ file: z.string(), reason: z.string() })) });

/** A page began; `token` is ISTIO_DOCTEST_RUN in the environment of every process it starts. */
export const pageStartRecord = z.object({ type: z.literal('page-start'), file: z.string(), lang: z.string(), steps: count, token: z.string() });

// The fields every step event names: its page (and the page's language, '' for a setup's pseudo-page) and its place.
const stepPlace = { page: z.string(), lang: z.string(), index: count, file: z.string(), line: count, id: z.string() };

/** A step began. */
export const stepStartRecord = z.object({ type: z.literal('step-start'), ...stepPlace, cleanup: z.boolean(), command: z.string() });

/** An attempt of a step that is retried did not match yet. */
export const attemptRecord = z.object({ type: z.literal('attempt'), ...stepPlace, attempt: count, elapsedMs: ms, message: z.string() });

/** A step ended; a step that did not pass also carries its reason, failing line, diff and output. */
export const stepRecord = z.object({
  type: z.literal('step'),
  ...stepPlace,
  cleanup: z.boolean(),
  status: z.enum(STEP_STATUSES),
  attempts: count,
  exitCode: z.number().int().nullable(),
  durationMs: ms,
  warning: z.literal(true).optional(),
  hidden: z.literal(true).optional(),
  /** A test script's step: the script and the line it is written at. */
  script: z.string().optional(),
  scriptLine: count.optional(),
  /** A `_verify_*` or `_wait_for_*` call inside a compound statement: the statement's script line, the conditions. */
  nestedIn: z.object({ scriptLine: count, conditions: z.array(z.string()) }).optional(),
  message: z.string().optional(),
  failure: stepFailure.optional(),
  failureLine: z.string().optional(),
  diff: z.string().optional(),
  output: z.string().optional(),
  droppedBytes: count.optional(),
  diagnostics: z.string().optional(),
});

/** A page ended, with its steps counted by status. */
export const pageRecord = z.object({
  type: z.literal('page'),
  file: z.string(),
  lang: z.string(),
  status: z.enum(PAGE_STATUSES),
  durationMs: ms,
  passed: count,
  failed: count,
  timeout: count,
  skipped: count,
  interrupted: count,
  warnings: count,
  message: z.string().optional(),
});

/** The run ended. */
export const summaryRecord = z.object({
  type: z.literal('summary'),
  status: z.enum(['passed', 'failed', 'interrupted']),
  exitCode: z.number().int(),
  durationMs: ms,
  pages: count,
  passed: count,
  failed: count,
  skipped: count,
});

/** Any line of `run --json`, told apart by `type`. */
export const eventRecordSchema = z.discriminatedUnion('type', [runRecord, pageStartRecord, stepStartRecord, attemptRecord, stepRecord, pageRecord, summaryRecord]);
export type EventRecord = z.input<typeof eventRecordSchema>;

/** What `report --runs` reads of each line: the keys it uses, each as the writer's schema types it (other keys, and
 * those of records it does not use, may be missing: event files of earlier versions, or written by hand); a failure
 * record that does not read is dropped, not the step. */
export const readableEventSchema = z.discriminatedUnion('type', [
  runRecord.pick({ type: true }),
  pageStartRecord.pick({ type: true, file: true }),
  stepStartRecord.pick({ type: true }),
  attemptRecord.pick({ type: true }),
  stepRecord.pick({ type: true, page: true, file: true, line: true, id: true, status: true, warning: true, message: true, diff: true }).extend({ failure: stepFailure.optional().catch(undefined) }),
  pageRecord.pick({ type: true, file: true, status: true }),
  summaryRecord.pick({ type: true }),
]);
export type ReadableEvent = z.output<typeof readableEventSchema>;
export type ReadableStep = Extract<ReadableEvent, { type: 'step' }>;

/** One line read back: the record, or why it is not one (a field missing or of the wrong type, named by its path). */
export function readEventLine(line: string): { ok: true; record: ReadableEvent } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'not a JSON event line' };
  }
  const parsed = readableEventSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, problem: `not a run event record${where}: ${issue.message}` };
}
