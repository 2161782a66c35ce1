// Bringing one translated block up to date with its reference block: the hunks where commands (or untranslated
// outputs) changed take the reference's lines; translated outputs and `#` comments stay the translator's. Pure.
import { diffArrays } from 'diff';
import type { Block } from '../page/types.js';
import { commentSyntaxes, compareBlocks, type DriftKind } from './drift.js';
import { spacing } from './similarity.js';
import { splitComment } from './translation.js';

/** What `sync` may change: commands, expected outputs (never translated ones), or both. */
export const SYNC_ONLY = ['all', 'commands', 'outputs'] as const;
export type SyncOnly = (typeof SYNC_ONLY)[number];

/** Something in a block `sync` leaves to a translator, at a line of the translation. */
export interface BlockNote {
  line: number;
  message: string;
}

/** Drift that is a translation's own business (translated `#` comments, `<placeholders>` of blocks that never run). */
export const ACCEPTED_KINDS: readonly DriftKind[] = ['same', 'comment', 'placeholder'];

/** The block's new content lines (undefined when nothing changes) and what is left to a translator. */
export interface BlockSync {
  lines?: string[];
  /** The drift kinds the block had, and which of them the new lines fix. */
  kinds: DriftKind[];
  fixed: DriftKind[];
  notes: BlockNote[];
}

// A content line of a block with its place, and whether it belongs to a command.
interface Line {
  raw: string;
  text: string;
  command: boolean;
  line: number;
}

/** Syncs one aligned pair of blocks: the translation's content lines made to match the reference where allowed. */
export function syncBlock(local: Block, reference: Block, only: SyncOnly): BlockSync {
  const findings = compareBlocks(local, reference);
  const kinds = findings.map((f) => f.kind);
  const wantCommands = only !== 'outputs' && kinds.includes('command');
  const wantOutputs = only !== 'commands' && kinds.includes('output');
  const notes: BlockNote[] = [];
  if (kinds.includes('translated')) notes.push({ line: local.line, message: 'translated output: kept (a step cannot pass with it); check it against the reference' });
  if (!wantCommands && !wantOutputs) return { kinds, fixed: [], notes };
  const mine = linesOf(local);
  const theirs = linesOf(reference);
  const tail = local.rawLines.slice(mine.length);
  const keepComments = !kinds.includes('output');
  // Only code has comments: a `#` line of an expected output (a banner, `### Welcome ###`) is output text.
  const codeLine = (l: Line) => l.command || commentSyntaxes.has(local.syntax);
  const out: string[] = [];
  let applied = false;
  // The kinds of which a changed hunk was kept as the translation has it: not fixed.
  const kept = new Set<DriftKind>();
  let m = 0;
  let t = 0;
  // Decides one hunk: the reference's lines where they fix what was asked, the translation's otherwise.
  const decide = (removed: Line[], added: Line[]) => {
    const command = [...removed, ...added].some((l) => l.command);
    const output = removed.some((l) => !l.command);
    const onlyComments = removed.length === added.length && removed.every((l, k) => codeLine(l) && sameCode(l.text, added[k].text));
    const take = !onlyComments && (command ? wantCommands && (!output || wantOutputs) : wantOutputs);
    if (!take) {
      out.push(...removed.map((l) => l.raw));
      // Translated comments are the translation's own; any other hunk kept leaves its kind unfixed.
      if (!onlyComments) kept.add(command ? 'command' : 'output');
      if (command && wantCommands && !onlyComments) notes.push({ line: (removed[0] ?? added[0]).line, message: 'a command and its translated output changed together: left as it is' });
      return;
    }
    applied = true;
    added.forEach((l, k) => {
      const before = removed.length === added.length ? removed[k] : undefined;
      // Program output (a banner in a `plain` block) has no comments: its reference line is simply taken.
      out.push(local.indent + (codeLine(l) ? withComment(l.text, before?.text, keepComments, notes, before?.line ?? local.line) : l.text));
    });
  };
  let removed: Line[] = [];
  let added: Line[] = [];
  const flush = () => {
    for (const [r, a] of byKind(removed, added)) decide(r, a);
    removed = [];
    added = [];
  };
  for (const change of diffArrays(mine.map((l) => spacing(l.text)), theirs.map((l) => spacing(l.text)))) {
    if (change.removed) for (let k = 0; k < change.count; k++) removed.push(mine[m++]);
    else if (change.added) for (let k = 0; k < change.count; k++) added.push(theirs[t++]);
    else {
      flush();
      for (let k = 0; k < change.count; k++, m++, t++) out.push(mine[m].raw);
    }
  }
  flush();
  if (!applied) {
    if (wantOutputs && !kinds.includes('command')) notes.push({ line: local.line, message: 'the output differs only in translated # comments: kept' });
    return { kinds, fixed: [], notes };
  }
  const fixed = kinds.filter((k) => ((k === 'command' && wantCommands) || (k === 'output' && wantOutputs)) && !kept.has(k));
  return { lines: [...out, ...tail], kinds, fixed, notes };
}

// A hunk cut where it goes from command lines to output lines, when both sides go through the same kinds in the same
// order (a changed command followed by its changed output): each part is decided on its own.
function byKind(removed: Line[], added: Line[]): [Line[], Line[]][] {
  if (removed.length === 0 && added.length === 0) return [];
  const runs = (lines: Line[]) => {
    const out: Line[][] = [];
    for (const l of lines) {
      const last = out[out.length - 1];
      if (last && last[0].command === l.command) last.push(l);
      else out.push([l]);
    }
    return out;
  };
  const r = runs(removed);
  const a = runs(added);
  if (r.length !== a.length || r.some((run, k) => run[0].command !== a[k][0].command)) return [[removed, added]];
  return r.map((run, k) => [run, a[k]]);
}

// The block's content lines up to its last non-blank one, without the opener's indentation, each marked command or not.
function linesOf(block: Block): Line[] {
  let n = block.rawLines.length;
  while (n > 0 && block.rawLines[n - 1].trim() === '') n--;
  const steps = block.syntax === 'bash' ? (block.steps ?? []) : [];
  return block.rawLines.slice(0, n).map((raw, k) => {
    const line = block.line + 1 + k;
    const text = raw.startsWith(block.indent) ? raw.slice(block.indent.length) : raw.trimStart();
    return { raw, text, command: steps.some((s) => line >= s.line && line <= s.endLine), line };
  });
}

// Whether two lines differ in their `#` comment only.
function sameCode(a: string, b: string): boolean {
  const x = splitComment(a);
  const y = splitComment(b);
  return x.comment !== '' && y.comment !== '' && spacing(x.code) === spacing(y.code);
}

// The reference line to write, with the translation's `#` comment in place of the reference's when only commands
// changed; otherwise a translated comment that is lost is noted.
function withComment(reference: string, translated: string | undefined, keep: boolean, notes: BlockNote[], line: number): string {
  const text = reference;
  if (translated === undefined) return text;
  const mine = splitComment(translated);
  const theirs = splitComment(text);
  if (mine.comment === '' || mine.comment === theirs.comment) return text;
  if (keep && theirs.comment !== '') return `${text.slice(0, text.length - theirs.comment.length)}${mine.comment}`;
  notes.push({ line, message: `the translated comment ${JSON.stringify(mine.comment.slice(0, 60))} was replaced by the reference's line: translate it again` });
  return text;
}
