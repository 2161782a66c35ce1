// `--json FILE`: one JSON line per event, written with a plain write(2) as it happens, so a run that is killed
// keeps every line of what it did.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { RunEvent, StepResult } from '../run/results.js';
import { countSteps } from '../run/results.js';

// The JSON line of an event (without the newline); attempts are reported too, so a killed run shows what it was retrying.
function eventLine(event: RunEvent): string {
  return JSON.stringify(eventRecord(event));
}

// The record of an event: flat, stable keys, durations in whole milliseconds.
export function eventRecord(event: RunEvent): Record<string, unknown> {
  switch (event.type) {
    case 'run-start':
      return { type: 'run', status: 'started', pages: event.pages, skipped: event.skipped };
    case 'page-start':
      return { type: 'page-start', file: event.file, lang: event.lang, steps: event.steps, token: event.token };
    case 'step-start':
      return { type: 'step-start', page: event.page, index: event.step.index, file: event.step.file, line: event.step.line, id: event.step.id, cleanup: event.step.cleanup, command: event.step.command };
    case 'attempt':
      return { type: 'attempt', page: event.page, index: event.step.index, file: event.step.file, line: event.step.line, id: event.step.id, attempt: event.attempt, elapsedMs: Math.round(event.elapsedMs), message: event.message };
    case 'step':
      return stepRecord(event.page, event.result);
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

// A step's record: the fields the issue names, then the reason, diff and output of a step that did not pass.
function stepRecord(page: string, r: StepResult): Record<string, unknown> {
  const record: Record<string, unknown> = {
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
    index: r.step.index,
  };
  if (r.warning) record.warning = true;
  if (r.message) record.message = r.message;
  if (r.status !== 'passed' && r.status !== 'skipped') {
    if (r.diff) record.diff = r.diff;
    record.output = r.output;
  }
  return record;
}

// Writes events to a file as they come; the file is created (or emptied) when the reporter is made.
export class JsonEventsFile {
  private fd: number | undefined;

  // Opens the file at once, so a run refused before its first step still leaves its record.
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  // Appends one event's line, straight to the file (no buffering in this process).
  write(event: RunEvent): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${eventLine(event)}\n`);
  }

  // Appends a record that is not a run event (a refusal before anything ran).
  record(record: Record<string, unknown>): void {
    if (this.fd !== undefined) writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  // Closes the file once the run is over.
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
