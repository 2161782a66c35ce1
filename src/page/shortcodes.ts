// The shortcode pre-pass: lifts `{{< text >}}` blocks, tabs and boilerplate includes out of the page, line by line,
// the way Hugo handles shortcodes before markdown, so remark never sees the inside of a block.
import { parseAttributes } from './attributes.js';
import { diagnostic } from './diagnostics.js';
import type { BlockAttributes, Diagnostic, TabRef } from './types.js';

/** A `{{< text >}}` block as the pre-pass finds it, before steps and ids. */
export interface RawBlock {
  line: number;
  endLine: number;
  indent: string;
  opener: string;
  attributes: BlockAttributes;
  rawLines: string[];
  tab?: TabRef;
  /** False when the file ends before the closer. */
  terminated: boolean;
}

export interface RawInclude {
  name: string;
  line: number;
  column: number;
}

export interface ShortcodeScan {
  blocks: RawBlock[];
  includes: RawInclude[];
  /** Per 0-based line: 2 for a block's opener, 1 for its other lines (content and closer), 0 outside blocks. */
  blockLines: Uint8Array;
  diagnostics: Diagnostic[];
}

const textOpener = /^(\s*)\{\{<\s*text(?=[\s>])(.*?)>\}\}\s*$/;
const textCloser = /^\s*\{\{<\s*\/\s*text\s*>\}\}\s*$/;
const tabsetOpener = /^\s*\{\{<\s*tabset\b(.*?)>\}\}\s*$/;
const tabsetCloser = /^\s*\{\{<\s*\/\s*tabset\s*>\}\}\s*$/;
const tabOpener = /^\s*\{\{<\s*tab\b(.*?)>\}\}\s*$/;
const tabCloser = /^\s*\{\{<\s*\/\s*tab\s*>\}\}\s*$/;
const boilerplateInclude = /\{\{<\s*boilerplate\s+"?([\w.-]+)"?\s*>\}\}/g;

// Cheap test so the scan only runs regular expressions on lines that can hold a shortcode.
function mayHoldShortcode(line: string): boolean {
  return line.includes('{{<');
}

// Scans the body lines once, collecting blocks, tab context and includes; every malformed construct becomes a diagnostic.
export function scanShortcodes(file: string, lines: string[], bodyStart: number): ShortcodeScan {
  const blocks: RawBlock[] = [];
  const includes: RawInclude[] = [];
  const diagnostics: Diagnostic[] = [];
  const blockLines = new Uint8Array(lines.length);
  let open: RawBlock | undefined;
  let tabsetIndex = -1;
  let tabset: { category: string; line: number; tabs: number } | undefined;
  let tab: TabRef | undefined;

  const finish = (block: RawBlock, endIndex: number) => {
    block.endLine = endIndex + 1;
    for (let i = block.line - 1; i <= endIndex && i < lines.length; i++) blockLines[i] = 1;
    blockLines[block.line - 1] = 2;
    blocks.push(block);
  };

  for (let i = bodyStart - 1; i < lines.length; i++) {
    const line = lines[i];
    if (open) {
      if (!mayHoldShortcode(line)) {
        open.rawLines.push(line);
        continue;
      }
      if (textCloser.test(line)) {
        finish(open, i);
        open = undefined;
        continue;
      }
      if (textOpener.test(line)) {
        diagnostics.push(unterminated(file, open));
        open.terminated = false;
        finish(open, i - 1);
        open = undefined;
      } else {
        open.rawLines.push(line);
        continue;
      }
    }
    if (!mayHoldShortcode(line)) continue;
    const opener = textOpener.exec(line);
    if (opener) {
      open = {
        line: i + 1,
        endLine: i + 1,
        indent: opener[1],
        opener: line,
        attributes: parseAttributes(opener[2]),
        rawLines: [],
        tab,
        terminated: true,
      };
      if (/\/\s*$/.test(opener[2])) {
        // `{{< text ... />}}` would be self-closing in Hugo: an empty block.
        open.attributes = parseAttributes(opener[2].replace(/\/\s*$/, ''));
        finish(open, i);
        open = undefined;
      }
      continue;
    }
    if (textCloser.test(line)) {
      diagnostics.push(
        diagnostic({ file, line: i + 1, column: line.indexOf('{{<') + 1, ruleId: 'text-closer-without-opener', message: 'found `{{< /text >}}` with no `{{< text ... >}}` open before it' }),
      );
      continue;
    }
    const set = tabsetOpener.exec(line);
    if (set) {
      tabsetIndex++;
      tabset = { category: parseAttributes(set[1]).named['category-name'] ?? '', line: i + 1, tabs: 0 };
      continue;
    }
    if (tabsetCloser.test(line)) {
      tabset = undefined;
      tab = undefined;
      continue;
    }
    const tabMatch = tabOpener.exec(line);
    if (tabMatch) {
      const attributes = parseAttributes(tabMatch[1]);
      const name = attributes.named.name ?? attributes.positional[0] ?? '';
      tab = {
        category: tabset?.category ?? '',
        value: attributes.named['category-value'] ?? name,
        name,
        tabset: Math.max(tabsetIndex, 0),
        index: tabset ? tabset.tabs++ : 0,
        line: i + 1,
      };
      continue;
    }
    if (tabCloser.test(line)) {
      tab = undefined;
      continue;
    }
    boilerplateInclude.lastIndex = 0;
    for (let m = boilerplateInclude.exec(line); m; m = boilerplateInclude.exec(line)) {
      includes.push({ name: m[1], line: i + 1, column: m.index + 1 });
    }
  }
  if (open) {
    diagnostics.push(unterminated(file, open));
    open.terminated = false;
    finish(open, lines.length - 1);
  }
  return { blocks, includes, blockLines, diagnostics };
}

// The diagnostic for a block whose closer never comes, naming the opening line.
function unterminated(file: string, block: RawBlock): Diagnostic {
  return diagnostic({ file, line: block.line, column: block.indent.length + 1, ruleId: 'text-unterminated', message: `the \`{{< text >}}\` block opened on line ${block.line} is never closed with \`{{< /text >}}\`` });
}
