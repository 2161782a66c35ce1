// `istio-doctest sync`: brings translated pages up to date with their reference page, block by block, and lists what
// only a translator can do.
import { writeFileSync } from 'node:fs';
import { afterEdits, planSync, WORK_KINDS, type TranslatorWork, type WorkKind } from '../fix/sync-pages.js';
import { snapshotFiles, writeEdits } from '../fix/write-pages.js';
import { loadInputs } from './inputs.js';
import { SYNC_ONLY, type SyncOnly } from '../translate/sync-block.js';
import { parseOptions, referenceProblem, usageError } from './usage.js';

const help = `Usage: istio-doctest sync [--reference LANG] [--dry-run] [--only commands|outputs|all] [--todo-markdown FILE] [--vars FILE] PATH...

Brings translated pages (files, or folders searched for *.md) and the translated boilerplates they include up to date
with the same page under content/<LANG>/, block by block after aligning them (as \`drift\` does): where commands
changed, and where an expected output changed without being translated, the block takes the reference's lines. The
translation's indentation, opener attributes and, when only commands changed, its # comments are kept. Translated
outputs, missing and extra blocks, boilerplates and the test flag are never changed: they are listed with file:line as
a to-do list for a translator, one item per block, test flag or boilerplate (a missing block: after which line, under
which heading; the test flag: the value to write), with the lines of the synced text. A second run changes nothing. A
block whose new lines the page would read as a shortcode construct (a closer, opener, tab or include) is not synced
[write-not-output]; a page whose new text would parse to other blocks or includes or with a new diagnostic
[write-changes-page], or that changed on disk meanwhile, is left alone.

Options:
  --reference LANG   the reference language (default: en)
  --only WHAT        all (default), commands, or outputs
  --dry-run          print the unified diff of each page, write nothing
  --todo-markdown FILE  also write the to-do list as a Markdown checklist (to paste into a pull request)
  --vars FILE        values for version shortcodes (default: data/args.yml beside content/)

Exit 0 when every page that needed it was synced (or would be), 1 when a page was left alone or a PATH does not
exist, 2 on bad usage.
`;

// Whether an --only value is one sync knows.
function isSyncOnly(value: string): value is SyncOnly {
  return (SYNC_ONLY as readonly string[]).includes(value);
}

// Runs the command and returns the exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, {
    reference: { type: 'string', default: 'en' },
    only: { type: 'string', default: 'all' },
    'dry-run': { type: 'boolean' },
    'todo-markdown': { type: 'string' },
    vars: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return usageError(parsed.message, 'sync');
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const { reference, only } = parsed.values;
  if (!isSyncOnly(only)) return usageError(`unknown --only '${only}' (${SYNC_ONLY.join(', ')})`, 'sync');
  const badReference = referenceProblem(reference, false);
  if (badReference) return usageError(badReference, 'sync');
  const dry = parsed.values['dry-run'] === true;
  const loaded = loadInputs('sync', parsed.positionals, parsed.values.vars, { reference });
  if (typeof loaded === 'number') return loaded;
  const { pages, problems, referenceOf } = loaded;
  for (const problem of problems) process.stderr.write(`istio-doctest: ${problem}\n`);
  const plan = planSync(pages, reference, referenceOf, only);
  const snapshots = snapshotFiles(plan.files);
  const writes = writeEdits(plan.edits, snapshots, { dry, commandsMayChange: true });
  // A closed standard output (`| head`) ends the listing, not the command.
  process.stdout.on('error', () => undefined);
  const out = (text: string) => process.stdout.write(text);
  for (const w of writes) {
    if (dry && w.diff) out(w.diff.endsWith('\n') ? w.diff : `${w.diff}\n`);
    else if (w.written) out(`${w.file}: synced\n`);
    if (w.refused) out(`${w.file}${w.at ? `:${w.at.line}` : ''}: not synced: ${w.refused}${w.at ? ` [${w.at.ruleId}]` : ''}\n`);
    for (const e of w.skipped) out(`${e.file}:${e.from}: not synced: the lines are not what the page had when it was read\n`);
  }
  // The to-do list points into the text as written (a dry run's into the text as it is).
  const written = writes.filter((w) => w.written).flatMap((w) => plan.edits.filter((e) => e.file === w.file && !w.skipped.includes(e)));
  const work = afterEdits(plan.work, written);
  for (const item of work) out(`${item.file}:${item.line}: ${item.message}\n`);
  const changed = writes.filter((w) => w.diff !== '' && !w.refused).length;
  const c = plan.counts;
  out(
    `sync against ${reference}: ${plan.files.length} translated page${plural(plan.files.length)}, ${c.drifted} drifted block${plural(c.drifted)}: ` +
      `${c.synced} synced, ${c.left} left to translators; ${changed} file${plural(changed)} ${dry ? 'would change (dry run: nothing written)' : 'changed'}\n`,
  );
  out(`to do: ${workCounts(work)}\n`);
  const todo = parsed.values['todo-markdown'];
  if (todo !== undefined) {
    try {
      writeFileSync(todo, todoMarkdown(work, reference));
    } catch (error) {
      process.stderr.write(`istio-doctest: --todo-markdown ${todo}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      return 2;
    }
  }
  return problems.length > 0 || plan.refused.length > 0 || writes.some((w) => w.refused || w.skipped.length > 0) ? 1 : 0;
}

// The to-do items counted by what they are about: "73 items: 47 blocks left, 24 test flags, 2 boilerplates".
function workCounts(work: TranslatorWork[]): string {
  const kinds = Object.keys(WORK_KINDS) as WorkKind[];
  const parts = kinds.map((k) => [k, work.filter((w) => w.kind === k).length] as const).filter(([, n]) => n > 0);
  if (parts.length === 0) return 'nothing left for translators';
  return `${work.length} item${plural(work.length)} listed above: ${parts.map(([k, n]) => `${n} ${WORK_KINDS[k][n === 1 ? 0 : 1]}`).join(', ')}`;
}

// The to-do list as a Markdown checklist grouped by page, for a pull request's description.
function todoMarkdown(work: TranslatorWork[], reference: string): string {
  const lines = [`### Left to translate after \`istio-doctest sync\` (against ${reference})`, ''];
  if (work.length === 0) lines.push('Nothing: every drifted block was synced.');
  let file: string | undefined;
  for (const item of work) {
    if (item.file !== file) {
      if (file !== undefined) lines.push('');
      file = item.file;
      lines.push(`**${item.file}**`, '');
    }
    lines.push(`- [ ] line ${item.line}: ${item.message.replace(/\n/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

// `s` for counts other than one.
function plural(n: number): string {
  return n === 1 ? '' : 's';
}
