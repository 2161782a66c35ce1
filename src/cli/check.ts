// `istio-doctest check PATH...`: parse pages and say what is in them and what is wrong with them, without a cluster.
import { notRunWithSpecs } from '../config/block-skips.js';
import { dirname, resolve } from 'node:path';
import { findSpecFile, readSpec, unknownBlockKeys, type SpecResult } from '../config/spec.js';
import { applyExclusions, siteSpecFile, type CheckExclusion, type ExclusionOutcome } from '../config/check-exclusions.js';
import { forPageThatDoesNotRun } from '../page/diagnostics.js';
import type { Diagnostic, Page } from '../page/types.js';
import { displayPath, githubAnnotation } from '../report/diagnostic-line.js';
import { driftDiagnostics, driftDocument, driftText } from '../report/drift.js';
import { diagnosticLines, pageFacts, pageLine, plural } from '../report/page-summary.js';
import { checkSummaryMarkdown, githubLink, type CheckedPage } from '../report/markdown-summary.js';
import { appendSummary } from '../report/summary-file.js';
import { comparedOnly, driftReport } from '../translate/drift-report.js';
import { checkedScripts } from './check-scripts.js';
import { changeSetLine, readChangeSet } from './changed.js';
import { checkAgainst, planner, readRecords, type AgainstResult } from './check-against.js';
import { loadInputs } from './inputs.js';
import { parseOptions, usageError } from './usage.js';

const help = `Usage: istio-doctest check [--vars FILE] [--quiet] [--json] [--no-drift] [--summary FILE] PATH...
       istio-doctest check --changed FILE [options]
       istio-doctest check --against RECORD [--max-age DAYS] [options] PATH...

Parses every page (files, or folders searched for *.md), the doctest.yaml that serves it and the istio.io
test scripts (*test.sh) beside it, prints per page its language, title, test flag, blocks, commands and
boilerplates, then every problem as
file:line:column severity message [rule], and a summary line. Then, for translated pages whose
English page (same path under content/en/) exists, their drift from it (see \`istio-doctest drift\`).
Problems that only matter when a page runs (kubectl exec -it) are warnings on pages that do not run (test: not yes).
A \`check.exclude\` list in doctest.yaml (the page's, or the site's beside content/) leaves out a path or a rule with a
reason, printed as \`excluded PATH: REASON (doctest.yaml:LINE)\`.
Exit 1 when any page has an error, 2 on bad usage (an unknown option, a PATH or --vars file that does not
exist, no page found; drift alone does not fail the check), 70 on an internal error.

Options:
  --vars FILE   values for version shortcodes (default: data/args.yml beside content/)
  --quiet       print only pages with problems, and the summary (and in the drift only pages that need a translator)
  --json        {"pages":[{"file","lang","title","test","blocks","commands","boilerplates","diagnostics"}],
                "specs":[{"file","diagnostics"}],"scripts":[{"file","diagnostics"}],"summary":{"pages","blocks","commands","errors","warnings"},"drift"}
  --no-drift    leave out the drift of translated pages
  --changed FILE  instead of PATH...: the paths a pull request changed, one a line (\`git diff --name-only\`; - for
                standard input): checks the changed pages that exist; a change set with no page is one line and exit 0
  --against RECORD  (repeatable: the records of a matrix of jobs are one) also judge each step of the pages that run (test: yes) against what the same step printed in a
                run recorded with \`run --record\` (the English page's run serves its translations: same block id, same
                command): a would-be failure is an error [would-fail] at its line with the diff; a block whose command
                drifted is [not-comparable]; steps with no recorded counterpart are counted, never guessed
  --max-age DAYS  with --against: warn once [record-stale] when the record is older (default: 30), or ran another
                Istio minor version than data/args.yml describes
  --summary FILE  append a Markdown table (page, language, blocks, commands, errors, warnings, first problem)
                to FILE, e.g. "$GITHUB_STEP_SUMMARY"
`;

/** A checked page with the problems shown under it. */
interface PageProblems {
  page: Page;
  diagnostics: Diagnostic[];
}

