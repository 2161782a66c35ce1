// Drift of a translation from its reference page: per aligned block, whether the commands, the expected outputs
// (or only their natural-language words) differ, which blocks are missing or extra, and the page-level facts a
// translator keeps in step with the reference (the `test` flag, the boilerplates included).
import type { Block, Page } from '../page/types.js';
import { blockSkip, type BlockSkip, type SkipCause } from '../config/skip-reason.js';
import type { Alignment } from './align.js';
import { blockLines, lineChanges, type LineChange } from './line-changes.js';
import { sameContent, spacing } from './similarity.js';
import { missingFix, noFix, syncFix, testFlagFix, type Fix, type FixAction } from './next-step.js';
import { changedWords, isTranslatedOutput, onlyCommentsChanged } from './translation.js';

// Syntaxes whose whole blocks are code with `#` comments: a translated comment is not a change of what runs. Not
// bash, whose blocks are split into commands (compared as code) and expected outputs (compared as text).
export const commentSyntaxes: ReadonlySet<string> = new Set(['sh', 'shell', 'zsh', 'yaml', 'yml', 'python', 'toml', 'dockerfile', 'docker', 'ruby', 'perl']);

/**
 * Every kind of block finding, listed once, in the order a block's findings are given: who fixes it (`sync` for what
 * it fixes by itself, `translate` and `edit` for a translator, `none` for the translation's own business) and whether
 * it is benign (counted as fine).
 */
export const DRIFT_KINDS = {
  same: { fix: 'none', benign: true },
  command: { fix: 'sync', benign: false },
  output: { fix: 'sync', benign: false },
  translated: { fix: 'translate', benign: false },
  comment: { fix: 'none', benign: true },
  placeholder: { fix: 'none', benign: true },
  missing: { fix: 'translate', benign: false },
  extra: { fix: 'edit', benign: false },
  // A bash block the reference runs that this page does not (`snip_id=none`, a `skip:` of its own doctest.yaml).
  'not-run': { fix: 'edit', benign: false },
} as const satisfies Record<string, { fix: FixAction; benign: boolean }>;
export type DriftKind = keyof typeof DRIFT_KINDS;
export const driftKinds = Object.keys(DRIFT_KINDS) as DriftKind[];
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
  /** The next step (set by comparePage on every finding). */
  fix?: Fix;
  /** For `not-run`: why this page does not run a block its reference runs (`snip_id=none`, its doctest.yaml's `skip:`). */
  reason?: string;
  /** For `not-run`: what keeps it from running here. */
  notRunCause?: SkipCause;
}

/** A boilerplate the translation or its reference includes, and how it compares. */
export interface IncludeDrift {
  name: string;
  /** Line of the `{{< boilerplate >}}` include in the translation (absent when only the reference includes it). */
  line?: number;
  file?: string;
  reference?: string;
  status: IncludeStatus;
  /** The next step, when the boilerplate is a finding (missing, extra, drifted). */
  fix?: Fix;
}

/** What kinds of drift a page shows, its included boilerplates' counted in. */
export interface DriftFlags {
  commands: boolean;
  outputs: boolean;
  /** An expected output changed (not only translated). */
  changedOutputs: boolean;
  translated: boolean;
  missingOrExtra: boolean;
  /** Only `#` comments of code differ: what runs is the same. */
  comments: boolean;
  /** Only `<placeholders>` of commands that never run (`snip_id=none`) differ. */
  placeholders: boolean;
  /** A block the reference runs is not run here (`snip_id=none`, a `doctest.yaml` `skip:` of this page only). */
  notRun: boolean;
  testFlag: boolean;
}

/** The drift of one translated page (or boilerplate) from its reference. */
export interface PageDrift {
  file: string;
  reference?: string;
  status: PageStatus;
  /** The `test:` flag of the page and of its reference, and the line of the page's `test:` key (when it has one). */
  test: { page: string | null; reference: string | null; line?: number; fix?: Fix };
  includes: IncludeDrift[];
  blocks: BlockDrift[];
  flags: DriftFlags;
}

