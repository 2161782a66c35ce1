// The run record (`run --record FILE`): what each step really printed, so a translation can be checked against the
// run of its English page without a cluster. Versioned JSON lines; this one schema is used by the writer and the reader.
import { z } from 'zod';

/** The format's version: a reader refuses a record of another version with one line saying which it reads. */
export const RECORD_VERSION = 1;

/** The first line: when and against what the run ran. */
export const recordHeader = z.object({
  type: z.literal('record'),
  version: z.literal(RECORD_VERSION),
  /** ISO date and time the run started. */
  date: z.string(),
  /** istio-doctest's version. */
  tool: z.string(),
  /** `kubectl version`'s server version (`v1.31.0`), or null when it could not be asked. */
  kubernetes: z.string().nullable(),
  /** `istioctl version`'s control plane version (`1.27.0`), or null when Istio was not installed or not asked. */
  istio: z.string().nullable(),
});

/** One step as it ran. */
export const recordStep = z.object({
  type: z.literal('step'),
  /** The page's path in its site (`docs/tasks/x/index.md`), the same for every language. */
  page: z.string(),
  lang: z.string(),
  /** The block id: the reference page's id, the one every translation's aligned block takes. */
  id: z.string(),
  /** Which step of that block (1 for its first command). */
  occurrence: z.number().int().positive(),
  /** Where it is written, for a reader looking at the record. */
  file: z.string(),
  line: z.number().int().nonnegative(),
  /** The command as it ran (vars substituted). */
  command: z.string(),
  status: z.string(),
  exitCode: z.number().int().nullable(),
  /** What it printed (standard output and error together), bounded as the run bounds it, redactions applied. */
  output: z.string(),
  droppedBytes: z.number().int().nonnegative().optional(),
  /** The setup config its page ran under (`profile=default`). */
  setup: z.string(),
});

export type RecordHeader = z.output<typeof recordHeader>;
export type RecordStep = z.output<typeof recordStep>;

/** A record read back: its header, its steps by page, block and occurrence, and the lines that could not be read. */
export interface RunRecord {
  file: string;
  header: RecordHeader;
  steps: Map<string, RecordStep>;
  problems: string[];
}

/** The key a recorded step is found by: language, page in the site, block id, occurrence. */
export function recordKey(lang: string, page: string, id: string, occurrence: number): string {
  return `${lang}\u0000${page}\u0000${id}\u0000${occurrence}`;
}

// Reads a record's text: the header first, then steps; a line that is not a step of this version is a problem, not a crash.
export function parseRecord(file: string, text: string): RunRecord | string {
  const lines = text.split('\n');
  let head: unknown;
  try {
    head = JSON.parse(lines[0] ?? '');
  } catch {
    return `${file}:1: not a run record (its first line is not JSON)`;
  }
  const version = (head as { version?: unknown })?.version;
  if ((head as { type?: unknown })?.type === 'record' && version !== RECORD_VERSION) {
    return `${file}:1: a run record of version ${String(version)}; this istio-doctest reads version ${RECORD_VERSION}`;
  }
  const header = recordHeader.safeParse(head);
  if (!header.success) return `${file}:1: not a run record (written by \`istio-doctest run --record\`): ${header.error.issues[0]?.message ?? 'bad header'}`;
  const steps = new Map<string, RecordStep>();
  const problems: string[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${file}:${i + 2}: not JSON (a line cut short?)`);
      return;
    }
    const step = recordStep.safeParse(value);
    if (!step.success) {
      problems.push(`${file}:${i + 2}: not a step record: ${step.error.issues[0]?.path.join('.')} ${step.error.issues[0]?.message}`);
      return;
    }
    steps.set(recordKey(step.data.lang, step.data.page, step.data.id, step.data.occurrence), step.data);
  });
  return { file, header: header.data, steps, problems };
}

// Several records as one (a matrix of jobs records one each): steps of all, a later record winning for the same step;
// the newest header names them, and the oldest date decides staleness.
export function mergeRecords(records: RunRecord[]): RunRecord {
  if (records.length === 1) return records[0];
  const byDate = [...records].sort((a, b) => a.header.date.localeCompare(b.header.date));
  const steps = new Map<string, RecordStep>();
  for (const record of records) for (const [key, step] of record.steps) steps.set(key, step);
  return {
    file: records.map((r) => r.file).join(', '),
    header: { ...byDate[byDate.length - 1].header, date: byDate[0].header.date },
    steps,
    problems: records.flatMap((r) => r.problems),
  };
}