// Runs the check and returns the exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, {
    vars: { type: 'string' },
    quiet: { type: 'boolean' },
    json: { type: 'boolean' },
    'no-drift': { type: 'boolean' },
    summary: { type: 'string' },
    changed: { type: 'string' },
    against: { type: 'string', multiple: true },
    'max-age': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return usageError(parsed.message, 'check');
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  let paths = parsed.positionals;
  if (parsed.values.changed !== undefined) {
    if (paths.length > 0) return usageError(`give PATH... or --changed FILE, not both (${paths.join(', ')})`, 'check');
    const set = readChangeSet(parsed.values.changed, 'en', 'check');
    if (typeof set === 'number') return set;
    if (set.changed.length === 0) {
      process.stdout.write(`check: no page in the change set (${changeSetLine(set)})\n`);
      return 0;
    }
    paths = set.changed;
  }
  const maxAge = parsed.values['max-age'] ?? '30';
  if (!/^\d+$/.test(maxAge) || Number(maxAge) < 1) return usageError(`--max-age takes a whole number of days (at least 1), not '${maxAge}'`, 'check');
  if (parsed.values['max-age'] !== undefined && parsed.values.against === undefined) return usageError('--max-age goes with --against RECORD', 'check');
  const record = parsed.values.against === undefined ? undefined : readRecords(parsed.values.against);
  if (typeof record === 'number') return record;
  const loaded = loadInputs('check', paths, parsed.values.vars);
  if (typeof loaded === 'number') return loaded;
  const { pages, problems, reference, referenceOf } = loaded;
  for (const problem of problems) process.stderr.write(`istio-doctest: ${problem}\n`);
  const against: AgainstResult | undefined = record ? checkAgainst(pages, record, reference ?? 'en', Number(maxAge), planner(loaded, parsed.values.vars, reference ?? 'en')) : undefined;
  const all0 = checkedPages(pages).map(({ page, diagnostics }) => ({ page, diagnostics: [...diagnostics, ...(against?.byPage.get(page.file) ?? [])] }));
  // What doctest.yaml's `check.exclude` (the page's, the site's) leaves out: said, with the reason, never silent.
  const excluded = applyExclusions(all0, reference ?? 'en');
  const checked = excluded.kept;
  const specs = specDiagnostics(pages, reference ?? 'en');
  const scripts = checkedScripts(pages, paths);
  const all = [...checked.flatMap((c) => c.diagnostics), ...specs.flatMap((s) => s.diagnostics), ...scripts.flatMap((s) => s.diagnostics), ...(against?.warnings ?? [])];
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const left = new Set(excluded.pages.map((p) => p.file));
  const shownPages = pages.filter((p) => !left.has(p.file));
  const blocks = shownPages.reduce((n, p) => n + pageFacts(p).blocks, 0);
  const commands = shownPages.reduce((n, p) => n + pageFacts(p).commands, 0);
  const drift = reference && !parsed.values['no-drift'] ? comparedOnly(driftReport(shownPages, reference, referenceOf, (page) => resolve(page.file), notRunWithSpecs(reference))) : undefined;
  if (parsed.values.json) {
    const summary = { pages: shownPages.length, blocks, commands, errors, warnings, ...(excluded.pages.length > 0 ? { excluded: excluded.pages.length } : {}) };
    const pagesJson = checked.map(({ page, diagnostics }) => ({
      file: page.file,
      lang: page.lang,
      title: page.frontMatter.title ?? null,
      test: page.frontMatter.test ?? null,
      ...pageFacts(page),
      diagnostics,
    }));
    const againstJson = against
      ? {
          record: against.record.file,
          date: against.record.header.date,
          istio: against.record.header.istio,
          kubernetes: against.record.header.kubernetes,
          warnings: against.warnings,
          steps: against.findings.map((f) => ({ file: f.step.file, line: f.step.expectedLine ?? f.step.line, commandLine: f.step.line, id: f.step.id, kind: f.kind, message: f.message, ...(f.diff ? { diff: f.diff } : {}) })),
        }
      : null;
    const excludedJson = [...excluded.pages.map((p) => ({ file: p.file, ...exclusionJson(p.by) })), ...excluded.rules.map((r) => ({ rule: r.by.rule, problems: r.count, ...exclusionJson(r.by) }))];
    process.stdout.write(`${JSON.stringify({ pages: pagesJson, specs, scripts, excluded: excludedJson, summary, drift: drift ? driftDocument(drift) : null, against: againstJson }, null, 2)}\n`);
  } else {
    const out: string[] = [];
    for (const { page, diagnostics } of checked) {
      if (parsed.values.quiet && diagnostics.length === 0) continue;
      out.push(pageLine(page));
      for (const d of diagnostics) {
        out.push(...diagnosticLines([d]));
        const diff = d.ruleId === 'would-fail' ? against?.diffs.get(`${d.file}:${d.line}`) : undefined;
        if (diff) out.push(...diff.trimEnd().split('\n').map((line) => `      ${line}`));
      }
    }
    if (against && against.warnings.length > 0) out.push(`${displayPath(against.record.file)}  run record`, ...diagnosticLines(against.warnings));
    for (const spec of specs) if (spec.diagnostics.length > 0) out.push(`${displayPath(spec.file)}  doctest.yaml`, ...diagnosticLines(spec.diagnostics));
    for (const script of scripts) if (script.diagnostics.length > 0) out.push(`${displayPath(script.file)}  test script`, ...diagnosticLines(script.diagnostics));
    for (const line of exclusionLines(excluded)) out.push(line);
    const leftOut = excluded.pages.length > 0 ? `; ${plural(excluded.pages.length, 'page')} excluded` : '';
    out.push('', `${plural(shownPages.length, 'page')}, ${plural(blocks, 'block')}, ${plural(commands, 'command')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${leftOut}`);
    if (against) out.push(against.summary);
    if (drift && drift.pages.length > 0) out.push('', driftText(drift, parsed.values.quiet ? { onlyWork: true } : { onlyDrift: true }).trimEnd());
    process.stdout.write(`${out.join('\n')}\n`);
  }
  if (process.env.GITHUB_ACTIONS === 'true' && !parsed.values.json) {
    for (const d of [...all, ...(drift ? driftDiagnostics(drift) : [])]) if (d.severity !== 'info') process.stdout.write(`${githubAnnotation(d)}\n`);
  }
  const code = errors > 0 || problems.length > 0 ? 1 : 0;
  if (parsed.values.summary) {
    const rows: CheckedPage[] = checked.map(({ page, diagnostics }) => ({ file: page.file, lang: page.lang, ...pageFacts(page), diagnostics }));
    const problem = appendSummary(parsed.values.summary, checkSummaryMarkdown(rows, githubLink(process.env)));
    if (problem) process.stderr.write(`istio-doctest: ${problem}\n`);
    if (problem) return 2;
  }
  return code;
}

