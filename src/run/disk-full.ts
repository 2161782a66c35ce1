// A step after which the session's disk was full (the shell room tells, `fullFolder`): its verdict cannot be trusted.
import type { StepResult } from './results.js';

/**
 * A step's result when the disk filled during it: a pass is not to be trusted (its output, and the runner's log of its
 * nested verify calls, may be cut short), so it fails (a warning for a cleanup step); a failure says why too.
 */
export function withFullDisk(result: StepResult, folder: string): StepResult {
  const why = `the disk holding ${folder} was full after this step (no space left): its output and the runner's own files may be cut short; free some space or set TMPDIR to a larger folder`;
  if (result.status === 'skipped' || result.status === 'interrupted') return result;
  const message = result.status === 'passed' ? why : `${result.message}; ${why}`;
  return { ...result, status: result.status === 'passed' ? 'failed' : result.status, message, warning: result.step.cleanup };
}
