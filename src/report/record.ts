// `run --record FILE`: every step that ran, with the command as run and what it printed, as versioned JSON lines
// (src/record/schema.ts). Written as the run goes, line by line, so a killed run keeps what it recorded. Environment
// values are never written; outputs pass through the page's redactions first.
import { closeSync, openSync, writeSync } from 'node:fs';
import { findSpecFile, readSpec } from '../config/spec.js';
import { sitePathOf } from '../page/site-path.js';
import { RECORD_VERSION, type RecordHeader, type RecordStep } from '../record/schema.js';
import type { RunEvent } from '../run/results.js';
import { VERSION } from '../config/version.js';
import type { Reporter } from './reporter.js';

/** What the record needs to know of the run besides its events. */
export interface RecordContext {
  tool: string;
  kubernetes: string | null;
  istio: string | null;
  /** The setup config a page runs under. */
  setupOf(page: string): string;
  /** The patterns whose matches are replaced by `[redacted]` in a page's outputs (doctest.yaml `page.redact`). */
  redactionsOf(page: string): RegExp[];
}

/** Writes the run record of a run. */
export class RecordFile implements Reporter {
  readonly name: string;
  private fd: number | undefined;
  /** Steps seen per page and block id, to number a block's commands. */
  private seen = new Map<string, number>();

  // Opens (and empties) the file and writes the header at once.
  constructor(
    file: string,
    private readonly context: RecordContext,
    now = new Date(),
  ) {
    this.name = `--record ${file}`;
    this.fd = openSync(file, 'w');
    const header: RecordHeader = { type: 'record', version: RECORD_VERSION, date: now.toISOString(), tool: context.tool, kubernetes: context.kubernetes, istio: context.istio };
    this.line(header);
  }

  // Records each step that ran; numbers every step of a block, run or not, the way `check --against` counts them.
  on(event: RunEvent): void {
    if (event.type === 'page-start') this.seen.clear();
    if (event.type !== 'step' || event.result.step.hidden) return;
    const { step } = event.result;
    const key = step.id;
    const occurrence = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, occurrence);
    if (event.result.status === 'skipped') return;
    // A page outside `content/<lang>/` is recorded under its path as given, with no language.
    const site = sitePathOf(event.page);
    let output = event.result.output;
    for (const pattern of this.context.redactionsOf(event.page)) output = output.replace(pattern, '[redacted]');
    const record: RecordStep = {
      type: 'step',
      page: site?.inSite ?? event.page,
      lang: site?.lang ?? '',
      id: step.id,
      occurrence,
      file: step.file,
      line: step.line,
      command: step.command,
      status: event.result.status,
      exitCode: event.result.exitCode ?? null,
      output,
      ...(event.result.droppedBytes ? { droppedBytes: event.result.droppedBytes } : {}),
      setup: this.context.setupOf(event.page),
    };
    this.line(record);
  }

  // Closes the file.
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  // Appends one JSON line, straight to the file.
  private line(value: object): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${JSON.stringify(value)}\n`);
  }
}

/** The record reporter of a run (both faces open it the same way), or why its file cannot be written. The versions are
 * asked by the caller (`clusterVersions` of the run room); the redactions come from each page's doctest.yaml. */
export function openRecord(file: string, versions: { kubernetes: string | null; istio: string | null }, setupOf: (page: string) => string): RecordFile | string {
  const redactions = new Map<string, RegExp[]>();
  const redactionsOf = (page: string): RegExp[] => {
    const spec = findSpecFile(page);
    if (!spec) return [];
    if (!redactions.has(spec)) redactions.set(spec, (readSpec(spec).spec?.page?.redact ?? []).map((pattern) => new RegExp(pattern, 'g')));
    return redactions.get(spec)!;
  };
  try {
    return new RecordFile(file, { tool: VERSION, ...versions, setupOf, redactionsOf });
  } catch (error) {
    return `${file}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}
