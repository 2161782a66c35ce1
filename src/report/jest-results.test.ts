import type { PlannedStep } from '../plan/plan.js';
import type { StepResult } from '../run/results.js';
import { stepFailure } from './jest-results.js';

const step: PlannedStep = {
  id: 'snip_verify_1',
  index: 3,
  file: 'content/uk/docs/tasks/x/index.md',
  line: 12,
  blockLine: 11,
  expectedLine: 13,
  command: 'kubectl get pods',
  expected: 'NAME   READY\ncurl   1/1',
  verify: { mode: 'same' },
  retry: true,
  cleanup: false,
  section: 'Verify',
};
const lines = ['---', 'title: X', '---', '', '', '', '', '', '', '', '{{< text bash >}}', '$ kubectl get pods', 'NAME   READY', 'curl   1/1', '{{< /text >}}'];
const result = (message: string, attempts: number): StepResult => ({ step, status: 'failed', attempts, exitCode: 0, timedOut: false, durationMs: 2000, output: '', message, diff: '', warning: false });

describe('a failed step as Jest shows it', () => {
  test('names the attempts once, whether or not the runner\'s message already counts them', () => {
    const script = stepFailure(result('the output does not match (same); gave up after 2s (VERIFY_TIMEOUT), 2 attempts', 2), lines, '/site/x.md');
    expect(script.split('\n')[0]).toBe('the output does not match (same); gave up after 2s (VERIFY_TIMEOUT), 2 attempts, exit code 0');
    const page = stepFailure(result('the output does not match', 3), lines, '/site/x.md');
    expect(page.split('\n')[0]).toBe('the output does not match (3 attempts), exit code 0');
  });

  test('starts with the failure\'s one line and is annotated at the failing line, not the first expected line', () => {
    const failure = { kind: 'line-differs' as const, file: step.file, line: 14, commandLine: 12, column: 'READY', expected: '1/1', actual: '0/1', short: 'column READY: expected "1/1", got "0/1"' };
    const message = stepFailure({ ...result('the output does not match (same)', 3), failure }, lines, '/site/x.md');
    expect(message.split('\n')[0]).toBe('content/uk/docs/tasks/x/index.md:14: line-differs: column READY: expected "1/1", got "0/1" (command at line 12)');
    expect(message.split('\n')[1]).toBe('the output does not match (same) (3 attempts), exit code 0');
    expect(message.endsWith('\n    at /site/x.md:14:1')).toBe(true);
    // A failure at the command's line is told by its reason first, as before.
    const exit = stepFailure({ ...result('exit code 1', 1), failure: { kind: 'exit-status', file: step.file, line: 12, commandLine: 12, short: 'exit code 1' } }, lines, '/site/x.md');
    expect(exit.split('\n')[0]).toBe('exit code 1');
  });
});