/** Why a page's block does not run (see skipReason), undefined when it runs; the page's doctest.yaml counts in. */
export type NotRunOf = (page: Page, block: Block) => BlockSkip | undefined;

/** A page with its reference, when it has one. */
export interface DriftInput {
  page: Page;
  reference?: { page: Page; alignment: Alignment };
  /** Default: `snip_id=none` alone (no doctest.yaml). */
  notRunOf?: NotRunOf;
}

// A bash block's reason not to run, by its attributes alone.
export const notRunByAttributes: NotRunOf = (_page, block) => blockSkip(block, undefined);

/** For a matched pair of blocks: the kinds `sync` fixes by itself, and why it leaves the others (its notes). */
export type SyncableKinds = (local: Block, reference: Block) => { fixed: readonly DriftKind[]; notes: string[] };

// Compares two aligned blocks: `same`, or findings by kind — `command` (the commands that run differ), `output` (the
// expected output, or the text of a block without commands), `translated` (only prose of an expected output differs),
// `comment` (only `#` comments of code differ: it runs the same), `placeholder` (only `<placeholders>` of the commands
// of a block that never runs, `snip_id=none`, differ).
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
  const outputKind: DriftKind = code ? (onlyCommentsChanged(outputChanges) ? 'comment' : 'output') : isTranslatedOutput(outputChanges, commandWords) ? 'translated' : 'output';
  const neverRuns = local.attributes.named.snip_id === 'none' && reference.attributes.named.snip_id === 'none';
  const commandKind: DriftKind = commentsOnly ? 'comment' : neverRuns && onlyPlaceholdersChanged(commandChanges) ? 'placeholder' : 'command';
  const byKind = new Map<DriftKind, LineChange[]>();
  const add = (kind: DriftKind, changes: LineChange[]) => {
    if (changes.length > 0) byKind.set(kind, [...(byKind.get(kind) ?? []), ...changes]);
  };
  add(commandKind, commandChanges);
  add(outputKind, outputChanges);
  if (byKind.size === 0) return [{ ...at, kind: 'same', changes: [] }];
  return driftKinds
    .filter((kind) => byKind.has(kind))
    .map((kind) => ({ ...at, kind, changes: inBlockOrder(byKind.get(kind)!, reference.line - local.line) }));
}

// Whether edited command lines differ only inside `<...>` placeholders (`helm install <release> <chart>`).
function onlyPlaceholdersChanged(changes: LineChange[]): boolean {
  const blank = (text: string) => spacing(text).replace(/<[^<>]*>/g, '<>');
  return changes.length > 0 && changes.every((c) => c.text !== undefined && c.referenceText !== undefined && blank(c.text) === blank(c.referenceText));
}

// Changes of commands and outputs merged in the order of the block: by reference line, an added line placed by its
// own line shifted to the reference's numbering (a stable sort keeps the diff's order for ties).
function inBlockOrder(changes: LineChange[], shift: number): LineChange[] {
  const key = (c: LineChange) => c.referenceLine ?? (c.line ?? 0) + shift;
  return [...changes].sort((x, y) => key(x) - key(y));
}

