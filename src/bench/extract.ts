// `npm run bench:extract -- DIR`: parse a whole site as `extract` does, in one process, and compare with a
// plain line scan of the same files measured in the same run (the floor any parser pays to read the bytes).
import { readFileSync } from 'node:fs';
import { loadPages } from '../app/pages.js';
import { extractJson } from '../report/extract-json.js';

const dir = process.argv[2] ?? '../shared/corpus/istio.io/content';
const started = performance.now();
let files: string[] = [];

// The baseline: read every file and test every line against one regular expression.
function lineScan(): { ms: number; bytes: number; hits: number } {
  const t0 = performance.now();
  let bytes = 0;
  let hits = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    for (const line of text.split('\n')) if (/^\s*\{\{< text /.test(line)) hits++;
  }
  return { ms: performance.now() - t0, bytes, hits };
}

// The measured work: load and parse every page (boilerplates, vars) and serialise the JSON `extract` prints.
function extract(): { ms: number; blocks: number; json: number } {
  const t0 = performance.now();
  const { pages } = loadPages([dir]);
  files = pages.map((page) => page.file);
  const json = extractJson(pages).length;
  return { ms: performance.now() - t0, blocks: pages.reduce((n, p) => n + p.blocks.length, 0), json };
}

const parsed = extract();
if (files.length === 0) {
  process.stderr.write(`bench:extract: no *.md files under ${dir}\n`);
  process.exit(2);
}
const wallToHere = process.uptime() * 1000;
const baseline = lineScan();
const mb = baseline.bytes / 1e6;
const lines = [
  `pages:               ${files.length} (${mb.toFixed(1)} MB, ${parsed.blocks} blocks, ${(parsed.json / 1e6).toFixed(1)} MB of JSON)`,
  `extract (in-process): ${parsed.ms.toFixed(0)} ms  = ${(files.length / (parsed.ms / 1000)).toFixed(0)} pages/s, ${(mb / (parsed.ms / 1000)).toFixed(1)} MB/s`,
  `wall time incl. Node start-up and module loading: ${wallToHere.toFixed(0)} ms (target < 1000 ms for the istio.io corpus)`,
  `baseline line scan (same files, same run): ${baseline.ms.toFixed(0)} ms  = ${(mb / (baseline.ms / 1000)).toFixed(1)} MB/s`,
  `ratio extract / line scan: ${(parsed.ms / baseline.ms).toFixed(2)}x`,
  `module loading before the first file: ${started.toFixed(0)} ms`,
];
process.stdout.write(`${lines.join('\n')}\n`);
