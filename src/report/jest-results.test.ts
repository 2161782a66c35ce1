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
});
