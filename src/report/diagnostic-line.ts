// One diagnostic as one line: `file:line:column severity message [rule]`, the format editors and CI understand.
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../page/types.js';

/** A path as the reports show it: relative to the working folder when it lies under it, else as given. */
export function displayPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith(`..${sep}`) || shown === '..' || isAbsolute(shown) ? file : shown;
}

/** Formats a diagnostic for the console. */
export function diagnosticLine(d: Diagnostic): string {
  return `${displayPath(d.file)}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`;
}

// Formats a diagnostic as a GitHub Actions workflow command, so it shows on the pull request line.
export function githubAnnotation(d: Diagnostic): string {
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${level} file=${property(displayPath(d.file))},line=${d.line},col=${d.column},title=${property(d.ruleId)}::${escape(d.message)}`;
}
