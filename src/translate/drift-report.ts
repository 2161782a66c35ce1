// Drift over a set of pages: one entry per translated page, each included boilerplate once after the first page that
// includes it, the summary counts, and whether drift of the kind a CI job fails on was found.
import { sitePathOf } from '../page/site-path.js';
import type { Page } from '../page/types.js';
import type { Alignment } from './align.js';
import { comparePage, driftKinds, type DriftKind, type NotRunOf, type PageDrift, type SyncableKinds } from './drift.js';
import { countStandings, type Standing } from './standing.js';
import { syncBlock } from './sync-block.js';

/** Which drift makes `drift` exit 1. */
export const failOnValues = ['commands', 'outputs', 'any', 'none'] as const;
export type FailOn = (typeof failOnValues)[number];

/** A finding of a drift report: a block's kind, or a page-level one (the `test:` flag, a boilerplate that drifted). */
export type Finding = Exclude<DriftKind, 'same'> | 'test-flag' | 'boilerplate';

/** The findings each `--fail-on` value fails on; the exit code and the annotations' severity both follow it. */
export const failingFindings: Record<FailOn, readonly Finding[]> = {
  commands: ['command', 'missing', 'extra', 'not-run'],
  outputs: ['output', 'translated'],
  any: [...driftKinds.filter((k): k is Exclude<DriftKind, 'same'> => k !== 'same'), 'test-flag', 'boilerplate'],
  none: [],
};

/** The counts of the summary line; a page counts in every kind it shows. */
export interface DriftSummary {
  compared: number;
  identical: number;
  commands: number;
  outputs: number;
  translated: number;
  missingOrExtra: number;
  comments: number;
  placeholders: number;
  /** Pages that do not run a block their reference runs. */
  notRun: number;
  testFlag: number;
  noReference: number;
  /** Pages per standing (one each), all languages together and per language. */
  standings: Record<Standing, number>;
  languages: Record<string, Record<Standing, number>>;
}

export interface DriftReport {
  reference: string;
  pages: PageDrift[];
  summary: DriftSummary;
}

// Compares every page not in the reference language (and the translated boilerplates they include) with its reference;
// `identity` names the file a page was read from (one file may be loaded under two spellings of its path);
// `notRunOf` says why a page's block does not run (its doctest.yaml counted in; `snip_id=none` alone by default).
export function driftReport(
  pages: Page[],
  reference: string,
  referenceOf: (page: Page) => { page: Page; alignment: Alignment } | undefined,
  identity: (page: Page) => string = (page) => page.file,
  notRunOf?: NotRunOf,
): DriftReport {
  const computed = new Map<Page, PageDrift>();
  const drift = (page: Page, chain: Set<Page>): PageDrift | undefined => {
    if (page.lang === reference || !page.isHugo || chain.has(page)) return undefined;
    const known = computed.get(page);
    if (known) return known;
    const inner = new Set(chain).add(page);
    const result = comparePage({ page, reference: referenceOf(page), ...(notRunOf ? { notRunOf } : {}) }, (included) => drift(included, inner), syncable);
    computed.set(page, result);
    return result;
  };
  const listed = new Set<string>();
  const entries: PageDrift[] = [];
  const list = (page: Page) => {
    if (listed.has(identity(page))) return;
    const entry = drift(page, new Set());
    if (!entry) return;
    listed.add(identity(page));
    entries.push(entry);
    for (const include of page.includes) if (include.page) list(include.page);
  };
  for (const page of pages) list(page);
  return { reference, pages: entries, summary: summarize(entries) };
}

// What `sync` fixes of a pair of blocks: the same decision `sync` takes, so a finding's `sync` fix is one it keeps.
const syncable: SyncableKinds = (local, reference) => {
  const result = syncBlock(local, reference, 'all');
  return { fixed: result.fixed, notes: result.notes.map((n) => n.message) };
};

// Counts pages compared, identical, with each kind of drift, and per standing.
function summarize(pages: PageDrift[]): DriftSummary {
  const compared = pages.filter((p) => p.status !== 'no-reference');
  const byLang = new Map<string, PageDrift[]>();
  for (const page of pages) {
    const lang = sitePathOf(page.file)?.lang ?? '-';
    byLang.set(lang, [...(byLang.get(lang) ?? []), page]);
  }
  return {
    compared: compared.length,
    identical: compared.filter((p) => p.status === 'same').length,
    commands: compared.filter((p) => p.flags.commands).length,
    outputs: compared.filter((p) => p.flags.outputs).length,
    translated: compared.filter((p) => p.flags.translated).length,
    missingOrExtra: compared.filter((p) => p.flags.missingOrExtra).length,
    comments: compared.filter((p) => p.flags.comments).length,
    placeholders: compared.filter((p) => p.flags.placeholders).length,
    notRun: compared.filter((p) => p.flags.notRun).length,
    testFlag: compared.filter((p) => p.flags.testFlag).length,
    noReference: pages.length - compared.length,
    standings: countStandings(pages),
    languages: Object.fromEntries([...byLang].sort(([a], [b]) => a.localeCompare(b)).map(([lang, list]) => [lang, countStandings(list)])),
  };
}

// Whether the report holds drift of the kind `--fail-on` names: commands (changed, missing or extra blocks, blocks
// the reference runs and the page does not),
// outputs (changed or translated expected outputs), any (also comments, placeholders, the test flag and
// boilerplates), none. Translated comments and placeholders of never-run commands fail only `any`.
export function failsOn(report: DriftReport, failOn: FailOn): boolean {
  const s = report.summary;
  if (failOn === 'none') return false;
  if (failOn === 'commands') return s.commands + s.missingOrExtra + s.notRun > 0;
  if (failOn === 'outputs') return s.outputs > 0;
  return s.compared - s.identical > 0;
}

// The report without pages that have no reference page (what `check` shows: drift only where it can be measured).
export function comparedOnly(report: DriftReport): DriftReport {
  const pages = report.pages.filter((page) => page.status !== 'no-reference');
  return { reference: report.reference, pages, summary: summarize(pages) };
}
