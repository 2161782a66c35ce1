// How alike two blocks are, for aligning a translation's blocks with its reference page's: the words and numbers of
// their commands (bash) or of their text (other syntaxes), as bags, compared with Dice's coefficient.
import type { Block } from '../page/types.js';

/** What the aligner compares of a block, computed once per block. */
export interface BlockFeatures {
  syntax: string;
  /** Tokens of the commands (bash blocks with steps) or of the whole text (other blocks). */
  main: Map<string, number>;
  mainSize: number;
  /** Tokens of the expected outputs (bash blocks only). */
  output: Map<string, number>;
  outputSize: number;
  hasSteps: boolean;
  block: Block;
  /** The block's lines as `sameContent` compares them, joined: equal strings are the same content. */
  content: string;
}

// Whitespace and ASCII punctuation: what separates the words and numbers of commands (letters of every script stay in).
const separators = /[\s!-/:-@[-`{-~]+/;

// Counts the words and numbers of a text (punctuation and spacing do not make blocks different).
export function tokenBag(text: string): { bag: Map<string, number>; size: number } {
  const bag = new Map<string, number>();
  let size = 0;
  for (const word of text.split(separators)) {
    if (word === '') continue;
    bag.set(word, (bag.get(word) ?? 0) + 1);
    size++;
  }
  return { bag, size };
}

// Dice's coefficient of two bags: 1 for the same words, 0 for nothing in common; two empty bags are alike.
export function dice(a: Map<string, number>, aSize: number, b: Map<string, number>, bSize: number): number {
  if (aSize + bSize === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, count] of small) {
    const other = large.get(word);
    if (other !== undefined) common += Math.min(count, other);
  }
  return (2 * common) / (aSize + bSize);
}

// Extracts the features of a block once, so comparing every pair of blocks of two pages stays cheap.
export function blockFeatures(block: Block): BlockFeatures {
  const steps = block.syntax === 'bash' && block.steps && block.steps.length > 0 ? block.steps : undefined;
  const main = tokenBag(steps ? steps.map((s) => s.command).join('\n') : block.text);
  const output = tokenBag(steps ? steps.map((s) => s.expected).join('\n') : '');
  return {
    syntax: block.syntax,
    main: main.bag,
    mainSize: main.size,
    output: output.bag,
    outputSize: output.size,
    hasSteps: steps !== undefined,
    block,
    content: comparedLines(block).join('\n'),
  };
}

// Similarity of two blocks in [0, 1]: commands weigh most (outputs are often edited or translated); 0 across syntaxes.
export function similarity(a: BlockFeatures, b: BlockFeatures): number {
  if (a.syntax !== b.syntax) return 0;
  if (a.content === b.content) return 1;
  const main = dice(a.main, a.mainSize, b.main, b.mainSize);
  if (!a.hasSteps || !b.hasSteps) return main;
  return 0.8 * main + 0.2 * dice(a.output, a.outputSize, b.output, b.outputSize);
}

// Whether two blocks show the same thing: the same lines once the opener's indentation, spacing runs inside lines,
// trailing whitespace and trailing blank lines are set aside. Compares line by line and stops at the first difference.
export function sameContent(a: Block, b: Block): boolean {
  if (a.syntax !== b.syntax) return false;
  const n = contentLength(a);
  if (n !== contentLength(b)) return false;
  for (let i = 0; i < n; i++) {
    const x = dedent(a.rawLines[i], a.indent);
    const y = dedent(b.rawLines[i], b.indent);
    if (x !== y && spacing(x) !== spacing(y)) return false;
  }
  return true;
}

// The content lines as `sameContent` compares them (lines equal as written are equal after `spacing` too).
function comparedLines(block: Block): string[] {
  const n = contentLength(block);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(spacing(dedent(block.rawLines[i], block.indent)));
  return lines;
}

// The number of content lines before the trailing blank ones.
function contentLength(block: Block): number {
  let n = block.rawLines.length;
  while (n > 0 && block.rawLines[n - 1].trim() === '') n--;
  return n;
}

// A raw line without the opener's indentation.
function dedent(line: string, indent: string): string {
  return line.startsWith(indent) ? line.slice(indent.length) : line.trimStart();
}

// A line as compared: indentation kept (it matters in YAML), runs of spaces inside the line and at its end ignored
// (column alignment is not a change a reader can see).
export function spacing(text: string): string {
  return text.trimEnd().replace(/(?<=\S)[ \t]+/g, ' ');
}

// The block's lines as the reader sees them: without the opener's indentation and without trailing whitespace.
export function contentLines(block: Block): string[] {
  return block.rawLines.map((line) => dedent(line, block.indent).trimEnd());
}
