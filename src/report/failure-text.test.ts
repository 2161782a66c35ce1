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
    const failure = { kind: 'line-differs' as const, file: step.file, line: 199, commandLine: 198, expected: '<title>Wikipedia, la enciclopedia libre</title>', actual: '<title>Wikipedia, the free encyclopedia</title>', short: 'expected "<title>Wikipedia, la enciclopedia libre</title>", got "<title>Wikipedia, the free encyclopedia</title>"' };
    const r = failed({ message: `the output does not match (auto: ${first})`, diff: `1 difference (lines):\n  ${first}\n--- expected`, failure });
    const head = failureHead(r, { kind: 'translated', reference: 'content/en/docs/demo/index.md', referenceLine: 207 });
    expect(head.where).toBe('content/es/docs/demo/index.md:199');
    expect(head.line).toBe('content/es/docs/demo/index.md:199: line-differs: expected "<title>Wikipedia, la enciclopedia libre</title>", got "<title>Wikipedia, the free encyclopedia</title>" (command at line 198)');
    expect(head.lines).toEqual([
      `  $ ${step.command}`,
      '  the output does not match (auto)',
      "  this block's expected output was translated from the reference page's at content/en/docs/demo/index.md:207 (see `istio-doctest drift`)",
    ]);
  });

  test('an output that does not match on a block the same as the reference says the reference expects the same output, at its line', () => {
    // The third expected line differs: the reference's third expected line is as far from its opener.
    const failure = { kind: 'line-missing' as const, file: step.file, line: 201, commandLine: 198, expected: 'x', short: 'not in the output: "x"' };
    const r = failed({ message: 'the output does not match (auto)', diff: '1 difference (lines):\n--- expected', failure });
    const head = failureHead(r, { kind: 'same', reference: 'content/en/docs/demo/index.md', referenceLine: 205 });
    expect(head.where).toBe('content/es/docs/demo/index.md:201');
    expect(head.lines[head.lines.length - 1]).toBe('  the reference page expects the same output (content/en/docs/demo/index.md:209): not a translation problem');
  });

  test('a command that failed points at the command line, and output drift is not mentioned', () => {
    const failure = { kind: 'exit-status' as const, file: step.file, line: 198, commandLine: 198, short: 'exit code 7' };
    const head = failureHead(failed({ message: 'exit code 7', exitCode: 7, failure }), { kind: 'output', reference: 'content/en/docs/demo/index.md', referenceLine: 207 });
    expect(head.where).toBe('content/es/docs/demo/index.md:198');
    expect(head.line).toBe('content/es/docs/demo/index.md:198: exit-status: exit code 7');
    expect(head.lines).toEqual([`  $ ${step.command}`, '  exit code 7']);
  });
});
