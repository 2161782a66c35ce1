// Ending processes together with everything they started: SIGTERM first, SIGKILL for what is left after a grace period.
import { setTimeout as sleep } from 'node:timers/promises';
import { descendantsOf, isAlive, processTable } from './proc.js';

export interface KillResult {
  /** Processes that were signalled. */
  signalled: number[];
  /** Processes that needed SIGKILL. */
  forced: number[];
  /** Processes the runner may not signal (EPERM: another user's, e.g. a `sudo` child); they may still be running. */
  denied: number[];
}

/** What sending a signal did: `sent`, `gone` (ESRCH: the process had already exited) or `denied` (EPERM). */
export type SignalOutcome = 'sent' | 'gone' | 'denied';

/** Sends a signal; a process already gone is not an error, one the runner may not signal is reported as `denied`. */
export function signal(pid: number, name: NodeJS.Signals): SignalOutcome {
  try {
    process.kill(pid, name);
    return 'sent';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM') return 'denied';
    if (code === 'ESRCH') return 'gone';
    throw error;
  }
}

// Kills the given processes and their descendants (children found before the first signal, so re-parenting cannot hide them).
export async function killTree(roots: number[], graceMs = 1000): Promise<KillResult> {
  const table = processTable();
  const targets = [...new Set([...roots, ...descendantsOf(roots, table)])].filter((pid) => pid !== process.pid && pid > 1);
  if (targets.length === 0) return { signalled: [], forced: [], denied: [] };
  const denied = targets.filter((pid) => signal(pid, 'SIGTERM') === 'denied');
  for (const pid of targets) signal(pid, 'SIGCONT');
  const deadline = Date.now() + graceMs;
  const mine = targets.filter((pid) => !denied.includes(pid));
  while (Date.now() < deadline && mine.some(isAlive)) await sleep(20);
  const left = mine.filter(isAlive);
  // Children born during the grace period are found again before SIGKILL.
  const forced = [...new Set([...left, ...descendantsOf(left)])].filter((pid) => pid !== process.pid && pid > 1);
  for (const pid of forced) if (signal(pid, 'SIGKILL') === 'denied' && !denied.includes(pid)) denied.push(pid);
  return { signalled: targets.filter((pid) => !denied.includes(pid)), forced: forced.filter((pid) => !denied.includes(pid)), denied };
}

/** Kills a whole process group, for a session started as its own group leader. */
export function killGroup(leader: number, name: NodeJS.Signals): SignalOutcome {
  return signal(-leader, name);
}
