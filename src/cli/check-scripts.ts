// `check`: the istio.io test scripts beside the checked pages (and folder tests under the PATH folders), split and
// parsed as `run` would, so a script that cannot run is a positioned error before any cluster is involved.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { readStatements } from '../istio/script-statements.js';
import { folderTests, scriptsIn } from '../istio/script-files.js';
import { splitScript } from '../istio/script-split.js';
import type { Diagnostic, Page } from '../page/types.js';
import { readRegularFile } from '../page/regular-file.js';

/** A checked script and its problems (none when it splits and parses). */
export interface CheckedScript {
  file: string;
  diagnostics: Diagnostic[];
}

/** The scripts beside the pages (an `index.md`'s folder is its test) and the folder tests under the PATH folders,
 * each once, sorted, with the problems that would keep `run` from running them. */
export function checkedScripts(pages: Page[], paths: string[]): CheckedScript[] {
  const files = new Set<string>();
  for (const page of pages) if (page.isHugo && basename(page.file) === 'index.md') for (const file of scriptsIn(dirname(page.file))) files.add(resolve(file));
  const dirs = paths.filter((path) => existsSync(path) && statSync(path).isDirectory());
  for (const file of folderTests(dirs)) files.add(resolve(file));
  return [...files].sort().map((file) => {
    const shown = relative(process.cwd(), file) || file;
    return { file: shown, diagnostics: scriptProblems(shown, file) };
  });
}

// The split and syntax problems of one script, as `run` reports them.
function scriptProblems(shown: string, file: string): Diagnostic[] {
  const read = readRegularFile(file);
  if (!read.ok) return [{ file: shown, line: 1, column: 1, severity: 'error', ruleId: 'file-unreadable', message: `cannot read the script (${read.code === 'ENOTREG' ? read.reason : read.code})` }];
  const text = read.text;
  const split = splitScript(shown, text);
  if (!split.ok) return split.diagnostics;
  const parts = [split.script.test, split.script.cleanup].map((part) => readStatements(shown, part));
  return parts.flatMap((read) => (read.ok ? [] : read.diagnostics));
}
