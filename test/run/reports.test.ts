// The run's reports: JUnit XML that CI servers accept, JSON event lines written as they happen, GitHub annotations.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stepAnnotation } from '../../src/report/github.js';
import { eventRecord, JsonEventsFile } from '../../src/report/json-events.js';
import { junitXml, xmlText } from '../../src/report/junit.js';
import { summaryTable } from '../../src/report/summary.js';
import type { PageResult, RunSummary, StepResult } from '../../src/run/results.js';
import type { PlannedStep } from '../../src/plan/plan.js';
import { verify } from '../../src/run/verify.js';
import { cell, runSummaryMarkdown } from '../../src/report/markdown-summary.js';
import { readRunRecords } from '../../src/overview/run-records.js';

const page = 'content/es/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';

function step(index: number, line: number, command: string, extra: Partial<PlannedStep> = {}): PlannedStep {
  return { id: `snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_${index}`, index, file: page, line, blockLine: line - 1, command, expected: '', verify: { mode: 'none' }, retry: true, cleanup: false, section: 'Usar un service', ...extra };
}

const titleDiff = '1 difference (lines):\n  line 1: expected "<title>Wikipedia, la enciclopedia libre</title>", got "<title>Wikipedia, the free encyclopedia</title>"\n--- expected\n+++ actual\n-<title>Wikipedia, la enciclopedia libre</title>\n+<title>Wikipedia, the free encyclopedia</title>\n';

const passed: StepResult = { step: step(1, 155, 'kubectl apply -f - <<EOF\nkind: Service\nEOF'), status: 'passed', attempts: 1, exitCode: 0, timedOut: false, durationMs: 152.4, output: 'service/my-wikipedia created\n', message: '', diff: '', warning: false };
const failed: StepResult = {
  step: step(4, 198, 'kubectl exec "$SOURCE_POD" -c curl -- curl -sS https://en.wikipedia.org/wiki/Main_Page | grep -o "<title>.*</title>"', { verify: { mode: 'auto' }, expected: '<title>Wikipedia, la enciclopedia libre</title>', expectedLine: 199 }),
  status: 'failed',
  attempts: 5,
  exitCode: 0,
  timedOut: false,
  durationMs: 4301,
  // A terminal colour sequence, a NUL, a form feed and a bell, as a misbehaving command could print.
  output: '\x1b[31m<title>Wikipedia, the free encyclopedia</title>\x1b[0m\x00\x0c\x07 & more\n',
  message: 'the output does not match (auto: line 1: expected "<title>Wikipedia, la enciclopedia libre</title>", got "<title>Wikipedia, the free encyclopedia</title>")',
  diff: titleDiff,
  warning: false,
};
const cleanupWarning: StepResult = { step: step(8, 243, 'kubectl delete destinationrule my-wikipedia', { id: 'snip_cleanup_1', cleanup: true }), status: 'failed', attempts: 1, exitCode: 1, timedOut: false, durationMs: 99, output: 'Error from server (NotFound): destinationrules.networking.istio.io "my-wikipedia" not found\n', message: 'exit code 1', diff: '', warning: true };
const skipped: StepResult = { step: step(5, 206, 'kubectl apply -f dr.yaml'), status: 'skipped', attempts: 0, timedOut: false, durationMs: 0, output: '', message: 'not run: an earlier step failed', diff: '', warning: false };
const pageResult: PageResult = { file: page, lang: 'es', status: 'failed', steps: [passed, failed, skipped, cleanupWarning], durationMs: 17300, message: '' };
const summary: RunSummary = { pages: [pageResult], skipped: [{ file: 'content/es/boilerplates/before-you-begin-egress.md', reason: 'a boilerplate' }], durationMs: 17400, exitCode: 1, interrupted: false };

