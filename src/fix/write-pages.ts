// Writing edited pages safely: each file as it was read before the run is kept, and a file is replaced (temp file +
// rename, mode kept; a symlinked page's target, the link kept) only when it still holds exactly that text, so nothing edited meanwhile is overwritten, and only
// when its new text parses to the same blocks with no new diagnostic (src/fix/reparse.ts).
import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyEdits, unifiedDiff, type LineEdit } from './page-edits.js';
import { reparseObjection, type ReparseOptions } from './reparse.js';

/** What happened to one file. */
export interface PageWrite {
  file: string;
  /** The unified diff of the change (empty when nothing changed). */
  diff: string;
  /** Whether the file was replaced (false in a dry run or when refused). */
  written: boolean;
  /** Why the file was not changed. */
  refused?: string;
  /** Where the reason points (a line of the new text) and its rule, when the new text was refused. */
  at?: { line: number; ruleId: string };
  /** Edits left out because their lines are not what the page had, or because they overlap. */
  skipped: LineEdit[];
}

/** The text of files as read now, to compare with before writing (undefined for a file that cannot be read). */
export function snapshotFiles(files: Iterable<string>): Map<string, string | undefined> {
  const texts = new Map<string, string | undefined>();
  for (const file of files) texts.set(file, readText(file));
  return texts;
}

/** Applies the edits to each file's snapshot and, unless `dry`, replaces the files that did not change meanwhile; a new
 * text that parses to other blocks or with a new diagnostic is refused (the reason is reported, the file left alone). */
export function writeEdits(edits: LineEdit[], snapshots: Map<string, string | undefined>, options: { dry: boolean } & ReparseOptions): PageWrite[] {
  const byFile = new Map<string, LineEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const results: PageWrite[] = [];
  for (const [file, fileEdits] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const before = snapshots.get(file);
    if (before === undefined) {
      results.push({ file, diff: '', written: false, refused: 'the file was not read before the run', skipped: fileEdits });
      continue;
    }
    const { text, skipped } = applyEdits(before, fileEdits);
    const diff = unifiedDiff(file, before, text);
    const objection = diff === '' ? undefined : reparseObjection(file, before, text, options);
    if (objection) {
      results.push({ file, diff, written: false, refused: objection.message, at: { line: objection.line, ruleId: objection.ruleId }, skipped });
      continue;
    }
    if (options.dry || diff === '') {
      results.push({ file, diff, written: false, skipped });
      continue;
    }
    if (readText(file) !== before) {
      results.push({ file, diff, written: false, refused: 'the file changed on disk during the run', skipped });
      continue;
    }
    const error = replaceFile(file, text);
    results.push({ file, diff, written: error === undefined, ...(error ? { refused: error } : {}), skipped });
  }
  return results;
}

// Reads a file as text, or undefined when it cannot be read.
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

// Writes a temp file beside the target and renames it over the target; returns the reason when it failed. A page that
// is a symlink (git keeps them) is written through to the file it points to, so the link stays a link.
function replaceFile(file: string, text: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(file);
    if (!statSync(target).isFile()) return `it is a link to ${target}, which is not a regular file`;
  } catch (error) {
    return `cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  const temp = join(dirname(target), `.${basename(target)}.istio-doctest-${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    chmodSync(temp, statSync(target).mode & 0o7777);
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temp file was never made.
    }
    const via = target === file ? '' : ` through its link to ${target}`;
    return `cannot write it${via} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}
