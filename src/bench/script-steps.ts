// Part of `npm run bench:run`: the cost of a test-script verify step. A generated page of quick snippets and a
// test.sh calling `_verify_same snip_x "$snip_x_out"` for each, through the script runner, against plain bash sourcing
// the plain snips and calling each snippet once (the commands themselves). Prints figures; asserts nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { buildScriptPlan } from '../istio/script-plan.js';
import { splitScript } from '../istio/script-split.js';
import { boilerplateSources, formatSnips } from '../istio/snips.js';
import { loadPage } from '../page/load.js';
import type { RunEvent } from '../run/results.js';
import { runScript } from '../run/run-script.js';

// Writes an istio.io-like checkout with the page, its script and empty helper files; returns the paths.
function generate(dir: string, steps: number): { page: string; script: string; plain: string; root: string } {
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
  const snips = join(dir, 'snips.sh');
  const loaded = loadPage(page);
  writeFileSync(snips, formatSnips(loaded, undefined, boilerplateSources(loaded)).body);
  const plain = join(dir, 'plain.sh');
  writeFileSync(plain, `source ${snips}\n${calls.map((c) => `${c.split(' ')[1]} >/dev/null`).join('\n')}\n`);
  return { page, script, plain, root };
}

/** Times the verify steps through the runner and the plain script; returns the report lines. */
export async function benchScriptSteps(dir: string, steps: number, rounds: number): Promise<string[]> {
  const { page, script, plain, root } = generate(dir, steps);
  const loaded = loadPage(page);
  const split = splitScript(script, await import('node:fs').then((fs) => fs.readFileSync(script, 'utf8')));
  if (!split.ok) throw new Error(split.diagnostics[0].message);
  const plan = buildScriptPlan(split.script, loaded, { page: loaded, lang: 'en', load: () => undefined, varsOf: () => undefined, repoRoot: root, siteRoot: root });
  const time = async () => {
    let first = 0;
    let last = 0;
    let failed = 0;
    const emit = (event: RunEvent) => {
      if (event.type === 'step-start' && first === 0) first = performance.now();
      if (event.type === 'step') {
        last = performance.now();
        if (event.result.status !== 'passed') failed++;
      }
    };
    await runScript(plan, { stepTimeoutMs: 10000, retryTimeoutMs: 0, keepGoing: true, wait: false, emit });
    return { stepsMs: last - first, failed };
  };
  await time();
  const runner: { stepsMs: number; failed: number }[] = [];
  const bash: number[] = [];
  for (let round = 0; round < rounds; round++) {
    runner.push(await time());
    const t0 = performance.now();
    await execa('bash', ['--noprofile', '--norc', plain], { stdout: { file: join(dir, 'plain.out') } });
    bash.push(performance.now() - t0);
  }
  const steps_ = Math.min(...runner.map((r) => r.stepsMs));
  const bash_ = Math.min(...bash);
  return [
    `test script: ${steps} \`_verify_same snip_x "$snip_x_out"\` calls, ${runner[0].failed} not passing`,
    `script runner, first step to last: ${steps_.toFixed(0)} ms; plain bash sourcing plain snips, same snippet calls: ${bash_.toFixed(0)} ms`,
    `overhead per verify call on top of the command: ${((steps_ - bash_) / steps).toFixed(2)} ms; target < 2 ms`,
  ];
}
