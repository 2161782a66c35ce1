// Ending a step that timed out or was interrupted, where it is: the shell is stopped (it can start nothing more), the
// processes the step started are found and killed, then the shell is asked (SIGUSR1) to save its state and exit, and
// killed if it does not. Earlier steps' background processes are left alone.
import { setTimeout as sleep } from 'node:timers/promises';
import { killTree, signal } from './kill-tree.js';
import { descendantsOf, environOf, isAlive, isStopped, processesWithEnv, processTable, type ProcInfo } from './proc.js';
import { RUN_TOKEN_VAR, STEP_VAR } from './protocol.js';
import { pollTurns, within } from './waiting.js';

/** How long a shell sent SIGSTOP may take to stop (it must be scheduled to): a shell in uninterruptible sleep writes nothing. */
const STOP_WAIT_MS = 5000;

/** How to tell a command's processes from earlier ones': its number, the clock tick it started in, the highest `$!` before it. */
export interface StepMarks {
  seq: number;
  sinceTicks: number;
  lastBackground: number;
}

/** The running shell, as step ending needs it. */
export interface EndingShell {
  pid: number;
  token: string;
  killGraceMs: number;
  stuckGraceMs: number;
  /** Whether the shell exits within `ms` (longer once it said it is saving its state). */
  exitsWithin(ms: number): Promise<boolean>;
  exited(): Promise<number | undefined>;
}

/**
 * The processes a command started, found while its shell is stopped: the shell's children from this command with their
 * descendants, and anything else marked with its number. A child that ran a program carries the number of its command
 * in its environment; a subshell carries the shell's own, so it is dated: started after the command's clock tick, or in
 * that tick with a pid above every `$!` reported before. Earlier commands' children and theirs are left alone.
 */
export function stepProcesses(shell: number, marks: StepMarks, token: string, table: ProcInfo[]): number[] {
  const { seq, sinceTicks, lastBackground } = marks;
  const mine = table.filter((p) => p.ppid === shell).filter((p) => {
    const step = environOf(p.pid).find((entry) => entry.startsWith(`${STEP_VAR}=`));
    if (step !== undefined && step !== `${STEP_VAR}=`) return step === `${STEP_VAR}=${seq}`;
    // The kernel's tick and the runner's (/proc/uptime) may round one apart: within that, `$!` decides (an earlier
    // step's background jobs are no newer than the highest `$!` reported before this command).
    return p.pid > lastBackground ? p.startTicks >= sinceTicks - 1 : p.startTicks > sinceTicks + 1;
  });
  const roots = [...mine.map((p) => p.pid), ...processesWithEnv([`${RUN_TOKEN_VAR}=${token}`, `${STEP_VAR}=${seq}`], table)];
  return [...new Set([...roots, ...descendantsOf(roots, table)])].filter((pid) => pid !== shell);
}

/**
 * Ends a timed-out or interrupted command where it is. Returns the command's report instead when it came in just
 * before the stop (the command ended by itself), else undefined once the shell is gone.
 */
export async function endStep<T>(shell: EndingShell, marks: StepMarks, answered: Promise<T>): Promise<T | undefined> {
  const { pid } = shell;
  signal(pid, 'SIGSTOP');
  // A report already on its way is read first: the command ended by itself.
  const late = await reportBeforeStop(pid, answered);
  if (late) {
    signal(pid, 'SIGCONT');
    return late;
  }
  const targets = stepProcesses(pid, marks, shell.token, processTable());
  signal(pid, 'SIGUSR1');
  await killTree(targets, shell.killGraceMs);
  signal(pid, 'SIGCONT');
  if (!(await shell.exitsWithin(shell.stuckGraceMs))) {
    // The page replaced the runner's SIGUSR1 trap, or the shell is stuck: SIGTERM runs its exit trap, which saves the
    // state if it can in the grace (longer once it says it is saving); then killed, it keeps the last saved state.
    // The shell alone: the command's processes are gone, what is left below it is earlier steps' (`port-forward &`).
    signal(pid, 'SIGTERM');
    signal(pid, 'SIGCONT');
    if (!(await shell.exitsWithin(500))) signal(pid, 'SIGKILL');
    await within(shell.exited(), 2000);
  }
  // What the command started while it was being ended (marked with its number) goes too.
  const late2 = processesWithEnv([`${RUN_TOKEN_VAR}=${shell.token}`, `${STEP_VAR}=${marks.seq}`]).filter(isAlive);
  if (late2.length > 0) await killTree(late2, 200);
  return undefined;
}

// The report of a command that the shell wrote before it stopped, if any: once the shell is seen stopped, all it wrote
// is in the pipe, and read after the event loop has polled it twice. No fixed wait (was 20 ms): a loaded machine may
// not schedule the runner for longer than any, and a finished command would then be ended and its shell replaced.
async function reportBeforeStop<T>(pid: number, answered: Promise<T>): Promise<T | undefined> {
  const deadline = Date.now() + STOP_WAIT_MS;
  while (!isStopped(pid) && Date.now() < deadline) await sleep(1);
  await pollTurns();
  return within(answered, 0);
}
