// A fresh temporary directory per page: `work/` is where the session starts (the Istio directory's top-level entries
// linked in, so `samples/...` paths resolve as on istio.io); the steps' outputs go to `step-output/` beside it, on disk (a step
// may print gigabytes, which must not fill memory); the runner's small step and state files go to a private folder
// in memory (/dev/shm) when there is one, since every step writes and reads them.
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { claimFolder } from './sweep.js';

export interface Workdir {
  root: string;
  work: string;
  /** The steps' output files (on disk). */
  out: string;
  ctl: string;
}

// Creates the directories and links the Istio directory's entries (`samples`, `manifests`, `tools`...) into `work/`.
export function makeWorkdir(istioDir?: string): Workdir {
  const root = mkdtempSync(join(tmpdir(), 'istio-doctest-'));
  const work = join(root, 'work');
  mkdirSync(work);
  const out = join(root, 'step-output');
  mkdirSync(out);
  const memory = memoryDir();
  const ctl = mkdtempSync(memory ? join(memory, 'istio-doctest-ctl-') : join(root, 'ctl-'));
  // Named as this runner's: if it is killed outright, the next runner removes them (sweep.ts).
  claimFolder(root);
  if (memory) claimFolder(ctl);
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
  return { root, work, out, ctl };
}

/** Links the istio.io checkout's top-level entries (`tests`, `content`...) into the work folder beside the Istio
 * release's (which win), so `tests/util/...` and `samples/...` both resolve as in istio.io's CI. */
export function linkRepo(work: string, repoRoot: string): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(repoRoot);
  } catch {
    return;
  }
  for (const entry of entries) if (!existsSync(join(work, entry))) symlinkSync(join(resolve(repoRoot), entry), join(work, entry));
}

// Removes the page's directories; links are removed, never followed.
export function removeWorkdir(dir: Workdir): void {
  rmSync(dir.ctl, { recursive: true, force: true });
  rmSync(dir.root, { recursive: true, force: true });
}

// A memory-backed folder for small files written on every step (an ext4 /tmp costs ~0.15 ms a write), if usable
// and the user did not choose a temporary folder with TMPDIR.
function memoryDir(): string | undefined {
  if (process.env.TMPDIR) return undefined;
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    return '/dev/shm';
  } catch {
    return undefined;
  }
}
