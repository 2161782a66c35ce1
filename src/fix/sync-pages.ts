// `sync`'s plan: for every translated page (and translated boilerplate it includes), the edits that bring its blocks up
// to date with the reference page, and the list of what only a translator can do. Pure: pages in, edits and notes out.
import { contentLineReading } from '../page/content-line.js';
import type { Block, Page } from '../page/types.js';
import type { ReferencePair } from '../translate/references.js';
import { missingFix, testFlagFix, type FixAction } from '../translate/next-step.js';
import { ACCEPTED_KINDS, syncBlock, type SyncOnly } from '../translate/sync-block.js';
import type { LineEdit } from './page-edits.js';

/** What a to-do item is about: a block sync left, a synced block to look at again, the test flag, a boilerplate. */
export const WORK_KINDS = {
  block: ['block left', 'blocks left'],
  check: ['synced block to check', 'synced blocks to check'],
  'test-flag': ['test flag', 'test flags'],
  boilerplate: ['boilerplate', 'boilerplates'],
} as const;
export type WorkKind = keyof typeof WORK_KINDS;

/** Work `sync` leaves to a translator, at a line of the translation: one item per block, flag or boilerplate. */
export interface TranslatorWork {
  file: string;
  line: number;
  message: string;
  kind: WorkKind;
  fix: FixAction;
  /** The heading of the section the line is in, when the page has one above it. */
  heading?: string;
}

/** Per page: blocks that drifted, blocks synced (every drift of the kinds asked fixed), blocks left. */
export interface SyncCounts {
  drifted: number;
  synced: number;
  left: number;
}

/** A block whose synced text would hold a line the page reads as something else than the block's text: not synced
 * (also listed as a to-do item, and the reason `sync` exits 1). */
export interface SyncRefusal {
  file: string;
  line: number;
  ruleId: 'write-not-output';
  message: string;
}

export interface SyncPlan {
  edits: LineEdit[];
  work: TranslatorWork[];
  refused: SyncRefusal[];
  counts: SyncCounts;
  /** The files compared (translations with a reference page). */
  files: string[];
}

/** Plans the sync of translated pages with their reference; `referenceOf` is `loadPages`'s alignment of each one. */
export function planSync(pages: Page[], reference: string, referenceOf: (page: Page) => ReferencePair | undefined, only: SyncOnly): SyncPlan {
  const plan: SyncPlan = { edits: [], work: [], refused: [], counts: { drifted: 0, synced: 0, left: 0 }, files: [] };
  const seen = new Set<string>();
  const visit = (page: Page) => {
    if (seen.has(page.file)) return;
    seen.add(page.file);
    for (const include of page.includes) if (include.page) visit(include.page);
    if (page.lang === reference || !page.isHugo) return;
    const pair = referenceOf(page);
    if (pair) syncPage(page, pair, only, plan);
  };
  pages.forEach(visit);
  return plan;
}

