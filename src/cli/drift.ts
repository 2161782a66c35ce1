// `istio-doctest drift`: how translated pages drifted from their reference page, block by block, without a cluster.
import { notRunWithSpecs } from '../config/block-skips.js';
import { resolve } from 'node:path';
import { githubAnnotation } from '../report/diagnostic-line.js';
import { driftDiagnostics, driftJson, driftText } from '../report/drift.js';
import { driftSummaryMarkdown, githubLink } from '../report/markdown-summary.js';
import { appendSummary } from '../report/summary-file.js';
import { driftReport, failOnValues, failsOn, type FailOn } from '../translate/drift-report.js';
import { changeSetLine, readChangeSet } from './changed.js';
import { sitePathOf } from '../page/site-path.js';
import { loadInputs } from './inputs.js';
import { parseOptions, referenceProblem, usageError } from './usage.js';

const help = `Usage: istio-doctest drift [--reference LANG] [--json] [--quiet] [--fail-on commands|outputs|any|none] [--vars FILE] [--summary FILE] PATH...
       istio-doctest drift --changed FILE [options]

Compares every page not in the reference language (files, or folders searched for *.md) with the same page under
content/<LANG>/, block by block after aligning them: same, command (word diff), output, translated (only
natural-language words of the expected output changed), comment (only # comments of code changed: it runs the
same), placeholder (only <placeholders> of a snip_id=none command, which never runs), missing, extra; also the test
flag and the boilerplates the pages include. Each page gets one standing (missing or extra blocks, drifted commands,
drifted outputs, translated outputs, test flag differs, comments translated, same, no reference) and each finding its
next step (fix: sync, translate, edit or none), summed up per page on a "next:" line. Trailing whitespace and runs of spaces inside a line never count; indentation does.
Output is grouped by page, with file:line on both sides and [-reference-]{+translation+} word diffs.

Options:
  --reference LANG   the reference language (default: en)
  --quiet            print only pages that need a translator (not same or comments translated), without their
                     benign findings, and the summary; with --summary, list only those pages
  --json             {"pages":[{"file","reference","status","standing","next","test","boilerplates","blocks":[{"id","syntax","kind",
                     "line","referenceLine","moved","preview","fix","changes":[{"line","referenceLine","text",
                     "referenceText","diff","words"}]}]}],"summary":{...},"wordDiffMarkers":{...}}
  --fail-on KIND     exit 1 when this drift is found (default: commands)
                       commands  a command differs, or a block is missing or extra
                       outputs   an expected output differs or was translated
                       any       any drift: comments, placeholders, the test flag and boilerplates included
                       none      never
  --vars FILE        values for version shortcodes (default: data/args.yml beside content/)
  --changed FILE     instead of PATH...: the paths a pull request changed, one a line (\`git diff --name-only\`;
                     - for standard input): compares the changed translations and the translations of the changed
                     reference pages (each named with the reference change that made it worth a look); a change set
                     with no translation to compare is one line and exit 0
  --summary FILE     append a Markdown table (page, language, status, blocks per kind of drift, first drift) to
                     FILE, e.g. "$GITHUB_STEP_SUMMARY"

Exit 0 when no drift of the --fail-on kind is found, 1 when some is, 2 on bad usage (an unknown option, a PATH or
--vars file that does not exist, nothing to compare), 70 on an internal error.
With GITHUB_ACTIONS=true, drift is also printed as workflow annotations at the translated line: ::error for what
fails under --fail-on, ::warning for the rest.
`;

// Whether a page path sits under content/<lang>/ of that language.
function isInLanguage(file: string, lang: string): boolean {
  return sitePathOf(file)?.lang === lang;
}

// Whether a --fail-on value is one of the kinds.
function isFailOn(value: string): value is FailOn {
  return (failOnValues as readonly string[]).includes(value);
}

// Runs the comparison and returns the exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, {
    reference: { type: 'string', default: 'en' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    'fail-on': { type: 'string', default: 'commands' },
    vars: { type: 'string' },
    summary: { type: 'string' },
    changed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return usageError(parsed.message, 'drift');
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const { reference } = parsed.values;
  const failOn = parsed.values['fail-on'];
  if (!isFailOn(failOn)) return usageError(`unknown --fail-on '${failOn}' (${failOnValues.join(', ')})`, 'drift');
  const badReference = referenceProblem(reference, false);
  if (badReference) return usageError(badReference, 'drift');
  let paths = parsed.positionals;
  const json = Boolean(parsed.values.json);
  if (parsed.values.changed !== undefined) {
    if (paths.length > 0) return usageError(`give PATH... or --changed FILE, not both (${paths.join(', ')})`, 'drift');
    const set = readChangeSet(parsed.values.changed, reference, 'drift');
    if (typeof set === 'number') return set;
    const translations = [...set.changed.filter((file) => !isInLanguage(file, reference)), ...set.stale.map((s) => s.file)];
    if (translations.length === 0) {
      process.stdout.write(`drift: no translation to compare in the change set (${changeSetLine(set)})\n`);
      return 0;
    }
    for (const s of set.stale) (json ? process.stderr : process.stdout).write(`${s.file}: compared because its reference page ${s.reference} changed\n`);
    paths = translations;
  }
  const loaded = loadInputs('drift', paths, parsed.values.vars, { reference });
  if (typeof loaded === 'number') return loaded;
  const { pages, problems, referenceOf } = loaded;
  for (const problem of problems) process.stderr.write(`istio-doctest: ${problem}\n`);
  const report = driftReport(pages, reference, referenceOf, (page) => resolve(page.file), notRunWithSpecs(reference));
  if (report.pages.length === 0) return usageError(`nothing to compare: no page in ${parsed.positionals.join(', ')} is a translation under content/<lang>/ other than ${reference}`, 'drift');
  process.stdout.write(json ? driftJson(report) : driftText(report, { onlyWork: Boolean(parsed.values.quiet) }));
  if (process.env.GITHUB_ACTIONS === 'true' && !parsed.values.json) {
    for (const d of driftDiagnostics(report, failOn)) process.stdout.write(`${githubAnnotation(d)}\n`);
  }
  if (parsed.values.summary) {
    const problem = appendSummary(parsed.values.summary, driftSummaryMarkdown(report, githubLink(process.env), { onlyWork: Boolean(parsed.values.quiet) }));
    if (problem) process.stderr.write(`istio-doctest: ${problem}\n`);
    if (problem) return 2;
  }
  return failsOn(report, failOn) || problems.length > 0 ? 1 : 0;
}
