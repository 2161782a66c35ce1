// The languages a run asks for (`--lang`, `globals.doctest.langs`) checked against the pages it was given: a language
// no page has (a typo such as `ua` for `uk`) would run nothing and pass, so it is refused, naming those there are.
import { resolve } from 'node:path';
import { sitePathOf } from '../page/site-path.js';
import type { Page } from '../page/types.js';

/** Why the asked languages do not fit the pages (the first one no page or test script has, with those that exist), or
 * undefined. */
export function languageProblem(langs: readonly string[] | undefined, pages: readonly Page[], scriptFiles: readonly string[] = []): { subject: string; message: string } | undefined {
  if (!langs || langs.length === 0) return undefined;
  const present = new Set(pages.map((page) => page.lang));
  for (const script of scriptFiles) present.add(sitePathOf(resolve(script))?.lang ?? 'en');
  const missing = langs.filter((lang) => !present.has(lang));
  if (missing.length === 0) return undefined;
  const known = [...present].sort();
  return { subject: missing.join(','), message: `no page here is in ${missing.length === 1 ? 'that language' : 'those languages'} (the pages' languages: ${known.join(', ') || 'none'})` };
}
