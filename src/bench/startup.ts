// Start-up of `istio-doctest run` on a one-step page (`echo hello`), beside Node doing nothing and plain bash running
// the same command, measured in turn in the same rounds: the cost a user pays before the first step, and how much of
// it is the harness rather than Node itself.
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/istio-doctest.js');

// Wall milliseconds of one whole process, from spawn to exit.
async function timed(program: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  const result = await execa(program, args, { reject: false, stdin: 'ignore' });
  if (result.exitCode !== 0) throw new Error(`${program} ${args.join(' ')} exited ${result.exitCode}: ${String(result.stderr).split('\n')[0]}`);
  return performance.now() - t0;
}

// The median of a list of numbers.
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Lines saying the median wall time of a one-step `run`, of `node -e 0` and of `bash -c 'echo hello'`, with ratios. */
export async function benchStartup(dir: string, rounds: number): Promise<string[]> {
  const page = join(dir, 'one-step.md');
  writeFileSync(page, '---\ntitle: one step\ntest: yes\n---\n\n## Steps\n\n{{< text bash >}}\n$ echo hello\nhello\n{{< /text >}}\n');
  const run: number[] = [];
  const node: number[] = [];
  const bash: number[] = [];
  await timed(process.execPath, [CLI, 'run', page]); // warm-up: the page cache
  for (let round = 0; round < rounds; round++) {
    run.push(await timed(process.execPath, [CLI, 'run', page]));
    node.push(await timed(process.execPath, ['-e', '0']));
    bash.push(await timed('bash', ['--noprofile', '--norc', '-c', 'echo hello']));
  }
  const [r, n, b] = [median(run), median(node), median(bash)];
  return [
    `start-up, a one-step run (median of ${rounds}): ${r.toFixed(0)} ms; node -e 0: ${n.toFixed(0)} ms; plain bash -c 'echo hello': ${b.toFixed(0)} ms`,
    `start-up beyond Node's own: ${(r - n).toFixed(0)} ms; run / plain bash: ${(r / b).toFixed(1)}x; target: a one-step run in ≤ 400 ms`,
  ];
}
