// Replacing line ranges of a page's text, keeping its line endings: the one way `run --update` and `sync` change a file.
import { createTwoFilesPatch } from 'diff';

/** Lines `from`..`from + count - 1` (1-based) of `file` become `lines` (written with the file's line ending). */
export interface LineEdit {
  file: string;
  from: number;
  count: number;
  lines: string[];
  /** The lines the edit replaces, as the page was read: an edit whose lines are no longer these is left out. */
  before?: string[];
}

/** Applies edits to a text; edits must not overlap (overlapping ones after the first are left out and returned). */
export function applyEdits(text: string, edits: LineEdit[]): { text: string; skipped: LineEdit[] } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const sorted = [...edits].sort((x, y) => x.from - y.from);
  const kept: LineEdit[] = [];
  const skipped: LineEdit[] = [];
  let end = 0;
  for (const edit of sorted) {
    const stale = edit.before !== undefined && lines.slice(edit.from - 1, edit.from - 1 + edit.count).join('\n') !== edit.before.join('\n');
    if (stale || edit.from <= end || edit.from < 1 || edit.from - 1 + edit.count > lines.length) skipped.push(edit);
    else {
      kept.push(edit);
      end = edit.from + Math.max(edit.count, 1) - 1;
    }
  }
  // From the bottom up, so earlier line numbers stay true.
  for (const edit of kept.reverse()) lines.splice(edit.from - 1, edit.count, ...edit.lines);
  return { text: lines.join(eol), skipped };
}

/** A unified diff of a file's old and new text, as `diff -u` prints it (empty when they are equal). */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
