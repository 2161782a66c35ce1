// Which istio.io test scripts belong to a page: the `*test.sh` files beside `content/<lang>/P/index.md`, else beside
// the same page in the reference language (one English script serves every translation).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { folderInLanguage, sitePathOfFolder } from '../page/site-path.js';
import { coveredPages } from './coverage.js';

/** A test script found for a page, and whether it came from the reference language's folder. */
export interface FoundScript {
  file: string;
  fromReference: boolean;
}

// The scripts of a page; only an `index.md` has scripts (its folder is the test), other pages none. Looked for beside
// the page, then beside the same page in the reference language, then in the istio.io checkout's reference folder.
export function scriptsOfPage(pageFile: string, lang: string, reference: string | undefined, repoRoot?: string): FoundScript[] {
  if (basename(pageFile) !== 'index.md') return [];
  const dir = dirname(pageFile);
  const own = scriptsIn(dir);
  if (own.length > 0 || !reference || reference === lang) return own.map((file) => ({ file, fromReference: false }));
  const other = swapLang(dir, lang, reference);
  const found = other ? scriptsIn(other) : [];
  const rest = sitePathOfFolder(dir)?.inSite;
  if (found.length === 0 && repoRoot && rest !== undefined) found.push(...scriptsIn(join(repoRoot, 'content', reference, rest)));
  return found.map((file) => ({ file, fromReference: true }));
}

// The `*test.sh` files of a folder, sorted; none when it cannot be read.
export function scriptsIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('test.sh'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

// Folders under the given ones whose scripts have no `index.md` beside them (a script driving several sub-pages,
// such as docs/ambient/getting-started/test.sh): each is a test of its own.
export function folderTests(dirs: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (!existsSync(join(dir, 'index.md'))) found.push(...scriptsIn(dir));
    for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  for (const dir of dirs) walk(dir);
  return found.sort();
}

// The same path with the last `content/<lang>/` swapped for `content/<other>/`, when that folder exists.
export function swapLang(path: string, lang: string, other: string): string | undefined {
  if (sitePathOfFolder(path)?.lang !== lang) return undefined;
  const swapped = folderInLanguage(path, other);
  return swapped && existsSync(swapped) ? swapped : undefined;
}

/** Every `*test.sh` under `content/<lang>/` of a checkout, relative to it (`content/en/docs/x/test.sh`), sorted. */
export function scriptsOfSite(repoRoot: string, lang: string): string[] {
  const base = join(repoRoot, 'content', lang);
  const found: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${rel}/${entry.name}`);
      else if (entry.name.endsWith('test.sh')) found.push(`${rel}/${entry.name}`);
    }
  };
  walk(base, `content/${lang}`);
  return found.sort();
}

/** Whether a folder is an istio.io checkout, whose framework runs only its test scripts (it has tests/util/verify.sh). */
export function isIstioCheckout(repoRoot: string): boolean {
  return existsSync(join(repoRoot, 'tests', 'util', 'verify.sh'));
}

const coverageCache = new Map<string, Map<string, string[]>>();

/** The pages (paths under `content/<lang>/`) the checkout's scripts in the reference language cover, each with its
 * scripts (relative to the checkout); read once per checkout and language. */
export function siteCoverage(repoRoot: string, lang: string): Map<string, string[]> {
  const key = `${repoRoot}\0${lang}`;
  const known = coverageCache.get(key);
  if (known) return known;
  const covered = coveredPages(scriptsOfSite(repoRoot, lang), (path) => {
    try {
      return readFileSync(join(repoRoot, path), 'utf8');
    } catch {
      return undefined;
    }
  });
  coverageCache.set(key, covered);
  return covered;
}
