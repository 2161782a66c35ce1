// What `check` prints for a page: one line of facts a translator can scan, then its diagnostics.
import type { Diagnostic, Page } from '../page/types.js';
import { diagnosticLine } from './diagnostic-line.js';

export interface PageFacts {
  blocks: number;
  commands: number;
  boilerplates: string[];
}

// Counts a page's blocks and commands, boilerplates not included (they are their own pages).
export function pageFacts(page: Page): PageFacts {
  return {
    blocks: page.blocks.length,
    commands: page.blocks.reduce((n, block) => n + (block.steps?.length ?? 0), 0),
    boilerplates: page.includes.map((include) => include.name),
  };
}

// The summary line of one page.
export function pageLine(page: Page): string {
  if (!page.isHugo) return `${page.file}  not a Hugo page`;
  const facts = pageFacts(page);
  const title = page.frontMatter.title ? JSON.stringify(page.frontMatter.title) : '(no title)';
  const test = page.frontMatter.test ?? '-';
  const boilerplates = facts.boilerplates.length > 0 ? `, boilerplates: ${facts.boilerplates.join(', ')}` : '';
  return `${page.file}  [${page.lang}] ${title}  test: ${test}  ${plural(facts.blocks, 'block')}, ${plural(facts.commands, 'command')}${boilerplates}`;
}

// The diagnostics of a page, indented under it.
export function diagnosticLines(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `  ${diagnosticLine(d)}`);
}

// `1 block`, `2 blocks`.
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