// Adds the edits and the translator's work of one page to the plan: one to-do item per block left (and per synced
// block whose translated comment was replaced), per test flag and per boilerplate, each at the line it is about.
function syncPage(page: Page, pair: ReferencePair, only: SyncOnly, plan: SyncPlan): void {
  plan.files.push(page.file);
  const work = (line: number, kind: WorkKind, fix: FixAction, message: string, heading?: string) =>
    plan.work.push({ file: page.file, line, message, kind, fix, ...(heading ? { heading } : {}) });
  const pairs = pair.alignment.pairs;
  const inOrder = (k: number) => pairs[k].local !== undefined && pairs[k].reference !== undefined && !pairs[k].moved;
  // The end line of the last aligned block before the current pair: where a missing block goes.
  let after: number | undefined;
  pairs.forEach(({ local, reference, moved }, k) => {
    const mine = local !== undefined ? page.blocks[local] : undefined;
    const theirs = reference !== undefined ? pair.page.blocks[reference] : undefined;
    if (mine && theirs) syncPair(mine, theirs, moved === true);
    else if (theirs) {
      plan.counts.drifted++;
      plan.counts.left++;
      const next = pairs.findIndex((_, j) => j > k && inOrder(j));
      const before = after === undefined && next >= 0 ? page.blocks[pairs[next].local!].line : undefined;
      const fix = missingFix(page, pair.page.lang, theirs.line, { ...(after !== undefined ? { after } : {}), ...(before !== undefined ? { before } : {}) });
      work(fix.after ?? fix.before ?? 1, 'block', 'translate', `missing block ${theirs.id ?? theirs.syntax} (${pair.page.file}:${theirs.line}): ${fix.text}`, fix.heading);
    } else if (mine) {
      plan.counts.drifted++;
      plan.counts.left++;
      work(mine.line, 'block', 'edit', `extra block ${mine.id ?? mine.syntax}: not on ${pair.page.file}; remove it or add it there`);
    }
    if (mine && inOrder(k)) after = mine.endLine;
  });
  const theirs = new Set(pair.page.includes.map((i) => i.name));
  const ours = new Set(page.includes.map((i) => i.name));
  for (const include of page.includes) if (!theirs.has(include.name)) work(include.line, 'boilerplate', 'edit', `boilerplate ${include.name}: not included by ${pair.page.file}; remove the include`);
  for (const include of pair.page.includes) if (!ours.has(include.name)) work(1, 'boilerplate', 'edit', `boilerplate ${include.name}: included by ${pair.page.file}:${include.line} but not here; include it where the reference does`);
  const test = (p: Page) => p.frontMatter.test ?? null;
  if (test(page) !== test(pair.page)) {
    const line = frontMatterKeyLine(page, 'test');
    const fix = testFlagFix(line, test(pair.page));
    work(line ?? 1, 'test-flag', 'edit', `test flag: ${test(page) ?? '(none)'} here, ${test(pair.page) ?? '(none)'} on ${pair.page.file} — ${fix.text}`);
  }

  // Syncs one matched pair and lists what is left of it as one item.
  function syncPair(mine: Block, theirs: Block, isMoved: boolean): void {
    const result = syncBlock(mine, theirs, only);
    if (result.kinds.every((k) => ACCEPTED_KINDS.includes(k))) return;
    const open = result.kinds.filter((k) => !ACCEPTED_KINDS.includes(k) && !result.fixed.includes(k));
    plan.counts.drifted++;
    const clash = result.lines && newConstructLine(result.lines, mine);
    if (clash) {
      plan.counts.left++;
      const refusal: SyncRefusal = { file: mine.file, line: mine.line, ruleId: 'write-not-output', message: `the reference's text (${pair.page.file}:${theirs.line}) has a line this page would read as ${clash}; the block is left as it is` };
      plan.refused.push(refusal);
      work(mine.line, 'block', 'edit', `${mine.id ?? 'block'}: not synced: ${refusal.message} [${refusal.ruleId}]`);
      return;
    }
    if (result.lines) plan.edits.push({ file: mine.file, from: mine.line + 1, count: mine.rawLines.length, lines: result.lines, before: mine.rawLines });
    const name = mine.id ?? 'block';
    const notes = result.notes.map((n) => n.message);
    if (isMoved && open.length > 0) notes.push(`it stands elsewhere on ${pair.page.file}:${theirs.line}`);
    if (open.length === 0) {
      plan.counts.synced++;
      if (notes.length > 0) work(mine.line, 'check', 'translate', `${name}: synced; ${notes.join('; ')}`);
      return;
    }
    plan.counts.left++;
    const why = notes.length > 0 ? notes.join('; ') : `${open.join(' and ')} drift not synced (--only ${only})`;
    work(mine.line, 'block', open.includes('translated') ? 'translate' : 'edit', `${name}: ${why}`);
  }
}

// What the first new line of a block's synced text would be read as, when it is not the block's text (a shortcode,
// a heading, a snippet delimiter); lines the block already had are read as they were.
function newConstructLine(lines: string[], block: Block): string | undefined {
  const had = new Set(block.rawLines);
  for (const line of lines) {
    if (had.has(line)) continue;
    const text = line.startsWith(block.indent) ? line.slice(block.indent.length) : line.trimStart();
    const reading = contentLineReading(text, { syntax: block.syntax, asOutput: false });
    if (reading) return `${reading}: ${JSON.stringify(text.slice(0, 60))}`;
  }
  return undefined;
}

// The line of a front matter key (`test:`), so the item points where the translator edits it.
function frontMatterKeyLine(page: Page, key: string): number | undefined {
  if (page.lines[0]?.trimEnd() !== '---') return undefined;
  for (let i = 1; i < page.bodyLine - 1 && i < page.lines.length; i++) if (page.lines[i].startsWith(`${key}:`)) return i + 1;
  return undefined;
}

/** The to-do items with their lines moved by the edits that were written above them (so they point into the new text). */
export function afterEdits(work: TranslatorWork[], written: LineEdit[]): TranslatorWork[] {
  return work.map((item) => {
    let shift = 0;
    for (const e of written) if (e.file === item.file && e.from + e.count <= item.line) shift += e.lines.length - e.count;
    return shift === 0 ? item : { ...item, line: item.line + shift, message: item.message.replace(/\b(after|before) line (\d+)/, (_, w: string, n: string) => `${w} line ${Number(n) + shift}`) };
  });
}
