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
const boilerplateInclude = /\{\{<\s*boilerplate\s+"?([\w.-]+)"?\s*>\}\}/g;
// Any shortcode call Hugo renders (also inside a block's text, where Hugo expands nested shortcodes), `{{< name` or
// `{{< /name`; Hugo's escaped form (`{{</*` ... `*/>}}`) is not one.
const shortcodeCall = /\{\{<\s*(\/?)\s*([\w.-]+)[^]*?>\}\}/;

// Cheap test so the scan only runs regular expressions on lines that can hold a shortcode.
function mayHoldShortcode(line: string): boolean {
  return line.includes('{{<') || line.includes('{{%');
}

// Hugo's two shortcode delimiters, `{{< name >}}` and `{{% name %}}` (whose inside Hugo renders as markdown), call the
// same shortcode: the scan reads a line in the `<` form, so each pattern is written once.
function angleForm(line: string): string {
  return line.includes('{{%') ? line.replace(/\{\{%/g, '{{<').replace(/%\}\}/g, '>}}') : line;
}

/** A shortcode in a line: how the page would write it, and whether the parser reads it as structure (a block's
 * closer or opener, a tabset or tab, a boilerplate include) rather than as a call Hugo renders in the text. */
export interface LineShortcode {
  shortcode: string;
  construct: boolean;
}

/** The shortcode the parser reads in a line wherever it stands, in either delimiter form; undefined for a line with
 * none. `run --update` and `sync` never write a construct into a block's text, and `run --update` no call either. */
export function shortcodeInLine(line: string): LineShortcode | undefined {
  if (!mayHoldShortcode(line)) return undefined;
  const probe = angleForm(line);
  const construct = (shortcode: string): LineShortcode => ({ shortcode, construct: true });
  if (textCloser.test(probe)) return construct('{{< /text >}} (the end of the block)');
  if (textOpener.test(probe)) return construct('{{< text >}} (a new block, which ends this one)');
  for (const paired of constructs) {
    if (paired.opener.test(probe)) return construct(`{{< ${paired.name} >}}`);
    if (paired.closer.test(probe)) return construct(`{{< /${paired.name} >}}`);
  }
  boilerplateInclude.lastIndex = 0;
  const include = boilerplateInclude.exec(probe);
  if (include) return construct(`{{< boilerplate ${include[1]} >}} (an include)`);
  const call = shortcodeCall.exec(probe);
  if (call) return { shortcode: `{{< ${call[1]}${call[2]} >}} (a shortcode Hugo renders in the block, or the parser substitutes)`, construct: false };
  return undefined;
}

/** What the scan keeps while it walks the lines: the tab context and what it found so far. */
interface ScanState {
  file: string;
  diagnostics: Diagnostic[];
  tabsetIndex: number;
  tabset?: { category: string; line: number; tabs: number };
  tab?: TabRef;
}

/**
 * A paired shortcode that gives the blocks inside it a context (micromark's shape: an opener and a closer line, what
 * opening and closing do, and the diagnostic when it is never closed). `{{< text >}}` is not one of them: its inside
 * is content, kept apart by the scan itself.
 */
interface LineConstruct {
  name: string;
  opener: RegExp;
  closer: RegExp;
  /** Whether the construct is open now. */
  isOpen(state: ScanState): boolean;
  onOpen(state: ScanState, match: RegExpExecArray, line: number): void;
  onClose(state: ScanState): void;
  /** The diagnostic for the open construct, never closed (`by` says what ended it). */
  unterminated(state: ScanState, by: string): Diagnostic;
}

const tabsetConstruct: LineConstruct = {
  name: 'tabset',
  opener: /^\s*\{\{<\s*tabset\b(.*?)>\}\}\s*$/,
  closer: /^\s*\{\{<\s*\/\s*tabset\s*>\}\}\s*$/,
  isOpen: (state) => state.tabset !== undefined,
  onOpen(state, match, line) {
    state.tabsetIndex++;
    state.tabset = { category: parseAttributes(match[1]).named['category-name'] ?? '', line, tabs: 0 };
  },
  onClose(state) {
    state.tabset = undefined;
    state.tab = undefined;
  },
  unterminated: (state, by) =>
    diagnostic({
      file: state.file,
      line: state.tabset!.line,
      ruleId: 'tabset-unterminated',
      message: `the \`{{< tabset >}}\` opened on line ${state.tabset!.line} is never closed with \`{{< /tabset >}}\` before ${by}`,
    }),
};

