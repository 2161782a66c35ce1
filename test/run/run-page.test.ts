// One page through the runner's library API, without a cluster: order, retries, stop-and-clean-up, keep-going,
// interrupts, and the cleanup's warnings.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPage } from '../../src/page/load.js';
import type { RunEvent } from '../../src/run/results.js';
import { runPage, type PageOptions } from '../../src/run/run-page.js';
import { buildPlan } from '../../src/plan/build-plan.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'doctest-run-page-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Writes a page of bash blocks (`## heading` lines start sections) and returns its plan.
function plan(name: string, body: string) {
  const file = join(dir, `${name}.md`);
  writeFileSync(file, `---\ntitle: ${name}\ntest: yes\n---\n\n${body}`);
  return buildPlan(loadPage(file));
}

const block = (...lines: string[]) => `{{< text bash >}}\n${lines.join('\n')}\n{{< /text >}}\n\n`;

function options(extra: Partial<PageOptions> = {}): PageOptions & { events: RunEvent[] } {
  const events: RunEvent[] = [];
  return { stepTimeoutMs: 10000, retryTimeoutMs: 3000, keepGoing: false, wait: true, intervalMs: 50, killGraceMs: 300, emit: (e) => events.push(e), events, ...extra };
}

const statuses = (result: Awaited<ReturnType<typeof runPage>>) => result.steps.map((s) => `${s.step.index}:${s.status}`);

describe('running a page', () => {
  test('a failing step stops the page; the cleanup steps after it still run, with the variables the page set', async () => {
    const p = plan(
      'stop',
      `## Deploy\n\n${block('$ export APP=httpbin', '$ echo "deployed $APP"', 'deployed httpbin')}${block('$ echo "status: Pending"', 'status: Running')}${block('$ echo never')}## Cleanup\n\n${block('$ echo "deleting $APP"', 'deleting httpbin')}`,
    );
    const o = options({ retryTimeoutMs: 200 });
    const result = await runPage(p, o);
    expect(statuses(result)).toEqual(['1:passed', '2:passed', '3:failed', '4:skipped', '5:passed']);
    expect(result.status).toBe('failed');
    expect(result.steps[2]).toMatchObject({ output: 'status: Pending\n', diff: expect.stringContaining('Running') });
    expect(result.steps[3].message).toBe('not run: an earlier step failed');
    // Cleanup after a failure runs once, without retries.
    expect(result.steps[4]).toMatchObject({ attempts: 1, output: 'deleting httpbin\n' });
    const types = o.events.map((e) => e.type);
    expect(types.filter((t) => t !== 'attempt')).toEqual(['page-start', 'step-start', 'step', 'step-start', 'step', 'step-start', 'step', 'step', 'step-start', 'step', 'page']);
    expect(types.filter((t) => t === 'attempt').length).toBe(result.steps[2].attempts - 1);
  });

  test('--keep-going runs every step and reports every failure', async () => {
    const p = plan('keep', `## Steps\n\n${block('$ false')}${block('$ echo two', 'two')}${block('$ echo three', 'drei')}`);
    const result = await runPage(p, options({ keepGoing: true, retryTimeoutMs: 100 }));
    expect(statuses(result)).toEqual(['1:failed', '2:passed', '3:failed']);
    expect(result.steps[0].message).toBe('exit code 1');
  });

  test('an output that matches only after a while passes after several attempts', async () => {
    // A function stands for a program that reaches a cluster: what it does is not known, so it is retried.
    const p = plan('retry', `## Steps\n\n${block('$ pod_status() { n=$(cat attempts 2>/dev/null || echo 0); echo $((n + 1)) > attempts; if [ "$n" -ge 2 ]; then echo "1/1 Running"; else echo "0/1 ContainerCreating"; fi; }; pod_status', '1/1 Running')}`);
    const result = await runPage(p, options());
    expect(result.steps[0]).toMatchObject({ status: 'passed', attempts: 3, output: '1/1 Running\n' });
  });

  test('a step whose commands reach neither the cluster nor the network is attempted once, with the reason', async () => {
    const p = plan('local', `## Steps\n\n${block('$ echo "0/1 ContainerCreating" | tr -d x', '1/1 Running')}`);
    const o = options({ retryTimeoutMs: 60000 });
    const result = await runPage(p, o);
    expect(result.steps[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(result.steps[0].message).toContain('not retried: its commands (tr) reach neither the cluster nor the network');
    expect(o.events.filter((e) => e.type === 'attempt')).toEqual([]);
  });

  test('a failing cleanup step is a warning: the page still passes', async () => {
    const p = plan('warn', `## Steps\n\n${block('$ echo ok')}## Clean up\n\n${block('$ kubectl-not-installed delete namespace demo')}`);
    const result = await runPage(p, options());
    expect(result.status).toBe('passed');
    expect(result.steps[1]).toMatchObject({ status: 'failed', warning: true, exitCode: 127 });
  });

  test('an interrupt ends the running step, skips the rest, runs the cleanup, and marks the page interrupted', async () => {
    const p = plan('interrupt', `## Steps\n\n${block('$ export NS=demo')}${block('$ sleep 30')}${block('$ echo after')}## Cleanup\n\n${block('$ echo "cleaning $NS"', 'cleaning demo')}`);
    const controller = new AbortController();
    const o = options({ signal: controller.signal });
    const running = runPage(p, o);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (o.events.some((e) => e.type === 'step-start' && e.step.index === 2)) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    controller.abort();
    const result = await running;
    expect(statuses(result)).toEqual(['1:passed', '2:interrupted', '3:skipped', '4:passed']);
    expect(result.status).toBe('interrupted');
    expect(result.steps[2].message).toBe('not run: interrupted');
  });

  test('an interrupt while a step waits for its next attempt marks it interrupted, not failed', async () => {
    const p = plan('interrupt-retry', `## Steps\n\n${block('$ pod_status() { echo "0/1 ContainerCreating"; }; pod_status', '1/1 Running')}`);
    const controller = new AbortController();
    const o = options({ retryTimeoutMs: 60000, intervalMs: 5000, signal: controller.signal });
    const running = runPage(p, o);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (o.events.some((e) => e.type === 'attempt')) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    controller.abort();
    const result = await running;
    expect(result.steps[0]).toMatchObject({ status: 'interrupted', attempts: 1 });
    expect(result.steps[0].message).toMatch(/^interrupted/);
    expect(result.status).toBe('interrupted');
  });

  test('a step the spec skips is reported as skipped with the reason', async () => {
    const p = plan('skip', `## Steps\n\n${block('$ echo one')}${block('$ exit 1')}`);
    p.steps[1].skip = 'skipped by doctest.yaml: needs a second cluster';
    const result = await runPage(p, options());
    expect(statuses(result)).toEqual(['1:passed', '2:skipped']);
    expect(result.steps[1].message).toBe('skipped by doctest.yaml: needs a second cluster');
    expect(result.status).toBe('passed');
  });
});
