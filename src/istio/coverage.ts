// Which pages istio.io's test scripts cover. A page is covered by a script when the script is its own (a `*test.sh`
// beside its index.md, whose snips.sh istio.io's framework injects), or when the script sources the page's snips
// (directly, or through helper files such as a folder's common.sh, at any depth). A covered page runs through its
// script, never as a page plan of its own: ambient/getting-started's sub-pages run inside the folder's test.sh under
// profile=ambient, not on their own under profile=none. Pure: the files are read through the function given.

/** A `source`/`.` line of a script with a literal path (`source "content/en/docs/x/snips.sh"`, `. tests/util/a.sh`). */
const SOURCE = /^\s*(?:source|\.)\s+(["']?)([\w./@+-]+\.sh)\1\s*(?:(?:\|\||&&|;|#).*)?$/;

/** The literal paths a shell file sources, in order (paths built from variables are not followed). */
export function sourcedPaths(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const m = SOURCE.exec(line);
    if (m) found.push(m[2]);
  }
  return found;
}

/** The page a snips file is generated from, as its path under `content/<lang>/`: `content/en/docs/x/snips.sh` is
 * `docs/x/index.md`, `content/en/boilerplates/snips/name.sh` is `boilerplates/name.md`; undefined for any other file. */
export function pageOfSnips(path: string): string | undefined {
  const m = /^content\/[^/]+\/(.+?)(?:\/snips\.sh|\/snips\/([\w.-]+)\.sh)$/.exec(path.replace(/\\/g, '/'));
  if (!m) return undefined;
  return m[2] !== undefined ? `${m[1]}/${m[2]}.md` : `${m[1]}/index.md`;
}

/** The page a script belongs to (its folder's index.md, whose snips the framework injects), under `content/<lang>/`. */
export function ownPageOf(script: string): string | undefined {
  const m = /^content\/[^/]+\/(.+)\/[^/]*test\.sh$/.exec(script.replace(/\\/g, '/'));
  return m ? `${m[1]}/index.md` : undefined;
}

/**
 * For each page (its path under `content/<lang>/`, the same in every language), the scripts that cover it, in the
 * order given. `scripts` and every path `read` is asked for are relative to the istio.io checkout (`content/en/...`,
 * `tests/util/...`); `read` gives a file's text, or undefined when it cannot be read (its sources are then unknown).
 */
export function coveredPages(scripts: string[], read: (path: string) => string | undefined): Map<string, string[]> {
  const covered = new Map<string, string[]>();
  const add = (page: string, script: string) => {
    const list = covered.get(page) ?? covered.set(page, []).get(page)!;
    if (!list.includes(script)) list.push(script);
  };
  const sourcesOf = memo((path: string) => sourcedPaths(read(path) ?? ''));
  for (const script of scripts) {
    const own = ownPageOf(script);
    if (own) add(own, script);
    const seen = new Set<string>([script]);
    const queue = [...sourcesOf(script)];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const page = pageOfSnips(path);
      if (page) add(page, script);
      // Helper files (a folder's common.sh, another test.sh a variant sources) are followed; snips files only define.
      else queue.push(...sourcesOf(path));
    }
  }
  return covered;
}

/** Whether a page path (under `content/<lang>/`) is a boilerplate, which runs inside the pages that include it. */
export function isBoilerplate(page: string): boolean {
  return page.startsWith('boilerplates/');
}

// A function of one string argument that computes each answer once.
function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}