// Compares a page with its reference; `included` gives the drift already computed for an included boilerplate, and
// `syncable` what sync would fix of a pair of blocks (each finding gets its next step from it).
export function comparePage(input: DriftInput, included: (page: Page) => PageDrift | undefined, syncable?: SyncableKinds): PageDrift {
  const { page, reference } = input;
  const line = keyLine(page, 'test');
  const test: PageDrift['test'] = { page: page.frontMatter.test ?? null, reference: reference?.page.frontMatter.test ?? null, ...(line ? { line } : {}) };
  if (!reference) return { file: page.file, status: 'no-reference', test, includes: [], blocks: [], flags: noFlags() };
  if (test.page !== test.reference) test.fix = testFlagFix(line, test.reference);
  const blocks: BlockDrift[] = [];
  const pairs = reference.alignment.pairs;
  // The end line of the block before each pair, and the line of the next block in order, to place a missing block.
  const inOrder = (k: number) => pairs[k].local !== undefined && !pairs[k].moved;
  let after: number | undefined;
  pairs.forEach((pair, k) => {
    const mine = pair.local !== undefined ? page.blocks[pair.local] : undefined;
    const theirs = pair.reference !== undefined ? reference.page.blocks[pair.reference] : undefined;
    if (mine && theirs) {
      const sync = syncable?.(mine, theirs);
      for (const b of withNotRun(compareBlocks(mine, theirs), notRun(input, mine, theirs))) {
        const fix = b.kind === 'not-run' ? notRunFix(b.notRunCause) : blockFix(page.file, b.kind, sync);
        blocks.push({ ...b, ...(pair.moved ? { moved: true } : {}), fix });
      }
    } else if (theirs) {
      const next = pairs.slice(k + 1).findIndex((_, j) => inOrder(k + 1 + j));
      const before = after === undefined && next >= 0 ? page.blocks[pairs[k + 1 + next].local!].line : undefined;
      const fix = missingFix(page, reference.page.lang, theirs.line, { ...(after !== undefined ? { after } : {}), ...(before !== undefined ? { before } : {}) });
      blocks.push({ id: theirs.id, syntax: theirs.syntax, kind: 'missing', referenceLine: theirs.line, changes: [], preview: firstLine(theirs), near: fix.after ?? (fix.before !== undefined ? fix.before - 1 : 1), fix });
    } else if (mine) {
      const fix: Fix = { action: 'edit', text: `remove this block (lines ${mine.line}–${mine.endLine}), or add it to ${reference.page.file}` };
      blocks.push({ id: mine.id, syntax: mine.syntax, kind: 'extra', line: mine.line, changes: [], preview: firstLine(mine), fix });
    }
    if (mine && inOrder(k)) after = mine.endLine;
  });
  const includes = compareIncludes(page, reference.page, included);
  const flags = flagsOf(blocks, includes, test, included, page);
  const drifted = blocks.some((b) => b.kind !== 'same') || includes.some((i) => i.status !== 'same' && i.status !== 'no-reference') || flags.testFlag;
  return { file: page.file, reference: reference.page.file, status: drifted ? 'drift' : 'same', test, includes, blocks, flags };
}

// Why a bash block the reference runs is not run by this page, if it is not: a step the translation skips would
// let its page pass without it.
function notRun(input: DriftInput, mine: Block, theirs: Block): BlockSkip | undefined {
  if (mine.syntax !== 'bash' || theirs.syntax !== 'bash' || !mine.steps?.length || !input.reference) return undefined;
  const of = input.notRunOf ?? notRunByAttributes;
  if (of(input.reference.page, theirs) !== undefined) return undefined;
  return of(input.page, mine);
}

// A block's findings with a `not-run` one added when it does not run here (in place of `same`).
function withNotRun(found: BlockDrift[], skip: BlockSkip | undefined): BlockDrift[] {
  if (skip === undefined) return found;
  const at = found[0];
  const others = found.filter((b) => b.kind !== 'same');
  return [...others, { id: at.id, syntax: at.syntax, kind: 'not-run', line: at.line, referenceLine: at.referenceLine, changes: [], reason: skip.reason, notRunCause: skip.cause }];
}

// The next step of a block this page does not run: undo what stops it (the reference runs it).
function notRunFix(cause: SkipCause | undefined): Fix {
  const what = cause === 'snip-id-none' ? 'remove `snip_id=none` from the block\'s opener' : 'remove the block\'s `skip:` from this page\'s doctest.yaml';
  return { action: 'edit', text: `${what}: the reference runs this block` };
}

