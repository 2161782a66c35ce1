// `npm run bench:run`: the runner's own cost. A generated page of 500 quick steps (echo, printf, assignments) through
// the runner's page API, against the same commands as one plain bash script, then the same with 500 snippet functions
// loaded in the shell first (the state the runner checks after each step is then istio.io-sized); then how soon a step
// that starts matching about 3 s after its first attempt is seen to pass; then a test script's verify calls
// (script-steps.ts); then the start-up of a one-step run beside Node and plain bash (startup.ts).
// Prints figures; asserts nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { loadPage } from '../page/load.js';
import type { RunEvent } from '../run/results.js';
import { runPage } from '../run/run-page.js';
import { buildPlan } from '../plan/build-plan.js';
import { benchScriptSteps } from './script-steps.js';
import { benchStartup } from './startup.js';

const STEPS = Number(process.env.BENCH_STEPS ?? 500);
const ROUNDS = 3;
const dir = mkdtempSync(join(tmpdir(), 'istio-doctest-bench-'));

// One quick command with the output it prints (empty for assignments), cycling through the three kinds.
function quickStep(i: number): { command: string; expected: string } {
  switch (i % 3) {
    case 0:
      // COUNT was set by the assignment step just before (none before the first step).
      return { command: `echo "step ${i}: $COUNT"`, expected: `step ${i}: ${i === 0 ? '' : i - 1}`.trimEnd() };
    case 1:
      return { command: `printf '%s-%04d\\n' pod ${i}`, expected: `pod-${String(i).padStart(4, '0')}` };
    default:
      return { command: `NAME_${i}=value-${i}; export COUNT=${i}`, expected: '' };
  }
}

/** Snippet functions shaped like istio.io's generated snips (a command with a heredoc each). */
const FUNCTIONS = 500;

// Writes a file of snippet functions like a generated snips.sh; returns its path.
function snippetFunctions(): string {
  const file = join(dir, 'snips.sh');
  const functions = Array.from({ length: FUNCTIONS }, (_, i) => `snip_bench_${i}() {\nkubectl apply -n ns-${i} -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bench-${i}\nEOF\n}\n`);
  writeFileSync(file, functions.join('\n'));
  return file;
}

// Writes the generated page and the equivalent plain script; with `preload`, both first source that file.
function generate(preload?: string): { page: string; script: string } {
  const blocks: string[] = [];
  const lines: string[] = ['set -o pipefail'];
  if (preload) {
    blocks.push(`{{< text bash >}}\n$ source ${preload}\n{{< /text >}}\n`);
    lines.push(`source ${preload}`);
  }
  for (let i = 0; i < STEPS; i++) {
    const { command, expected } = quickStep(i);
    blocks.push(`{{< text bash >}}\n$ ${command}\n${expected ? `${expected}\n` : ''}{{< /text >}}\n`);
    lines.push(command);
  }
  const name = preload ? 'loaded-steps' : 'quick-steps';
  const page = join(dir, `${name}.md`);
  writeFileSync(page, `---\ntitle: ${STEPS} quick steps\ntest: yes\n---\n\n## Steps\n\n${blocks.join('\n')}`);
  const script = join(dir, `${name}.sh`);
  writeFileSync(script, `${lines.join('\n')}\n`);
  return { page, script };
}

// Runs a plan through the runner and times the whole page and the stretch from the first step to the last.
async function timeRunner(page: string): Promise<{ wallMs: number; stepsMs: number; failed: number }> {
  const plan = buildPlan(loadPage(page));
  let first = 0;
  let last = 0;
  const emit = (event: RunEvent) => {
    if (event.type === 'step-start' && event.step.index === plan.steps.length - STEPS + 1) first = performance.now();
    if (event.type === 'step') last = performance.now();
  };
  const t0 = performance.now();
  const result = await runPage(plan, { stepTimeoutMs: 10000, retryTimeoutMs: 0, keepGoing: true, wait: false, emit });
  return { wallMs: performance.now() - t0, stepsMs: last - first, failed: result.steps.filter((s) => s.status !== 'passed').length };
}

// Runs the same commands as one bash script (output to a file, as the runner does).
async function timeBash(script: string): Promise<number> {
  const t0 = performance.now();
  await execa('bash', ['--noprofile', '--norc', script], { stdout: { file: join(dir, 'bash.out') }, stderr: 'inherit' });
  return performance.now() - t0;
}

