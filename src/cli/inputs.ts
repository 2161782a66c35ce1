// The pages a sub-command works on, read the same way by every one: a PATH or --vars file that does not exist, or
// paths holding no page, are bad usage (exit 2) before any work starts.
import { existsSync } from 'node:fs';
import { readVars } from '../config/vars.js';
import { loadPages, type LoadedPages, type LoadPagesOptions } from '../app/pages.js';
import { usageError } from './usage.js';

/** Loads the pages under the given paths, or prints the usage error and returns its exit code. */
export function loadInputs(command: string, paths: string[], varsFile: string | undefined, options: LoadPagesOptions = {}): LoadedPages | number {
  if (paths.length === 0) return usageError(`${command} needs at least one PATH`, command);
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0) return usageError(missing.map((path) => `${path}: no such file or folder`).join('; '), command);
  if (varsFile !== undefined) {
    const vars = readVars(varsFile);
    if (!vars.ok) return usageError(`--vars: ${vars.message}`, command);
  }
  const loaded = loadPages(paths, varsFile, options);
  if (loaded.pages.length === 0) return usageError(`no pages found in ${paths.join(', ')} (files, or folders searched for *.md)`, command);
  return loaded;
}
