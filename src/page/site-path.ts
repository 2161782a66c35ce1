// Where a page sits in a Hugo site, by the one rule every stage uses: the last `content/<lang>/` of its path. The
// site root is the folder holding `content/`, the language the folder below it, and the rest the path in the site.
import { isAbsolute, resolve } from 'node:path';

/** A page's place in its site. */
export interface SitePath {
  /** The folder holding `content/`, spelled as in the path given ('' when the path starts with `content/`). */
  siteRoot: string;
  /** The language folder (`en`, `zh`, `pt-br`). */
  lang: string;
  /** The path below `content/<lang>/`, with `/` separators (`docs/tasks/x/index.md`). */
  inSite: string;
}

/** A language folder name: two letters, optionally a region or script (`pt-br`, `zh-Hant`). */
export const LANGUAGE = /^[a-z]{2}(-[a-zA-Z]+)?$/;

/**
 * The site, language and path in the site of a file: its last `content/<lang>/` (the innermost site, so a mirror of
 * a site kept inside another site's page folder is its own site), or undefined when it has none. A relative path
 * with none is looked at in its absolute form (a command run from inside `content/<lang>/`).
 */
export function sitePathOf(file: string): SitePath | undefined {
  const found = lastContentLang(file);
  if (found || isAbsolute(file)) return found;
  return lastContentLang(resolve(file));
}

// The last `content/<lang>/` of a path as written.
function lastContentLang(file: string): SitePath | undefined {
  const parts = file.split(/[\\/]/);
  for (let i = parts.length - 3; i >= 0; i--) {
    if (parts[i] !== 'content' || !LANGUAGE.test(parts[i + 1])) continue;
    const siteRoot = file.slice(0, parts.slice(0, i).join('/').length).replace(/[\\/]$/, '');
    return { siteRoot: i === 0 ? '' : siteRoot || '/', lang: parts[i + 1], inSite: parts.slice(i + 2).join('/') };
  }
  return undefined;
}

/** The folder holding `content/` as an absolute path, for looking files up beside it (`data/args.yml`). */
export function absoluteSiteRoot(site: SitePath): string {
  return resolve(site.siteRoot || '.');
}

/** The same page in another language, spelled like the given path (its last `content/<lang>/` swapped). */
export function inLanguage(file: string, lang: string): string | undefined {
  const site = lastContentLang(file);
  if (!site) return undefined;
  const sep = file.includes('\\') && !file.includes('/') ? '\\' : '/';
  return [site.siteRoot ? `${site.siteRoot}${sep}` : '', `content${sep}${lang}${sep}`, site.inSite.split('/').join(sep)].join('');
}

/** The place in its site of a folder, the language folder itself included (`content/zh` → lang zh, inSite ''). */
export function sitePathOfFolder(dir: string): SitePath | undefined {
  const site = sitePathOf(`${dir.replace(/[\\/]+$/, '')}/x`);
  return site && { ...site, inSite: site.inSite.replace(/\/?x$/, '') };
}

/** The same folder in another language, spelled like the given path (its last `content/<lang>/` swapped). */
export function folderInLanguage(dir: string, lang: string): string | undefined {
  const file = inLanguage(`${dir.replace(/[\\/]+$/, '')}/x`, lang);
  return file?.replace(/[\\/]x$/, '');
}
