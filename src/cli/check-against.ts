// `check --against RECORD`: the checked pages' steps judged against a recorded run, as positioned diagnostics under
// each page, a summary line naming the record's date and versions, and a staleness warning said once.
import { readVars, defaultVarsFile } from '../config/vars.js';
import { diagnostic } from '../page/diagnostics.js';
import { readRegularFile } from '../page/regular-file.js';
import { sitePathOf } from '../page/site-path.js';
import type { Diagnostic, Page } from '../page/types.js';
import type { PagePlan } from '../plan/plan.js';
import type { LoadedPages } from '../app/pages.js';
import { Workspace } from '../app/workspace.js';
import { againstRecord, countAgainst, staleness, type AgainstFinding } from '../record/against.js';
import { mergeRecords, parseRecord, type RunRecord } from '../record/schema.js';
import { usageError } from './usage.js';

/** What the comparison adds to a check. */
export interface AgainstResult {
  record: RunRecord;
  /** Diagnostics per page file. */
  byPage: Map<string, Diagnostic[]>;
  /** The diff of each would-fail diagnostic, by `file:line`, shown under it. */
  diffs: Map<string, string>;
  /** Said once: the record is stale, or lines of it could not be read. */
  warnings: Diagnostic[];
  findings: AgainstFinding[];
  /** The findings of each page file. */
  findingsByPage: Map<string, AgainstFinding[]>;
  /** `the run of DATE UTC (Istio X, Kubernetes Y)`. */
  run: string;
  summary: string;
}

/** Reads the record files (regular files; several are one record), or prints the usage error and returns exit code 2. */
export function readRecords(files: string[], command = 'check'): RunRecord | number {
  const records: RunRecord[] = [];
  for (const file of files) {
    const record = readRecord(file, command);
    if (typeof record === 'number') return record;
    records.push(record);
  }
  return mergeRecords(records);
}

// Reads one record file.
function readRecord(file: string, command: string): RunRecord | number {
  const read = readRegularFile(file);
  if (!read.ok) return usageError(`--against ${file}: cannot read it (${read.reason})`, command);
  const text = read.text;
  const record = parseRecord(file, text);
  return typeof record === 'string' ? usageError(`--against ${record}`, command) : record;
}

// The record's date and versions, as every line about it names them.
function recordName(record: RunRecord): string {
  const versions = [record.header.istio ? `Istio ${record.header.istio}` : 'no Istio', record.header.kubernetes ? `Kubernetes ${record.header.kubernetes}` : 'Kubernetes version unknown'];
  return `the run of ${record.header.date.slice(0, 16).replace('T', ' ')} UTC (${versions.join(', ')})`;
}

/** Compares every page that runs (`test: yes`) with the record; `planOf` plans a page as a run would (the workspace's). */
export function checkAgainst(pages: Page[], record: RunRecord, reference: string, maxAgeDays: number, planOf: (page: Page) => PagePlan, now = new Date()): AgainstResult {
  const byPage = new Map<string, Diagnostic[]>();
  const diffs = new Map<string, string>();
  const findings: AgainstFinding[] = [];
  const findingsByPage = new Map<string, AgainstFinding[]>();
  const name = recordName(record);
  let docsVersion: string | undefined;
  for (const page of pages) {
    const site = sitePathOf(page.file);
    if (!site || !page.isHugo || page.frontMatter.test !== 'yes') continue;
    if (docsVersion === undefined) {
      const vars = defaultVarsFile(page.file);
      const read = vars ? readVars(vars) : undefined;
      if (read?.ok) docsVersion = read.vars.version;
    }
    const plan = planOf(page);
    const found = againstRecord(plan, site.inSite, [...new Set([reference, site.lang])], record);
    findings.push(...found);
    findingsByPage.set(page.file, found);
    const list: Diagnostic[] = [];
    const after = found.filter((f) => f.kind === 'after-drift').length;
    let firstDrift = true;
    for (const f of found) {
      // A step that would fail is told at its failing line (the first expected line that differs), as a run tells it.
      const line = f.failure?.line ?? f.step.expectedLine ?? f.step.line;
      if (f.kind === 'would-fail') {
        list.push(diagnostic({ file: f.failure?.file ?? f.step.file, line, ruleId: 'would-fail', message: `${f.step.id}: would fail against ${name}: ${f.message} (recorded from ${f.recorded!.file}:${f.recorded!.line})` }));
        diffs.set(`${f.failure?.file ?? f.step.file}:${line}`, f.diff);
      } else if (f.kind === 'not-comparable') {
        const rest = firstDrift && after > 0 ? `; the ${after} later step${after === 1 ? '' : 's'} of the page ${after === 1 ? 'is' : 'are'} not compared (the cluster may differ from the recorded run's from here on)` : '';
        firstDrift = false;
        list.push(diagnostic({ file: f.step.file, line: f.step.line, ruleId: 'not-comparable', message: `${f.step.id}: ${f.message}${rest}` }));
      }
    }
    byPage.set(page.file, list);
  }
  const warnings: Diagnostic[] = [];
  const stale = staleness(record, now, maxAgeDays * 86400000, docsVersion);
  if (stale.length > 0) warnings.push(diagnostic({ file: record.file, line: 1, ruleId: 'record-stale', message: `the record is stale: ${stale.join('; ')}` }));
  for (const problem of record.problems) warnings.push(diagnostic({ file: record.file, line: Number(/:(\d+):/.exec(problem)?.[1] ?? 1), ruleId: 'record-stale', message: problem.replace(/^[^:]+:\d+: /, 'a line of the record could not be read: ') }));
  const c = countAgainst(findings);
  const compared = c['would-pass'] + c['would-fail'];
  const summary = `against ${record.file}, ${name}: ${compared} step${compared === 1 ? '' : 's'} compared: ${c['would-pass']} would pass, ${c['would-fail']} would fail; ${c['not-comparable']} not comparable (the command drifted), ${c['after-drift']} after a drifted command, ${c['no-record']} without a record, ${c['not-run']} not run`;
  return { record, byPage, diffs, warnings, findings, findingsByPage, run: name, summary };
}

/** Plans pages as a run plans them, through one workspace (its doctest.yaml cache lives as long as the command). */
export function planner(loaded: LoadedPages, varsFile: string | undefined, reference: string): (page: Page) => PagePlan {
  const workspace = new Workspace(loaded, varsFile, reference);
  return (page) => workspace.planOf(page, {});
}
