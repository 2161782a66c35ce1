// A translated page's standing against its reference: the one word `drift`, `sync`, `check`, the HTML report and the
// summaries all use for it, decided here once from the page's drift. Pure.
import type { PageDrift } from './drift.js';

/** Standings of a translated page, worst first; `fine` ones need nothing from a translator. */
export const STANDINGS = {
  missing: { label: 'missing or extra blocks', fine: false },
  commands: { label: 'drifted commands', fine: false },
  outputs: { label: 'drifted outputs', fine: false },
  translated: { label: 'translated outputs', fine: false },
  'test-flag': { label: 'test flag differs', fine: false },
  comments: { label: 'comments translated', fine: true },
  same: { label: 'same', fine: true },
  'no-reference': { label: 'no reference', fine: true },
} as const satisfies Record<string, { label: string; fine: boolean }>;
export type Standing = keyof typeof STANDINGS;
export const standings = Object.keys(STANDINGS) as Standing[];

/** The standings that need a translator: the report's "needs work" preset. */
export const needsWork: readonly Standing[] = standings.filter((s) => !STANDINGS[s].fine);

/** The standing of a page from its drift (its included boilerplates' drift counted in, as the flags are). */
export function standingOf(drift: PageDrift): Standing {
  if (drift.status === 'no-reference') return 'no-reference';
  const f = drift.flags;
  if (f.missingOrExtra) return 'missing';
  // A block the reference runs and this page does not: what runs differs, as with a changed command.
  if (f.commands || f.notRun) return 'commands';
  if (f.changedOutputs) return 'outputs';
  if (f.translated) return 'translated';
  if (f.testFlag) return 'test-flag';
  // Translated comments, or placeholders of commands that never run: it runs as the reference does.
  if (f.comments || f.placeholders) return 'comments';
  return 'same';
}

/** How many pages have each standing (every standing listed, zero included). */
export function countStandings(pages: PageDrift[]): Record<Standing, number> {
  const counts = Object.fromEntries(standings.map((s) => [s, 0])) as Record<Standing, number>;
  for (const page of pages) counts[standingOf(page)]++;
  return counts;
}
