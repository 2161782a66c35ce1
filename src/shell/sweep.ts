// What a runner that was killed outright (SIGKILL, an OOM kill) could not end: its pages' background processes and its
// folders. Each runner is named by its pid and start time (a pid alone may be reused); its shells carry that name in
// their environment and its folders in a file, so the next runner to start ends and removes what a dead one left.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killTree } from './kill-tree.js';
import { isAlive, processesHolding, processesWithEnv, processTable, startTicksOf } from './proc.js';

/** Environment variable naming the runner a page's processes belong to (`pid.startTicks`). */
export const RUNNER_VAR = 'ISTIO_DOCTEST_RUNNER';
/** The file in each of a page's folders that names its runner. */
const OWNER_FILE = 'runner';
/** Prefix of the page folders a runner makes (in the temporary folder, and in /dev/shm). */
export const FOLDER_PREFIX = 'istio-doctest-';

/** This runner's name: its pid and start time. */
export function runnerId(pid = process.pid): string {
  return `${pid}.${startTicksOf(pid) ?? 0}`;
}

/** Whether the runner of that name still runs (same pid, same start time). */
export function runnerAlive(id: string): boolean {
  const [pid, ticks] = id.split('.').map(Number);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const started = startTicksOf(pid);
  return started !== undefined && started === ticks && isAlive(pid);
}

/** Marks a page folder as this runner's. */
export function claimFolder(folder: string): void {
  writeFileSync(join(folder, OWNER_FILE), `${runnerId()}\n`);
}

export interface Swept {
  /** Processes of dead runners that were ended. */
  processes: number[];
  /** Folders of dead runners that were removed. */
  folders: string[];
}

/**
 * Ends the processes and removes the folders that runners no longer running left behind (the temporary folder and
 * /dev/shm); a live runner's are never touched. Processes are found by the runner's name in their environment, or,
 * for those that shed it (`env -i`), by a descriptor they hold in a dead runner's folder.
 */
export async function sweepStaleRuns(roots: string[] = [tmpdir(), '/dev/shm']): Promise<Swept> {
  const stale = new Map<string, string[]>();
  for (const root of roots) {
    let names: string[] = [];
    try {
      names = readdirSync(root).filter((name) => name.startsWith(FOLDER_PREFIX));
    } catch {
      continue;
    }
    for (const name of names) {
      const folder = join(root, name);
      const owner = ownerOf(folder);
      if (owner === undefined || runnerAlive(owner)) continue;
      stale.set(owner, [...(stale.get(owner) ?? []), folder]);
    }
  }
  const table = processTable();
  const owners = new Set(deadRunnersOf(table));
  for (const owner of stale.keys()) owners.add(owner);
  const folders = [...stale.values()].flat();
  const targets = new Set<number>();
  for (const owner of owners) for (const pid of processesWithEnv([`${RUNNER_VAR}=${owner}`], table)) targets.add(pid);
  if (folders.length > 0) for (const pid of processesHolding((link) => folders.some((f) => link.startsWith(`${f}/`)), table)) targets.add(pid);
  const processes = [...targets].filter(isAlive);
  if (processes.length > 0) await killTree(processes, 1000);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  return { processes, folders };
}

// The runner named in a page folder, or undefined (not a runner's folder, or one made before runners named themselves).
function ownerOf(folder: string): string | undefined {
  try {
    const text = readFileSync(join(folder, OWNER_FILE), 'utf8').trim();
    return /^\d+\.\d+$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

// The runners named in live processes' environments that no longer run themselves.
function deadRunnersOf(table: ReturnType<typeof processTable>): string[] {
  const found = new Set<string>();
  for (const p of table) {
    let environ: string;
    try {
      environ = readFileSync(`/proc/${p.pid}/environ`, 'latin1');
    } catch {
      continue;
    }
    const at = environ.indexOf(`${RUNNER_VAR}=`);
    if (at < 0) continue;
    const end = environ.indexOf('\0', at);
    const id = environ.slice(at + RUNNER_VAR.length + 1, end < 0 ? undefined : end);
    if (/^\d+\.\d+$/.test(id) && !runnerAlive(id)) found.add(id);
  }
  return [...found];
}