const tabConstruct: LineConstruct = {
  name: 'tab',
  opener: /^\s*\{\{<\s*tab\b(.*?)>\}\}\s*$/,
  closer: /^\s*\{\{<\s*\/\s*tab\s*>\}\}\s*$/,
  isOpen: (state) => state.tab !== undefined,
  onOpen(state, match, line) {
    const attributes = parseAttributes(match[1]);
    const name = attributes.named.name ?? attributes.positional[0] ?? '';
    state.tab = {
      category: state.tabset?.category ?? '',
      value: attributes.named['category-value'] ?? name,
      name,
      tabset: Math.max(state.tabsetIndex, 0),
      index: state.tabset ? state.tabset.tabs++ : 0,
      line,
    };
  },
  onClose(state) {
    state.tab = undefined;
  },
  unterminated: (state, by) =>
    diagnostic({
      file: state.file,
      line: state.tab!.line,
      ruleId: 'tab-unterminated',
      message: `the \`{{< tab >}}\` opened on line ${state.tab!.line} is never closed with \`{{< /tab >}}\` before ${by}`,
    }),
};

/** The paired shortcodes after `text`, outermost first: a construct's closer ends the ones inside it. */
const constructs: readonly LineConstruct[] = [tabsetConstruct, tabConstruct];

// Scans the body lines once, collecting blocks, tab context and includes; every malformed construct becomes a diagnostic.
export function scanShortcodes(file: string, lines: string[], bodyStart: number): ShortcodeScan {
  const blocks: RawBlock[] = [];
  const includes: RawInclude[] = [];
  const blockLines = new Uint8Array(lines.length);
  const state: ScanState = { file, diagnostics: [], tabsetIndex: -1 };
  let open: RawBlock | undefined;

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
      const probe = angleForm(line);
      if (textCloser.test(probe)) {
        finish(open, i);
        open = undefined;
        continue;
      }
      if (textOpener.test(probe)) {
        state.diagnostics.push(unterminated(file, open));
        open.terminated = false;
        finish(open, i - 1);
        open = undefined;
      } else {
        open.rawLines.push(line);
        continue;
      }
    }
    if (!mayHoldShortcode(line)) continue;
    const probe = angleForm(line);
    const opener = textOpener.exec(probe);
    if (opener) {
      open = {
        line: i + 1,
        endLine: i + 1,
        indent: opener[1],
        opener: line,
        attributes: parseAttributes(opener[2]),
        rawLines: [],
        tab: state.tab,
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
    if (textCloser.test(probe)) {
      state.diagnostics.push(
        diagnostic({ file, line: i + 1, column: probe.indexOf('{{<') + 1, ruleId: 'text-closer-without-opener', message: 'found `{{< /text >}}` with no `{{< text ... >}}` open before it' }),
      );
      continue;
    }
    if (pairedShortcode(state, probe, i + 1)) continue;
    boilerplateInclude.lastIndex = 0;
    for (let m = boilerplateInclude.exec(probe); m; m = boilerplateInclude.exec(probe)) {
      includes.push({ name: m[1], line: i + 1, column: m.index + 1 });
    }
  }
  if (open) {
    state.diagnostics.push(unterminated(file, open));
    open.terminated = false;
    finish(open, lines.length - 1);
  }
  // Outermost first, so the diagnostics read in line order.
  for (const construct of constructs) if (construct.isOpen(state)) state.diagnostics.push(construct.unterminated(state, 'the end of the page'));
  return { blocks, includes, blockLines, diagnostics: state.diagnostics };
}

// Opens or closes a tabset or tab on its line: an opener while the same construct is still open, or the closer of an
// outer construct while an inner one is open, means the open one was never closed. Returns whether the line was one.
function pairedShortcode(state: ScanState, line: string, lineNumber: number): boolean {
  for (let k = 0; k < constructs.length; k++) {
    const construct = constructs[k];
    const match = construct.opener.exec(line);
    if (match) {
      for (const inner of constructs.slice(k)) if (inner.isOpen(state)) state.diagnostics.push(inner.unterminated(state, `the \`{{< ${construct.name} >}}\` on line ${lineNumber}`));
      construct.onOpen(state, match, lineNumber);
      return true;
    }
    if (construct.closer.test(line)) {
      for (const inner of constructs.slice(k + 1)) if (inner.isOpen(state)) state.diagnostics.push(inner.unterminated(state, `the \`{{< /${construct.name} >}}\` on line ${lineNumber}`));
      construct.onClose(state);
      return true;
    }
  }
  return false;
}

// The diagnostic for a block whose closer never comes, naming the opening line.
function unterminated(file: string, block: RawBlock): Diagnostic {
  return diagnostic({ file, line: block.line, column: block.indent.length + 1, ruleId: 'text-unterminated', message: `the \`{{< text >}}\` block opened on line ${block.line} is never closed with \`{{< /text >}}\`` });
}
