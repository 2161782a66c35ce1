// `--json FILE`: one JSON line per event, written with a plain write(2) as it happens, so a run that is killed
// keeps every line of what it did. A line is written whole or not at all (a failed write is cut back), and one run at a
// time writes a file (a lock beside it, naming the run's pid, start time and command: src/run/run-lock.ts).
import { closeSync, fstatSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RunEvent, StepResult } from '../run/results.js';
import { countSteps } from '../run/results.js';
import { describeHolder, takeLock, type LockHolder } from '../run/run-lock.js';
import type { Reporter } from './reporter.js';
import { failureLine } from './failure-line.js';
import type { z } from 'zod';
import { stepRecord as stepRecordSchema, type EventRecord } from '../plan/event-records.js';

/** The language of each page that started, by page file: a step's event names its page, and its record says both. */
export type PageLanguages = Map<string, string>;

/** The record of an event: flat, stable keys, durations in whole milliseconds. Step records carry their page and the
 * page's language (learnt from its `page-start`, which `langs` remembers across calls; '' for a setup's pseudo-page). */
export function eventRecord(event: RunEvent, langs: PageLanguages = new Map()): EventRecord {
  switch (event.type) {
    case 'run-start':
      return { type: 'run', status: 'started', pages: event.pages, skipped: event.skipped };
    case 'page-start':
      langs.set(event.file, event.lang);
      return { type: 'page-start', file: event.file, lang: event.lang, steps: event.steps, token: event.token };
    case 'step-start':
      return { type: 'step-start', page: event.page, lang: langs.get(event.page) ?? '', index: event.step.index, file: event.step.file, line: event.step.line, id: event.step.id, cleanup: event.step.cleanup, command: event.step.command };
    case 'attempt':
      return { type: 'attempt', page: event.page, lang: langs.get(event.page) ?? '', index: event.step.index, file: event.step.file, line: event.step.line, id: event.step.id, attempt: event.attempt, elapsedMs: Math.round(event.elapsedMs), message: event.message };
    case 'step':
      return stepRecord(event.page, langs.get(event.page) ?? '', event.result);
    case 'page': {
      const counts = countSteps(event.result.steps);
      return { type: 'page', file: event.result.file, lang: event.result.lang, status: event.result.status, durationMs: Math.round(event.result.durationMs), ...counts, ...(event.result.message ? { message: event.result.message } : {}) };
    }
    case 'run-end': {
      const s = event.summary;
      return {
        type: 'summary',
        status: s.interrupted ? 'interrupted' : s.exitCode === 0 ? 'passed' : 'failed',
        exitCode: s.exitCode,
        durationMs: Math.round(s.durationMs),
        pages: s.pages.length,
        passed: s.pages.filter((p) => p.status === 'passed').length,
        failed: s.pages.filter((p) => p.status === 'failed').length,
        skipped: s.skipped.length,
      };
    }
  }
}

// A step's record: the fields the issue names, then the reason, failing line, diff and output of a step that did not pass.
function stepRecord(page: string, lang: string, r: StepResult): EventRecord {
  const record: z.input<typeof stepRecordSchema> = {
    type: 'step',
    file: r.step.file,
    line: r.step.line,
    id: r.step.id,
    cleanup: r.step.cleanup,
    status: r.status,
    attempts: r.attempts,
    exitCode: r.exitCode ?? null,
    durationMs: Math.round(r.durationMs),
    page,
    lang,
    index: r.step.index,
  };
  const scripted = r.step as typeof r.step & { script?: string; scriptLine?: number; nestedIn?: { scriptLine: number; conditions: string[] } };
  if (scripted.script !== undefined) Object.assign(record, { script: scripted.script, scriptLine: scripted.scriptLine });
  if (scripted.nestedIn) record.nestedIn = scripted.nestedIn;
  if (r.warning) record.warning = true;
  if (r.step.hidden) record.hidden = true;
  if (r.message) record.message = r.message;
  if (r.status !== 'passed' && r.status !== 'skipped') {
    // The failing line as data (`report --runs` reads it back through its schema) and as the line every report shows.
    if (r.failure) {
      record.failure = r.failure;
      record.failureLine = failureLine(r.failure);
    }
    if (r.diff) record.diff = r.diff;
    record.output = r.output;
    if (r.droppedBytes) record.droppedBytes = r.droppedBytes;
    if (r.diagnostics) record.diagnostics = r.diagnostics;
  }
  return record;
}

/** Thrown when another live run holds the file's lock. */
export class JsonEventsLocked extends Error {
  constructor(readonly holder: LockHolder) {
    const detail = describeHolder(holder);
    super(`another run (pid ${holder.pid}) is writing it${detail ? ` (${detail})` : ''}`);
  }
}

/** Writes events to a file as they come; the file is locked, then emptied, when the reporter is made. */
export class JsonEventsFile implements Reporter {
  readonly name: string;
  private fd: number | undefined;
  /** Bytes of whole lines in the file: a failed write is cut back to it. */
  private size = 0;
  private lock?: string;
  private readonly langs: PageLanguages = new Map();

  // Opens the file at once, so a run refused before its first step still leaves its record.
  constructor(file: string) {
    this.name = `--json ${file}`;
    const fd = openSync(file, 'a');
    try {
      if (fstatSync(fd).isFile()) {
        const lock = join(dirname(file), `.${basename(file)}.istio-doctest-lock`);
        const taken = takeLock(lock);
        if (!taken.taken) throw new JsonEventsLocked(taken.holder);
        this.lock = lock;
        ftruncateSync(fd, 0);
      }
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.fd = fd;
  }

  // A run event's line.
  on(event: RunEvent): void {
    this.write(event);
  }

  /** Appends one event's line, straight to the file (no buffering in this process). */
  write(event: RunEvent): void {
    // Attempts are written too, so a killed run shows what it was retrying.
    this.append(`${JSON.stringify(eventRecord(event, this.langs))}\n`);
  }

  /** Appends a record that is not a run event (a refusal before anything ran). */
  record(record: Record<string, unknown>): void {
    this.append(`${JSON.stringify(record)}\n`);
  }

  /** Closes the file and frees it for the next run. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.lock) rmSync(this.lock, { force: true });
    this.lock = undefined;
  }

  // Writes a whole line, or, when the write fails (a full disk), removes what part of it got in and throws.
  private append(line: string): void {
    if (this.fd === undefined) return;
    const bytes = Buffer.from(line);
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(this.fd, bytes, written);
      this.size += bytes.length;
    } catch (error) {
      try {
        if (written > 0) ftruncateSync(this.fd, this.size);
      } catch {
        // Not a regular file (/dev/full): nothing to cut back.
      }
      this.close();
      throw error;
    }
  }
}
