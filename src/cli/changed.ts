// `--changed FILE`: the pages a pull request changed, read from a list of paths (`git diff --name-only`), with the
// translations a changed reference page may have made stale. Bad usage (an unreadable list) is one line and exit 2.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedPaths, changeSet, type ChangeSet } from '../page/change-set.js';
import { notRegularFile, readRegularFile } from '../page/regular-file.js';
import { LANGUAGE } from '../page/site-path.js';
import { usageError } from './usage.js';

// The language folders under a site's content/.
function languages(siteRoot: string): string[] {
  try {
    return readdirSync(join(siteRoot || '.', 'content'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && LANGUAGE.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** Reads the list of changed paths (`-` for standard input) into a change set, or prints the usage error. */
export function readChangeSet(list: string, reference: string, command: string): ChangeSet | number {
  let text: string;
  if (list === '-') {
    try {
      text = readFileSync(0, 'utf8');
    } catch (error) {
      return usageError(`--changed -: cannot read standard input (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, command);
    }
  } else {
    const read = readRegularFile(list);
    if (!read.ok) return usageError(`--changed ${list}: cannot read it (${read.reason})`, command);
    text = read.text;
  }
  return changeSet(changedPaths(text), reference, { exists: (path) => notRegularFile(path) === undefined, languages });
}

/** One line saying what a change set holds, for a run that has nothing to do with it. */
export function changeSetLine(set: ChangeSet): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(set.changed.length, 'changed page')}, ${n(set.stale.length, 'translation')} of changed reference pages, ${n(set.ignored.length, 'other path')}`;
}
