// The last check before `run --update` or `sync` writes a page: its new text, parsed again, must hold the same blocks
// and includes as the old one, with no diagnostic the old one did not have; otherwise the page is left as it is.
import { parsePage } from '../page/parse.js';
import type { RuleId } from '../page/rules.js';
import type { Block, Page } from '../page/types.js';

/** Why a new page text is not written: where (a line of the new text), the rule, and what changed. */
export interface WriteRefusal {
  line: number;
  ruleId: RuleId;
  message: string;
}

/** What the new text may change: `sync` rewrites commands and may bring a translation's ids to the reference's
 * (a `##` line of the reference's block text); `run --update` changes only expected outputs. */
export interface ReparseOptions {
  commandsMayChange: boolean;
}

// Parses the old and the new text of a page and says why the new one may not replace the old (undefined: it may).
export function reparseObjection(file: string, before: string, after: string, options: ReparseOptions): WriteRefusal | undefined {
  const old = parsePage(file, before);
  const next = parsePage(file, after);
  return changedStructure(old, next, options) ?? newDiagnostic(old, next);
}

// The first block or include that the new text reads differently: another count, syntax, opener or tab, and (unless
// commands may change) another id or other commands.
function changedStructure(old: Page, next: Page, options: ReparseOptions): WriteRefusal | undefined {
  const refuse = (line: number, what: string): WriteRefusal => ({ line, ruleId: 'write-changes-page', message: `the new text would parse differently: ${what}; the page is left as it is` });
  const count = Math.max(old.blocks.length, next.blocks.length);
  for (let k = 0; k < count; k++) {
    const was = old.blocks[k];
    const is = next.blocks[k];
    if (!was || !is) return refuse((is ?? next.blocks[next.blocks.length - 1])?.line ?? 1, `${old.blocks.length} blocks before, ${next.blocks.length} after`);
    const differs =
      blockShape(was) !== blockShape(is)
        ? 'its opener or tab'
        : options.commandsMayChange
          ? undefined
          : (was.id ?? was.placeId) !== (is.id ?? is.placeId)
            ? 'its id'
            : commandsOf(was) !== commandsOf(is)
              ? 'its commands'
              : undefined;
    if (differs) return refuse(is.line, `the block at line ${is.line} (${was.id ?? was.syntax}) would change ${differs}`);
  }
  const includes = (p: Page) => p.includes.map((i) => i.name).join(' ');
  if (includes(old) !== includes(next)) {
    const added = next.includes.find((i) => !old.includes.some((o) => o.name === i.name));
    return refuse(added?.line ?? 1, `the boilerplates it includes would change (${includes(old) || 'none'} before, ${includes(next) || 'none'} after)`);
  }
  return undefined;
}

// What identifies a block apart from its text.
function blockShape(block: Block): string {
  return JSON.stringify([block.syntax, block.attributes, block.tab?.value ?? null, block.tab?.name ?? null]);
}

// A bash block's commands, one per step.
function commandsOf(block: Block): string {
  return JSON.stringify((block.steps ?? []).map((s) => s.command));
}

// The first diagnostic of the new text the old one did not have (compared without line numbers, which edits move).
function newDiagnostic(old: Page, next: Page): WriteRefusal | undefined {
  const key = (d: { ruleId: string; message: string }) => `${d.ruleId} ${d.message.replace(/\d+/g, 'N')}`;
  const counts = new Map<string, number>();
  for (const d of old.diagnostics) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  for (const d of next.diagnostics) {
    const n = counts.get(key(d)) ?? 0;
    if (n === 0) return { line: d.line, ruleId: 'write-changes-page', message: `the new text would have a new problem: line ${d.line}: ${d.message} [${d.ruleId}]; the page is left as it is` };
    counts.set(key(d), n - 1);
  }
  return undefined;
}
