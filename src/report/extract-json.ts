// `extract --format json`: the page model as stable JSON for tools.
import type { Page } from '../page/types.js';

// The JSON document for a list of pages; field names and order are part of the tool's contract.
export function extractJson(pages: Page[]): string {
  return `${JSON.stringify({ pages: pages.map(pageJson) }, null, 2)}\n`;
}

// One page: identity, front-matter facts, diagnostics, blocks.
function pageJson(page: Page) {
  return {
    file: page.file,
    lang: page.lang,
    title: page.frontMatter.title ?? null,
    test: page.frontMatter.test ?? null,
    diagnostics: page.diagnostics,
    blocks: page.blocks.map((block) => ({
      id: block.id ?? null,
      line: block.line,
      endLine: block.endLine,
      syntax: block.syntax,
      outputSyntax: block.outputSyntax ?? null,
      section: block.section,
      tab: block.tab ? { category: block.tab.category, value: block.tab.value, name: block.tab.name } : null,
      ...(block.steps ? { steps: block.steps.map((step) => ({ command: step.command, line: step.line, expected: step.expected })) } : {}),
      text: block.text,
    })),
  };
}
