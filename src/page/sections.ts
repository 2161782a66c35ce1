// Sections: the page's headings as remark-parse finds them in the skeleton (ATX and setext, not code or HTML).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Nodes, Root } from 'mdast';
import { headingAnchor } from './ids.js';
import type { Skeleton } from './skeleton.js';
import type { Section } from './types.js';

const parser = unified().use(remarkParse);

// Parses the skeleton and maps every heading back to its file line, taking its text from the file itself.
export function sectionsOf(lines: string[], skeleton: Skeleton): Section[] {
  if (!/(^|\n)[ \t>*+\-\d.)]*(#|=|-)/.test(skeleton.text)) return [];
  const tree = parser.parse(skeleton.text) as Root;
  const sections: Section[] = [];
  visitHeadings(tree, (heading) => {
    const start = heading.position?.start.line ?? 1;
    const end = heading.position?.end.line ?? start;
    const line = skeleton.lineMap[start - 1];
    const raw = start === end ? atxText(lines[line - 1]) : setextText(lines, line, skeleton.lineMap[end - 1]);
    const anchor = headingAnchor(raw);
    const text = anchor ? raw.replace(/\s*\{#[^}]*\}\s*$/, '') : raw;
    sections.push({ text: text.trim(), depth: heading.depth, line, ...(anchor ? { anchor } : {}) });
  });
  return sections;
}

// Depth-first walk over the nodes that can contain headings (lists, block quotes).
function visitHeadings(node: Nodes, visit: (heading: Heading) => void): void {
  if (node.type === 'heading') {
    visit(node);
    return;
  }
  if ('children' in node) for (const child of node.children) if (!isInline(child)) visitHeadings(child, visit);
}

// Inline nodes never hold headings; skipping them keeps the walk short.
function isInline(node: Nodes): boolean {
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
