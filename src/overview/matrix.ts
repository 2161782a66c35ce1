// The translation overview: one row per page (its path under `content/<lang>/`), one cell per language, each cell the
// page's standing against the reference (and, given run events, how its run went), with what a drill-down shows. Pure.
import type { Block, Page } from '../page/types.js';
import type { DriftReport } from '../translate/drift-report.js';
import type { BlockDrift, PageDrift } from '../translate/drift.js';
import { RUN_STATUSES, type RunRecords, type RunStatus, type StepRecord } from './run-records.js';
import { resolve } from 'node:path';
import { sitePathOf } from '../page/site-path.js';
import { DRIFT_KINDS } from '../translate/drift.js';
import { pageFixes, pageNextSteps } from '../translate/page-next-steps.js';
import { needsWork, standingOf, STANDINGS, standings, type Standing } from '../translate/standing.js';

/** A cell's standing: the reference itself, a translated page's standing (worst first), a page not translated, or absent. */
export const CELL_STATUSES = ['reference', ...standings, 'not-translated', 'absent'] as const;
export type CellStatus = 'reference' | Standing | 'not-translated' | 'absent';

/** What the report calls each standing (a translated page's as every command calls it). */
export const STATUS_LABELS: Record<CellStatus, string> = {
  reference: 'reference',
  ...Object.fromEntries(standings.map((s) => [s, STANDINGS[s].label])),
  'not-translated': 'not translated',
  absent: '—',
} as Record<CellStatus, string>;

/** The standings of cells that need a translator (the report's "needs work" preset). */
export const NEEDS_WORK: readonly CellStatus[] = needsWork;

export { RUN_STATUSES, type RunStatus };

/** A block of one side of a drill-down, as written in its file. */
export interface BlockSide {
  file: string;
  /** Line of the opener; content lines follow from `line + 1`. */
  line: number;
  lines: string[];
}

/** One finding of a drill-down: both blocks (when both exist) and the changed lines. */
export interface BlockPair {
  drift: BlockDrift;
  reference?: BlockSide;
  translation?: BlockSide;
}

/** A failed step of a block that is the same as its reference's: the reference page expects the same output. */
export interface FailedStep extends StepRecord {
  /** The reference page's line of the same expected output (or command), when the block is the same there. */
  sameAsReference?: { file: string; line: number };
}

/** Steps of a page that would fail against a recorded run (`report --against RECORD`), and which run that is. */
export interface WouldFail {
  /** `the run of 2026-12-07 19:56 UTC (Istio 1.27.0, Kubernetes v1.33.1)`. */
  run: string;
  steps: { file: string; line: number; id: string; message: string; diff: string }[];
}

export interface MatrixCell {
  lang: string;
  /** Only when a record was given and some step of the page would fail against it. */
  wouldFail?: WouldFail;
  status: CellStatus;
  file?: string;
  reference?: string;
  /** Only when run events were given and name the page. */
  run?: RunStatus;
  failedSteps: FailedStep[];
  /** What to do, first the page's next steps in one line, then each finding's (empty when there is nothing to do). */
  next: string[];
  /** The drifted blocks, for the drill-down (empty when the page is the same as its reference). */
  blocks: BlockPair[];
  /** Page-level findings: the test flag and boilerplates. */
  notes: string[];
}

export interface MatrixRow {
  /** The page's path under `content/<lang>/`. */
  path: string;
  cells: MatrixCell[];
}

export interface Matrix {
  reference: string;
  langs: string[];
  rows: MatrixRow[];
  /** Per language, how many cells have each standing (and each run status). */
  counts: Record<string, Partial<Record<CellStatus | RunStatus, number>>>;
  runs: boolean;
}

