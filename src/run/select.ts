// Which pages a run takes: front matter `test: yes` (unless --all), the languages asked for, never a boilerplate on
// its own, and with --shard only one of N stable slices of the sorted list.
import { sep } from 'node:path';
import type { Page } from '../page/types.js';
import type { SkippedPage } from './results.js';

export interface SelectOptions {
  /** Run pages whatever their `test:` flag says. */
  all?: boolean;
  /** Languages to keep (`es`, `uk`...); all when empty. */
  langs?: string[];
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
  if (!page.isHugo) return 'not a Hugo page';
  if (options.all) return undefined;
  const flag = page.frontMatter.test;
  if (flag === 'yes') return undefined;
  return flag ? `front matter test: ${flag} (use --all to run it anyway)` : 'no `test:` in the front matter (use --all to run it anyway)';
}

// Whether a file is an istio.io boilerplate (`content/<lang>/boilerplates/...`).
function isBoilerplate(file: string): boolean {
  return `${sep}${file}`.replace(/\\/g, '/').includes('/boilerplates/');
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

// The I-th of N contiguous slices of the list sorted by path: the same pages for the same list on every machine.
export function shardOf<T extends { file: string }>(items: T[], shard: Shard): T[] {
  const sorted = [...items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const start = Math.floor(((shard.index - 1) * sorted.length) / shard.count);
  const end = Math.floor((shard.index * sorted.length) / shard.count);
  return sorted.slice(start, end);
}
