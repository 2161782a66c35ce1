// Drift of a translation from its reference page: per aligned block, whether the commands, the expected outputs
// (or only their natural-language words) differ, which blocks are missing or extra, and the page-level facts a
// translator keeps in step with the reference (the `test` flag, the boilerplates included).
import type { Block, Page } from '../page/types.js';
import type { Alignment } from './align.js';
import { blockLines, lineChanges, type LineChange } from './line-changes.js';
import { sameContent } from './similarity.js';
import { changedWords, isTranslatedOutput, onlyCommentsChanged } from './translation.js';

// Syntaxes whose whole blocks are code with `#` comments: a translated comment is not a change of what runs. Not
// bash, whose blocks are split into commands (compared as code) and expected outputs (compared as text).
const commentSyntaxes = new Set(['sh', 'shell', 'zsh', 'yaml', 'yml', 'python', 'toml', 'dockerfile', 'docker', 'ruby', 'perl']);

export type DriftKind = 'same' | 'command' | 'output' | 'translated' | 'missing' | 'extra';
export type PageStatus = 'same' | 'drift' | 'no-reference';
export type IncludeStatus = 'same' | 'drift' | 'missing' | 'extra' | 'no-reference';

/** One finding about a block; a block whose command and output both differ has two. */
export interface BlockDrift {
  /** The block's id (the reference id for matched blocks). */
  id?: string;
  syntax: string;
  kind: DriftKind;
  /** Opener line in the translation (absent for a missing block). */
  line?: number;
  /** Opener line in the reference (absent for an extra block). */
  referenceLine?: number;
  /** The changed lines, with both sides' lines and a word diff (empty for `same`, `missing`, `extra`). */
  changes: LineChange[];
  /** First line of the block's content, to show what a missing or extra block is. */
  preview?: string;
  /** For a missing block: the translation's line after which it would stand (the previous block's end, or 1). */
  near?: number;
  /** The block stands elsewhere on the reference page (matched out of order). */
  moved?: boolean;
}

/** A boilerplate the translation or its reference includes, and how it compares. */
export interface IncludeDrift {
  name: string;
  /** Line of the `{{< boilerplate >}}` include in the translation (absent when only the reference includes it). */
  line?: number;
  file?: string;
  reference?: string;
  status: IncludeStatus;
}

/** What kinds of drift a page shows, its included boilerplates' counted in. */
export interface DriftFlags {
  commands: boolean;
  outputs: boolean;
  translated: boolean;
  missingOrExtra: boolean;
  testFlag: boolean;
}

/** The drift of one translated page (or boilerplate) from its reference. */
export interface PageDrift {
  file: string;
  reference?: string;
  status: PageStatus;
  /** The `test:` flag of the page and of its reference. */
  test: { page: string | null; reference: string | null };
  includes: IncludeDrift[];
  blocks: BlockDrift[];
  flags: DriftFlags;
}

/** A page with its reference, when it has one. */
export interface DriftInput {
  page: Page;
  reference?: { page: Page; alignment: Alignment };
}

// Compares two aligned blocks: `same`, or findings by kind — `command` (the commands that run differ), `output` (the
// expected output, or the text of a block without commands), `translated` (only prose or `#` comments differ).
export function compareBlocks(local: Block, reference: Block): BlockDrift[] {
  const at = { id: reference.id ?? local.id, syntax: local.syntax, line: local.line, referenceLine: reference.line };
  if (sameContent(local, reference)) return [{ ...at, kind: 'same', changes: [] }];
  const mine = blockLines(local);
  const theirs = blockLines(reference);
  const commandChanges = lineChanges(theirs.commands, mine.commands);
  const outputChanges = lineChanges(theirs.outputs, mine.outputs);
  const commentsOnly = onlyCommentsChanged(commandChanges);
  const commandWords = commentsOnly ? new Set<string>() : changedWords(commandChanges);
  const code = commentSyntaxes.has(local.syntax);
  const outputTranslated = code ? onlyCommentsChanged(outputChanges) : isTranslatedOutput(outputChanges, commandWords);
  const byKind = new Map<DriftKind, LineChange[]>();
  const add = (kind: DriftKind, changes: LineChange[]) => {
    if (changes.length > 0) byKind.set(kind, [...(byKind.get(kind) ?? []), ...changes]);
  };
  add(commentsOnly ? 'translated' : 'command', commandChanges);
  add(outputTranslated ? 'translated' : 'output', outputChanges);
  if (byKind.size === 0) return [{ ...at, kind: 'same', changes: [] }];
  return (['command', 'output', 'translated'] as const)
    .filter((kind) => byKind.has(kind))
    .map((kind) => ({ ...at, kind, changes: inBlockOrder(byKind.get(kind)!, reference.line - local.line) }));
}

