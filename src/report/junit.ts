// `--junit FILE`: a testsuite per page, a testcase per step (name = block id, with file and line), the failure's one
// line as the failure message, the reason and diff as its text and the output (then the cluster picture of a failed step) as system-out, escaped and without the control characters XML forbids.
import { writeFileSync } from 'node:fs';
import type { PageResult, RunEvent, RunSummary, StepResult } from '../run/results.js';
import { countSteps } from '../run/results.js';
import type { Reporter } from './reporter.js';
import { failureLine } from './failure-line.js';

/** `--junit FILE`: written when the run ends (its path was checked before anything ran). */
export class JunitReporter implements Reporter {
  readonly name: string;

  constructor(private readonly file: string) {
    this.name = `--junit ${file}`;
  }

  // Writes the report from the run's summary.
  on(event: RunEvent): void {
    if (event.type === 'run-end') writeFileSync(this.file, junitXml(event.summary));
  }
}

// Removes what XML 1.0 cannot hold (control characters but tab and newlines, lone surrogates, U+FFFE/U+FFFF)
// and terminal colour sequences, which would otherwise leave `[31m` behind.
export function xmlText(text: string): string {
  return text
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[\ufffe\uffff]/g, '');
}

// Escapes text for an attribute or element content.
function xmlEscape(text: string): string {
  return xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

// The whole report.
export function junitXml(summary: RunSummary): string {
  const steps = summary.pages.flatMap((p) => p.steps);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="istio-doctest" ${countAttributes(steps)} time="${seconds(summary.durationMs)}">`,
    ...summary.pages.map(suite),
    '</testsuites>',
    '',
  ].join('\n');
}

// `tests`, `failures`, `errors` (time-outs and interrupts) and `skipped` of some steps, for a testsuite or the whole run.
function countAttributes(steps: StepResult[]): string {
  const c = countSteps(steps);
  return `tests="${steps.length}" failures="${c.failed}" errors="${c.timeout + c.interrupted}" skipped="${c.skipped}"`;
}

// One page as a testsuite, named by its page, language and (for a script plan) script: a report merged from many
// shards and languages tells `request-routing/index.md [uk] via test.sh` from the same script in zh.
function suite(page: PageResult): string {
  const seen = new Map<string, number>();
  const cases = page.steps.map((r) => {
    const n = (seen.get(r.step.id) ?? 0) + 1;
    seen.set(r.step.id, n);
    return testcase(page, r, n);
  });
  const attrs = `name="${xmlEscape(suiteName(page))}" ${countAttributes(page.steps)} time="${seconds(page.durationMs)}"`;
  const message = page.message ? `\n    <system-err>${xmlEscape(page.message)}</system-err>` : '';
  return `  <testsuite ${attrs}>${cases.join('')}${message}\n  </testsuite>`;
}

/** A testsuite's name: the page, its language when it has one (a setup's pseudo-page has none), and its script. */
export function suiteName(page: PageResult): string {
  const script = scriptOf(page);
  return `${page.file}${page.lang ? ` [${page.lang}]` : ''}${script ? ` via ${script}` : ''}`;
}

// The script a page's steps came from, when it ran as an istio.io test script.
function scriptOf(page: PageResult): string | undefined {
  for (const r of page.steps) {
    const script = (r.step as { script?: unknown }).script;
    if (typeof script === 'string') return script;
  }
  return undefined;
}

/** How long a command may be in a testcase's name before it is cut with `…`. */
const NAME_COMMAND_WIDTH = 60;

/** A step's testcase name: its block id; a script's own statement (its id is `test.sh:20`) is named by that line and
 * its command's first line, shortened, since `test.sh:20` alone says nothing in a report. */
export function testcaseName(r: StepResult): string {
  const script = (r.step as { script?: unknown }).script;
  if (typeof script !== 'string' || r.step.file !== script) return r.step.id;
  const first = r.step.command.split('\n')[0].trim().replace(/\s+/g, ' ');
  const more = first.length > NAME_COMMAND_WIDTH || r.step.command.includes('\n');
  const shown = first.length > NAME_COMMAND_WIDTH ? first.slice(0, NAME_COMMAND_WIDTH - 1).trimEnd() : first;
  return `${r.step.id} ${shown}${more ? '…' : ''}`;
}

// One step as a testcase; the second and later commands of a block get `#2`, `#3` so names stay unique.
function testcase(page: PageResult, r: StepResult, n: number): string {
  const base = testcaseName(r);
  const name = n === 1 ? base : `${base}#${n}`;
  const attrs = `name="${xmlEscape(name)}" classname="${xmlEscape(page.file)}" file="${xmlEscape(r.step.file)}" line="${r.step.line}" time="${seconds(r.durationMs)}"`;
  const body: string[] = [];
  if (r.status === 'skipped') body.push(`<skipped message="${xmlEscape(r.message)}"/>`);
  else if (r.status === 'failed' && !r.warning) body.push(`<failure message="${xmlEscape(oneLine(r))}" type="${r.failure?.kind ?? 'mismatch'}">${xmlEscape(failureText(r))}</failure>`);
  else if ((r.status === 'timeout' || r.status === 'interrupted') && !r.warning) body.push(`<error message="${xmlEscape(oneLine(r))}" type="${r.status}">${xmlEscape(failureText(r))}</error>`);
  if (r.status !== 'skipped') body.push(`<system-out>${xmlEscape(r.diagnostics ? `${r.output}${r.output === '' || r.output.endsWith('\n') ? '' : '\n'}--- cluster picture ---\n${r.diagnostics}` : r.output)}</system-out>`);
  if (r.warning) body.push(`<system-err>${xmlEscape(`cleanup step ${r.status}: ${r.message}`)}</system-err>`);
  return `\n    <testcase ${attrs}>${body.map((b) => `\n      ${b}`).join('')}\n    </testcase>`;
}

// The failure's one line, as every report shows it (the reason, for a result without a failing line).
function oneLine(r: StepResult): string {
  return r.failure ? failureLine(r.failure) : r.message;
}

// The failure's text: the command, the attempts, the reason, the matcher's diff.
function failureText(r: StepResult): string {
  return [`$ ${r.step.command}`, `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}, exit code ${r.exitCode ?? 'none'}`, ...(r.diff ? [r.message, r.diff] : [r.message])].join('\n');
}

// Milliseconds as JUnit's seconds.
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
