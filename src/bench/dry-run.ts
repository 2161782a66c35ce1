// `npm run bench:dry-run -- [PAGES...]`: `run --dry-run` against `check` on sites of growing size made of pages that do
// not run (no `test:` flag), in this process, by CPU time: the dry run must grow with the pages as `check` does (it
// searched the whole skip list once per page: 50,000 pages took 11× the time of their check).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli.js';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = counts.length > 0 ? counts : [2000, 8000];

// A site of `count` small pages, 100 to a folder, none of which runs (no `test:` in the front matter).
function writeSite(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'bench-dry-run-'));
  for (let i = 0; i < count; i++) {
    const dir = join(root, 'content', 'en', 'docs', `p${Math.floor(i / 100)}`, `q${i % 100}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.md'), `---\ntitle: Page ${i}\n---\n\n## Steps\n\n{{< text bash >}}\n$ echo ${i}\n${i}\n{{< /text >}}\n`);
  }
  return root;
}

// CPU milliseconds of one in-process CLI command, its output thrown away.
async function cpuOf(args: string[]): Promise<number> {
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  const start = process.cpuUsage();
  try {
    await main(args);
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const results: { pages: number; check: number; dry: number }[] = [];
const warm = writeSite(50);
await cpuOf(['check', '--no-drift', join(warm, 'content')]);
await cpuOf(['run', '--dry-run', join(warm, 'content')]);
rmSync(warm, { recursive: true, force: true });
for (const pages of sizes) {
  const root = writeSite(pages);
  try {
    const content = join(root, 'content');
    const check = await cpuOf(['check', '--no-drift', content]);
    const dry = await cpuOf(['run', '--dry-run', content]);
    results.push({ pages, check, dry });
    console.log(`${pages} pages: check ${check.toFixed(0)} ms CPU, run --dry-run ${dry.toFixed(0)} ms CPU, ratio dry-run / check ${(dry / check).toFixed(2)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
const [first, last] = [results[0], results[results.length - 1]];
if (first && last && last !== first) {
  const growth = last.pages / first.pages;
  console.log(`${growth.toFixed(0)}× the pages: check ${(last.check / first.check).toFixed(1)}× the time, run --dry-run ${(last.dry / first.dry).toFixed(1)}× (linear: about ${growth.toFixed(0)}×)`);
}
