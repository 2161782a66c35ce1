// `--changed FILE`: the pages a pull request changed, read from a list of paths (`git diff --name-only`), with the
// translations a changed reference page may have made stale. Bad usage (an unreadable list) is one line and exit 2.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { changedPaths, changeSet, type ChangeSet } from '../page/change-set.js';
import { LANGUAGE } from '../page/site-path.js';
import { usageError } from './usage.js';

// Whether a regular file is there (a removed page, a folder or a device is no page).
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

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
  try {
    if (list !== '-' && !statSync(list).isFile()) return usageError(`--changed ${list}: not a regular file`, command);
    text = readFileSync(list === '-' ? 0 : list, 'utf8');
  } catch (error) {
    return usageError(`--changed ${list}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, command);
  }
  return changeSet(changedPaths(text), reference, { exists: isFile, languages });
}

/** One line saying what a change set holds, for a run that has nothing to do with it. */
export function changeSetLine(set: ChangeSet): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(set.changed.length, 'changed page')}, ${n(set.stale.length, 'translation')} of changed reference pages, ${n(set.ignored.length, 'other path')}`;
}
