// What a translator does about a finding: the machine-readable `fix` every drift finding carries (sync fixes it, a
// translator translates or edits something, or nothing is to be done), and the one line that says it. Pure.
import type { Page } from '../page/types.js';

/** Who fixes a finding: `sync` (mechanical), `translate` (a translator's work), `edit` (a value to write), `none` (benign). */
export const FIX_ACTIONS = ['sync', 'translate', 'edit', 'none'] as const;
export type FixAction = (typeof FIX_ACTIONS)[number];

/** A finding's next step. */
export interface Fix {
  action: FixAction;
  /** The step in one line, for people. */
  text: string;
  /** For `edit`: the value to write (`yes` for the test flag); `null` when the key is to be removed. */
  value?: string | null;
  /** For a missing block: the translation's line after which (or before which) it goes, and the heading it goes under. */
  after?: number;
  before?: number;
  heading?: string;
}

/** The command that syncs a file, as a translator types it. */
export function syncCommand(file: string): string {
  return `istio-doctest sync ${file}`;
}

/** A finding `sync` fixes by itself. */
export function syncFix(file: string): Fix {
  return { action: 'sync', text: `run \`${syncCommand(file)}\`` };
}

/** A finding that is the translation's own business. */
export function noFix(why: string): Fix {
  return { action: 'none', text: why };
}

// The heading a line stands under on a page (the nearest one above it), as the translator reads it.
export function headingAbove(page: Page, line: number): string | undefined {
  let found: string | undefined;
  for (const section of page.sections) if (section.line <= line) found = section.text;
  return found;
}

/** Where a missing block goes: after the preceding aligned block's end line (or before the next one), under its heading. */
export function missingFix(page: Page, reference: string, referenceLine: number, place: { after?: number; before?: number }): Fix {
  const at = place.after ?? place.before ?? Math.max(1, page.bodyLine - 1);
  const heading = headingAbove(page, at);
  const where = place.after !== undefined || place.before === undefined ? `after line ${at}` : `before line ${at}`;
  const text = `insert the block from line ${referenceLine} of the ${reference} page ${where}${heading ? `, under the heading '${heading}'` : ''}, and translate its prose`;
  return { action: 'translate', text, ...(place.before !== undefined && place.after === undefined ? { before: at } : { after: at }), ...(heading ? { heading } : {}) };
}

/** The value a translated page's `test:` flag must have: the reference's (a translated `так` is not a flag). */
export function testFlagFix(line: number | undefined, value: string | null): Fix {
  const at = line !== undefined ? ` on line ${line}` : '';
  if (value === null) return { action: 'edit', text: `remove the test flag${at} (the reference has none)`, value: null };
  return { action: 'edit', text: `write \`test: ${value}\`${line !== undefined ? at : ' in the front matter'} as the reference has it`, value };
}

/** How many findings of each action, in one line: "run `istio-doctest sync FILE` to fix 3 of these; translate 2; edit 1". */
export function nextSteps(file: string, fixes: Fix[]): string | undefined {
  const count = (action: FixAction) => fixes.filter((f) => f.action === action).length;
  const parts: string[] = [];
  const sync = count('sync');
  const total = fixes.filter((f) => f.action !== 'none').length;
  if (sync > 0) parts.push(`run \`${syncCommand(file)}\` to fix ${sync === total ? (sync === 1 ? 'it' : `all ${sync}`) : `${sync} of these`}`);
  const translate = count('translate');
  if (translate > 0) parts.push(`translate ${translate} by hand`);
  const edit = count('edit');
  if (edit > 0) parts.push(`edit ${edit} by hand`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
