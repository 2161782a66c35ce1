// `istio-doctest report --html OUT.html`: the translation status of pages (and, given `run --json` event files, how
// their runs went) as one self-contained HTML file.
import { writeFileSync } from 'node:fs';
import { notRunWithSpecs } from '../config/block-skips.js';
import { readRegularFile } from '../page/regular-file.js';
import { resolve } from 'node:path';
import { buildMatrix } from '../overview/matrix.js';
import { readRunRecords } from '../overview/run-records.js';
import { checkAgainst, planner, readRecords } from './check-against.js';
import { loadInputs } from './inputs.js';
import { htmlReport } from '../report/html/report.js';
import { driftReport } from '../translate/drift-report.js';
import { parseOptions, referenceProblem, usageError } from './usage.js';

const help = `Usage: istio-doctest report --html OUT.html [--runs EVENTS.jsonl]... [--against RECORD]... [--reference LANG] [--vars FILE] PATH...

Writes one self-contained HTML file (no network, no external scripts or fonts) with a matrix of pages (files, or
folders searched for *.md; give every language's folder, e.g. content/) by language: same, drifted commands, drifted
outputs, translated outputs, missing blocks, not translated; with --runs, also passed, failed or not run. Counts per
language, filters, and per page a drill-down with the blocks side by side (reference | translation, changed words
marked, line numbers) and the failed steps of the runs with their diffs. Readable on a phone and in dark mode.

Options:
  --html FILE        where to write the report (required)
  --runs FILE        an event file written by \`run --json\` (repeatable; a later file wins for a page run twice)
  --against RECORD   a run record written by \`run --record\` (repeatable): pages with steps that would fail against it
                     say so in their cell (\`would fail (N)\`) and list them with their diffs (see \`check --against\`)
  --reference LANG   the reference language (default: en)
  --vars FILE        values for version shortcodes (default: data/args.yml beside content/)

Exit 0 when the report was written, 1 when it was but an event line could not be read, 2 on bad usage (a PATH that
does not exist, no pages) or
when the report cannot be written.
`;

// Runs the command and returns the exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, {
    html: { type: 'string' },
    runs: { type: 'string', multiple: true },
    against: { type: 'string', multiple: true },
    reference: { type: 'string', default: 'en' },
    vars: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return usageError(parsed.message, 'report');
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(help);
    return 0;
  }
  const { reference } = v;
  const badReference = referenceProblem(reference, false);
  if (badReference) return usageError(badReference, 'report');
  if (v.html === undefined) return usageError('report needs --html OUT.html', 'report');
  const problems: string[] = [];
  const eventFiles: { name: string; text: string }[] = [];
  for (const name of v.runs ?? []) {
    const read = readRegularFile(name);
    if (!read.ok) return usageError(`--runs ${name}: cannot read it (${read.code === 'ENOTREG' ? read.reason : read.code})`, 'report');
    eventFiles.push({ name, text: read.text });
  }
  const runs = eventFiles.length > 0 ? readRunRecords(eventFiles) : undefined;
  problems.push(...(runs?.problems ?? []));
  const loaded = loadInputs('report', parsed.positionals, v.vars, { reference });
  if (typeof loaded === 'number') return loaded;
  problems.push(...loaded.problems);
  const report = driftReport(loaded.pages, reference, loaded.referenceOf, (page) => resolve(page.file), notRunWithSpecs(reference));
  const record = v.against ? readRecords(v.against, 'report') : undefined;
  if (typeof record === 'number') return record;
  const against = record ? checkAgainst(loaded.pages, record, reference, Number.MAX_SAFE_INTEGER / 86400000, planner(loaded, v.vars, reference)) : undefined;
  const wouldFailOf = (file: string) => {
    const failing = (against?.findingsByPage.get(file) ?? []).filter((f) => f.kind === 'would-fail');
    return against && failing.length > 0 ? { run: against.run, steps: failing.map((f) => ({ file: f.failure?.file ?? f.step.file, line: f.failure?.line ?? f.step.expectedLine ?? f.step.line, id: f.step.id, message: f.message, diff: f.diff })) } : undefined;
  };
  const matrix = buildMatrix(loaded.pages, report, (page) => loaded.referenceOf(page)?.page, runs, wouldFailOf);
  const out = v.html;
  try {
    writeFileSync(out, htmlReport(matrix, { generated: `generated ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC` }));
  } catch (error) {
    process.stderr.write(`istio-doctest: --html ${out}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    return 2;
  }
  for (const problem of problems) process.stderr.write(`istio-doctest: ${problem}\n`);
  const drifted = matrix.rows.reduce((n, row) => n + row.cells.filter((c) => c.blocks.length > 0).length, 0);
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  process.stdout.write(`report: ${out}: ${n(matrix.rows.length, 'page')} in ${n(matrix.langs.length, 'language')}, ${n(drifted, 'translation')} with drifted blocks${runs ? ', with run results' : ''}\n`);
  return problems.length > 0 ? 1 : 0;
}
