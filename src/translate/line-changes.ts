// The lines of a block as a reader compares them — commands apart from expected outputs, each with its file line —
// and the changed lines between a translation's block and its reference's, with a word diff for each changed pair.
import { diffArrays, diffWords } from 'diff';
import type { Block } from '../page/types.js';
import { alignSequences, type AlignedPair } from './sequence-alignment.js';
import { contentLines, dice, spacing, tokenBag } from './similarity.js';

/** One line of a block with the line it has in its file. */
export interface BlockLine {
  line: number;
  text: string;
}

/** A piece of a word diff: `removed` is the reference's text, `added` the translation's. */
export interface WordPart {
  value: string;
  added?: true;
  removed?: true;
}

/** A changed line: both sides when the line was edited, one side when it was added or removed. */
export interface LineChange {
  line?: number;
  text?: string;
  referenceLine?: number;
  referenceText?: string;
  words: WordPart[];
}

// Splits a block into command lines (`$ ` lines, continuations, heredoc bodies) and the rest (expected outputs, or the
// whole text of a block without commands); trailing blank lines never count.
export function blockLines(block: Block): { commands: BlockLine[]; outputs: BlockLine[] } {
  const texts = contentLines(block);
  const steps = block.syntax === 'bash' ? (block.steps ?? []) : [];
  const commands: BlockLine[] = [];
  const outputs: BlockLine[] = [];
  texts.forEach((text, k) => {
    const line = block.line + 1 + k;
    const inCommand = steps.some((step) => line >= step.line && line <= step.endLine);
    (inCommand ? commands : outputs).push({ line, text });
  });
  while (outputs.length > 0 && outputs[outputs.length - 1].text === '') outputs.pop();
  while (commands.length > 0 && commands[commands.length - 1].text === '') commands.pop();
  return { commands, outputs };
}

// The changed lines from the reference's lines to the translation's, in order; edited lines are paired one to one.
export function lineChanges(reference: BlockLine[], local: BlockLine[]): LineChange[] {
  const parts = diffArrays(
    reference.map((l) => spacing(l.text)),
    local.map((l) => spacing(l.text)),
  );
  const changes: LineChange[] = [];
  let r = 0;
  let l = 0;
  let removed: BlockLine[] = [];
  let added: BlockLine[] = [];
  const flush = () => {
    for (const pair of pairLines(removed, added)) {
      const before = pair.reference !== undefined ? removed[pair.reference] : undefined;
      const after = pair.local !== undefined ? added[pair.local] : undefined;
      if (before && after) changes.push({ line: after.line, text: after.text, referenceLine: before.line, referenceText: before.text, words: words(before.text, after.text) });
      else if (before) changes.push({ referenceLine: before.line, referenceText: before.text, words: [{ value: before.text, removed: true }] });
      else if (after) changes.push({ line: after.line, text: after.text, words: [{ value: after.text, added: true }] });
    }
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.removed) removed.push(...reference.slice(r, (r += part.count)));
    else if (part.added) added.push(...local.slice(l, (l += part.count)));
    else {
      flush();
      r += part.count;
      l += part.count;
    }
  }
  flush();
  return changes;
}

// Pairs the removed and added lines of one hunk that are edits of each other: line by line when as many were added
// as removed (an edit, a translation), else the lines with at least half their words, or their code before a `#`
// comment, in common; the others stay removed or added lines.
function pairLines(removed: BlockLine[], added: BlockLine[]): AlignedPair[] {
  if (removed.length === added.length) return removed.map((_, i) => ({ local: i, reference: i }));
  if (removed.length === 0 || added.length === 0) {
    return [...removed.map((_, i) => ({ reference: i })), ...added.map((_, i) => ({ local: i }))];
  }
  const before = removed.map((l) => ({ ...tokenBag(l.text), code: codeOf(l.text) }));
  const after = added.map((l) => ({ ...tokenBag(l.text), code: codeOf(l.text) }));
  return alignSequences(added.length, removed.length, (i, j) => {
    if (after[i].code !== '' && after[i].code === before[j].code) return 1;
    return dice(after[i].bag, after[i].size, before[j].bag, before[j].size) - 0.5 + 1e-9;
  });
}

// The code of a line before a ` #` comment, with spacing as compared ('' when the line has no comment).
function codeOf(text: string): string {
  const index = text.search(/(^|\s)#/);
  return index < 0 ? '' : spacing(text.slice(0, index)).trim();
}

/** Above this many characters (both sides together), or this many word edits, an edited line is shown whole, removed
 * then added: a word diff costs time growing with the words times the edits (two 20,000-word command lines took
 * minutes), and a line changed that much reads better whole anyway. */
export const WORD_DIFF_MAX_CHARS = 4000;
export const WORD_DIFF_MAX_EDITS = 200;

// Word diff of one edited line (jsdiff's diffWords), as plain parts; a whole-line change for very long or very changed lines.
function words(before: string, after: string): WordPart[] {
  const whole: WordPart[] = [{ value: before, removed: true }, { value: after, added: true }];
  if (before.length + after.length > WORD_DIFF_MAX_CHARS) return whole;
  const parts = diffWords(before, after, { maxEditLength: WORD_DIFF_MAX_EDITS });
  if (!parts) return whole;
  return parts.map((part) =>
    part.added ? { value: part.value, added: true } : part.removed ? { value: part.value, removed: true } : { value: part.value },
  );
}