// The next step of a finding of a matched pair: from the kinds table, and for what sync may fix, whether it does.
function blockFix(file: string, kind: DriftKind, sync: ReturnType<SyncableKinds> | undefined): Fix {
  const action = DRIFT_KINDS[kind].fix;
  if (kind === 'same') return noFix('nothing to do');
  if (kind === 'comment') return noFix('nothing to do: only translated comments differ, it runs the same');
  if (kind === 'placeholder') return noFix('nothing to do: only placeholders of a command that never runs differ');
  if (kind === 'translated') return { action: 'translate', text: 'the command prints what the reference shows: restore the reference\'s output lines (translate the prose around the block instead)' };
  if (action === 'sync' && sync && !sync.fixed.includes(kind)) {
    return { action: 'translate', text: `sync leaves it (${sync.notes[0] ?? 'a translated part changed with it'}): copy the reference's lines and translate them again` };
  }
  return syncFix(file);
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
      found.push({ name: include.name, line: include.line, file: include.file, status: 'extra', fix: { action: 'edit', text: `remove the include of ${include.name} on line ${include.line} (the reference does not include it)` } });
      continue;
    }
    const drift = include.page ? included(include.page) : undefined;
    // No drift entry: the include is the reference language's own file (a fallback), so it is the same.
    const status: IncludeStatus = drift ? drift.status : 'same';
    const fix: Fix | undefined = status === 'drift' ? noFix(`its findings are listed under ${include.file ?? include.name}`) : undefined;
    found.push({ name: include.name, line: include.line, file: include.file, reference: drift?.reference ?? other.file, status, ...(fix ? { fix } : {}) });
  }
  for (const include of reference.includes) {
    if (seen.has(include.name)) continue;
    seen.add(include.name);
    const fix: Fix = { action: 'edit', text: `include {{< boilerplate ${include.name} >}} where the reference does (its line ${include.line})` };
    found.push({ name: include.name, reference: include.file, status: 'missing', fix });
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
    changedOutputs: blocks.some((b) => b.kind === 'output'),
    translated: blocks.some((b) => b.kind === 'translated'),
    missingOrExtra: blocks.some((b) => b.kind === 'missing' || b.kind === 'extra') || includes.some((i) => i.status === 'missing' || i.status === 'extra'),
    comments: blocks.some((b) => b.kind === 'comment'),
    placeholders: blocks.some((b) => b.kind === 'placeholder'),
    notRun: blocks.some((b) => b.kind === 'not-run'),
    testFlag: test.page !== test.reference,
  };
  for (const include of page.includes) {
    const drift = include.page ? included(include.page) : undefined;
    if (!drift) continue;
    flags.commands ||= drift.flags.commands;
    flags.outputs ||= drift.flags.outputs;
    flags.changedOutputs ||= drift.flags.changedOutputs;
    flags.translated ||= drift.flags.translated;
    flags.missingOrExtra ||= drift.flags.missingOrExtra;
    flags.comments ||= drift.flags.comments;
    flags.placeholders ||= drift.flags.placeholders;
    flags.notRun ||= drift.flags.notRun;
  }
  return flags;
}

// No drift at all.
function noFlags(): DriftFlags {
  return { commands: false, outputs: false, changedOutputs: false, translated: false, missingOrExtra: false, comments: false, placeholders: false, notRun: false, testFlag: false };
}

// The line of a front matter key (`test:`), so a finding about it points where the translator edits it.
function keyLine(page: Page, key: string): number | undefined {
  if (page.lines[0]?.trimEnd() !== '---') return undefined;
  for (let i = 1; i < page.bodyLine - 1 && i < page.lines.length; i++) if (page.lines[i].startsWith(`${key}:`)) return i + 1;
  return undefined;
}

// The first non-blank line of a block, trimmed, to name a missing or extra block.
function firstLine(block: Block): string {
  return block.rawLines.find((line) => line.trim() !== '')?.trim() ?? '';
}
