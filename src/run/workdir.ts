// A fresh temporary directory per page: `work/` is where the session starts (the Istio directory's top-level entries
// linked in, so `samples/...` paths resolve as on istio.io), `ctl/` holds the runner's step, output and state files.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Workdir {
  root: string;
  work: string;
  ctl: string;
}

// Creates the directories and links the Istio directory's entries (`samples`, `manifests`, `tools`...) into `work/`.
export function makeWorkdir(istioDir?: string): Workdir {
  const root = mkdtempSync(join(tmpdir(), 'istio-doctest-'));
  const work = join(root, 'work');
  const ctl = join(root, 'ctl');
  mkdirSync(work);
  mkdirSync(ctl);
  if (istioDir) {
    const source = resolve(istioDir);
    let entries: string[] = [];
    try {
      entries = readdirSync(source);
    } catch {
      // The preflight reports a missing Istio directory; the session still starts in an empty work dir.
    }
    for (const entry of entries) symlinkSync(join(source, entry), join(work, entry));
  }
  return { root, work, ctl };
}

// Removes the page's directories; links are removed, never followed.
export function removeWorkdir(dir: Workdir): void {
  rmSync(dir.root, { recursive: true, force: true });
}
