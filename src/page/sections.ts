// Sections: the page's headings. remark-parse decides them on the page's skeleton whenever the markdown
// around a heading could change its meaning (HTML blocks, code fences, setext underlines, indented or nested
// `#` lines); on the other pages every heading is a top-level ATX line, which a line scan finds exactly
// (a conformance test checks both paths agree on the whole istio.io corpus).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Nodes, Root } from 'mdast';
import { headingAnchor } from './ids.js';
import { skeletonOf } from './skeleton.js';
import type { Section } from './types.js';

const parser = unified().use(remarkParse);
const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

// The headings of a page body; `blockLines` marks the lines of `{{< text >}}` blocks, which hold no headings.
export function sectionsOf(lines: string[], bodyStart: number, blockLines: Uint8Array): Section[] {
  return needsMarkdownParser(lines, bodyStart, blockLines)
    ? sectionsByRemark(lines, bodyStart, blockLines)
    : sectionsByLines(lines, bodyStart, blockLines);
}

// Whether anything outside the blocks can make a `#` line not a heading, or another line a heading:
// an HTML block or code fence with a `#` line inside, a setext underline, an indented or nested `#` line.
export function needsMarkdownParser(lines: string[], bodyStart: number, blockLines: Uint8Array): boolean {
  for (let i = bodyStart - 1; i < lines.length; i++) {
    if (blockLines[i]) continue;
    const line = lines[i];
    const first = line.trimStart()[0];
    if (first === undefined) continue;
    if (first === '<' && headingCandidateBefore(lines, blockLines, i, htmlBlockEnd(line))) return true;
    if ((first === '`' || first === '~') && /^\s*(```|~~~)/.test(line)) {
      const fence = /^\s*(`{3,}|~{3,})/.exec(line)![1];
      if (headingCandidateBefore(lines, blockLines, i + 1, (l) => l.trimStart().startsWith(fence))) return true;
    }
    if ((first === '=' || first === '-') && /^\s*(=+|-+)\s*$/.test(line) && i > 0 && lines[i - 1].trim() !== '') return true;
    if (line.includes('#') && (/^\s{4,}#/.test(line) || /^\s*(?:[>*+-]|\d{1,9}[.)])\s*#/.test(line))) return true;
  }
  return false;
}

// How an HTML block that starts on this line ends (CommonMark's seven kinds: five end at a marker, two at a blank line).
function htmlBlockEnd(line: string): (line: string) => boolean {
  const start = line.trimStart().toLowerCase();
  const marker = /^<(script|pre|style|textarea)[\s>]/.test(start)
    ? `</${/^<(\w+)/.exec(start)![1]}>`
    : start.startsWith('<!--')
      ? '-->'
      : start.startsWith('<?')
        ? '?>'
        : start.startsWith('<![cdata[')
          ? ']]>'
          : /^<![a-z]/.test(start)
            ? '>'
            : undefined;
  return marker ? (l) => l.toLowerCase().includes(marker) : (l) => l.trim() === '';
}

// Whether a line that could be a heading comes before the construct starting at `from` ends.
function headingCandidateBefore(lines: string[], blockLines: Uint8Array, from: number, ends: (line: string) => boolean): boolean {
  for (let j = from; j < lines.length; j++) {
    if (blockLines[j]) continue;
    if (/^\s*#/.test(lines[j]) || /^\s*(=+|-+)\s*$/.test(lines[j])) return true;
    if (ends(lines[j])) return false;
  }
  return false;
}

// Headings of a page whose structure is plain: every top-level ATX line outside the blocks.
export function sectionsByLines(lines: string[], bodyStart: number, blockLines: Uint8Array): Section[] {
  const sections: Section[] = [];
  for (let i = bodyStart - 1; i < lines.length; i++) {
    if (blockLines[i] || !lines[i].includes('#')) continue;
    const match = atxHeading.exec(lines[i]);
    if (match) sections.push(section(match[2] ?? '', match[1].length, i + 1));
  }
  return sections;
}

// Headings as remark-parse finds them in the skeleton, mapped back to file lines, text taken from the file.
export function sectionsByRemark(lines: string[], bodyStart: number, blockLines: Uint8Array): Section[] {
  const skeleton = skeletonOf(lines, bodyStart, blockLines);
  const tree = parser.parse(skeleton.text) as Root;
  const sections: Section[] = [];
  visitHeadings(tree, (heading) => {
    const start = heading.position?.start.line ?? 1;
    const end = heading.position?.end.line ?? start;
    const line = skeleton.lineMap[start - 1];
    const text = start === end ? atxText(lines[line - 1]) : setextText(lines, line, skeleton.lineMap[end - 1]);
    sections.push(section(text, heading.depth, line));
  });
  return sections;
}

// Builds a section, splitting a trailing `{#anchor}` off the heading text.
function section(raw: string, depth: number, line: number): Section {
  const anchor = headingAnchor(raw);
  const text = (anchor ? raw.replace(/\s*\{#[^}]*\}\s*$/, '') : raw).trim();
  return { text, depth, line, ...(anchor ? { anchor } : {}) };
}

// Depth-first walk over the nodes that can contain headings (lists, block quotes).
function visitHeadings(node: Nodes, visit: (heading: Heading) => void): void {
  if (node.type === 'heading') {
    visit(node);
    return;
  }
  if ('children' in node) for (const child of node.children) if (!isLeaf(child)) visitHeadings(child, visit);
}

// Leaf blocks never hold headings; skipping them keeps the walk short.
function isLeaf(node: Nodes): boolean {
  return node.type === 'text' || node.type === 'paragraph' || node.type === 'code' || node.type === 'html';
}

// The text of an ATX heading line: without the container prefix, the `#`s and a closing `#` sequence.
function atxText(line: string): string {
  const match = /^[ \t>*+\-\d.)]*?#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
  return match?.[1] ?? line.replace(/^[^#]*#+\s*/, '');
}

// The text of a setext heading: its paragraph lines, joined by a space.
function setextText(lines: string[], first: number, underline: number): string {
  return lines
    .slice(first - 1, underline - 1)
    .map((line) => line.trim())
    .join(' ');
}
