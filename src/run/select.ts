// Which pages a run takes: front matter `test: yes` (unless --all), the languages asked for, never a boilerplate on
// its own, and with --shard only one of N stable slices of the sorted list.
import { sitePathOf } from '../page/site-path.js';
import type { Page } from '../page/types.js';
import type { RunPlan } from '../plan/plan.js';
import type { SkippedPage } from './results.js';

export interface SelectOptions {
  /** Run pages whatever their `test:` flag says. */
  all?: boolean;
  /** Languages to keep (`es`, `uk`...); all when empty. */
  langs?: string[];
  /** How the user runs every page whatever its flag (default `--all`). */
  allSetting?: string;
}

// Splits pages into those to run and those skipped, with the reason for each skipped one.
export function selectPages(pages: Page[], options: SelectOptions = {}): { run: Page[]; skipped: SkippedPage[] } {
  const run: Page[] = [];
  const skipped: SkippedPage[] = [];
  for (const page of pages) {
    const reason = skipReason(page, options);
    if (reason) skipped.push({ file: page.file, reason });
    else run.push(page);
  }
  return { run, skipped };
}

// Why a page does not run, or undefined when it does.
function skipReason(page: Page, options: SelectOptions): string | undefined {
  if (options.langs && options.langs.length > 0 && !options.langs.includes(page.lang)) return `language ${page.lang} not in --lang ${options.langs.join(',')}`;
  if (isBoilerplate(page.file)) return 'a boilerplate: its steps run in the pages that include it';
  const unreadable = page.diagnostics.find((d) => d.ruleId === 'file-unreadable');
  if (unreadable) return unreadable.message;
  if (!page.isHugo) return 'not a Hugo page';
  if (options.all) return undefined;
  const flag = page.frontMatter.test;
  if (flag === 'yes') return undefined;
  const anyway = `(use ${options.allSetting ?? '--all'} to run it anyway)`;
  return flag ? `front matter test: ${flag} ${anyway}` : `no \`test:\` in the front matter ${anyway}`;
}

// Whether a file is an istio.io boilerplate (`content/<lang>/boilerplates/...`).
function isBoilerplate(file: string): boolean {
  return sitePathOf(file)?.inSite.startsWith('boilerplates/') ?? `/${file}`.replace(/\\/g, '/').includes('/boilerplates/');
}

export interface Shard {
  index: number;
  count: number;
}

// Parses `I/N` (1 ≤ I ≤ N).
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The I-th of N contiguous slices of the list sorted by path, cut where the running total of `weight` (a page's
 * steps) comes nearest to I/N of the whole: the same pages for the same list on every machine, and shards whose
 * weights differ by no more than about one page's. With no weight, every item weighs one (slices by count).
 */
export function shardOf<T extends { file: string }>(items: T[], shard: Shard, weight: (item: T) => number = () => 1): T[] {
  const sorted = [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const cumulative = [0];
  for (const item of sorted) cumulative.push(cumulative[cumulative.length - 1] + Math.max(0, weight(item)));
  const cut = (k: number) => nearestCut(cumulative, (k * cumulative[cumulative.length - 1]) / shard.count, k, shard.count);
  return sorted.slice(cut(shard.index - 1), cut(shard.index));
}

// Where the k-th of n cuts falls: the index whose running total is nearest the target (the earlier one on a tie).
function nearestCut(cumulative: number[], target: number, k: number, n: number): number {
  const items = cumulative.length - 1;
  if (k <= 0) return 0;
  if (k >= n) return items;
  let lo = 0;
  let hi = items;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && target - cumulative[lo - 1] <= cumulative[lo] - target) lo--;
  return lo;
}

/** What a page weighs in a shard: the steps it will run (at least one: starting a page costs too). */
export function stepsToRun(plan: RunPlan): number {
  return Math.max(1, plan.steps.filter((step) => step.skip === undefined).length);
}
