// `npm run bench:drift -- [MB...]`: `drift` on one large translated page against its reference, at growing sizes, to
// show that the time grows with the page (near-linear), not with its square. The page is the seed es page and its
// English page, each repeated until the size is reached; a plain read and line scan of the same files is the floor.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPages } from '../app/pages.js';
import { driftReport } from '../translate/drift-report.js';

const seed = 'docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const megabytes = sizes.length > 0 ? sizes : [0.5, 2, 8];

// Writes `content/<lang>/<seed>` under root: the seed page's front matter, then its body repeated to about `mb` MB.
function writeLarge(root: string, lang: string, mb: number): number {
  const text = readFileSync(join('content', lang, seed), 'utf8');
  const end = text.indexOf('\n---', 4) + 4;
  const body = text.slice(end);
  const copies = Math.max(1, Math.round((mb * 1e6) / Buffer.byteLength(body)));
  const file = join(root, 'content', lang, seed);
  mkdirSync(join(file, '..'), { recursive: true });
  const page = text.slice(0, end) + body.repeat(copies);
  writeFileSync(file, page);
  return Buffer.byteLength(page);
}

// The floor: read both files and test every line against one regular expression.
function lineScan(files: string[]): number {
  const t0 = performance.now();
  let hits = 0;
  for (const file of files) for (const line of readFileSync(file, 'utf8').split('\n')) if (/^\s*\{\{< text /.test(line)) hits++;
  return hits >= 0 ? performance.now() - t0 : 0;
}

const rows: string[] = [];
let first: { mb: number; ms: number } | undefined;
for (const mb of megabytes) {
  const root = mkdtempSync(join(tmpdir(), 'bench-drift-'));
  try {
    const bytes = writeLarge(root, 'en', mb) + writeLarge(root, 'es', mb);
    const t0 = performance.now();
    const { pages, referenceOf } = loadPages([join(root, 'content/es')]);
    const report = driftReport(pages, 'en', referenceOf);
    const ms = performance.now() - t0;
    const scan = lineScan([join(root, 'content/en', seed), join(root, 'content/es', seed)]);
    const blocks = pages[0]?.blocks.length ?? 0;
    const findings = report.pages.reduce((n, p) => n + p.blocks.filter((b) => b.kind !== 'same').length, 0);
    first ??= { mb: bytes / 1e6, ms };
    const growth = `${(bytes / 1e6 / first.mb).toFixed(1)}x size -> ${(ms / first.ms).toFixed(1)}x time`;
    rows.push(`${(bytes / 1e6).toFixed(1).padStart(6)} MB (2 pages, ${blocks} blocks each, ${findings} findings): load + align + drift ${ms.toFixed(0)} ms; line scan ${scan.toFixed(0)} ms (${(ms / scan).toFixed(0)}x); ${growth}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.stdout.write(`${rows.join('\n')}\n`);
