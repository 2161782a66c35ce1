// `istio-doctest check PATH...`: parse pages and say what is in them and what is wrong with them, without a cluster.
import { resolve } from 'node:path';
import type { Diagnostic, Page } from '../page/types.js';
import { githubAnnotation } from '../report/diagnostic-line.js';
import { driftDiagnostics, driftText } from '../report/drift.js';
import { diagnosticLines, pageFacts, pageLine, plural } from '../report/page-summary.js';
import { checkSummaryMarkdown, githubLink, type CheckedPage } from '../report/markdown-summary.js';
import { appendSummary } from '../report/summary-file.js';
import { comparedOnly, driftReport } from '../translate/drift-report.js';
import { loadInputs } from './inputs.js';
import { parseOptions, usageError } from './usage.js';

const help = `Usage: istio-doctest check [--vars FILE] [--quiet] [--summary FILE] PATH...

Parses every page (files, or folders searched for *.md), prints per page its language, title,
test flag, blocks, commands and boilerplates, then every problem as
file:line:column severity message [rule], and a summary line. Then, for translated pages whose
English page (same path under content/en/) exists, their drift from it (see \`istio-doctest drift\`).
Exit 1 when any page has an error, 2 on bad usage (an unknown option, a PATH or --vars file that does not
exist, no page found; drift alone does not fail the check), 70 on an internal error.

Options:
  --vars FILE   values for version shortcodes (default: data/args.yml beside content/)
  --quiet       print only pages with problems, and the summary
  --summary FILE  append a Markdown table (page, language, blocks, commands, errors, warnings, first problem)
                to FILE, e.g. "$GITHUB_STEP_SUMMARY"
`;

// Runs the check and returns the exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, { vars: { type: 'string' }, quiet: { type: 'boolean' }, summary: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (!parsed.ok) return usageError(parsed.message, 'check');
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const loaded = loadInputs('check', parsed.positionals, parsed.values.vars);
  if (typeof loaded === 'number') return loaded;
  const { pages, problems, reference, referenceOf } = loaded;
  for (const problem of problems) process.stderr.write(`istio-doctest: ${problem}\n`);
  const out: string[] = [];
  const seen = new Set<string>();
  const all: Diagnostic[] = [];
  const checked: CheckedPage[] = [];
  for (const page of pages) {
    const diagnostics = unseen([...page.diagnostics, ...includedDiagnostics(page)], seen);
    all.push(...diagnostics);
    checked.push({ file: page.file, lang: page.lang, ...pageFacts(page), diagnostics });
    if (parsed.values.quiet && diagnostics.length === 0) continue;
    out.push(pageLine(page), ...diagnosticLines(diagnostics));
  }
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const blocks = pages.reduce((n, p) => n + pageFacts(p).blocks, 0);
  const commands = pages.reduce((n, p) => n + pageFacts(p).commands, 0);
  out.push('', `${plural(pages.length, 'page')}, ${plural(blocks, 'block')}, ${plural(commands, 'command')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  const drift = reference ? comparedOnly(driftReport(pages, reference, referenceOf, (page) => resolve(page.file))) : undefined;
  if (drift && drift.pages.length > 0) out.push('', driftText(drift, { onlyDrift: true }).trimEnd());
  process.stdout.write(`${out.join('\n')}\n`);
  if (process.env.GITHUB_ACTIONS === 'true') for (const d of [...all, ...(drift ? driftDiagnostics(drift) : [])]) if (d.severity !== 'info') process.stdout.write(`${githubAnnotation(d)}\n`);
  const code = errors > 0 || problems.length > 0 ? 1 : 0;
  if (parsed.values.summary) {
    const problem = appendSummary(parsed.values.summary, checkSummaryMarkdown(checked, githubLink(process.env)));
    if (problem) process.stderr.write(`istio-doctest: ${problem}\n`);
    if (problem) return 2;
  }
  return code;
}

// Diagnostics of the boilerplates a page includes, nested ones too.
function includedDiagnostics(page: Page, path = new Set<string>()): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const include of page.includes) {
    if (!include.page || path.has(include.page.file)) continue;
    found.push(...include.page.diagnostics, ...includedDiagnostics(include.page, new Set(path).add(page.file)));
  }
  return found;
}

// Keeps the diagnostics not printed yet in this run: a boilerplate's problems show once, under the first page that has them.
function unseen(diagnostics: Diagnostic[], seen: Set<string>): Diagnostic[] {
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.ruleId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
