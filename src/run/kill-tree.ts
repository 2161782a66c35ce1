// Ending processes together with everything they started: SIGTERM first, SIGKILL for what is left after a grace period.
import { setTimeout as sleep } from 'node:timers/promises';
import { descendantsOf, isAlive, processTable } from './proc.js';

export interface KillResult {
  /** Processes that were signalled. */
  signalled: number[];
  /** Processes that needed SIGKILL. */
  forced: number[];
}

// Sends a signal, treating a process that is already gone as success.
export function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

// Kills the given processes and their descendants (children found before the first signal, so re-parenting cannot hide them).
export async function killTree(roots: number[], graceMs = 1000): Promise<KillResult> {
  const table = processTable();
  const targets = [...new Set([...roots, ...descendantsOf(roots, table)])].filter((pid) => pid !== process.pid && pid > 1);
  if (targets.length === 0) return { signalled: [], forced: [] };
  for (const pid of targets) signal(pid, 'SIGTERM');
  for (const pid of targets) signal(pid, 'SIGCONT');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && targets.some(isAlive)) await sleep(20);
  const left = targets.filter(isAlive);
  // Children born during the grace period are found again before SIGKILL.
  const forced = [...new Set([...left, ...descendantsOf(left)])].filter((pid) => pid !== process.pid && pid > 1);
  for (const pid of forced) signal(pid, 'SIGKILL');
  return { signalled: targets, forced };
}

// Kills a whole process group, for a session started as its own group leader.
export function killGroup(leader: number, name: NodeJS.Signals): boolean {
  return signal(-leader, name);
}