/** Builds the matrix of the pages given, their drift report and, when given, the run records. */
export function buildMatrix(pages: Page[], report: DriftReport, referencePages: (page: Page) => Page | undefined, runs?: RunRecords, wouldFailOf?: (file: string) => WouldFail | undefined): Matrix {
  const reference = report.reference;
  const drifts = new Map(report.pages.map((p) => [p.file, p]));
  const byPath = new Map<string, Map<string, Page>>();
  const langs = new Set<string>([reference]);
  // A page outside any `content/<lang>/` folder is a row of its own, under its file name.
  const pathOf = (page: Page) => sitePathOf(page.file)?.inSite ?? page.file.replace(/\\/g, '/');
  for (const page of pages) {
    const path = pathOf(page);
    if (!path || !page.isHugo) continue;
    langs.add(page.lang);
    if (!byPath.has(path)) byPath.set(path, new Map());
    byPath.get(path)!.set(page.lang, page);
  }
  const ordered = [reference, ...[...langs].filter((l) => l !== reference).sort()];
  const rows: MatrixRow[] = [];
  for (const [path, perLang] of [...byPath].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = ordered.map((lang): MatrixCell => {
      const page = perLang.get(lang);
      // No such page in this language: not translated when the reference has it, absent (—) otherwise.
      if (!page) return { lang, status: lang !== reference && perLang.has(reference) ? 'not-translated' : 'absent', failedSteps: [], blocks: [], notes: [], next: [] };
      const run = runs?.ran(page.file) ? runs.pageStatus(page.file) : undefined;
      const failedSteps: FailedStep[] = runs ? runs.failedSteps(page.file) : [];
      const wouldFail = wouldFailOf?.(page.file);
      const base = { lang, file: page.file, ...(run ? { run } : {}), ...(wouldFail && wouldFail.steps.length > 0 ? { wouldFail } : {}) };
      if (lang === reference) return { ...base, status: 'reference', failedSteps, blocks: [], notes: [], next: [] };
      const drift = drifts.get(page.file);
      const referencePage = referencePages(page);
      if (!drift || drift.status === 'no-reference' || !referencePage) return { ...base, failedSteps, status: 'no-reference', blocks: [], notes: [], next: [] };
      const steps = failedSteps.map((step) => withReference(step, page, drift));
      return { ...base, failedSteps: steps, status: standingOf(drift), reference: referencePage.file, blocks: pairsOf(drift, page, referencePage), notes: notesOf(drift), next: nextOf(drift) };
    });
    rows.push({ path, cells });
  }
  return { reference, langs: ordered, rows, counts: countCells(rows), runs: runs !== undefined };
}

// The next steps of a page: its one-line sum, then each finding's own step (once each).
function nextOf(drift: PageDrift): string[] {
  const sum = pageNextSteps(drift);
  if (!sum) return [];
  const steps = pageFixes(drift).filter((f) => f.action !== 'none' && f.action !== 'sync').map((f) => f.text);
  return [sum, ...new Set(steps)];
}

// A failed step of a block whose findings are all benign: the reference page expects the same output, at this line.
function withReference(step: FailedStep, page: Page, drift: PageDrift): FailedStep {
  const block = page.blocks.find((b) => resolve(b.file) === resolve(step.file) && b.line <= step.line && step.line <= b.endLine);
  if (!block || !drift.reference) return step;
  const findings = drift.blocks.filter((b) => b.line === block.line);
  if (findings.length === 0 || findings.some((b) => !DRIFT_KINDS[b.kind].benign) || findings[0].referenceLine === undefined) return step;
  // The failing line (an expected output line) is as far from the opener there as here.
  const line = step.failure && resolve(step.failure.file) === resolve(block.file) ? step.failure.line : step.line;
  return { ...step, sameAsReference: { file: drift.reference, line: findings[0].referenceLine + (line - block.line) } };
}

// The drifted blocks of a page with both sides' lines.
function pairsOf(drift: PageDrift, page: Page, reference: Page): BlockPair[] {
  const side = (blocks: Block[], line: number | undefined): BlockSide | undefined => {
    const block = line === undefined ? undefined : blocks.find((b) => b.line === line);
    return block ? { file: block.file, line: block.line, lines: block.rawLines } : undefined;
  };
  return drift.blocks
    .filter((b) => b.kind !== 'same')
    .map((b) => ({ drift: b, reference: side(reference.blocks, b.referenceLine), translation: side(page.blocks, b.line) }));
}

// The page-level findings a translator also keeps in step: the test flag and the boilerplates.
function notesOf(drift: PageDrift): string[] {
  const notes: string[] = [];
  if (drift.test.page !== drift.test.reference) notes.push(`test flag: ${drift.test.page ?? '(none)'} here, ${drift.test.reference ?? '(none)'} in the reference`);
  for (const include of drift.includes) if (include.status !== 'same' && include.status !== 'no-reference') notes.push(`boilerplate ${include.name}: ${include.status}`);
  return notes;
}

// Counts cells by standing and run status, per language.
function countCells(rows: MatrixRow[]): Matrix['counts'] {
  const counts: Matrix['counts'] = {};
  for (const row of rows) {
    for (const cell of row.cells) {
      const c = (counts[cell.lang] ??= {});
      c[cell.status] = (c[cell.status] ?? 0) + 1;
      if (cell.run) c[cell.run] = (c[cell.run] ?? 0) + 1;
    }
  }
  return counts;
}
