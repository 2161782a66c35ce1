// One diagnostic as one line: `file:line:column severity message [rule]`, the format editors and CI understand.
import type { Diagnostic } from '../page/types.js';

// Formats a diagnostic for the console.
export function diagnosticLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`;
}

// Formats a diagnostic as a GitHub Actions workflow command, so it shows on the pull request line.
export function githubAnnotation(d: Diagnostic): string {
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${level} file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.ruleId)}::${escape(d.message)}`;
}
