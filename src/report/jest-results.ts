// Doc pages as Jest test results: a page is a test file, each step a test named `<line> <block id>: <first line of
// the command>` under the page's title; a failure is the matcher's diff and a code frame of the expected output.
import type { AssertionResult, TestResult } from '@jest/test-result';
import type { PlannedStep } from '../plan/plan.js';
import type { StepResult } from '../run/results.js';
import { codeFrame } from './code-frame.js';
import { failureLine } from './failure-line.js';

/** Jest's status of a test. */
export type JestStatus = AssertionResult['status'];

/** The test's name: `198 snip_x_4: kubectl exec ...` (the command's first line, cut at 100 characters). */
export function stepTitle(step: PlannedStep): string {
  const first = step.command.split('\n')[0];
  return `${step.line} ${step.id}: ${first.length > 100 ? `${first.slice(0, 99)}…` : first}`;
}

/** The one skipped test of a page without steps: Jest fails a test file that has no test at all. */
export function noStepsResult(title: string, reason: string): AssertionResult {
  const name = `0 (no steps): ${reason}`;
  return { ancestorTitles: [title], title: name, fullName: `${title} ${name}`, status: 'pending', duration: null, failureDetails: [], failureMessages: [], location: null, numPassingAsserts: 0 };
}

/** What Jest shows of a step: failed unless it passed, was skipped, or is a cleanup warning. */
export function jestStatus(r: StepResult): JestStatus {
  if (r.status === 'skipped') return 'pending';
  if (r.status === 'passed' || r.warning) return 'passed';
  return 'failed';
}

/** One step as a Jest test; `failure` is the message of a failed one (see stepFailure). */
export function assertionResult(title: string, step: PlannedStep, status: JestStatus, durationMs: number | null, failure?: string): AssertionResult {
  const name = stepTitle(step);
  return {
    ancestorTitles: [title],
    title: name,
    fullName: `${title} ${name}`,
    status,
    duration: durationMs === null ? null : Math.round(durationMs),
    failureDetails: failure ? [{ message: failure }] : [],
    failureMessages: failure ? [failure] : [],
    location: { line: step.line, column: 1 },
    numPassingAsserts: status === 'passed' ? 1 : 0,
  };
}

/**
 * A failed step's message: its one line (failureLine) when it points at an output line, what went wrong, the matcher's diff, a code frame of the
 * markdown around the expected output (the command when there is none) and an `at FILE:LINE:COLUMN` line at the
 * failing line, which Jest's GitHub Actions reporter turns into an annotation at that line. `lines` are the step's file's lines; `absolute` its absolute path.
 */
export function stepFailure(r: StepResult, lines: string[], absolute: string): string {
  const step = r.step;
  const attempts = r.attempts > 1 && !/\b\d+ attempts\b/.test(r.message) ? ` (${r.attempts} attempts)` : '';
  const exit = r.exitCode !== undefined && !/exit code/.test(r.message) ? `, exit code ${r.exitCode}` : '';
  // The failure's one line first when it points at an output line (where, and what differs there); a failure at the
  // command's line is told by its reason, which the test's title and the `at` line already place.
  const oneLine = r.failure && r.failure.line !== r.failure.commandLine ? `${failureLine(r.failure)}\n` : '';
  const head = `${oneLine}${r.message || r.status}${attempts}${exit}`;
  const from = step.expectedLine ?? step.line;
  const to = step.expectedLine !== undefined ? step.expectedLine + Math.max(0, step.expected.split('\n').length - 1) : step.line + step.command.split('\n').length - 1;
  const diff = r.diff ? `\n\n${r.diff.replace(/\n$/, '')}` : r.output ? `\n\noutput:\n${tail(r.output)}` : '';
  // Jest's GitHub reporter annotates the `at` line: the failing line, as the run's own annotations do.
  const at = r.failure?.line ?? from;
  return `${head}${diff}\n\n${codeFrame(step.file, lines, from, to)}\n    at ${absolute}:${at}:1`;
}

/** The failure message Jest prints under a test file: each failed test, titled and indented as Jest does. */
export function fileFailureMessage(results: AssertionResult[]): string | null {
  const failed = results.filter((r) => r.status === 'failed');
  if (failed.length === 0) return null;
  const indent = (text: string) => text.split('\n').map((line) => (line ? `    ${line}` : line)).join('\n');
  return failed.map((r) => `  ● ${[...r.ancestorTitles, r.title].join(' › ')}\n\n${indent(r.failureMessages.join('\n\n'))}\n`).join('\n');
}

/** Notes Jest prints under the file (its "console"): skipped steps and their reasons, cleanup warnings. */
export interface PageNote {
  type: 'info' | 'warn';
  message: string;
  origin: string;
}

/** A whole Jest test-file result from a page's tests. `skipped`: nothing of the page ran. */
export function testFileResult(testPath: string, tests: AssertionResult[], timing: { start: number; end: number }, notes: PageNote[], skipped: boolean): TestResult {
  const count = (status: JestStatus) => tests.filter((t) => t.status === status).length;
  return {
    leaks: false,
    numFailingTests: count('failed'),
    numPassingTests: count('passed'),
    numPendingTests: count('pending'),
    numTodoTests: 0,
    openHandles: [],
    perfStats: {
      start: timing.start,
      end: timing.end,
      runtime: timing.end - timing.start,
      slow: false,
      loadTestEnvironmentStart: timing.start,
      loadTestEnvironmentEnd: timing.start,
      setupAfterEnvStart: timing.start,
      setupAfterEnvEnd: timing.start,
      setupFilesStart: timing.start,
      setupFilesEnd: timing.start,
    },
    skipped,
    snapshot: { added: 0, fileDeleted: false, matched: 0, unchecked: 0, uncheckedKeys: [], unmatched: 0, updated: 0 },
    testFilePath: testPath,
    testResults: tests,
    failureMessage: fileFailureMessage(tests),
    ...(notes.length > 0 ? { console: notes } : {}),
  } as TestResult;
}

// The last lines of an output, enough to see why a command failed.
function tail(output: string): string {
  const lines = output.replace(/\n$/, '').split('\n');
  return (lines.length > 20 ? ['…', ...lines.slice(-20)] : lines).join('\n');
}