describe('JUnit report', () => {
  const xml = junitXml(summary);

  test('a testsuite per page (named with its language) and a testcase per step named by block id, with file and line', () => {
    expect(xml).toContain(`<testsuite name="${page} [es]" tests="4" failures="1" errors="0" skipped="1" time="17.300">`);
    expect(xml).toContain(`<testcase name="snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_4" classname="${page}" file="${page}" line="198" time="4.301">`);
    expect(xml).toContain('<skipped message="not run: an earlier step failed"/>');
  });

  test('the failure carries the message and the diff, escaped; the output goes to system-out without control characters', () => {
    expect(xml).toContain('<failure message="the output does not match (auto: line 1: expected &quot;&lt;title&gt;Wikipedia, la enciclopedia libre&lt;/title&gt;&quot;');
    expect(xml).toContain('-&lt;title&gt;Wikipedia, la enciclopedia libre&lt;/title&gt;\n+&lt;title&gt;Wikipedia, the free encyclopedia&lt;/title&gt;');
    expect(xml).toContain('<system-out>&lt;title&gt;Wikipedia, the free encyclopedia&lt;/title&gt; &amp; more\n</system-out>');
    expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  });

  test('a failed cleanup step is not a failure, only a note', () => {
    expect(xml).toContain('<system-err>cleanup step failed: exit code 1</system-err>');
    expect(xml.match(/<failure /g)).toHaveLength(1);
  });

  test('text XML cannot hold is removed, text it can is kept', () => {
    expect(xmlText('a\x00b\x1bc\tline\r\nnext\ud800 ok \u00e9 \u6e05\u7406 \ud83d\ude00')).toBe('abc\tline\r\nnext ok é 清理 😀');
  });
});

describe('JSON events', () => {
  test('a step event has the fields the issue names, and the diff and output only when it did not pass', () => {
    // The page's language comes from its page-start.
    const langs = new Map<string, string>();
    eventRecord({ type: 'page-start', file: page, lang: 'es', steps: 4, token: 't' }, langs);
    expect(eventRecord({ type: 'step', page, result: passed, total: 28 }, langs)).toEqual({
      type: 'step', file: page, line: 155, id: passed.step.id, cleanup: false, status: 'passed', attempts: 1, exitCode: 0, durationMs: 152, page, lang: 'es', index: 1,
    });
    expect(eventRecord({ type: 'step', page, result: failed, total: 28 })).toMatchObject({ status: 'failed', attempts: 5, diff: titleDiff, output: failed.output });
    expect(eventRecord({ type: 'step', page, result: cleanupWarning, total: 28 })).toMatchObject({ cleanup: true, status: 'failed', warning: true });
    expect(eventRecord({ type: 'page', result: pageResult })).toMatchObject({ type: 'page', file: page, status: 'failed', passed: 1, failed: 1, skipped: 1, warnings: 1 });
  });

  test('each event is on disk as soon as it is written, one line each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-json-'));
    try {
      const file = join(dir, 'events.jsonl');
      const events = new JsonEventsFile(file);
      events.write({ type: 'page-start', file: page, lang: 'es', steps: 28, token: 'a1b2' });
      expect(readFileSync(file, 'utf8')).toBe(`{"type":"page-start","file":"${page}","lang":"es","steps":28,"token":"a1b2"}\n`);
      events.write({ type: 'step', page, result: passed, total: 28 });
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines).toHaveLength(3);
      expect(JSON.parse(lines[1])).toMatchObject({ type: 'step', status: 'passed' });
      events.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('JSON events on a full disk', () => {
  test('a write that fails leaves only whole lines in the file, and says why', () => {
    const mount = mkdtempSync(join(tmpdir(), 'doctest-full-'));
    try {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mount], { stdio: 'pipe' });
      } catch {
        console.log('skipped: cannot mount a small tmpfs here (needs root)');
        return;
      }
      const file = join(mount, 'events.jsonl');
      const events = new JsonEventsFile(file);
      // Long enough that a line straddles the end of the free space.
      const long = { ...failed, output: 'x'.repeat(3000) };
      let error: unknown;
      try {
        for (let i = 0; i < 100; i++) events.write({ type: 'step', page, result: long, total: 28 });
      } catch (e) {
        error = e;
      }
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines.at(-1)).toBe('');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines.slice(0, -1)) expect(JSON.parse(line)).toMatchObject({ type: 'step' });
    } finally {
      execFileSync('umount', [mount], { stdio: 'pipe' });
      rmSync(mount, { recursive: true, force: true });
    }
  });
});

