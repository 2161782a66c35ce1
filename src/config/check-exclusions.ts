// What `check` leaves out, and why: `check.exclude` entries of the doctest.yaml serving a page, and of the site's own
// doctest.yaml (beside `content/`), each a file or folder (`path`), a rule (`rule`), or a rule in a path, with the
// reason `check` prints. istio.io's shortcode test page (content/en/test/tb) has errors on purpose: a site-level entry
// leaves it out, so `check content/en` can pass.
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { absoluteSiteRoot, sitePathOf } from '../page/site-path.js';
import type { Diagnostic } from '../page/types.js';
import { findSpecFile, readSpec, type SpecResult } from './spec.js';

/** One exclusion entry, where it is written and what it covers. */
export interface CheckExclusion {
  /** The doctest.yaml and the line of the entry. */
  spec: string;
  line: number;
  /** The file or folder it covers, absolute (the spec's folder when the entry names none). */
  under: string;
  rule?: string;
  reason: string;
}

/** What the exclusions did to the checked pages. */
export interface ExclusionOutcome<P> {
  /** The pages still checked, with the problems left. */
  kept: { page: P; diagnostics: Diagnostic[] }[];
  /** Pages left out whole, with the entry that did it. */
  pages: { file: string; by: CheckExclusion }[];
  /** Problems left out by a rule entry: how many, per entry. */
  rules: { by: CheckExclusion; count: number }[];
}

/** The site's own doctest.yaml (beside `content/`) of a page, when there is one. */
export function siteSpecFile(pageFile: string): string | undefined {
  const site = sitePathOf(pageFile);
  if (!site) return undefined;
  const file = join(absoluteSiteRoot(site), 'doctest.yaml');
  return existsSync(file) ? file : undefined;
}

// The exclusions of one read spec file.
export function exclusionsOf(result: SpecResult): CheckExclusion[] {
  if (!result.spec || !result.file) return [];
  const folder = resolve(dirname(result.file));
  return (result.spec.check?.exclude ?? []).map((entry, i) => ({
    spec: result.file!,
    line: result.excludeLines?.[i] ?? 1,
    under: resolve(folder, entry.path ?? '.'),
    ...(entry.rule ? { rule: entry.rule } : {}),
    reason: entry.reason,
  }));
}

// Whether an exclusion covers a file (the file itself, or one under the folder it names).
export function covers(exclusion: CheckExclusion, file: string): boolean {
  const path = relative(exclusion.under, resolve(file));
  return path === '' || (!path.startsWith('..') && !path.startsWith(sep) && path !== '..');
}

// Applies the exclusions of each page's specs (its site's and its own, read once each through `read`) to the checked
// pages: a page a file entry covers is left out; a problem a rule entry covers is dropped and counted.
export function applyExclusions<P extends { file: string; isHugo: boolean }>(checked: { page: P; diagnostics: Diagnostic[] }[], reference: string, read: (file: string) => SpecResult = readSpec): ExclusionOutcome<P> {
  const cache = new Map<string, CheckExclusion[]>();
  const entriesOf = (file: string | undefined) => {
    if (!file) return [];
    if (!cache.has(file)) cache.set(file, exclusionsOf(read(file)));
    return cache.get(file)!;
  };
  const counts = new Map<CheckExclusion, number>();
  const outcome: ExclusionOutcome<P> = { kept: [], pages: [], rules: [] };
  for (const { page, diagnostics } of checked) {
    const own = page.isHugo ? findSpecFile(page.file, reference) : undefined;
    // A spec beside the reference page serves the translation: its paths are read as the page's folder.
    const entries = [...entriesOf(siteSpecFile(page.file)).filter((e) => covers(e, page.file)), ...entriesOf(own).filter((e) => covers(e, join(dirname(own!), basename(page.file))))];
    const whole = entries.find((e) => e.rule === undefined);
    if (whole) {
      outcome.pages.push({ file: page.file, by: whole });
      continue;
    }
    const left = diagnostics.filter((d) => {
      const by = entries.find((e) => e.rule === d.ruleId);
      if (by) counts.set(by, (counts.get(by) ?? 0) + 1);
      return !by;
    });
    outcome.kept.push({ page, diagnostics: left });
  }
  outcome.rules = [...counts].map(([by, count]) => ({ by, count }));
  return outcome;
}
