// Block identity across languages: which block of the reference page (English) each block of a translation is.
// Sections are aligned in order first (by name when the translation's `{#anchor}` or heading gives the reference's
// section name, else by what their blocks hold), then blocks in order, with command similarity deciding between
// candidates — a sequence alignment, so one inserted or removed block does not shift every later id.
import { anchorSectionName } from '../page/ids.js';
import type { Block, Page } from '../page/types.js';
import { alignSequences, alignSequencesInBand, type AlignedPair } from './sequence-alignment.js';
import { blockFeatures, sameContent, similarity, type BlockFeatures } from './similarity.js';

/** How a translation's blocks correspond to its reference page's. */
export interface Alignment {
  /** Every block of both pages in reading order: matched pairs, and blocks only one page has. */
  pairs: AlignedPair[];
  /** For each block of the translation, the index of its reference block, or -1. */
  referenceIndex: number[];
}

export interface AlignOptions {
  /** Above this many block pairs (between the identical ends), align in a band around the diagonal. */
  fullAlignmentCells?: number;
}

/** A run of consecutive blocks under the same istio.io section name. */
interface Run {
  name: string;
  blocks: number[];
}

// Weights of the block score: similarity of content (squared, so one good match outweighs two poor ones), being in
// aligned sections, an anchor id the reference has.
const contentWeight = 4;
const sectionWeight = 1.5;
const anchorWeight = 4;
// What a pair must overcome to be matched at all: unrelated blocks in unrelated sections stay apart.
const threshold = 1;
// How much closer another block may be before an anchor id stops winning.
const rivalMargin = 0.05;
// How alike two blocks out of order must be to count as one block moved.
const movedSimilarity = 0.9;

// Aligns the blocks of a translation with those of its reference page. Identical blocks at the start and at the end
// pair up directly (most translations differ in a few blocks, if any); the blocks between are aligned in full.
export function alignBlocks(local: Page, reference: Page, options: AlignOptions = {}): Alignment {
  const mine = local.blocks;
  const theirs = reference.blocks;
  let head = 0;
  while (head < mine.length && head < theirs.length && sameContent(mine[head], theirs[head])) head++;
  let tail = 0;
  while (tail < mine.length - head && tail < theirs.length - head && sameContent(mine[mine.length - 1 - tail], theirs[theirs.length - 1 - tail])) tail++;
  const pairs: AlignedPair[] = [];
  for (let i = 0; i < head; i++) pairs.push({ local: i, reference: i });
  if (head + tail < Math.max(mine.length, theirs.length)) {
    const middle = alignMiddle(mine.slice(head, mine.length - tail), theirs.slice(head, theirs.length - tail), anchoredSections(local), options.fullAlignmentCells ?? fullAlignmentCells);
    for (const pair of middle) {
      pairs.push({
        ...(pair.local !== undefined ? { local: pair.local + head } : {}),
        ...(pair.reference !== undefined ? { reference: pair.reference + head } : {}),
        ...(pair.moved ? { moved: true as const } : {}),
      });
    }
  }
  for (let k = tail; k > 0; k--) pairs.push({ local: mine.length - k, reference: theirs.length - k });
  return result(pairs, mine.length);
}

// Above this many block pairs a page is aligned in a band around the diagonal instead of in full (no istio.io page
// comes near: the largest has 56 blocks); half the band's width in blocks, on each side of the diagonal.
const fullAlignmentCells = 250_000;
const bandHalfWidth = 32;

/** The similarity of every block pair that may be matched: all pairs, or a band of them on very large pages. */
interface SimTable {
  /** First and last reference block (inclusive) each translation block may be matched with. */
  first: Int32Array;
  last: Int32Array;
  at(i: number, j: number): number;
}

