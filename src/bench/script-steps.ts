// Part of `npm run bench:run`: the cost of a test-script verify step. A generated page of quick snippets and a
// test.sh calling `_verify_same snip_x "$snip_x_out"` for each, through the script runner, against plain bash sourcing
// the plain snips and calling each snippet once (the commands themselves). Then the same calls nested in a function
// (the runner sees one step; the session's `_verify_*` functions judge each call), with the runner's matcher served
// over its FIFO and, for comparison, with the CLI started per call. Prints figures; asserts nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { buildScriptPlan } from '../istio/script-plan.js';
import { splitScript } from '../istio/script-split.js';
import { boilerplateSources, formatSnips } from '../istio/snips.js';
import { loadPage } from '../page/load.js';
import type { RunEvent } from '../run/results.js';
import { runScript, type ScriptOptions } from '../run/run-script.js';

/** Nested calls timed with the CLI started per call (about 0.1 s each): fewer, one round. */
const CLI_CALLS = 20;
/** The project's CLI, which the session's `_verify_*` functions start when the runner serves no matcher. */
const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/istio-doctest.js');

// Writes an istio.io-like checkout with the page, its script and empty helper files; returns the paths.
function generate(dir: string, steps: number): { page: string; script: string; nested: string; nestedCli: string; plain: string; plainCli: string; root: string } {
  const root = join(dir, 'site');
  const docs = join(root, 'content', 'en', 'docs', 'bench');
  mkdirSync(docs, { recursive: true });
  mkdirSync(join(root, 'tests', 'util'), { recursive: true });
  for (const helper of ['verify.sh', 'debug.sh', 'helpers.sh']) writeFileSync(join(root, 'tests', 'util', helper), '\n');
  const blocks: string[] = [];
  const calls: string[] = [];
  for (let i = 0; i < steps; i++) {
    blocks.push(`{{< text bash >}}\n$ printf '%s-%04d\\n' pod ${i}\npod-${String(i).padStart(4, '0')}\n{{< /text >}}\n`);
    calls.push(`_verify_same snip_steps_${i + 1} "$snip_steps_${i + 1}_out"`);
  }
  const page = join(docs, 'index.md');
  writeFileSync(page, `---\ntitle: bench\ntest: yes\n---\n\n## Steps\n\n${blocks.join('\n')}`);
  const script = join(docs, 'test.sh');
  writeFileSync(script, `# @setup profile=none\nset -e\n${calls.join('\n')}\n# @cleanup\n:\n`);
  // The same calls in a function: one step for the runner, each call judged inside the session.
  const nestedScript = (name: string, some: string[]) => {
    const path = join(docs, name);
    writeFileSync(path, `# @setup profile=none\nset -e\ncheck_all() {\n${some.map((c) => `  ${c}`).join('\n')}\n}\ncheck_all\n# @cleanup\n:\n`);
    return path;
  };
  const nested = nestedScript('nested_test.sh', calls);
  const nestedCli = nestedScript('nested_cli_test.sh', calls.slice(0, CLI_CALLS));
  const snips = join(dir, 'snips.sh');
  const loaded = loadPage(page);
  writeFileSync(snips, formatSnips(loaded, undefined, boilerplateSources(loaded)).body);
  const plain = join(dir, 'plain.sh');
  writeFileSync(plain, `source ${snips}\n${calls.map((c) => `${c.split(' ')[1]} >/dev/null`).join('\n')}\n`);
  const plainCli = join(dir, 'plain-cli.sh');
  writeFileSync(plainCli, `source ${snips}\n${calls.slice(0, CLI_CALLS).map((c) => `${c.split(' ')[1]} >/dev/null`).join('\n')}\n`);
  return { page, script, nested, nestedCli, plain, plainCli, root };
}

// Runs a script through the runner; returns the time from its first step's start to its last step's report, and
// how many steps did not pass, and how many were snippet calls (nested calls included).
async function timeScript(script: string, page: string, root: string, options: Partial<ScriptOptions> = {}): Promise<{ stepsMs: number; failed: number; reported: number }> {
  const loaded = loadPage(page);
  const split = splitScript(script, readFileSync(script, 'utf8'));
  if (!split.ok) throw new Error(split.diagnostics[0].message);
  const plan = buildScriptPlan(split.script, loaded, { page: loaded, lang: 'en', load: () => undefined, varsOf: () => undefined, repoRoot: root, siteRoot: root });
  let first = 0;
  let last = 0;
  let failed = 0;
  let reported = 0;
  const emit = (event: RunEvent) => {
    if (event.type === 'step-start' && first === 0) first = performance.now();
    if (event.type === 'step') {
      last = performance.now();
      if (event.result.step.id.startsWith('snip_')) reported++;
      if (event.result.status !== 'passed') failed++;
    }
  };
  await runScript(plan, { stepTimeoutMs: 60000, retryTimeoutMs: 0, keepGoing: true, wait: false, emit, cli: CLI, ...options });
  return { stepsMs: last - first, failed, reported };
}

// Runs a plain bash script; returns its wall time.
async function timeBash(script: string, dir: string): Promise<number> {
  const t0 = performance.now();
  await execa('bash', ['--noprofile', '--norc', script], { stdout: { file: join(dir, 'plain.out') } });
  return performance.now() - t0;
}

/** Times the verify steps through the runner and the plain script; returns the report lines. */
export async function benchScriptSteps(dir: string, steps: number, rounds: number, pageStepMs?: number): Promise<string[]> {
  const { page, script, nested, nestedCli, plain, plainCli, root } = generate(dir, steps);
  await timeScript(script, page, root);
  const runner: { stepsMs: number; failed: number }[] = [];
  const inside: { stepsMs: number; failed: number; reported: number }[] = [];
  const bash: number[] = [];
  for (let round = 0; round < rounds; round++) {
    runner.push(await timeScript(script, page, root));
    inside.push(await timeScript(nested, page, root));
    bash.push(await timeBash(plain, dir));
  }
  const viaCli = await timeScript(nestedCli, page, root, { matchServer: false });
  const bashCli = await timeBash(plainCli, dir);
  const best = (values: number[]) => Math.min(...values);
  const steps_ = best(runner.map((r) => r.stepsMs));
  const inside_ = best(inside.map((r) => r.stepsMs));
  const bash_ = best(bash);
  const perCall = (steps_ - bash_) / steps;
  const perNested = (inside_ - bash_) / steps;
  const perCli = (viaCli.stepsMs - bashCli) / CLI_CALLS;
  return [
    `test script: ${steps} \`_verify_same snip_x "$snip_x_out"\` calls, ${runner[0].failed} not passing; plain bash sourcing plain snips, same snippet calls: ${bash_.toFixed(0)} ms`,
    `script runner, one step per call, first step to last: ${steps_.toFixed(0)} ms (${(steps_ / bash_).toFixed(1)}x plain bash)`,
    `overhead per verify call on top of the command: ${perCall.toFixed(2)} ms${pageStepMs ? ` (${(perCall / pageStepMs).toFixed(2)}x a page step's in this run: the ratio holds under load)` : ''}; target < 2 ms`,
    `the same calls nested in a function (one step; ${inside[0].reported} calls reported from the session's log, ${inside[0].failed} not passing): ${inside_.toFixed(0)} ms, ${perNested.toFixed(2)} ms per call on top of the command`,
    `nested calls starting the CLI per call instead of asking the runner's matcher (${CLI_CALLS} calls, ${viaCli.failed} not passing): ${perCli.toFixed(1)} ms per call, ${(perCli / perNested).toFixed(0)}x the served matcher`,
  ];
}