// Changes of commands and outputs merged in the order of the block: by reference line, an added line placed by its
// own line shifted to the reference's numbering (a stable sort keeps the diff's order for ties).
function inBlockOrder(changes: LineChange[], shift: number): LineChange[] {
  const key = (c: LineChange) => c.referenceLine ?? (c.line ?? 0) + shift;
  return [...changes].sort((x, y) => key(x) - key(y));
}

// Compares a page with its reference; `included` gives the drift already computed for an included boilerplate.
export function comparePage(input: DriftInput, included: (page: Page) => PageDrift | undefined): PageDrift {
  const { page, reference } = input;
  const test = { page: page.frontMatter.test ?? null, reference: reference?.page.frontMatter.test ?? null };
  if (!reference) return { file: page.file, status: 'no-reference', test, includes: [], blocks: [], flags: noFlags() };
  const blocks: BlockDrift[] = [];
  let near = 1;
  for (const pair of reference.alignment.pairs) {
    const mine = pair.local !== undefined ? page.blocks[pair.local] : undefined;
    const theirs = pair.reference !== undefined ? reference.page.blocks[pair.reference] : undefined;
    if (mine && theirs) blocks.push(...compareBlocks(mine, theirs).map((b) => (pair.moved ? { ...b, moved: true } : b)));
    else if (theirs) blocks.push({ id: theirs.id, syntax: theirs.syntax, kind: 'missing', referenceLine: theirs.line, changes: [], preview: firstLine(theirs), near });
    else if (mine) blocks.push({ id: mine.id, syntax: mine.syntax, kind: 'extra', line: mine.line, changes: [], preview: firstLine(mine) });
    if (mine) near = mine.endLine;
  }
  const includes = compareIncludes(page, reference.page, included);
  const flags = flagsOf(blocks, includes, test, included, page);
  const drifted = blocks.some((b) => b.kind !== 'same') || includes.some((i) => i.status !== 'same' && i.status !== 'no-reference') || flags.testFlag;
  return { file: page.file, reference: reference.page.file, status: drifted ? 'drift' : 'same', test, includes, blocks, flags };
}

// The boilerplates of both pages by name: each one's drift, or missing/extra when only one page includes it.
function compareIncludes(page: Page, reference: Page, included: (page: Page) => PageDrift | undefined): IncludeDrift[] {
  const theirs = new Map(reference.includes.map((i) => [i.name, i]));
  const found: IncludeDrift[] = [];
  const seen = new Set<string>();
  for (const include of page.includes) {
    if (seen.has(include.name)) continue;
    seen.add(include.name);
    const other = theirs.get(include.name);
    if (!other) {
      found.push({ name: include.name, line: include.line, file: include.file, status: 'extra' });
      continue;
    }
    const drift = include.page ? included(include.page) : undefined;
    // No drift entry: the include is the reference language's own file (a fallback), so it is the same.
    const status: IncludeStatus = drift ? drift.status : 'same';
    found.push({ name: include.name, line: include.line, file: include.file, reference: drift?.reference ?? other.file, status });
  }
  for (const include of reference.includes) {
    if (seen.has(include.name)) continue;
    seen.add(include.name);
    found.push({ name: include.name, reference: include.file, status: 'missing' });
  }
  return found;
}

// The kinds of drift of a page: its own blocks, its test flag, and those of the boilerplates it includes.
function flagsOf(
  blocks: BlockDrift[],
  includes: IncludeDrift[],
  test: PageDrift['test'],
  included: (page: Page) => PageDrift | undefined,
  page: Page,
): DriftFlags {
  const flags: DriftFlags = {
    commands: blocks.some((b) => b.kind === 'command'),
    outputs: blocks.some((b) => b.kind === 'output' || b.kind === 'translated'),
    translated: blocks.some((b) => b.kind === 'translated'),
    missingOrExtra: blocks.some((b) => b.kind === 'missing' || b.kind === 'extra') || includes.some((i) => i.status === 'missing' || i.status === 'extra'),
    testFlag: test.page !== test.reference,
  };
  for (const include of page.includes) {
    const drift = include.page ? included(include.page) : undefined;
    if (!drift) continue;
    flags.commands ||= drift.flags.commands;
    flags.outputs ||= drift.flags.outputs;
    flags.translated ||= drift.flags.translated;
    flags.missingOrExtra ||= drift.flags.missingOrExtra;
  }
  return flags;
}

// No drift at all.
function noFlags(): DriftFlags {
  return { commands: false, outputs: false, translated: false, missingOrExtra: false, testFlag: false };
}

// The first non-blank line of a block, trimmed, to name a missing or extra block.
function firstLine(block: Block): string {
  return block.rawLines.find((line) => line.trim() !== '')?.trim() ?? '';
}