// The alignment of two runs of blocks: section runs first, then blocks scored by content, section and anchor id.
function alignMiddle(mine: Block[], theirs: Block[], anchored: Set<string>, fullCells: number): AlignedPair[] {
  const lf = mine.map(blockFeatures);
  const rf = theirs.map(blockFeatures);
  const n = rf.length;
  const banded = lf.length * n > fullCells;
  const sim = similarities(lf, rf, banded);
  const lRuns = runs(mine);
  const rRuns = runs(theirs);
  const lRunOf = runIndex(lRuns, lf.length);
  const rRunOf = runIndex(rRuns, n);
  const runMatch = alignRuns(lRuns, rRuns, sim, banded ? rRunOf : undefined);
  const rowBest = new Float64Array(lf.length);
  const columnBest = new Float64Array(n);
  for (let i = 0; i < lf.length; i++) {
    for (let j = sim.first[i]; j <= sim.last[i]; j++) {
      rowBest[i] = Math.max(rowBest[i], sim.at(i, j));
      columnBest[j] = Math.max(columnBest[j], sim.at(i, j));
    }
  }
  const score = (i: number, j: number) => {
    if (lf[i].syntax !== rf[j].syntax) return 0;
    const s = sim.at(i, j);
    let total = contentWeight * s * s - threshold;
    if (runMatch[lRunOf[i]] === rRunOf[j]) total += sectionWeight;
    // The anchor id wins when the content does not point elsewhere: after an inserted block, the anchor ids of the
    // blocks that follow are shifted by one, and their content shows it.
    const unrivalled = s >= 0.5 && s >= rowBest[i] - rivalMargin && s >= columnBest[j] - rivalMargin;
    if (unrivalled && winsByAnchor(mine[i], theirs[j], anchored)) total += anchorWeight;
    return total;
  };
  const pairs = banded ? alignSequencesInBand(lf.length, n, score, (i) => [sim.first[i], sim.last[i]]) : alignSequences(lf.length, n, score);
  return pairMoved(pairs, lf, rf, sim);
}

// The similarities the alignment may use: every pair, or on very large pages the pairs within `bandHalfWidth` blocks
// of the diagonal (the translation's blocks stand in the reference's order, shifted by what was added or left out).
function similarities(lf: BlockFeatures[], rf: BlockFeatures[], banded: boolean): SimTable {
  const m = lf.length;
  const n = rf.length;
  const first = new Int32Array(m);
  const last = new Int32Array(m).fill(n - 1);
  if (!banded) {
    const values = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) values[i * n + j] = similarity(lf[i], rf[j]);
    return { first, last, at: (i, j) => values[i * n + j] };
  }
  const rows: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    const centre = m > 1 ? (i * (n - 1)) / (m - 1) : 0;
    first[i] = Math.max(0, Math.floor(centre - bandHalfWidth));
    last[i] = Math.min(n - 1, Math.ceil(centre + bandHalfWidth));
    const row = new Float64Array(last[i] - first[i] + 1);
    for (let j = first[i]; j <= last[i]; j++) row[j - first[i]] = similarity(lf[i], rf[j]);
    rows.push(row);
  }
  return { first, last, at: (i, j) => (j < first[i] || j > last[i] ? 0 : rows[i][j - first[i]]) };
}

// The id each block of the translation gets: its reference block's id when matched, else its own — unless the
// reference uses that id for another block, then `<own>_<lang>`, so a reference spec never lands on the wrong block.
export function alignedIds(local: Page, reference: Page, alignment: Alignment): (string | undefined)[] {
  const referenceIds = new Set(reference.blocks.map((b) => b.id).filter((id): id is string => id !== undefined));
  const ids = local.blocks.map((block, i) => {
    const r = alignment.referenceIndex[i];
    return block.id !== undefined && r >= 0 ? reference.blocks[r].id : undefined;
  });
  const taken = new Set(ids.filter((id): id is string => id !== undefined));
  return local.blocks.map((block, i) => {
    if (ids[i] !== undefined || block.id === undefined) return ids[i];
    let id = block.id;
    if (referenceIds.has(id) || taken.has(id)) id = `${block.id}_${local.lang}`;
    for (let k = 2; taken.has(id); k++) id = `${block.id}_${local.lang}_${k}`;
    taken.add(id);
    return id;
  });
}

