import type { PlannedStep } from '../plan/plan.js';
import type { StepResult } from './results.js';
import { needsPicture } from './run-page.js';

const result = (status: StepResult['status'], warning = false): StepResult => ({
  step: { id: 'snip_x_1', command: 'kubectl get pods' } as PlannedStep,
  status,
  attempts: 1,
  timedOut: status === 'timeout',
  durationMs: 1,
  output: '',
  message: '',
  diff: '',
  warning,
});

describe('needsPicture', () => {
  test('a failed or timed-out step of a page that calls kubectl gets the cluster picture', () => {
    expect(needsPicture(result('failed'), ['kubectl', 'curl'], {})).toBe(true);
    expect(needsPicture(result('timeout'), ['kubectl'], {})).toBe(true);
  });

  test('passed, skipped and interrupted steps, cleanup warnings, pages without kubectl and diagnostics turned off get none', () => {
    expect(needsPicture(result('passed'), ['kubectl'], {})).toBe(false);
    expect(needsPicture(result('skipped'), ['kubectl'], {})).toBe(false);
    expect(needsPicture(result('interrupted'), ['kubectl'], {})).toBe(false);
    expect(needsPicture(result('failed', true), ['kubectl'], {})).toBe(false);
    expect(needsPicture(result('failed'), ['istioctl', 'curl'], {})).toBe(false);
    expect(needsPicture(result('timeout'), ['kubectl'], { diagnostics: false })).toBe(false);
  });
});
