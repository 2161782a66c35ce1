// Reading `run --json` event lines back: each page's last status and its failed steps, keyed by the page's file. Pure.
import { resolve } from 'node:path';
import { readEventLine, type ReadableStep } from '../plan/event-records.js';
import type { StepFailure } from '../plan/step-failure.js';

/** A page's status in a run, as the overview shows it. */
export const RUN_STATUSES = ['passed', 'failed', 'not-run'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A failed step as the event file records it. */
export interface StepRecord {
  file: string;
  line: number;
  id: string;
  status: string;
  message?: string;
  diff?: string;
  /** The failing line the run derived (absent in events of older runs, or when it does not read as one). */
  failure?: StepFailure;
}

export interface RunRecords {
  /** `passed`, `failed`, or `not-run` for a page no run event names. */
  pageStatus(file: string): RunStatus;
  /** Whether a run event names the page (or a step written in it): only then does the report show a run status. */
  ran(file: string): boolean;
  failedSteps(file: string): StepRecord[];
  /** Lines that were not JSON event records, as `source:line` problems. */
  problems: string[];
}

/** Reads the JSON lines of one or more event files (later files win for a page run twice), each through the schema the
 * run writes them by; a line it does not describe is a `source:line` problem, and the others are still read. */
export function readRunRecords(files: { name: string; text: string }[]): RunRecords {
  const pages = new Map<string, RunStatus>();
  const steps = new Map<string, StepRecord[]>();
  // Steps by the file they are written in when that is not their page (a boilerplate's blocks run in the pages that include it).
  const included = new Map<string, { status: RunStatus; failed: StepRecord[] }>();
  const problems: string[] = [];
  for (const { name, text } of files) {
    text.split('\n').forEach((line, k) => {
      if (line.trim() === '') return;
      const read = readEventLine(line);
      if (!read.ok) {
        problems.push(`${name}:${k + 1}: ${read.problem}`);
        return;
      }
      const record = read.record;
      if (record.type === 'page-start') steps.set(resolve(record.file), []);
      if (record.type === 'page') pages.set(resolve(record.file), record.status === 'passed' ? 'passed' : record.status === 'skipped' ? 'not-run' : 'failed');
      if (record.type !== 'step') return;
      if (failing(record)) {
        const key = resolve(record.page);
        steps.set(key, [...(steps.get(key) ?? []), stepOf(record)]);
      }
      if (resolve(record.file) !== resolve(record.page)) noteIncludedStep(included, record);
    });
  }
  return {
    pageStatus: (file) => pages.get(resolve(file)) ?? included.get(resolve(file))?.status ?? 'not-run',
    ran: (file) => pages.has(resolve(file)) || steps.has(resolve(file)) || included.has(resolve(file)),
    failedSteps: (file) => steps.get(resolve(file)) ?? included.get(resolve(file))?.failed ?? [],
    problems,
  };
}

// Whether a step's record fails its page: failed or timed out, and not a cleanup step's warning.
function failing(record: ReadableStep): boolean {
  return (record.status === 'failed' || record.status === 'timeout') && record.warning !== true;
}

// Counts a step of a file included by its page (a boilerplate): failed once any of its steps failed, else passed
// once one passed; warnings and skipped steps leave it as it was.
function noteIncludedStep(included: Map<string, { status: RunStatus; failed: StepRecord[] }>, record: ReadableStep): void {
  const key = resolve(record.file);
  const entry = included.get(key) ?? { status: 'not-run' as RunStatus, failed: [] };
  if (failing(record)) {
    entry.status = 'failed';
    entry.failed.push(stepOf(record));
  } else if (record.status === 'passed' && entry.status === 'not-run') entry.status = 'passed';
  included.set(key, entry);
}

// The fields of a step record the report shows.
function stepOf(record: ReadableStep): StepRecord {
  return {
    file: record.file,
    line: record.line,
    id: record.id,
    status: record.status,
    ...(record.message ? { message: record.message } : {}),
    ...(record.diff ? { diff: record.diff } : {}),
    ...(record.failure ? { failure: record.failure } : {}),
  };
}
