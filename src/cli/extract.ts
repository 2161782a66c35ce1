// `istio-doctest extract`: the blocks and steps of pages, as JSON or as istio.io's snips.sh files.
import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page, Vars } from '../page/types.js';
import { diagnosticLine } from '../report/diagnostic-line.js';
import { extractJson } from '../report/extract-json.js';
import { boilerplateSources, formatSnips, snipsHeader, snipsPath } from '../istio/snips.js';
import { loadInputs } from './inputs.js';
import { parseOptions, referenceProblem, usageError } from './usage.js';

const help = `Usage: istio-doctest extract [--format json|snips] [--reference LANG] [--vars FILE] [--out-dir DIR] PATH...

Prints the blocks of pages (files, or folders searched for *.md).
  --format json    (default) {"pages":[{"file","lang","title","test","diagnostics","blocks":[...]}]}
  --format snips   istio.io's snips.sh text, so istio.io's test scripts can source it unchanged
  --out-dir DIR    with snips: write files where istio.io's test scripts source them: content/LANG/P/index.md
                   to DIR/content/LANG/P/snips.sh, P/NAME.md to DIR/.../P/NAME.md_snips.sh, and every boilerplate
                   a page includes, content/LANG/boilerplates/NAME.md, to DIR/content/LANG/boilerplates/snips/NAME.sh
  --reference LANG translated pages take the block ids of the same page under content/LANG/ (default: en;
                   none keeps each page's own ids), so the reference's test scripts can source their snippets
  --vars FILE      values for version shortcodes (default: data/args.yml beside content/)
`;

// Runs the extraction and returns the exit code (1 when a page could not be read as a Hugo page).
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, {
    format: { type: 'string', default: 'json' },
    vars: { type: 'string' },
    'out-dir': { type: 'string' },
    reference: { type: 'string', default: 'en' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return usageError(parsed.message, 'extract');
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const { format, 'out-dir': outDir } = parsed.values;
  if (format !== 'json' && format !== 'snips') return usageError(`unknown --format '${format}' (json or snips)`, 'extract');
  const unusable = outDir !== undefined ? outDirProblem(outDir) : undefined;
  if (unusable) return usageError(`--out-dir ${outDir}: ${unusable}`, 'extract');
  const badReference = referenceProblem(parsed.values.reference, true);
  if (badReference) return usageError(badReference, 'extract');
  const loaded = loadInputs('extract', parsed.positionals, parsed.values.vars, { reference: parsed.values.reference });
  if (typeof loaded === 'number') return loaded;
  const { pages, problems, varsOf } = loaded;
  for (const problem of problems) process.stderr.write(`istio-doctest: ${problem}\n`);
  if (format === 'json') process.stdout.write(extractJson(pages));
  else if (!writeSnips(pages, varsOf, outDir)) return 1;
  const broken = pages.filter((page) => !page.isHugo);
  for (const page of broken) for (const d of page.diagnostics) process.stderr.write(`${diagnosticLine(d)}\n`);
  return broken.length > 0 || problems.length > 0 ? 1 : 0;
}

// Why --out-dir cannot take the snippets, before any is written: a file where the folder should be, a place that
// is not an ordinary file system (/proc, /sys, /dev, where writes hang or fail), a folder that cannot be written.
function outDirProblem(dir: string): string | undefined {
  const real = resolve(dir);
  if (/^\/(proc|sys|dev)(\/|$)/.test(real)) return 'not a place for files (a kernel file system)';
  let existing = real;
  while (!existsSync(existing)) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) return `${existing === real ? 'it' : existing} is a file, not a folder`;
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    return `${existing === real ? 'it' : existing} cannot be written (permission denied)`;
  }
  return undefined;
}

// Writes one snips.sh per page (to files under --out-dir, or to standard output), reporting `kubectl exec -it` on stderr.
// With --out-dir the boilerplates the pages include are written too, where the pages' `source` lines point. A file that
// cannot be written is one line on stderr, the others are still written; false when any failed.
function writeSnips(pages: Page[], varsOf: (page: Page) => Vars | undefined, outDir?: string): boolean {
  let ok = true;
  const written = new Set<string>();
  const write = (page: Page, vars: Vars | undefined) => {
    if (!page.isHugo) return;
    const target = outDir ? join(outDir, snipsPath(page.file)) : undefined;
    if (target && written.has(target)) return;
    if (target) written.add(target);
    const { body, execItLines } = formatSnips(page, vars, boilerplateSources(page));
    for (const line of execItLines) {
      process.stderr.write(`${page.file}:${line}:1 error 'kubectl exec -it' hangs without a terminal; written to the snippet as it is, remove -it from the page [kubectl-exec-it]\n`);
    }
    if (body) {
      const text = snipsHeader(page.file) + body;
      if (!target) process.stdout.write(text);
      else {
        try {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, text);
        } catch (error) {
          ok = false;
          process.stderr.write(`istio-doctest: cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
        }
      }
    }
    if (target) for (const include of page.includes) if (include.page) write(include.page, vars);
  };
  for (const page of pages) write(page, varsOf(page));
  return ok;
}