// One line per page or rule `check.exclude` left out, with its reason and the entry's doctest.yaml line.
function exclusionLines(excluded: ExclusionOutcome<Page>): string[] {
  const at = (e: CheckExclusion) => `(${displayPath(e.spec)}:${e.line})`;
  return [
    ...excluded.pages.map((p) => `excluded ${displayPath(p.file)}: ${p.by.reason} ${at(p.by)}`),
    ...excluded.rules.map((r) => `excluded [${r.by.rule}] (${plural(r.count, 'problem')} under ${displayPath(r.by.under)}): ${r.by.reason} ${at(r.by)}`),
  ];
}

// An exclusion's reason and where it is written, for --json.
function exclusionJson(e: CheckExclusion): { reason: string; spec: string; line: number } {
  return { reason: e.reason, spec: e.spec, line: e.line };
}

// Each page with its own problems and those of the boilerplates it includes, a boilerplate's shown once (under the
// first page that has it). A problem that only matters when the page runs is a warning unless a checked page that
// runs (`test: yes`) holds it, itself or through a boilerplate.
function checkedPages(pages: Page[]): PageProblems[] {
  const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.ruleId}`;
  const runs = new Set<string>();
  const lists = pages.map((page) => [...page.diagnostics, ...includedDiagnostics(page)]);
  pages.forEach((page, i) => {
    if (page.frontMatter.test === 'yes') for (const d of lists[i]) runs.add(key(d));
  });
  const seen = new Set<string>();
  return pages.map((page, i) => {
    const shown = lists[i].filter((d) => !seen.has(key(d)) && seen.add(key(d)));
    return { page, diagnostics: shown.map((d) => (runs.has(key(d)) ? d : forPageThatDoesNotRun([d])[0])) };
  });
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

// The problems of each doctest.yaml serving the pages (beside a page, or beside its reference page), once per file;
// a block key of a spec beside the pages it serves must name one of their blocks (or of their boilerplates').
function specDiagnostics(pages: Page[], reference: string): { file: string; diagnostics: Diagnostic[] }[] {
  const results = new Map<string, SpecResult>();
  const own = new Map<string, { ids: Set<string>; pages: string[] }>();
  for (const page of pages) {
    if (!page.isHugo) continue;
    const site = siteSpecFile(page.file);
    if (site && !results.has(site)) results.set(site, readSpec(site));
    const file = findSpecFile(page.file, reference);
    if (!file) continue;
    if (!results.has(file)) results.set(file, readSpec(file));
    if (resolve(dirname(file)) !== resolve(dirname(page.file))) continue;
    const served = own.get(file) ?? { ids: new Set<string>(), pages: [] };
    for (const id of blockIds(page)) served.ids.add(id);
    served.pages.push(page.file);
    own.set(file, served);
  }
  return [...results].map(([file, result]) => {
    const served = own.get(file);
    const unknown = served ? unknownBlockKeys(result, served.ids, served.pages.join(', ')) : [];
    return { file, diagnostics: [...result.diagnostics, ...unknown].sort((a, b) => a.line - b.line) };
  });
}

// The block ids of a page and of the boilerplates it includes (a spec may name a boilerplate's block).
function blockIds(page: Page, seen = new Set<Page>()): string[] {
  if (seen.has(page)) return [];
  seen.add(page);
  const ids = page.blocks.map((b) => b.id).filter((id): id is string => id !== undefined);
  for (const include of page.includes) if (include.page) ids.push(...blockIds(include.page, seen));
  return ids;
}
