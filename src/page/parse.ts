// Parsing one page: front matter, shortcodes lifted out line by line, sections from remark, steps of bash blocks, ids.
import { blockOutputSyntax, blockSyntax } from './attributes.js';
import { splitBashSteps } from './bash-steps.js';
import { diagnostic, sortDiagnostics } from './diagnostics.js';
import { readFrontMatter } from './front-matter.js';
import { assignIds, SNIP_DELIMITER } from './ids.js';
import { describeNonHugo, foreignFormat, hasShortcodes } from './not-hugo.js';
import { sectionsOf } from './sections.js';
import { sitePathOf } from './site-path.js';
import { scanShortcodes, type RawBlock } from './shortcodes.js';
import { substituteIstioFiles, substituteVars, usesVars } from './substitute.js';
import type { Block, Diagnostic, Page, Section, Vars } from './types.js';

export interface ParseOptions {
  /** Values for version shortcodes; when absent they are left as written and reported. */
  vars?: Vars;
  /** Language of the page; by default from the `content/<lang>/` part of the path. */
  lang?: string;
}

/** The page's language from its path (its last `content/<lang>/`), `en` when it has none. */
export function languageOf(file: string): string {
  return sitePathOf(file)?.lang ?? 'en';
}

// Parses a page's text into the page model; never throws, whatever the input.
export function parsePage(file: string, source: string, options: ParseOptions = {}): Page {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const lang = options.lang ?? languageOf(file);
  const front = readFrontMatter(file, lines);
  const foreign = front.present ? undefined : foreignFormat(lines);
  const isHugo = front.present || (hasShortcodes(source) && !foreign);
  const page: Page = {
    file,
    lang,
    isHugo,
    frontMatter: front.frontMatter,
    bodyLine: front.bodyLine,
    sections: [],
    blocks: [],
    includes: [],
    diagnostics: [...front.diagnostics],
    lines,
  };
  if (!isHugo) {
    page.diagnostics.push(
      diagnostic({
        file,
        line: 1,
        ruleId: 'not-hugo-page',
        message:
          foreign && hasShortcodes(source)
            ? `not a Hugo page: it has no front matter (\`---\` lines) and only stray shortcodes; ${foreign}`
            : `not a Hugo page: it has no front matter (\`---\` lines) and no shortcodes; ${describeNonHugo(lines)}`,
      }),
    );
    return page;
  }
  const scan = scanShortcodes(file, lines, front.bodyLine);
  page.diagnostics.push(...scan.diagnostics);
  page.includes = scan.includes.map(({ name, line }) => ({ name, line }));
  page.sections = sectionsOf(lines, front.bodyLine, scan.blockLines);
  page.blocks = scan.blocks.map((raw) => toBlock(file, raw, options.vars, page.diagnostics));
  assignIds(lines, page.blocks, lang);
  attachHeadings(page.blocks, page.sections);
  page.diagnostics = sortDiagnostics(page.diagnostics);
  return page;
}

// Turns a scanned block into the model's block: dedented text, substitutions, steps for bash.
function toBlock(file: string, raw: RawBlock, vars: Vars | undefined, diagnostics: Diagnostic[]): Block {
  const syntax = blockSyntax(raw.attributes);
  const outputSyntax = blockOutputSyntax(raw.attributes);
  const dedented = raw.rawLines.map((line) => (line.startsWith(raw.indent) ? line.slice(raw.indent.length) : line.trimStart()));
  const substitute = (text: string) => {
    const withVars = substituteVars(text, vars);
    return syntax === 'bash' ? substituteIstioFiles(withVars) : withVars;
  };
  const block: Block = {
    file,
    line: raw.line,
    endLine: raw.endLine,
    indent: raw.indent,
    attributes: raw.attributes,
    syntax,
    ...(outputSyntax ? { outputSyntax } : {}),
    rawLines: raw.rawLines,
    text: substitute(dedented.join('\n')),
    ...(raw.tab ? { tab: raw.tab } : {}),
    recognised: false,
    section: '',
  };
  if (!vars) {
    const at = dedented.findIndex(usesVars);
    if (at >= 0) {
      diagnostics.push(
        diagnostic({ file, line: raw.line + 1 + at, column: raw.indent.length + 1, ruleId: 'vars-missing', message: 'this block uses a version shortcode but no `data/args.yml` was found beside `content/`; pass `--vars FILE` to substitute it' }),
      );
    }
  }
  // A line of the text (not a `$ ` command) that is istio.io's snippet delimiter would end its heredoc there.
  dedented.forEach((text, at) => {
    if (text !== SNIP_DELIMITER) return;
    const message = `this line is \`${SNIP_DELIMITER}\`, the heredoc delimiter of istio.io's generated snippets: there it ends the heredoc, and the lines after it run as code when the snippets are sourced (istio-doctest's own snippets choose another delimiter)`;
    diagnostics.push(diagnostic({ file, line: raw.line + 1 + at, column: raw.indent.length + 1, ruleId: 'snip-delimiter', message }));
  });
  if (syntax === 'bash' && raw.terminated) {
    const { steps, diagnostics: found } = splitBashSteps({ file, lines: dedented, firstLine: raw.line + 1, column: raw.indent.length + 1 });
    diagnostics.push(...found);
    block.steps = steps.map((step) => ({ ...step, command: substitute(step.command), expected: substituteVars(step.expected, vars) }));
    if (steps.length === 0 && found.length === 0) {
      diagnostics.push(diagnostic({ file, line: raw.line, column: raw.indent.length + 1, ruleId: 'bash-empty', message: 'this `bash` block has no `$ ` command' }));
    }
  }
  return block;
}

// Gives each block the nearest heading above it.
function attachHeadings(blocks: Block[], sections: Section[]): void {
  let s = -1;
  for (const block of blocks) {
    while (s + 1 < sections.length && sections[s + 1].line < block.line) s++;
    if (s >= 0) block.heading = sections[s];
  }
}
