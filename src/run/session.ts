// One long-lived bash per page: each step is `source`d in it, so `export`, `cd` and functions carry from step to
// step as when a reader pastes them into one terminal. No new bash per step: the harness stays under 2 ms a step.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { killGroup, killTree } from './kill-tree.js';
import { descendantsOf, environOf, isAlive, processesWithEnv, processTable } from './proc.js';

/** Environment variable holding the page's token: every process the page starts inherits it, so none can hide. */
export const RUN_TOKEN_VAR = 'ISTIO_DOCTEST_RUN';
/** Environment variable holding the number of the command being run, to find the processes one step started. */
export const STEP_VAR = 'ISTIO_DOCTEST_STEP';

const MARKER = '\x1eISTIO_DOCTEST';

/** What one command did, as a flat record (modelled on execa's result); a failure is data, never an exception. */
export interface CommandResult {
  /** Exit status of the command's last pipeline; undefined when there is none (the shell was killed). */
  exitCode?: number;
  /** Standard output and error together, in the order they were written. */
  output: string;
  timedOut: boolean;
  interrupted: boolean;
  durationMs: number;
  /** Short: empty when it exited 0, else `exit code 2`, `timed out after 5s`, `interrupted`... */
  message: string;
  /** Whether the shell had to be replaced (it was stuck, or the command exited it); the new one has the old one's state. */
  restarted: boolean;
}

export interface SessionOptions {
  /** Where the shell starts. */
  cwd: string;
  /** Folder for the runner's own files (steps, outputs, saved state). */
  ctlDir: string;
  /** Unique token put in the environment of the shell and of everything it starts. */
  token: string;
  /** Extra environment; the runner's own environment is inherited. */
  env?: Record<string, string>;
  /** Between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  /** How long a shell gets to come back after its command's processes were killed, before it is replaced. */
  stuckGraceMs?: number;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

type Outcome = { kind: 'status'; status: number } | { kind: 'exited'; code?: number } | { kind: 'timeout' } | { kind: 'aborted' };

// Quotes a string for bash (single quotes, with embedded ones closed and escaped).
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export class Session {
  private shell!: ReturnType<typeof startShell>;
  private seq = 0;
  private pending = new Map<number, (outcome: Outcome) => void>();
  /** Saved state of the last command that finished, restored into a replacement shell. */
  private stateFile?: string;
  private closed = false;
  /** Standard error of the shell itself (not of the steps), for messages when it fails. */
  stderr = '';

  private constructor(private readonly options: SessionOptions) {}

  // Starts a shell and waits until it answers, so a broken bash is reported before the first step.
  static async start(options: SessionOptions): Promise<Session> {
    const session = new Session(options);
    await session.spawn();
    return session;
  }

  /** Process id of the current shell (the leader of its own process group). */
  get pid(): number {
    return this.shell.pid ?? -1;
  }

  // Runs one command (a step, its continuation lines, its heredocs) in the shell and collects what it did.
  async run(command: string, options: RunOptions): Promise<CommandResult> {
    const seq = ++this.seq;
    const { ctlDir } = this.options;
    const stepFile = join(ctlDir, `step.${seq}.sh`);
    const outFile = join(ctlDir, `out.${seq}`);
    const stateFile = stateFileOf(ctlDir, seq);
    writeFileSync(stepFile, command.endsWith('\n') ? command : `${command}\n`);
    const started = performance.now();
    const answered = this.answer(seq);
    this.send(stepLine(seq, stepFile, outFile));
    const outcome = await raceStep(answered, options);
    let restarted = false;
    let lateStatus: number | undefined;
    if (outcome.kind === 'timeout' || outcome.kind === 'aborted') {
      const late = await this.endStep(seq, answered);
      if (late?.kind === 'status') {
        this.stateFile = stateFile;
        lateStatus = late.status;
      } else {
        // The shell itself is stuck (a loop of builtins) or gone: a new one takes over with the saved state.
        await this.replace(seq);
        restarted = true;
      }
    } else if (outcome.kind === 'exited') {
      await this.replace(seq);
      restarted = true;
    } else {
      this.stateFile = stateFile;
    }
    const durationMs = performance.now() - started;
    const output = readOutput(outFile);
    rmSync(stepFile, { force: true });
    rmSync(outFile, { force: true });
    return result(outcome, output, durationMs, options.timeoutMs, restarted, lateStatus);
  }

  // Ends the shell and every process the page started: its process group, its descendants, and anything carrying the token.
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.killShell(true);
    this.shell.stdin?.destroy();
  }

