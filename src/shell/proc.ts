// Reading /proc: which processes carry a run's token in their environment, and who started whom.
// Only Linux has /proc; elsewhere every lookup finds nothing and the process group kill does the work.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  /** One-letter state from /proc/PID/stat (`R`, `S`, `Z`...). */
  state: string;
  /** When it started, in clock ticks (1/100 s) since boot. */
  startTicks: number;
}

// Lists every process with its parent, so trees can be walked without spawning `ps`.
export function processTable(): ProcInfo[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const table: ProcInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const info = readStat(Number(name));
    if (info) table.push(info);
  }
  return table;
}

// Parses /proc/PID/stat; the command name may hold spaces and parentheses, so fields are read after the last `)`.
function readStat(pid: number): ProcInfo | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid, state: fields[0], ppid: Number(fields[1]), startTicks: Number(fields[19]) };
}

/** Clock ticks (1/100 s, the unit of a process's start time in /proc/PID/stat) since boot, now; 0 without /proc. */
export function uptimeTicks(): number {
  try {
    return Math.floor(Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 100);
  } catch {
    return 0;
  }
}

// Whether a process still runs (a zombie has finished: only its parent's wait is missing).
export function isAlive(pid: number): boolean {
  const info = readStat(pid);
  return info !== undefined && info.state !== 'Z' && info.state !== 'X';
}

/** Whether a process is stopped (SIGSTOP took effect) or gone; true without /proc, where nothing can be told. */
export function isStopped(pid: number): boolean {
  const info = readStat(pid);
  return info === undefined || 'TtZX'.includes(info.state);
}

// The environment a process was started with, as NAME=value entries (empty when unreadable or a zombie).
export function environOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').filter((entry) => entry !== '');
  } catch {
    return [];
  }
}

// Processes whose environment holds every one of the given NAME=value entries: how a run finds what it started,
// re-parented or in another process group.
export function processesWithEnv(entries: string[], table: ProcInfo[] = processTable()): number[] {
  const self = process.pid;
  return table
    .filter((p) => p.pid !== self && p.state !== 'Z')
    .filter((p) => {
      const environ = new Set(environOf(p.pid));
      return entries.every((entry) => environ.has(entry));
    })
    .map((p) => p.pid);
}

// Every descendant of the given processes (children, their children...), from one snapshot of the table.
export function descendantsOf(roots: number[], table: ProcInfo[] = processTable()): number[] {
  const children = new Map<number, number[]>();
  for (const p of table) {
    const list = children.get(p.ppid);
    if (list) list.push(p.pid);
    else children.set(p.ppid, [p.pid]);
  }
  const found = new Set<number>();
  const queue = [...roots];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    for (const child of children.get(pid) ?? []) {
      if (found.has(child) || roots.includes(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return [...found];
}

/** The targets of a process's open descriptors (`pipe:[123]`, `/tmp/x/out.3 (deleted)`...); empty when unreadable. */
export function descriptorsOf(pid: number): string[] {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  const links: string[] = [];
  for (const fd of fds) {
    try {
      links.push(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // Closed meanwhile.
    }
  }
  return links;
}

/**
 * Processes holding a descriptor that the test accepts: how a run finds what it started that shed the run's token
 * (`env -i`) and left its process group (`setsid`), but still holds the page's pipe or output files.
 */
export function processesHolding(holds: (link: string) => boolean, table: ProcInfo[] = processTable()): number[] {
  const self = process.pid;
  return table.filter((p) => p.pid !== self && p.state !== 'Z' && descriptorsOf(p.pid).some(holds)).map((p) => p.pid);
}

/** A process's command line as one string (`sleep 300`), '' when unreadable. */
export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** When a process started, in clock ticks since boot; undefined when it is gone (with its pid, it names one process for good). */
export function startTicksOf(pid: number): number | undefined {
  return readStat(pid)?.startTicks;
}
