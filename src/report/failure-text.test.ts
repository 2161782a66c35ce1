import type { PlannedStep } from '../plan/plan.js';
import type { StepResult } from '../run/results.js';
import { failureHead } from './failure-text.js';

const step: PlannedStep = {
  id: 'snip_check_1',
  index: 3,
  file: 'content/es/docs/demo/index.md',
  line: 198,
  blockLine: 197,
  expectedLine: 199,
  command: 'kubectl exec "$SOURCE_POD" -c curl -- curl -sS https://en.wikipedia.org/wiki/Main_Page | grep -o "<title>.*</title>"',
  expected: '<title>Wikipedia, la enciclopedia libre</title>',
  verify: { mode: 'auto' },
  retry: true,
  cleanup: false,
  section: 'Check',
};

// A failed result of the step above.
function failed(overrides: Partial<StepResult>): StepResult {
  return { step, status: 'failed', attempts: 3, exitCode: 0, timedOut: false, durationMs: 2000, output: '', message: '', diff: '', warning: false, ...overrides };
}

describe('the head of a failure in the run report', () => {
  test('an output that does not match points at the expected-output line, says why once, and where the reference page differs', () => {
    const first = 'line 1: expected "<title>Wikipedia, la enciclopedia libre</title>", got "<title>Wikipedia, the free encyclopedia</title>"';
    const r = failed({ message: `the output does not match (auto: ${first})`, diff: `1 difference (lines):\n  ${first}\n--- expected` });
    const head = failureHead(r, { kind: 'translated', reference: 'content/en/docs/demo/index.md', referenceLine: 207 });
    expect(head.where).toBe('content/es/docs/demo/index.md:199');
    expect(head.lines).toEqual([
      `  $ ${step.command}`,
      '  the output does not match (auto)',
      "  this block's expected output was translated from the reference page's at content/en/docs/demo/index.md:207 (see `istio-doctest drift`)",
    ]);
  });

  test('an output that does not match on a block the same as the reference says the reference expects the same output, at its line', () => {
    const r = failed({ message: 'the output does not match (auto)', diff: '1 difference (lines):\n--- expected' });
    const head = failureHead(r, { kind: 'same', reference: 'content/en/docs/demo/index.md', referenceLine: 205 });
    expect(head.lines[head.lines.length - 1]).toBe('  the reference page expects the same output (content/en/docs/demo/index.md:207): not a translation problem');
  });

  test('a command that failed points at the command line, and output drift is not mentioned', () => {
    const head = failureHead(failed({ message: 'exit code 7', exitCode: 7 }), { kind: 'output', reference: 'content/en/docs/demo/index.md', referenceLine: 207 });
    expect(head.where).toBe('content/es/docs/demo/index.md:198');
    expect(head.lines).toEqual([`  $ ${step.command}`, '  exit code 7']);
  });
});
