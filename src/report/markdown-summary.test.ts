import type { PlannedStep } from '../plan/plan.js';
import type { RunSummary, StepResult } from '../run/results.js';
import { cell, checkSummaryMarkdown, githubLink, runSummaryMarkdown } from './markdown-summary.js';

const step = (line: number, id: string, command: string): PlannedStep => ({
  id, index: line, file: 'content/es/docs/a/index.md', line, blockLine: line - 1, command, expected: '', verify: { mode: 'auto' }, retry: true, cleanup: false, section: '',
});
const result = (s: PlannedStep, status: StepResult['status'], message = ''): StepResult => ({
  step: s, status, attempts: 1, timedOut: status === 'timeout', durationMs: 1200, output: '', message, diff: '', warning: false,
});

describe('the Markdown summary of a run', () => {
  const summary: RunSummary = {
    pages: [
      { file: 'content/es/docs/a/index.md', lang: 'es', status: 'failed', durationMs: 65000, message: '', steps: [
        result(step(10, 'snip_a_1', 'kubectl get ns'), 'passed'),
        result(step(20, 'snip_a_2', 'curl | grep title'), 'failed', 'the output does not match (auto: line 1: expected "a|b")'),
        result(step(30, 'snip_a_3', 'echo x'), 'skipped', 'not run: an earlier step failed'),
      ] },
      { file: 'content/uk/docs/a/index.md', lang: 'uk', status: 'passed', durationMs: 800, message: '', steps: [result(step(10, 'snip_a_1', 'kubectl get ns'), 'passed')] },
    ],
    skipped: [{ file: 'content/en/docs/b/index.md', reason: 'front matter test: no' }],
    durationMs: 66000,
    exitCode: 1,
    interrupted: false,
  };

  test('has one row per page with its language, step counts, duration and first failure linked to the GitHub blob of the run', () => {
    const link = githubLink({ GITHUB_REPOSITORY: 'istio/istio.io', GITHUB_SHA: 'abc123', GITHUB_SERVER_URL: 'https://github.com' });
    const lines = runSummaryMarkdown(summary, link).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '### istio-doctest run',
      '',
      '| page | language | passed | failed | skipped | duration | first failure |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| ❌ content/es/docs/a/index.md | es | 1 | 1 | 1 | 1m 05s | [content/es/docs/a/index.md:20](https://github.com/istio/istio.io/blob/abc123/content/es/docs/a/index.md#L20) snip\\_a\\_2: the output does not match (auto: line 1: expected "a\\|b") |',
    ]);
    expect(lines[5]).toBe('| ✅ content/uk/docs/a/index.md | uk | 1 | 0 | 0 | 800ms |  |');
    expect(lines[7]).toBe('2 pages run: 2 steps passed, 1 failed, 1 skipped in 1m 06s; 1 page not run.');
  });

  test('links relative to the repository outside GitHub Actions', () => {
    expect(runSummaryMarkdown(summary, githubLink({}))).toContain('](content/es/docs/a/index.md#L20)');
  });
});

describe('table cells', () => {
  test('escape pipes, markup and newlines so a message cannot break the table', () => {
    expect(cell('a | b\n<title>`x`</title> *y*')).toBe('a \\| b \\<title\\>\\`x\\`\\</title\\> \\*y\\*');
  });
});

describe('the Markdown summary of check', () => {
  test('counts errors and warnings per page and links the first error before any warning', () => {
    const text = checkSummaryMarkdown([
      { file: 'content/zh/a.md', lang: 'zh', blocks: 3, commands: 2, diagnostics: [
        { file: 'content/zh/a.md', line: 4, column: 1, severity: 'warning', ruleId: 'bash-no-command', message: 'no command' },
        { file: 'content/zh/a.md', line: 9, column: 1, severity: 'error', ruleId: 'text-unterminated', message: 'never closed' },
      ] },
    ]);
    expect(text).toContain('| ❌ content/zh/a.md | zh | 3 | 2 | 1 | 1 | [content/zh/a.md:9](content/zh/a.md#L9) never closed (text-unterminated) |');
    expect(text).toContain('1 page: 1 error, 1 warning.');
  });
});
