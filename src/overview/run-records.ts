// Reading `run --json` event lines back: each page's last status and its failed steps, keyed by the page's file. Pure.
import { resolve } from 'node:path';
import { stepFailure, type StepFailure } from '../plan/step-failure.js';

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

/** Reads the JSON lines of one or more event files (later files win for a page run twice). */
export function readRunRecords(files: { name: string; text: string }[]): RunRecords {
  const pages = new Map<string, RunStatus>();
  const steps = new Map<string, StepRecord[]>();
  // Steps by the file they are written in when that is not their page (a boilerplate's blocks run in the pages that include it).
  const included = new Map<string, { status: RunStatus; failed: StepRecord[] }>();
  const problems: string[] = [];
  for (const { name, text } of files) {
    text.split('\n').forEach((line, k) => {
      if (line.trim() === '') return;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line);
      } catch {
        problems.push(`${name}:${k + 1}: not a JSON event line`);
        return;
      }
      if (record.type === 'page-start' && typeof record.file === 'string') steps.set(resolve(record.file), []);
      if (record.type === 'page' && typeof record.file === 'string') pages.set(resolve(record.file), record.status === 'passed' ? 'passed' : record.status === 'skipped' ? 'not-run' : 'failed');
      if (record.type === 'step' && typeof record.page === 'string' && (record.status === 'failed' || record.status === 'timeout') && record.warning !== true) {
        const key = resolve(record.page);
        steps.set(key, [...(steps.get(key) ?? []), stepOf(record)]);
      }
      if (record.type === 'step' && typeof record.page === 'string' && typeof record.file === 'string' && resolve(record.file) !== resolve(record.page)) {
        noteIncludedStep(included, record);
      }
    });
  }
  return {
    pageStatus: (file) => pages.get(resolve(file)) ?? included.get(resolve(file))?.status ?? 'not-run',
    ran: (file) => pages.has(resolve(file)) || steps.has(resolve(file)) || included.has(resolve(file)),
    failedSteps: (file) => steps.get(resolve(file)) ?? included.get(resolve(file))?.failed ?? [],
    problems,
  };
}

// Counts a step of a file included by its page (a boilerplate): failed once any of its steps failed, else passed
// once one passed; warnings and skipped steps leave it as it was.
function noteIncludedStep(included: Map<string, { status: RunStatus; failed: StepRecord[] }>, record: Record<string, unknown>): void {
  const key = resolve(record.file as string);
  const entry = included.get(key) ?? { status: 'not-run' as RunStatus, failed: [] };
  if ((record.status === 'failed' || record.status === 'timeout') && record.warning !== true) {
    entry.status = 'failed';
    entry.failed.push(stepOf(record));
  } else if (record.status === 'passed' && entry.status === 'not-run') entry.status = 'passed';
  included.set(key, entry);
}

// The fields of a step record the report shows.
function stepOf(record: Record<string, unknown>): StepRecord {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    file: text(record.file) ?? '',
    line: typeof record.line === 'number' ? record.line : 0,
    id: text(record.id) ?? '',
    status: text(record.status) ?? 'failed',
    ...(text(record.message) ? { message: text(record.message) } : {}),
    ...(text(record.diff) ? { diff: text(record.diff) } : {}),
    ...failureOf(record.failure),
  };
}

// The failure record of a step event, read through the schema the run writes it by; nothing when it does not read.
function failureOf(value: unknown): { failure?: StepFailure } {
  if (value === undefined) return {};
  const read = stepFailure.safeParse(value);
  return read.success ? { failure: read.data } : {};
}
