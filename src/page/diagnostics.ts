// Building diagnostics: every problem the parser finds becomes one of these, never an exception.
import type { Diagnostic, Severity } from './types.js';

// Creates a positioned diagnostic the way vfile's `file.message()` does.
export function diagnostic(
  file: string,
  line: number,
  column: number,
  severity: Severity,
  ruleId: string,
  message: string,
  extra: { expected?: string; actual?: string } = {},
): Diagnostic {
  return { file, line, column, severity, ruleId, message, ...extra };
}

// Orders diagnostics as an editor lists them: by file, then position.
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