  // Starts bash (its own process group, the token in its environment) and waits for its first answer.
  private async spawn(): Promise<void> {
    const { cwd, token, env, ctlDir } = this.options;
    // No step number inherited from an outer run: the shell's own forks must not pass for an earlier step's processes.
    this.shell = startShell(cwd, { ...env, [RUN_TOKEN_VAR]: token, [STEP_VAR]: '' });
    const shell = this.shell;
    const reader = { buffer: '' };
    shell.stdout?.setEncoding('utf8');
    shell.stdout?.on('data', (chunk: string) => this.receive(reader, chunk));
    shell.stderr?.setEncoding('utf8');
    shell.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    shell.stdin?.on('error', () => undefined);
    shell.on('exit', (code) => {
      if (shell !== this.shell) return;
      for (const [seq, resolve] of this.pending) {
        this.pending.delete(seq);
        resolve({ kind: 'exited', code: code ?? undefined });
      }
    });
    // Errors (bash missing) surface as an exit; the promise itself never rejects with reject: false.
    void shell.catch(() => undefined);
    const seq = ++this.seq;
    const ready = this.answer(seq);
    const restore = this.stateFile ? `source ${shellQuote(this.stateFile)} >/dev/null 2>&1; ` : '';
    this.send(`set -o pipefail; cd -- ${shellQuote(cwd)}; ${restore}${setupLine(ctlDir)}printf '${MARKER} %s %d\\n' ${seq} 0\n`);
    const outcome = (await within(ready, 10000)) ?? { kind: 'timeout' };
    if (outcome.kind !== 'status') {
      throw new Error(`bash did not start${this.stderr ? `: ${this.stderr.trim().split('\n')[0]}` : ''}`);
    }
  }

  // Reads the shell's standard output: only the runner's markers are written there.
  private receive(reader: { buffer: string }, chunk: string): void {
    reader.buffer += chunk;
    let newline = reader.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = reader.buffer.slice(0, newline);
      reader.buffer = reader.buffer.slice(newline + 1);
      if (line.startsWith(MARKER)) {
        const [, seq, status] = line.split(' ');
        const resolve = this.pending.get(Number(seq));
        if (resolve) {
          this.pending.delete(Number(seq));
          resolve({ kind: 'status', status: Number(status) });
        }
      }
      newline = reader.buffer.indexOf('\n');
    }
  }

  // A promise for the marker of one command.
  private answer(seq: number): Promise<Outcome> {
    return new Promise((resolve) => this.pending.set(seq, resolve));
  }

  // Writes a line to the shell's standard input (its commands come from there; the steps' own input is /dev/null).
  private send(line: string): void {
    this.shell.stdin?.write(line);
  }

  // Kills what a timed-out or interrupted command started, again and again while the shell goes on to the command's
  // next part (`a; b`), until the shell reports back or the grace period says it is stuck.
  private async endStep(seq: number, answered: Promise<Outcome>): Promise<Outcome | undefined> {
    let late: Outcome | undefined;
    void answered.then((outcome) => (late = outcome));
    const deadline = performance.now() + (this.options.stuckGraceMs ?? 1500);
    while (!late && performance.now() < deadline) {
      await this.killStep(seq);
      if (!late) await within(answered, 100);
    }
    return late;
  }

  // Kills what one command started: the processes marked with its number, and their descendants.
  private async killStep(seq: number): Promise<void> {
    const table = processTable();
    const marked = processesWithEnv([`${RUN_TOKEN_VAR}=${this.options.token}`, `${STEP_VAR}=${seq}`], table);
    await killTree(marked, this.options.killGraceMs ?? 1000);
  }

  // Replaces a stuck or exited shell with a new one that restores the state saved after the last finished command.
  private async replace(seq: number): Promise<void> {
    await this.killShell(false, seq);
    for (const [pending, resolve] of this.pending) {
      this.pending.delete(pending);
      resolve({ kind: 'exited' });
    }
    await this.spawn();
  }

  // Kills the shell; with `everything`, also its group and every process with the token (the end of a page),
  // otherwise only the shell and what the current command started, leaving earlier steps' background processes.
  private async killShell(everything: boolean, seq?: number): Promise<void> {
    const shell = this.shell;
    const pid = shell.pid;
    const exited = new Promise<void>((resolve) => {
      if (pid === undefined || shell.exitCode !== null || shell.signalCode !== null) resolve();
      else shell.once('exit', () => resolve());
    });
    if (pid !== undefined) {
      const table = processTable();
      const token = `${RUN_TOKEN_VAR}=${this.options.token}`;
      let targets: number[];
      if (everything) {
        killGroup(pid, 'SIGTERM');
        targets = [pid, ...descendantsOf([pid], table), ...processesWithEnv([token], table)];
      } else {
        const earlier = (p: number) => environOf(p).some((e) => e.startsWith(`${STEP_VAR}=`) && e !== `${STEP_VAR}=${seq}` && e !== `${STEP_VAR}=`);
        const kept = descendantsOf([pid], table).filter(earlier);
        const keptTrees = new Set([...kept, ...descendantsOf(kept, table)]);
        targets = [pid, ...descendantsOf([pid], table).filter((p) => !keptTrees.has(p))];
      }
      await killTree([...new Set(targets)], this.options.killGraceMs ?? 1000);
      if (everything) {
        killGroup(pid, 'SIGKILL');
        // A last sweep for processes that were forking while the first one ran.
        const left = processesWithEnv([token]).filter(isAlive);
        if (left.length > 0) await killTree(left, 200);
      }
    }
    await within(exited, 2000);
  }
}