// A step that matches once `afterMs` (about 3 s) have passed since the page's previous step: how long after that
// does it pass? Attempts start every second, so the answer depends on where the change falls between two of them.
async function detectionLatency(afterMs: number): Promise<{ latencyMs: number; attempts: number }> {
  const page = join(dir, 'eventually.md');
  writeFileSync(
    page,
    '---\ntitle: eventually consistent\ntest: yes\n---\n\n## Steps\n\n{{< text bash >}}\n$ date +%s%3N > ready-from\n{{< /text >}}\n\n' +
      '{{< text bash >}}\n$ if [ $(( $(date +%s%3N) - $(cat ready-from) )) -ge AFTER ]; then echo "1/1 Running"; else echo "0/1 ContainerCreating"; fi\n1/1 Running\n{{< /text >}}\n',
  );
  const plan = buildPlan(loadPage(page));
  plan.steps[0].command = `date +%s%3N > ${join(dir, 'ready-from')}`;
  plan.steps[1].command = plan.steps[1].command.replace('$(cat ready-from)', `$(cat ${join(dir, 'ready-from')})`).replace('AFTER', String(afterMs));
  let passedAt = 0;
  let attempts = 0;
  const emit = (event: RunEvent) => {
    if (event.type === 'step' && event.result.step.index === 2) {
      passedAt = Date.now();
      attempts = event.result.attempts;
    }
  };
  await runPage(plan, { stepTimeoutMs: 10000, retryTimeoutMs: 20000, keepGoing: false, wait: false, emit });
  const readyAt = Number(readFileSync(join(dir, 'ready-from'), 'utf8')) + afterMs;
  return { latencyMs: passedAt - readyAt, attempts };
}

try {
  const { page, script } = generate();
  await timeRunner(page); // warm-up: module loading, the first bash, the page cache
  const runner: { wallMs: number; stepsMs: number; failed: number }[] = [];
  const bash: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    runner.push(await timeRunner(page));
    bash.push(await timeBash(script));
  }
  const best = (values: number[]) => Math.min(...values);
  const runnerWall = best(runner.map((r) => r.wallMs));
  const runnerSteps = best(runner.map((r) => r.stepsMs));
  const bashWall = best(bash);
  // The same steps after a first step that loads the snippet functions (timed from the first quick step).
  const loaded = generate(snippetFunctions());
  await timeRunner(loaded.page);
  const loadedSteps: number[] = [];
  const loadedBash: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    loadedSteps.push((await timeRunner(loaded.page)).stepsMs);
    loadedBash.push(await timeBash(loaded.script));
  }
  const loadedPerStep = (best(loadedSteps) - best(loadedBash)) / STEPS;
  const latencies = [];
  for (const afterMs of [2900, 3150, 3400, 3650]) latencies.push({ afterMs, ...(await detectionLatency(afterMs)) });
  const worst = Math.max(...latencies.map((l) => l.latencyMs));
  const lines = [
    `machine: ${cpus().length} CPUs, load ${loadavg()[0].toFixed(2)}; best of ${ROUNDS} rounds`,
    `page: ${STEPS} quick steps (echo, printf, assignments), ${runner[0].failed} not passing`,
    `runner, whole page (session start, steps, final sweep): ${runnerWall.toFixed(0)} ms`,
    `runner, first step to last step: ${runnerSteps.toFixed(0)} ms`,
    `plain bash, same commands as one script: ${bashWall.toFixed(0)} ms`,
    `ratio of wall times (runner / bash): ${(runnerWall / bashWall).toFixed(1)}x`,
    `harness overhead per step: ${((runnerSteps - bashWall) / STEPS).toFixed(2)} ms (steps only), ${((runnerWall - bashWall) / STEPS).toFixed(2)} ms (whole page); target < 2 ms`,
    `with ${FUNCTIONS} snippet functions loaded: runner ${best(loadedSteps).toFixed(0)} ms for the ${STEPS} steps, plain bash ${best(loadedBash).toFixed(0)} ms (loading included); overhead per page step ${loadedPerStep.toFixed(2)} ms; target ≤ 2 ms`,
    `detection latency, a step that starts matching N s after its first attempt: ${latencies.map((l) => `${(l.afterMs / 1000).toFixed(2)} s → passed ${(l.latencyMs / 1000).toFixed(2)} s later (attempt ${l.attempts})`).join('; ')}`,
    `worst detection latency: ${(worst / 1000).toFixed(2)} s; target < 1 s`,
  ];
  lines.push(...(await benchScriptSteps(dir, STEPS, ROUNDS, (runnerSteps - bashWall) / STEPS)));
  lines.push(...(await benchStartup(dir, 7)));
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
