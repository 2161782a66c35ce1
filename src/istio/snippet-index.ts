// The snippets a script can call, by id: their function body and `_out` text as istio.io's `snips.sh` defines them
// (generated in-process from the page of the run's language), and the markdown file:line each one is written at.
import type { Page } from '../page/types.js';
import { snippetName } from './snips.js';

/** One snippet: what its function runs, the `<id>_out` text, and where the page writes it. */
export interface Snippet {
  id: string;
  body?: string;
  out?: string;
  file: string;
  line: number;
  /** The block's commands, for the programs the preflight looks for. */
  commands: string[];
  /** The markdown line of the `out` text's first line, when known (a failing verify call points at its lines). */
  outLine?: number;
}

/** Where a block is written, and its commands. */
export interface BlockPlace {
  file: string;
  line: number;
  commands: string[];
}

// Reads the function bodies and `_out` texts out of generated snips text (the exact text bash will define).
export function snippetsOfSnips(text: string): { bodies: Map<string, string>; outs: Map<string, string> } {
  const bodies = new Map<string, string>();
  const outs = new Map<string, string>();
  for (const m of text.matchAll(/\n([A-Za-z_]\w*)\(\) \{\n([\s\S]*?)\n?\}\n/g)) bodies.set(m[1], m[2]);
  // `IFS=$'\n' read -r -d ''` drops leading and trailing newlines, as bash does here.
  // The heredoc ends at the line that is its delimiter (ENDSNIP, or ENDSNIP_1... when a line of the text is ENDSNIP).
  for (const m of text.matchAll(/\n! IFS=\$'\\n' read -r -d '' (\w+) <<\\(ENDSNIP\w*)\n((?:[\s\S]*?\n)??)\2\n/g)) outs.set(m[1], m[3].replace(/^\n+|\n+$/g, ''));
  return { bodies, outs };
}

// Where the text of each output variable of a page's snips starts in its file: `<id>_out` of a bash block (its first
// output line, and the generator drops blank lines before it), `<id>` of any other block (its first non-blank line).
export function outputLines(page: Page, into = new Map<string, { file: string; line: number }>(), seen = new Set<string>()): Map<string, { file: string; line: number }> {
  if (seen.has(page.file)) return into;
  seen.add(page.file);
  for (const block of page.blocks) {
    const id = block.id === undefined ? undefined : snippetName(block.file, block.id);
    if (!id) continue;
    if (block.syntax === 'bash') {
      const first = block.steps?.find((s) => s.expectedLine !== undefined);
      const blank = first ? first.expected.split('\n').findIndex((l) => l.trim() !== '') : -1;
      if (first && blank >= 0 && !into.has(`${id}_out`)) into.set(`${id}_out`, { file: block.file, line: first.expectedLine! + blank });
    } else {
      const blank = block.rawLines.findIndex((l) => l.trim() !== '');
      if (blank >= 0 && !into.has(id)) into.set(id, { file: block.file, line: block.line + 1 + blank });
    }
  }
  for (const include of page.includes) if (include.page) outputLines(include.page, into, seen);
  return into;
}

// Where each block id of a page (and of the boilerplates it includes) is written: the line of its first command.
export function blockLines(page: Page, into = new Map<string, BlockPlace>(), seen = new Set<string>()): Map<string, BlockPlace> {
  if (seen.has(page.file)) return into;
  seen.add(page.file);
  for (const block of page.blocks) {
    const id = block.id === undefined ? undefined : snippetName(block.file, block.id);
    if (id && !into.has(id)) into.set(id, { file: block.file, line: block.steps?.[0]?.line ?? block.line, commands: (block.steps ?? []).map((s) => s.command) });
  }
  for (const include of page.includes) if (include.page) blockLines(include.page, into, seen);
  return into;
}
