// The console reporter on a terminal (live line, colour) and in a CI log (plain lines, retry notes), fed the events a
// run emits; the live line fits the terminal by display width, so Chinese commands do not wrap.
import stringWidth from 'string-width';
import { ConsoleReporter } from '../../src/report/console.js';
import { fitWidth } from '../../src/report/fit-width.js';
import type { PlannedStep } from '../../src/plan/plan.js';
import type { PageResult, RunSummary, StepResult } from '../../src/run/results.js';

const page = 'content/zh/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';

function step(index: number, command: string): PlannedStep {
  return { id: `snip_step_${index}`, index, file: page, line: 40 + index * 5, blockLine: 39 + index * 5, command, expected: '', verify: { mode: 'auto' }, retry: true, cleanup: false, section: '部署' };
}

const chinese = step(2, 'kubectl exec "$SOURCE_POD" -c curl -- curl -sS http://example.com/这是一个很长的中文路径名称用来测试终端宽度的截断是否正确处理了双宽度字符/结束');
const passed: StepResult = { step: step(1, 'kubectl create namespace 示例'), status: 'passed', attempts: 1, exitCode: 0, timedOut: false, durationMs: 120, output: 'namespace/示例 created\n', message: '', diff: '', warning: false };
const failed: StepResult = {
  step: chinese,
  status: 'failed',
  attempts: 3,
  exitCode: 0,
  timedOut: false,
  durationMs: 3200,
  output: Array.from({ length: 1000 }, (_, i) => `line ${i + 1}`).join('\n'),
  message: 'the output does not match (auto)',
  diff: `--- expected\n+++ actual\n${Array.from({ length: 1000 }, (_, i) => `+line ${i + 1}`).join('\n')}\n`,
  failure: { kind: 'line-extra', file: page, line: 51, commandLine: 50, actual: 'line 2', short: 'not on the page: "line 2"' },
  warning: false,
};
const pageResult: PageResult = { file: page, lang: 'zh', status: 'failed', steps: [passed, failed], durationMs: 4000, message: '' };
const summary: RunSummary = { pages: [pageResult], skipped: [], durationMs: 4100, exitCode: 1, interrupted: false };

// Feeds a run of one page with a retried step to a reporter and returns what it wrote.
function feed(tty: boolean, columns = 80): string {
  let out = '';
  const reporter = new ConsoleReporter((text) => (out += text), { tty, color: tty, columns });
  reporter.on({ type: 'run-start', pages: [page], skipped: [] });
  reporter.on({ type: 'page-start', file: page, lang: 'zh', steps: 2, token: 't' });
  reporter.on({ type: 'step-start', page, step: passed.step, total: 2 });
  reporter.on({ type: 'step', page, result: passed, total: 2 });
  reporter.on({ type: 'step-start', page, step: chinese, total: 2 });
  reporter.on({ type: 'attempt', page, step: chinese, total: 2, attempt: 1, elapsedMs: 1000, message: 'the output does not match (auto)' });
  reporter.on({ type: 'step', page, result: failed, total: 2 });
  reporter.on({ type: 'page', result: pageResult });
  reporter.on({ type: 'run-end', summary });
  return out;
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

describe('the console reporter', () => {
  test('in a CI log: plain lines, no colour and no carriage returns, a note for the retry, the failure and the table', () => {
    const out = feed(false);
    expect(out).not.toMatch(/\x1b|\r/);
    expect(out).toContain(`▶ ${page} [zh] 2 steps\n`);
    expect(out).toContain('  ✓ 1/2 kubectl create namespace 示例 (120ms)\n');
    expect(out).toMatch(/ {4}… 2\/2 attempt 1 did not match \(the output does not match \(auto\)\); retrying \(1s\)\n/);
    // The failure's one line (as every report shows it), then the step.
    expect(out).toContain(`\n${page}:51: line-extra: not on the page: "line 2" (command at line 50)\n  snip_step_2  failed after 3 attempts, 3.2s\n`);
    expect(out).toMatch(/\n1 page: 0 passed, 1 failed; 4\.1s\n+$/);
  });

  test('a long diff is shown by its first and last lines, saying how many were left out', () => {
    const out = feed(false);
    expect(out).toContain('    +line 148\n');
    expect(out).not.toContain('    +line 149\n');
    expect(out).toContain('    … 802 lines not shown\n');
    expect(out).not.toContain('    +line 950\n');
    expect(out).toContain('    +line 951\n');
    expect(out).toContain('    +line 1000\n');
  });

  test('on a terminal: colour, and a live line redrawn in place that fits the width in display columns', () => {
    for (const columns of [40, 80, 120]) {
      const out = feed(true, columns);
      expect(out).toMatch(/\x1b\[31m/);
      const live = out.split('\r\x1b[K').map(stripAnsi).filter((s) => s.startsWith('  … 2/2'));
      expect(live.length).toBeGreaterThan(0);
      for (const line of live) expect(stringWidth(line)).toBeLessThanOrEqual(columns - 1);
      expect(live.some((line) => /[\u4e00-\u9fff]/.test(line) || columns < 60)).toBe(true);
    }
  });
});

describe('fitting text to a width', () => {
  test('counts CJK characters as two columns and never splits one', () => {
    expect(fitWidth('中文路径名称', 7)).toBe('中文路…');
    expect(stringWidth(fitWidth('中文路径名称', 7))).toBe(7);
    expect(fitWidth('short', 10)).toBe('short');
    expect(fitWidth('a😀b', 3)).toBe('a…');
  });
});
