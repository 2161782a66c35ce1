// A matcher that crashes is a bug to report, not an output that "does not match yet": it must never be retried.
import type { PlannedStep } from '../plan/plan.js';
import type { CommandResult } from '../shell/session.js';

jest.mock('../match/index.js', () => ({
  match: () => ({ ok: false, error: 'Cannot read properties of undefined', differences: [], diff: 'the diff', reason: 'internal error of the matcher' }),
}));

import { verify } from './verify.js';

const step: PlannedStep = {
  id: 'snip_get_pods_1', index: 1, file: 'content/en/docs/a/index.md', line: 10, blockLine: 9, expectedLine: 11,
  command: 'kubectl get pods', expected: 'NAME   READY\ncurl   1/1', verify: { mode: 'auto' }, retry: true, cleanup: false,
} as PlannedStep;
const result: CommandResult = { exitCode: 0, output: 'NAME   READY\ncurl   1/1\n', timedOut: false, interrupted: false, durationMs: 5, message: '', restarted: false } as CommandResult;

describe('verify', () => {
  test('an internal error of the matcher fails the step once, as a bug to report, and is not retried', () => {
    const verdict = verify(step, result);
    expect(verdict.ok).toBe(false);
    expect(verdict.retryable).toBe(false);
    expect(verdict.message).toMatch(/internal error of the matcher.*please report.*Cannot read properties of undefined/);
  });
});
