// Building diagnostics: every problem the parser finds becomes one of these, never an exception.
import { ruleInfo, rules, type RuleId } from './rules.js';
import type { Diagnostic, Severity } from './types.js';

/** What a diagnostic says and where; the severity defaults to the rule's. */
export interface DiagnosticOptions {
  /** The file as it was given (relative display is the reporter's job). */
  file: string;
  line: number;
  column?: number;
  ruleId: RuleId;
  message: string;
  severity?: Severity;
  expected?: string;
  actual?: string;
}

/** Creates a positioned diagnostic the way vfile's `file.message()` does, with the rule's default severity. */
export function diagnostic(options: DiagnosticOptions): Diagnostic {
  const { file, line, column = 1, ruleId, message, severity = rules[ruleId].severity, expected, actual } = options;
  return { file, line, column, severity, ruleId, message, ...(expected !== undefined ? { expected } : {}), ...(actual !== undefined ? { actual } : {}) };
}

/**
 * Diagnostics of a page that does not run (`test:` other than `yes`): a rule that only matters when the page runs
 * (`kubectl exec -it`) is a warning there, saying why.
 */
export function forPageThatDoesNotRun(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) =>
    d.severity === 'error' && ruleInfo(d.ruleId)?.runOnly ? { ...d, severity: 'warning', message: `${d.message} (a warning: no page that runs it was checked)` } : d,
  );
}

/** Orders diagnostics as an editor lists them: by file, then position. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