// Starts `bash --noprofile --norc` as the leader of a new process group, reading its commands from a pipe.
function startShell(cwd: string, env: Record<string, string>) {
  return execa('bash', ['--noprofile', '--norc'], {
    cwd,
    env,
    extendEnv: true,
    detached: true,
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    stripFinalNewline: false,
  });
}

// The line the shell runs for a command: mark its processes, source it with output to a file and input from /dev/null,
// then report. Short, because bash reads a pipe a byte at a time.
function stepLine(seq: number, stepFile: string, outFile: string): string {
  return `export ${STEP_VAR}=${seq}; { source ${shellQuote(stepFile)}; } </dev/null >${shellQuote(outFile)} 2>&1; __istio_doctest_done ${seq} $?\n`;
}

// Defines the function that ends every command: save the state (variables, functions, options, directory) for a
// replacement shell, alternating between two files so one is always whole, then print the marker with the status.
function setupLine(ctlDir: string): string {
  const state = `${shellQuote(join(ctlDir, 'state.'))}"$(( $1 % 2 ))"`;
  return `__istio_doctest_done() { { declare -p; declare -f; shopt -p; set +o; printf 'cd -- %q\\n' "$PWD"; } >${state} 2>/dev/null; printf '${MARKER} %s %d\\n' "$1" "$2"; }; `;
}

// The state file a command's end writes (two, alternating).
function stateFileOf(ctlDir: string, seq: number): string {
  return join(ctlDir, `state.${seq % 2}`);
}

// Waits for a promise at most `ms`, leaving no timer behind (a pending one would keep the CLI from exiting).
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  const controller = new AbortController();
  try {
    return await Promise.race([promise, sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined)]);
  } finally {
    controller.abort();
  }
}

// Waits for the command's marker, its time-out, or an abort (SIGINT), whichever comes first.
async function raceStep(answered: Promise<Outcome>, options: RunOptions): Promise<Outcome> {
  if (options.signal?.aborted) return { kind: 'aborted' };
  const controller = new AbortController();
  const racers: Promise<Outcome>[] = [answered, sleep(options.timeoutMs, { kind: 'timeout' } as Outcome, { signal: controller.signal }).catch(() => ({ kind: 'timeout' }) as Outcome)];
  if (options.signal) {
    racers.push(new Promise((resolve) => options.signal!.addEventListener('abort', () => resolve({ kind: 'aborted' }), { once: true, signal: controller.signal })));
  }
  try {
    return await Promise.race(racers);
  } finally {
    controller.abort();
  }
}

// Reads a command's output file; a missing file (the shell died before redirecting) is empty output.
function readOutput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

// Turns what happened into the flat result record.
function result(outcome: Outcome, output: string, durationMs: number, timeoutMs: number, restarted: boolean, lateStatus?: number): CommandResult {
  const base = { output, durationMs, restarted, timedOut: false, interrupted: false };
  switch (outcome.kind) {
    case 'status':
      return { ...base, exitCode: outcome.status, message: outcome.status === 0 ? '' : `exit code ${outcome.status}` };
    case 'exited':
      return { ...base, exitCode: outcome.code, message: `the command ended the shell${outcome.code !== undefined ? ` (exit code ${outcome.code})` : ''}; a new one goes on with the state it had` };
    case 'timeout':
      return { ...base, exitCode: lateStatus, timedOut: true, message: `timed out after ${formatMs(timeoutMs)}` };
    case 'aborted':
      return { ...base, exitCode: lateStatus, interrupted: true, message: 'interrupted' };
  }
}

// Formats a duration for messages: `500ms`, `5s`, `2m`.
function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60000 || ms % 60000 !== 0) return `${+(ms / 1000).toFixed(1)}s`;
  return `${ms / 60000}m`;
}
