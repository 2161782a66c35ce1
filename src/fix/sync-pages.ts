// `sync`'s plan: for every translated page (and translated boilerplate it includes), the edits that bring its blocks up
// to date with the reference page, and the list of what only a translator can do. Pure: pages in, edits and notes out.
import type { Page } from '../page/types.js';
import type { ReferencePair } from '../translate/references.js';
import { ACCEPTED_KINDS, syncBlock, type SyncOnly } from '../translate/sync-block.js';
import type { LineEdit } from './page-edits.js';

/** Work `sync` leaves to a translator, at a line of the translation. */
export interface TranslatorWork {
  file: string;
  line: number;
  message: string;
}

/** Per page: blocks that drifted, blocks synced (every drift of the kinds asked fixed), blocks left. */
export interface SyncCounts {
  drifted: number;
  synced: number;
  left: number;
}

export interface SyncPlan {
  edits: LineEdit[];
  work: TranslatorWork[];
  counts: SyncCounts;
  /** The files compared (translations with a reference page). */
  files: string[];
}

/** Plans the sync of translated pages with their reference; `referenceOf` is `loadPages`'s alignment of each one. */
export function planSync(pages: Page[], reference: string, referenceOf: (page: Page) => ReferencePair | undefined, only: SyncOnly): SyncPlan {
  const plan: SyncPlan = { edits: [], work: [], counts: { drifted: 0, synced: 0, left: 0 }, files: [] };
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

// Adds the edits and the translator's work of one page to the plan.
function syncPage(page: Page, pair: ReferencePair, only: SyncOnly, plan: SyncPlan): void {
  plan.files.push(page.file);
  const work = (line: number, message: string) => plan.work.push({ file: page.file, line, message });
  let near = 1;
  for (const { local, reference, moved } of pair.alignment.pairs) {
    const mine = local !== undefined ? page.blocks[local] : undefined;
    const theirs = reference !== undefined ? pair.page.blocks[reference] : undefined;
    if (mine && theirs) {
      const result = syncBlock(mine, theirs, only);
      const open = result.kinds.filter((k) => !ACCEPTED_KINDS.includes(k) && !result.fixed.includes(k));
      if (result.kinds.every((k) => ACCEPTED_KINDS.includes(k))) continue;
      plan.counts.drifted++;
      if (result.lines) {
        plan.edits.push({ file: mine.file, from: mine.line + 1, count: mine.rawLines.length, lines: result.lines, before: mine.rawLines });
      }
      if (open.length === 0) plan.counts.synced++;
      else plan.counts.left++;
      for (const note of result.notes) work(note.line, `${mine.id ?? 'block'}: ${note.message}`);
      if (moved && open.length > 0) work(mine.line, `${mine.id ?? 'block'}: stands elsewhere on ${pair.page.file}:${theirs.line}`);
    } else if (theirs) {
      plan.counts.drifted++;
      plan.counts.left++;
      work(near, `missing block: ${pair.page.file}:${theirs.line} (${theirs.id ?? theirs.syntax}) has no counterpart here; translate it after this line`);
    } else if (mine) {
      plan.counts.drifted++;
      plan.counts.left++;
      work(mine.line, `extra block: ${mine.id ?? mine.syntax} is not on ${pair.page.file}; remove it or add it there`);
    }
    if (mine) near = mine.endLine;
  }
  const theirs = new Set(pair.page.includes.map((i) => i.name));
  const ours = new Set(page.includes.map((i) => i.name));
  for (const include of page.includes) if (!theirs.has(include.name)) work(include.line, `boilerplate ${include.name} is not included by ${pair.page.file}`);
  for (const include of pair.page.includes) if (!ours.has(include.name)) work(1, `boilerplate ${include.name} is included by ${pair.page.file}:${include.line} but not here`);
  const test = (p: Page) => p.frontMatter.test ?? null;
  if (test(page) !== test(pair.page)) work(1, `front matter test: ${test(page)} here, ${test(pair.page)} on ${pair.page.file}`);
}