// Blocks the in-order pass left alone on both sides that hold (nearly) the same content — a translation that put an
// example before its explanation instead of after — are paired where the translation has them, flagged as moved.
function pairMoved(pairs: AlignedPair[], lf: BlockFeatures[], rf: BlockFeatures[], sim: SimTable): AlignedPair[] {
  const lonelyReference = pairs.filter((p) => p.local === undefined).map((p) => p.reference!);
  if (lonelyReference.length === 0) return pairs;
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (pair.reference !== undefined) continue;
    const i = pair.local!;
    let best = -1;
    // The lonely reference blocks this block may be paired with, in order (all of them unless the page is banded).
    for (let k = firstAtLeast(lonelyReference, sim.first[i]); k < lonelyReference.length && lonelyReference[k] <= sim.last[i]; k++) {
      const j = lonelyReference[k];
      if (taken.has(j) || lf[i].syntax !== rf[j].syntax || sim.at(i, j) < movedSimilarity) continue;
      if (best < 0 || sim.at(i, j) > sim.at(i, best)) best = j;
    }
    if (best < 0) continue;
    partner.set(i, best);
    taken.add(best);
  }
  if (partner.size === 0) return pairs;
  return pairs.flatMap((pair): AlignedPair[] => {
    if (pair.local === undefined) return taken.has(pair.reference!) ? [] : [pair];
    if (pair.reference !== undefined || !partner.has(pair.local)) return [pair];
    return [{ local: pair.local, reference: partner.get(pair.local)!, moved: true }];
  });
}

// The index of the first value >= `value` in an ascending list (binary search).
function firstAtLeast(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Packs the pairs with the per-block lookup the id rewriting needs.
function result(pairs: AlignedPair[], localCount: number): Alignment {
  const referenceIndex = new Array<number>(localCount).fill(-1);
  for (const pair of pairs) if (pair.local !== undefined && pair.reference !== undefined) referenceIndex[pair.local] = pair.reference;
  return { pairs, referenceIndex };
}

// Splits a page's blocks into runs of the same section name, in order.
function runs(blocks: Block[]): Run[] {
  const found: Run[] = [];
  blocks.forEach((block, index) => {
    const last = found.at(-1);
    if (last && last.name === block.section) last.blocks.push(index);
    else found.push({ name: block.section, blocks: [index] });
  });
  return found;
}

// For each block, the index of its run.
function runIndex(list: Run[], count: number): Int32Array {
  const index = new Int32Array(count);
  list.forEach((run, r) => {
    for (const block of run.blocks) index[block] = r;
  });
  return index;
}

// Aligns the section runs of both pages: same name (anchors, untranslated headings), else blocks that look alike. On
// a banded page (`rRunOf` given) a run is compared only with the reference runs its blocks' band reaches.
function alignRuns(local: Run[], reference: Run[], sim: SimTable, rRunOf?: Int32Array): Int32Array {
  const match = new Int32Array(local.length).fill(-1);
  const score = (a: number, b: number) => {
    const named = local[a].name === reference[b].name ? 3 : 0;
    return named + 3 * runSimilarity(local[a], reference[b], sim) - threshold;
  };
  const pairs = rRunOf
    ? alignSequencesInBand(local.length, reference.length, score, (a) => [rRunOf[sim.first[local[a].blocks[0]]], rRunOf[sim.last[local[a].blocks.at(-1)!]]])
    : alignSequences(local.length, reference.length, score);
  for (const pair of pairs) if (pair.local !== undefined && pair.reference !== undefined) match[pair.local] = pair.reference;
  return match;
}

// How alike two runs are: each block's best counterpart in the other run, averaged over the longer run.
function runSimilarity(local: Run, reference: Run, sim: SimTable): number {
  let total = 0;
  for (const i of local.blocks) {
    let best = 0;
    for (const j of reference.blocks) best = Math.max(best, sim.at(i, j));
    total += best;
  }
  return total / Math.max(local.blocks.length, reference.blocks.length);
}

// Section names that the translation's headings take from a `{#anchor}` (these ids are meant to equal the reference's).
function anchoredSections(page: Page): Set<string> {
  const names = new Set<string>();
  for (const section of page.sections) if (section.anchor) names.add(anchorSectionName(section.anchor));
  return names;
}

// Whether a block's id comes from an anchor or an explicit `snip_id` and names this reference block.
function winsByAnchor(local: Block, reference: Block, anchored: Set<string>): boolean {
  if (local.id === undefined || local.id !== reference.id) return false;
  return anchored.has(local.section) || local.attributes.named.snip_id !== undefined;
}