describe('GitHub annotations', () => {
  test('a failing step is an error at its line of the markdown page; a cleanup failure is a warning; a pass is nothing', () => {
    const annotation = stepAnnotation(failed)!;
    expect(annotation).toMatch(new RegExp(`^::error file=${page.replace(/\//g, '\\/')},line=198,col=1,title=step-failed::\``));
    expect(annotation).toContain('after 5 attempts%0A1 difference (lines):%0A');
    expect(annotation).not.toContain('\n');
    expect(stepAnnotation(cleanupWarning)).toMatch(/^::warning file=.*,line=243,col=1,title=cleanup-failed::/);
    expect(stepAnnotation(passed)).toBeUndefined();
    expect(stepAnnotation(skipped)).toBeUndefined();
  });
});

describe('summary table', () => {
  test('one row per page with step counts, time and result, then the totals', () => {
    const table = summaryTable(summary);
    expect(table.split('\n')[0]).toMatch(/^page +lang +passed +failed +timeout +skipped +warnings +time +result$/);
    expect(table).toMatch(new RegExp(`^${page} +es +1 +1 +0 +1 +1 +17\\.3s +failed$`, 'm'));
    expect(table).toContain('1 page: 0 passed, 1 failed; 1 skipped; 17.4s');
  });
});

describe('one line for one failure', () => {
  // The run's own derivation for the failed step above: verify() on what the command printed.
  const verdict = verify(failed.step, { output: failed.output, exitCode: 0, droppedBytes: 0, timedOut: false, interrupted: false, durationMs: 4301, message: '', restarted: false, stateSaved: true });
  const withLine: StepResult = { ...failed, failure: verdict.failure };
  // The colour sequence is gone (the matcher's normalization); control characters are written as escapes, so the line stays one line.
  const line = `${page}:199: line-differs: expected "<title>Wikipedia, la enciclopedia libre</title>", got "<title>Wikipedia, the free encyclopedia</title>\\u0000\\f\\u0007 & more" (command at line 198)`;
  const escaped = line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  test('JUnit, the JSON event, the annotation and the Markdown summary tell the same line, at the expected line that differs', () => {
    expect(verdict.failure).toMatchObject({ kind: 'line-differs', line: 199, commandLine: 198 });
    const xml = junitXml({ ...summary, pages: [{ ...pageResult, steps: [passed, withLine] }] });
    expect(xml).toContain(`<failure message="${escaped}" type="line-differs">`);
    const record = eventRecord({ type: 'step', page, result: withLine, total: 4 });
    expect(record).toMatchObject({ line: 198, failureLine: line, failure: verdict.failure });
    const annotation = stepAnnotation(withLine)!;
    expect(annotation.startsWith(`::error file=${page},line=199,col=1,title=step-failed::${line.replace(/%/g, '%25')}%0A\``)).toBe(true);
    expect(runSummaryMarkdown({ ...summary, pages: [{ ...pageResult, steps: [passed, withLine] }] })).toContain(`[${cell(line)}](${page}#L199) `);
  });

  test('report --runs reads the failure back from the JSON event through its schema, and drops one that does not read', () => {
    const record = eventRecord({ type: 'step', page, result: withLine, total: 4 });
    const read = readRunRecords([{ name: 'events.jsonl', text: JSON.stringify(record) }]);
    expect(read.failedSteps(page)[0].failure).toEqual(verdict.failure);
    const bad = readRunRecords([{ name: 'events.jsonl', text: JSON.stringify({ ...record, failure: { kind: 'guess', line: 'x' } }) }]);
    expect(bad.failedSteps(page)[0]).not.toHaveProperty('failure');
  });
});
