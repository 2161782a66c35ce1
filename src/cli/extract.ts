// `istio-doctest extract`: the blocks and steps of pages, as JSON or as istio.io's snips.sh files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page, Vars } from '../page/types.js';
import { diagnosticLine } from '../report/diagnostic-line.js';
import { extractJson } from '../report/extract-json.js';
import { boilerplateSources, formatSnips, snipsHeader, snipsPath } from '../istio/snips.js';
import { loadPages } from '../page/pages.js';
import { parseOptions, usageError } from './usage.js';

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
  if (!parsed.ok) return usageError(parsed.message, help);
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const format = parsed.values.format as string;
  if (format !== 'json' && format !== 'snips') return usageError(`unknown --format '${format}' (json or snips)`, help);
  if (parsed.positionals.length === 0) return usageError('extract needs at least one PATH', help);
  const { pages, problems, varsOf } = loadPages(parsed.positionals, parsed.values.vars as string | undefined, { reference: parsed.values.reference as string });
  for (const problem of problems) process.stderr.write(`istio-doctest: ${problem}\n`);
  if (format === 'json') process.stdout.write(extractJson(pages));
  else writeSnips(pages, varsOf, parsed.values['out-dir'] as string | undefined);
  const broken = pages.filter((page) => !page.isHugo);
  for (const page of broken) for (const d of page.diagnostics) process.stderr.write(`${diagnosticLine(d)}\n`);
  return broken.length > 0 || problems.length > 0 ? 1 : 0;
}

// Writes one snips.sh per page (to files under --out-dir, or to standard output), reporting `kubectl exec -it` on stderr.
// With --out-dir the boilerplates the pages include are written too, where the pages' `source` lines point.
function writeSnips(pages: Page[], varsOf: (page: Page) => Vars | undefined, outDir?: string): void {
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
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
    }
    if (target) for (const include of page.includes) if (include.page) write(include.page, vars);
  };
  for (const page of pages) write(page, varsOf(page));
}
