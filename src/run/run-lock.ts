// A lock file that says which run holds it: its pid, the boot and the start time of that process (from /proc) and its
// command line. A pid alone is not enough: after a crash or in a fresh container the pid may belong to another live
// process (pid 1), and the lock would block every later run. A lock whose pid runs another process is stale.
import { readFileSync, statSync, writeFileSync } from 'node:fs';

/** Who holds a lock, as written in it. */
export interface LockHolder {
  pid: number;
  /** The kernel's boot id (/proc/sys/kernel/random/boot_id): start times count from boot. */
  boot?: string;
  /** The process's start time, in clock ticks since boot (field 22 of /proc/PID/stat). */
  startTicks?: number;
  /** Its command line, as /proc/PID/cmdline has it (arguments joined by spaces). */
  command?: string;
}

/** The outcome of taking a lock: taken (also when the holder was gone or a reused pid), or held by a live run. */
export type LockResult = { taken: true } | { taken: false; holder: LockHolder };

// Takes the lock file for this process; a lock whose holder is gone, or whose pid now runs another process, is taken over.
export function takeLock(file: string): LockResult {
  const mine = describeProcess(process.pid);
  const text = `${JSON.stringify(mine)}\n`;
  try {
    writeFileSync(file, text, { flag: 'wx' });
    return { taken: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = readHolder(file);
  if (holder && holder.pid !== process.pid && holdsIt(holder, file)) return { taken: false, holder };
  writeFileSync(file, text);
  return { taken: true };
}

/** What a lock says of its holder besides the pid, for a message: `started 2026-12-07 22:10:05 UTC: node bin/...`. */
export function describeHolder(holder: LockHolder): string {
  const started = holder.startTicks !== undefined ? startedAt(holder.startTicks) : undefined;
  const when = started ? `started ${started.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : '';
  const command = holder.command ? holder.command.slice(0, 120) : '';
  return [when, command].filter((part) => part !== '').join(': ');
}

// What identifies a process now: pid, boot, start time and command line (only the pid where /proc is missing).
function describeProcess(pid: number): LockHolder {
  const stat = startTicksOf(pid);
  const command = commandOf(pid);
  const boot = bootId();
  return { pid, ...(boot ? { boot } : {}), ...(stat !== undefined ? { startTicks: stat } : {}), ...(command ? { command } : {}) };
}

// Reads a lock: the JSON this module writes, or an older lock's bare pid.
function readHolder(file: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
    return {
      pid: value.pid,
      ...(typeof value.boot === 'string' ? { boot: value.boot } : {}),
      ...(typeof value.startTicks === 'number' ? { startTicks: value.startTicks } : {}),
      ...(typeof value.command === 'string' ? { command: value.command } : {}),
    };
  } catch {
    return undefined;
  }
}

// Whether the holder still runs: its pid lives and is the same process (same boot and start time, same command). A
// lock with a bare pid (an older version's) counts only if that process started before the lock was written.
function holdsIt(holder: LockHolder, file: string): boolean {
  if (!exists(holder.pid)) return false;
  const now = describeProcess(holder.pid);
  // Without /proc nothing more can be told: a live pid holds it.
  if (now.startTicks === undefined) return true;
  if (holder.startTicks === undefined) {
    const started = startedAt(now.startTicks);
    return started === undefined || started.getTime() <= lockWrittenAt(file) + 1000;
  }
  if (holder.boot !== undefined && now.boot !== undefined && holder.boot !== now.boot) return false;
  if (holder.startTicks !== now.startTicks) return false;
  return holder.command === undefined || now.command === undefined || holder.command === now.command;
}

// Whether a process exists (signal 0 checks without sending; EPERM means it exists, owned by someone else).
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Field 22 of /proc/PID/stat, read after the last `)` since the command name may hold spaces and parentheses.
function startTicksOf(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

// The command line of a process, its arguments joined by spaces.
function commandOf(pid: number): string | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '');
    return text === '' ? undefined : text.split('\0').join(' ');
  } catch {
    return undefined;
  }
}

// The kernel's boot id, so start times of different boots are never compared.
function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

// When a process started, from its start ticks (1/100 s since boot) and the machine's uptime.
function startedAt(ticks: number): Date | undefined {
  try {
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    return Number.isFinite(uptime) ? new Date(Date.now() - uptime * 1000 + ticks * 10) : undefined;
  } catch {
    return undefined;
  }
}

// When the lock file was last written (ms since the epoch); 0 when it cannot be told.
function lockWrittenAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
