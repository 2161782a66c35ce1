// `run --update` and `run --update=dry`: after the run, redraw the expected outputs the matcher failed, print the
// diffs and the count, and list the failed steps left for a person.
import type { LoadedPages } from '../app/pages.js';
import type { Page } from '../page/types.js';
import { stepUpdates } from '../fix/step-updates.js';
import { snapshotFiles, writeEdits } from '../fix/write-pages.js';
import type { RunSummary } from '../run/results.js';
import { driftReport } from '../translate/drift-report.js';

/** `apply` writes the pages, `dry` prints the diffs only. */
export { UPDATE_VALUES, type UpdateValue } from '../app/run-options.js';
import type { UpdateValue } from '../app/run-options.js';

/** What the update needs from before the run: the pages by file and their text as read. */
export interface UpdateBaseline {
  pageOf: (file: string) => Page | undefined;
  snapshots: Map<string, string | undefined>;
  translated: Set<string>;
}

// `--update` alone means `--update=apply`, since node's parser wants a value for a string option.
export function normalizeUpdateFlag(argv: string[]): string[] {
  return argv.map((arg) => (arg === '--update' ? '--update=apply' : arg));
}

/** Reads every page and boilerplate file before the run, and which translated blocks have translated outputs. */
export function updateBaseline(pages: Page[], loaded: LoadedPages, reference: string): UpdateBaseline {
  const byFile = new Map<string, Page>();
  const visit = (page: Page) => {
    if (byFile.has(page.file)) return;
    byFile.set(page.file, page);
    for (const include of page.includes) if (include.page) visit(include.page);
  };
  pages.forEach(visit);
  const translated = new Set<string>();
  for (const entry of driftReport(pages, reference, loaded.referenceOf).pages) {
    for (const block of entry.blocks) if (block.kind === 'translated' && block.line !== undefined) translated.add(`${entry.file}:${block.line}`);
  }
  return { pageOf: (file) => byFile.get(file), snapshots: snapshotFiles(byFile.keys()), translated };
}

/** Redraws the failed outputs after the run and returns the exit code: the run's, or 0 when every failure was redrawn. */
export function applyUpdate(mode: UpdateValue, summary: RunSummary, baseline: UpdateBaseline, exitCode: number, write: (text: string) => void): number {
  if (summary.interrupted) {
    write('update: the run was interrupted; no expected output redrawn\n');
    return exitCode;
  }
  const results = summary.pages.flatMap((page) => page.steps);
  const plan = stepUpdates(results, { pageOf: baseline.pageOf, translated: (file, line) => baseline.translated.has(`${file}:${line}`) });
  const writes = writeEdits(plan.updated.map((u) => u.edit), baseline.snapshots, { dry: mode === 'dry', commandsMayChange: false });
  for (const w of writes) if (w.diff && !w.refused) write(w.diff.endsWith('\n') ? w.diff : `${w.diff}\n`);
  const skipped = new Set(writes.flatMap((w) => w.skipped));
  const refused = new Set(writes.filter((w) => w.refused).map((w) => w.file));
  const done = plan.updated.filter((u) => !refused.has(u.edit.file) && !skipped.has(u.edit)).map((u) => u.result);
  const pages = new Set(done.map((r) => r.step.file)).size;
  for (const w of writes) if (w.refused) write(`${w.file}${w.at ? `:${w.at.line}` : ''}: not updated: ${w.refused}${w.at ? ` [${w.at.ruleId}]` : ''}\n`);
  for (const n of plan.notUpdated) write(`${n.file}:${n.line}: ${n.id}: not updated: ${n.reason}${n.ruleId ? ` [${n.ruleId}]` : ''}\n`);
  for (const e of writes.flatMap((w) => w.skipped)) write(`${e.file}:${e.from}: not updated: the lines are not what the page had when it was read\n`);
  const verb = mode === 'dry' ? 'would redraw' : 'redrew';
  // Steps that did not run have no output to redraw from: a page blocked before its first step, a step doctest.yaml skips.
  const notRun = results.filter((r) => r.status === 'skipped').length;
  const notRunText = notRun > 0 ? `; ${notRun} step${notRun === 1 ? '' : 's'} not run` : '';
  write(`update: ${verb} ${done.length} expected output${done.length === 1 ? '' : 's'} in ${pages} file${pages === 1 ? '' : 's'}; ${plan.notUpdated.length} failed step${plan.notUpdated.length === 1 ? '' : 's'} left as they are${notRunText}${mode === 'dry' ? ' (dry run: nothing written)' : ''}\n`);
  if (mode === 'dry' || exitCode !== 1) return exitCode;
  const redrawn = new Set(done);
  const failures = results.filter((r) => !r.warning && (r.status === 'failed' || r.status === 'timeout'));
  const pageFailures = summary.pages.some((p) => p.status === 'failed' && !p.steps.some((s) => !s.warning && s.status === 'failed'));
  if (failures.length > 0 && !pageFailures && failures.every((r) => redrawn.has(r))) {
    write(`update: every failure was an expected output, now redrawn: exit 0\n`);
    return 0;
  }
  return exitCode;
}
