// A pull request's change set as pages to look at: the pages it changed, and for a changed reference (English) page
// the translations it may have made stale. Pure: what exists on disk is asked through the callbacks given.
import { inLanguage, sitePathOf } from './site-path.js';

/** A translation looked at because its reference page changed, not itself. */
export interface StaleTranslation {
  /** The translation, spelled like the changed path. */
  file: string;
  /** The changed reference page that made it worth a look. */
  reference: string;
}

/** What a change set holds, page by page. */
export interface ChangeSet {
  /** Changed pages that exist (any language), in the order given, each once. */
  changed: string[];
  /** Translations of changed reference pages that the change set itself leaves as they were. */
  stale: StaleTranslation[];
  /** Changed paths that are no page here: not `*.md`, outside `content/<lang>/`, or removed. */
  ignored: string[];
}

/** How the change set asks the checkout what is there. */
export interface ChangeSetSource {
  /** Whether a file exists (a removed page does not). */
  exists(file: string): boolean;
  /** The language folders of the site whose root is given ('' for the current folder). */
  languages(siteRoot: string): string[];
}

// Changed files as a list file writes them: one path a line, blank lines and surrounding spaces ignored, `./` dropped.
export function changedPaths(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim().replace(/^\.\//, '')).filter((line) => line !== '');
}

// The pages of a change set, and the translations a changed reference page may have left behind.
export function changeSet(paths: readonly string[], reference: string, source: ChangeSetSource): ChangeSet {
  const changed: string[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) continue;
    seen.add(path);
    if (path.endsWith('.md') && sitePathOf(path) && source.exists(path)) changed.push(path);
    else ignored.push(path);
  }
  const stale: StaleTranslation[] = [];
  const staleSeen = new Set<string>();
  for (const file of changed) {
    const site = sitePathOf(file);
    if (!site || site.lang !== reference) continue;
    for (const lang of source.languages(site.siteRoot)) {
      if (lang === reference) continue;
      const translation = inLanguage(file, lang);
      if (!translation || seen.has(translation) || staleSeen.has(translation) || !source.exists(translation)) continue;
      staleSeen.add(translation);
      stale.push({ file: translation, reference: file });
    }
  }
  return { changed, stale, ignored };
}
