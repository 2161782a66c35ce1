// Loading pages from disk: reading files, resolving `{{< boilerplate >}}` includes (nested, with cycles reported).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { diagnostic } from './diagnostics.js';
import { parsePage, type ParseOptions } from './parse.js';
import { readRegularFile } from './regular-file.js';
import { absoluteSiteRoot, sitePathOf } from './site-path.js';
import type { Page } from './types.js';

export interface LoadOptions extends ParseOptions {
  /** Parsed boilerplates by absolute file, shared across pages. */
  cache?: Map<string, Page>;
}

// Reads and parses one page and the boilerplates it includes; an unreadable file becomes a diagnostic.
export function loadPage(file: string, options: LoadOptions = {}): Page {
  const cache = options.cache ?? new Map<string, Page>();
  const cached = cache.get(resolve(file));
  if (cached && cached.file === file) return cached;
  const page = load(file, options, cache, []);
  cache.set(resolve(file), page);
  return page;
}

// Loads a file, then follows its includes depth-first, tracking the chain to report cycles.
function load(file: string, options: LoadOptions, cache: Map<string, Page>, chain: string[]): Page {
  const read = readRegularFile(file);
  if (!read.ok) {
    const page = parsePage(file, '---\n---\n', options);
    const why = read.code === 'ENOTREG' ? read.reason : read.code;
    page.diagnostics = [diagnostic({ file, line: 1, ruleId: 'file-unreadable', message: `cannot read the file: ${why}` })];
    page.isHugo = false;
    return page;
  }
  const page = parsePage(file, read.text, options);
  for (const include of page.includes) {
    const found = boilerplateFile(file, page.lang, include.name);
    if (!found) {
      page.diagnostics.push(
        diagnostic({ file, line: include.line, ruleId: 'boilerplate-unknown', message: `unknown boilerplate \`${include.name}\`: no ${boilerplateHint(file, page.lang, include.name)}` }),
      );
      continue;
    }
    include.file = found.file;
    if (found.fallback) {
      page.diagnostics.push(
        diagnostic({ file, line: include.line, ruleId: 'boilerplate-fallback', message: `boilerplate \`${include.name}\` has no ${page.lang} version; using the English one (${found.file})` }),
      );
    }
    const key = resolve(found.file);
    if (chain.includes(key) || key === resolve(file)) {
      page.diagnostics.push(
        diagnostic({ file, line: include.line, ruleId: 'boilerplate-cycle', message: `boilerplate \`${include.name}\` includes itself through ${[...chain, resolve(file), key].map((f) => relative(process.cwd(), f)).join(' → ')}` }),
      );
      continue;
    }
    let included = cache.get(key);
    if (!included) {
      included = load(found.file, options, cache, [...chain, resolve(file)]);
      cache.set(key, included);
    }
    include.page = included;
  }
  return page;
}

// Finds `content/<lang>/boilerplates/NAME.md`, falling back to the English one.
function boilerplateFile(file: string, lang: string, name: string): { file: string; fallback: boolean } | undefined {
  const root = contentRoot(file);
  if (!root) return undefined;
  const own = join(root, lang, 'boilerplates', `${name}.md`);
  if (existsSync(own)) return { file: shown(own), fallback: false };
  const english = join(root, 'en', 'boilerplates', `${name}.md`);
  if (lang !== 'en' && existsSync(english)) return { file: shown(english), fallback: true };
  return undefined;
}

// A path as the user sees it: relative to the working directory when below it.
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

// Says where a boilerplate was looked for.
function boilerplateHint(file: string, lang: string, name: string): string {
  const root = contentRoot(file);
  if (!root) return 'content/ folder above this page to look in';
  const rel = (p: string) => relative(process.cwd(), p) || p;
  return lang === 'en'
    ? rel(join(root, 'en', 'boilerplates', `${name}.md`))
    : `${rel(join(root, lang, 'boilerplates', `${name}.md`))} nor ${rel(join(root, 'en', 'boilerplates', `${name}.md`))}`;
}

/** The `content/` folder a page lives in (absolute), if any: the one of its last `content/<lang>/`. */
export function contentRoot(file: string): string | undefined {
  const site = sitePathOf(file);
  return site ? join(absoluteSiteRoot(site), 'content') : undefined;
}

// Expands files and folders into markdown files (folders recursively, sorted, boilerplates included as pages of their own only when named).
export function findPages(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stats.isDirectory()) walk(path, files);
    else files.push(path);
  }
  return { files, missing };
}

// Recursive, sorted directory walk collecting `*.md` files, skipping hidden folders and node_modules.
function walk(dir: string, into: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile() && entry.name.endsWith('.md')) into.push(path);
  }
}
