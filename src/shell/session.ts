// One long-lived bash per page: each step is `source`d in it, so `export`, `cd` and functions carry from step to
// step as when a reader pastes them into one terminal. No new bash per step: the harness stays under 2 ms a step.
// This file is the session's lifecycle (start, run a command, replace a shell that ended, close); the text of the
// protocol is in protocol.ts, the saved state in state-files.ts, ending a step in step-ending.ts (docs/session.md).
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, readlinkSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { killGroup, killTree } from './kill-tree.js';
import { commandOf, descendantsOf, isAlive, processesHolding, processesWithEnv, processTable, uptimeTicks } from './proc.js';
import { readBoundedOutput } from './output.js';
import { fullFolder } from './full-disk.js';
import { CONTROL_FD, parseReport, RUN_TOKEN_VAR, startLine, STEP_VAR, stepLine, stepText, type Saving } from './protocol.js';
import { heldSave, nextStateFile, savedCommand, type SavedState } from './state-files.js';
import { endStep } from './step-ending.js';
import { RUNNER_VAR, runnerId } from './sweep.js';
import { pollTurns, within } from './waiting.js';

export { RUN_TOKEN_VAR, STEP_VAR, shellQuote } from './protocol.js';
export { stepProcesses, type StepMarks } from './step-ending.js';

/** How much longer than its grace a shell that said it is saving its state gets to finish and exit. */
const SAVE_LIMIT_MS = 60000;

/** What one command did, as a flat record (modelled on execa's result); a failure is data, never an exception. */
export interface CommandResult {
  /** Exit status of the command's last pipeline; undefined when there is none (ended by a time-out or signal, or killed). */
  exitCode?: number;
  /** Standard output and error together, in the order they were written; bounded (see `droppedBytes`). */
  output: string;
  /** Bytes of output left out of `output`, which keeps the head and the tail of a very long output. */
  droppedBytes: number;
  timedOut: boolean;
  interrupted: boolean;
  durationMs: number;
  /** Short: empty when it exited 0, else `exit code 2`, `timed out after 5s`, `interrupted`... */
  message: string;
  /** Whether the shell had to be replaced (it was ended, or the command exited it); the new one has the saved state. */
  restarted: boolean;
  /**
   * Whether the shell's state (variables, functions, options, directory) after this command was saved, or is kept by a
   * shell whose exit and abort traps will save it (its state file checked writable); for a command that ended the
   * shell, whether the state it had then was saved.
   */
  stateSaved: boolean;
  /**
   * Why the command did not run, or ran but its result cannot be trusted (no shell could be started, its output could
   * not be captured): such a command fails whatever its status and output, with this as its reason.
   */
  broken?: string;
}

/** A process that shed the run's token and left the shell's group but held the page's descriptors; ended at close. */
export interface EscapedProcess {
  pid: number;
  command: string;
}

export interface SessionOptions {
  /** Where the shell starts. */
  cwd: string;
  /** Folder for the runner's own small files (steps, saved state, the command FIFO). */
  ctlDir: string;
  /** Folder for the steps' output files (on disk: a step may print gigabytes); default `ctlDir`. */
  outDir?: string;
  /** Unique token put in the environment of the shell and of everything it starts. */
  token: string;
  /** Extra environment; the runner's own environment is inherited. */
  env?: Record<string, string>;
  /** Between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  /** How long an ended command's shell gets to save its state and exit before it is killed. */
  stuckGraceMs?: number;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

type Outcome =
  | { kind: 'status'; status: number; saving: Saving; background: number; captured: boolean; forged?: boolean }
  | { kind: 'exited'; code?: number }
  | { kind: 'timeout' }
  | { kind: 'aborted' };

export class Session {
  private shell?: ReturnType<typeof startShell>;
  /** Why the last shell could not be started (the next command tries again); undefined while a shell runs. */
  private down?: string;
  /** The runner's end of the shell's command FIFO (read-write, so the shell never sees an early end of file). */
  private commands = -1;
  private shells = 0;
  private seq = 0;
  private pending = new Map<number, (outcome: Outcome) => void>();
  /** The state file to restore into a replacement shell, and the command after (or during) which it was saved. */
  private state?: SavedState;
  /** The last command whose state could not be saved, to say so when a replacement shell gets an older state. */
  private unsaved?: number;
  /** The last command that finished in the shell: a replacement shell should have its state or a later one. */
  private finished?: number;
  /** The last command the shell said it started; a command ended before this shell started it left the shell as it was. */
  private started = 0;
  /** The number of the command whose state the current shell holds (its `__istio_doctest_n`), the name its saves carry. */
  private holds = 0;
  /** Only the runner's command lines hold it; the shell prints it back with a command's start and save (bookkeeping). */
  private readonly secret = randomBytes(16).toString('hex');
  /** The token of each pending command's end report, new for each command: only bash's own message for it carries it. */
  private tokens = new Map<number, string>();
  /** A pending command's end (status, `$!`) and its save report, as they come in; the command is answered with both. */
  private ends = new Map<number, Collected>();
  /**
   * The secret of the traps' "saving" notice. The traps are functions a step can read (`declare -f`), so they hold their
   * own secret, never the one above: knowing it, a step can only make the runner wait longer for its shell, not forge a result.
   */
  private readonly savingSecret = randomBytes(16).toString('hex');
  /** The highest `$!` a command reported: background processes up to it belong to earlier commands. */
  private lastBackground = 0;
  private closed = false;
  /** The control pipes of the page's shells (`pipe:[123]`), to find processes that escaped the token but hold one. */
  private pipes = new Set<string>();
  /** The commands after which the disk of the output or control folder was full, and that folder. */
  private full: { seq: number; folder: string }[] = [];
  /** What the current shell reported so far beyond command ends: whether it said it is saving its state (exit or abort trap). */
  private reader: Reader = { buffer: '', saving: false };
  /** Standard error of the shell itself (not of the steps), for messages when it fails. */
  stderr = '';

  private constructor(private readonly options: SessionOptions) {}

  /**
   * Starts a shell and waits until it answers. Never throws: a shell that cannot be started is reported by `startError`
   * and by each command run, which tries again (so a page's first step fails with the reason and its cleanup still runs).
   */
  static async start(options: SessionOptions): Promise<Session> {
    const session = new Session(options);
    await session.tryStart();
    return session;
  }

  /** Why the shell could not be started, while no shell runs. */
  get startError(): string | undefined {
    return this.down;
  }

  /** How many commands so far left the disk of the session's files full (a caller compares counts around a step). */
  get fullDisks(): number {
    return this.full.length;
  }

  /** The folder whose disk the last such command filled. */
  get fullFolder(): string | undefined {
    return this.full.at(-1)?.folder;
  }

  /** Process id of the current shell (the leader of its own process group); -1 while none runs. */
  get pid(): number {
    return this.shell?.pid ?? -1;
  }

  /** Runs one command (a step, its continuation lines, its heredocs) in the shell and collects what it did. */
  async run(command: string, options: RunOptions): Promise<CommandResult> {
    const started = performance.now();
    if (this.down !== undefined && !(await this.tryStart())) return brokenResult(`no shell to run it in: ${this.down}`, performance.now() - started);
    try {
      return await this.runInShell(command, options, started);
    } catch (error) {
      // The runner's own files could not be written (its folder removed, the disk full): the command did not run.
      return brokenResult(`the runner could not run it: ${(error as Error).message}`, performance.now() - started);
    }
  }

  // Runs one command in the running shell; replaces the shell when the command ended it.
  private async runInShell(command: string, options: RunOptions, started: number): Promise<CommandResult> {
    const seq = ++this.seq;
    const { ctlDir } = this.options;
    const stepFile = join(ctlDir, `step.${seq}.sh`);
    const outFile = join(this.options.outDir ?? ctlDir, `out.${seq}`);
    const stateFile = nextStateFile(ctlDir, this.state);
    writeFileSync(stepFile, stepText(command));
    // The clock tick the command starts in, read as the kernel dates processes, to tell its subshells from earlier ones'.
    const sinceTicks = uptimeTicks();
    const answered = this.answer(seq);
    this.send(stepLine(this.secret, seq, { stepFile, outFile, stateFile }, this.tokenFor(seq)));
    let outcome = await raceStep(answered, options);
    let restarted = false;
    let note = '';
    if ((outcome.kind === 'timeout' || outcome.kind === 'aborted') && this.shell?.pid !== undefined) {
      const late = await endStep(this.endingShell(this.shell.pid), { seq, sinceTicks, lastBackground: this.lastBackground }, answered);
      if (late) outcome = late;
      else restarted = true;
    }
    let stateSaved = false;
    let broken: string | undefined;
    if (outcome.kind === 'status') {
      this.lastBackground = Math.max(this.lastBackground, outcome.background);
      if (outcome.saving === 'saved') this.state = { file: stateFile, seq };
      if (outcome.saving === 'failed') this.unsaved = seq;
      this.finished = seq;
      stateSaved = outcome.saving !== 'failed';
      // Its output went elsewhere (an earlier step's file): what the runner reads is not what it printed.
      if (!outcome.captured) broken = `its output could not be captured: the shell could not open its output file (too many open files after \`ulimit -n\`?)`;
      if (outcome.forged) broken = 'its end was reported twice with different statuses: something in the page forged one, so neither is trusted';
    } else {
      // The shell is gone; its exit trap (a step that exits) or its SIGUSR1 trap (a step that was ended) saved its state.
      await within(this.exited(), 2000);
      // A shell ended before it read the command's line saved the state it held, under that state's own number and file.
      const saved = savedCommand(stateFile) === seq ? { file: stateFile, seq } : this.started < seq ? heldSave(ctlDir, this.holds) : undefined;
      stateSaved = saved !== undefined;
      if (saved) this.state = saved;
      // That shell may have broken the last saved state while writing over it.
      else if (this.state && savedCommand(this.state.file) !== this.state.seq) this.state = undefined;
      const replaced = await this.replace();
      note = replaced.note;
      if (replaced.error !== undefined) broken = `the shell could not be restarted after it: ${replaced.error}`;
      if (outcome.kind === 'exited') restarted = true;
    }
    const durationMs = performance.now() - started;
    const { text, droppedBytes } = readBoundedOutput(outFile);
    // Checked before the output file is removed, which frees what it filled.
    const folder = fullFolder([...new Set([this.options.outDir ?? ctlDir, ctlDir])]);
    if (folder) this.full.push({ seq, folder });
    removeQuietly(stepFile);
    removeQuietly(outFile);
    const base = { output: text, droppedBytes, durationMs, restarted, stateSaved, ...(broken !== undefined ? { broken } : {}) };
    return result(outcome, base, options.timeoutMs, [note, broken].filter(Boolean).join('; '));
  }

  /**
   * Ends the shell and every process the page started: its process group, its descendants, and anything carrying the
   * token. Returns the processes it was not permitted to end (EPERM: a `sudo` child, say), which may still run.
   */
  async close(): Promise<{ denied: number[]; escaped: EscapedProcess[] }> {
    if (this.closed) return { denied: [], escaped: [] };
    this.closed = true;
    const denied = await this.killEverything();
    const escaped = await this.killEscaped();
    this.closeCommands();
    // The run ends with the page's shell, whatever still holds the other ends of its pipes.
    this.release(this.shell);
    return { denied, escaped };
  }

  // Ends the processes that shed the token and left the shell's process group (`(setsid env -i daemon &)`) but hold
  // a descriptor of the page: a shell's control pipe, or a file in the runner's folders (a step's output). Named, so
  // the page can say what escaped.
  private async killEscaped(): Promise<EscapedProcess[]> {
    const folders = [this.options.ctlDir, this.options.outDir].filter((f): f is string => f !== undefined).map((f) => `${f}/`);
    const holds = (link: string) => this.pipes.has(link) || folders.some((folder) => link.startsWith(folder));
    const found = processesHolding(holds).filter(isAlive);
    if (found.length === 0) return [];
    const named = found.map((pid) => ({ pid, command: commandOf(pid) }));
    await killTree(found, this.options.killGraceMs ?? 1000);
    return named;
  }

  // Lets go of a shell's pipes: a process that escaped the page may hold their other ends for ever.
  private release(shell: ReturnType<typeof startShell> | undefined): void {
    shell?.stdout?.destroy();
    shell?.stderr?.destroy();
  }

  // Starts a shell, or records why it could not; true when one runs.
  private async tryStart(): Promise<boolean> {
    try {
      await this.spawn();
      this.down = undefined;
      return true;
    } catch (error) {
      this.down = (error as Error).message;
      return false;
    }
  }

  // The running shell as step ending sees it.
  private endingShell(pid: number) {
    return {
      pid,
      token: this.options.token,
      killGraceMs: this.options.killGraceMs ?? 1000,
      stuckGraceMs: this.options.stuckGraceMs ?? 1500,
      exitsWithin: (ms: number) => this.exitsWithin(ms),
      exited: () => this.exited(),
    };
  }

  // Starts bash (its own process group, the token in its environment) reading a fresh FIFO, and waits for its first
  // answer; throws with the reason when it cannot.
  private async spawn(): Promise<void> {
    const { cwd, token, env, ctlDir } = this.options;
    this.closeCommands();
    // The runner's folder is made again if a step removed it.
    mkdirSync(ctlDir, { recursive: true, mode: 0o700 });
    const fifo = join(ctlDir, `commands.${++this.shells}`);
    rmSync(fifo, { force: true });
    makeFifo(fifo);
    // Read-write: opening does not wait for the shell, and the shell never reads an end of file while the runner is there.
    this.commands = openSync(fifo, constants.O_RDWR);
    // No step number inherited from an outer run: the shell's own forks must not pass for an earlier step's processes.
    const shell = startShell(cwd, fifo, { ...env, [RUN_TOKEN_VAR]: token, [STEP_VAR]: '', [RUNNER_VAR]: runnerId() });
    this.shell = shell;
    const reader: Reader = { buffer: '', saving: false };
    this.reader = reader;
    shell.stdout?.setEncoding('latin1');
    shell.stdout?.on('data', (chunk: string) => this.receive(reader, chunk));
    shell.stderr?.setEncoding('utf8');
    shell.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
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
    this.holds = this.state?.seq ?? 0;
    const traps = join(ctlDir, 'traps');
    if (!existsSync(traps)) makeFifo(traps);
    this.send(startLine({ cwd, stateFile: this.state?.file, traps, secret: this.secret, savingSecret: this.savingSecret, seq, token: this.tokenFor(seq) }));
    const outcome = (await within(ready, 10000)) ?? { kind: 'timeout' };
    rmSync(fifo, { force: true });
    // The control pipe, as the kernel names it: a process holding it after the page ended is the page's.
    const pipe = shell.pid !== undefined ? descriptorsOfFd(shell.pid, CONTROL_FD) : undefined;
    if (pipe) this.pipes.add(pipe);
    if (outcome.kind !== 'status') {
      throw new Error(`bash did not start${this.stderr ? `: ${this.stderr.trim().split('\n')[0]}` : ''}`);
    }
  }

  // Reads the shell's reports; a line without the secret (something a step wrote to an inherited descriptor) is ignored.
  private receive(reader: Reader, chunk: string): void {
    reader.buffer += chunk;
    let newline = reader.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = reader.buffer.slice(0, newline);
      reader.buffer = reader.buffer.slice(newline + 1);
      const report = parseReport(line, this.secret, this.savingSecret);
      if (report.kind === 'saving') reader.saving = true;
      else if (report.kind === 'started') {
        this.started = Math.max(this.started, report.seq);
        this.holds = report.seq;
      } else if (report.kind === 'ended') {
        // Only bash's own message carries the command's token; a step that printed a lookalike never knew it.
        if (report.token === this.tokens.get(report.seq)) this.collect(report.seq, { end: { status: report.status, background: report.background } });
      } else if (report.kind === 'saved') {
        if (report.token === this.tokens.get(report.seq)) this.collect(report.seq, { saved: { saving: report.saving, captured: report.captured } });
      }
      newline = reader.buffer.indexOf('\n');
    }
    // A step writing megabytes without a newline to an inherited descriptor must not grow the buffer without end.
    if (reader.buffer.length > 65536) reader.buffer = reader.buffer.slice(-1024);
  }

  // A promise for the report of one command.
  private answer(seq: number): Promise<Outcome> {
    return new Promise((resolve) => this.pending.set(seq, resolve));
  }

  // A new end token for a command (random: a step cannot guess the next one).
  private tokenFor(seq: number): string {
    const token = randomBytes(16).toString('hex');
    this.tokens.set(seq, token);
    return token;
  }

  // Adds a command's end or save report; answers the command once it has both. A second end that differs from the
  // first means one was forged (by a step that read its token where it should not have): the command fails.
  private collect(seq: number, part: Omit<Collected, 'forged'>): void {
    const resolve = this.pending.get(seq);
    if (!resolve) return;
    const got = this.ends.get(seq) ?? {};
    if (got.end && part.end && (got.end.status !== part.end.status || got.end.background !== part.end.background)) got.forged = true;
    got.end ??= part.end;
    got.saved ??= part.saved;
    this.ends.set(seq, got);
    if (!got.end || !got.saved) return;
    this.pending.delete(seq);
    this.ends.delete(seq);
    this.tokens.delete(seq);
    resolve({ kind: 'status', status: got.end.status, saving: got.saved.saving, background: got.end.background, captured: got.saved.captured, forged: got.forged === true });
  }

  // Writes a line to the shell's command FIFO.
  private send(line: string): void {
    try {
      writeSync(this.commands, line);
    } catch {
      // The shell is gone; its exit resolves what waits for it.
    }
  }

  // Closes the runner's end of the command FIFO (the shell then reads an end of file).
  private closeCommands(): void {
    if (this.commands >= 0) closeSync(this.commands);
    this.commands = -1;
  }

  // Whether the shell exits within `ms`, or, once it has said it is saving its state (its abort or exit trap), within
  // SAVE_LIMIT_MS more: a loaded machine may not give it the CPU to save in a fixed grace, and SIGTERM or SIGKILL then
  // would break the save (the state of every command since the last whole save lost). The extension is given once.
  private async exitsWithin(ms: number): Promise<boolean> {
    const reader = this.reader;
    if ((await within(this.exited(), ms)) !== undefined) return true;
    await pollTurns();
    if (!reader.saving || reader.extended) return false;
    reader.extended = true;
    return (await within(this.exited(), SAVE_LIMIT_MS)) !== undefined;
  }

  // The shell's exit code once it has exited (at once when there is none).
  private exited(): Promise<number | undefined> {
    const shell = this.shell;
    if (!shell || shell.exitCode !== null) return Promise.resolve(shell?.exitCode ?? -1);
    if (shell.signalCode !== null) return Promise.resolve(-1);
    return new Promise((resolve) => shell.once('exit', (code) => resolve(code ?? -1)));
  }

  // Starts a shell in place of one that was ended or exited, with the state saved last; the processes the old one left
  // in the background (earlier steps' `kubectl port-forward &`) go on running until the page ends. Returns a note when
  // the state it restores is older than the last command's, and the reason when no new shell could be started.
  private async replace(): Promise<{ note: string; error?: string }> {
    await within(this.exited(), 2000);
    this.release(this.shell);
    for (const [pending, resolve] of this.pending) {
      this.pending.delete(pending);
      resolve({ kind: 'exited' });
    }
    if (!(await this.tryStart())) return { note: '', error: this.down };
    const lost = this.finished;
    if (lost !== undefined && (this.state === undefined || this.state.seq < lost)) {
      const why = this.unsaved === lost ? 'could not be saved' : 'was lost with it (it ended without running its exit trap)';
      return { note: `the shell's state after command ${lost} ${why}; the new shell has ${this.state ? `the state after command ${this.state.seq}` : 'the starting state'}` };
    }
    return { note: '' };
  }

  // Kills the shell, its group, its descendants and every process with the token (the end of a page); returns the
  // processes it was not permitted to signal.
  private async killEverything(): Promise<number[]> {
    const pid = this.shell?.pid;
    const exited = this.exited();
    const denied = new Set<number>();
    const table = processTable();
    const token = `${RUN_TOKEN_VAR}=${this.options.token}`;
    if (pid !== undefined) killGroup(pid, 'SIGTERM');
    const targets = [...(pid !== undefined ? [pid, ...descendantsOf([pid], table)] : []), ...processesWithEnv([token], table)];
    for (const p of (await killTree([...new Set(targets)], this.options.killGraceMs ?? 1000)).denied) denied.add(p);
    if (pid !== undefined) killGroup(pid, 'SIGKILL');
    // A last sweep for processes that were forking while the first one ran.
    const left = processesWithEnv([token]).filter((p) => isAlive(p) && !denied.has(p));
    if (left.length > 0) for (const p of (await killTree(left, 200)).denied) denied.add(p);
    await within(exited, 2000);
    return [...denied].filter(isAlive);
  }
}

// Removes a file of the runner's; one a step made unreachable (its folder replaced) is left to the page's sweep.
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // ENOTDIR, EACCES: nothing more to do here.
  }
}

// What a process's descriptor points to (`pipe:[123]`), undefined when unreadable.
function descriptorsOfFd(pid: number, fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/fd/${fd}`);
  } catch {
    return undefined;
  }
}

// Makes a FIFO only the runner's user may open; throws with the reason when it cannot.
function makeFifo(path: string): void {
  try {
    execFileSync('mkfifo', ['-m', '600', path], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(`mkfifo ${path} failed${stderr ? `: ${stderr.split('\n')[0]}` : ''}`);
  }
}

// Starts `bash --noprofile --norc FIFO` as the leader of a new process group; its standard output becomes the report descriptor.
function startShell(cwd: string, fifo: string, env: Record<string, string>) {
  return execa('bash', ['--noprofile', '--norc', fifo], {
    cwd,
    env,
    extendEnv: true,
    detached: true,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    stripFinalNewline: false,
  });
}

/** What came in for a pending command: bash's end report, the save report, and whether two ends disagreed. */
interface Collected {
  end?: { status: number; background: number };
  saved?: { saving: Saving; captured: boolean };
  forged?: boolean;
}

/** The shell's report channel as read so far: a partial line, and whether the shell said it is saving its state. */
interface Reader {
  buffer: string;
  saving: boolean;
  /** Whether the runner already waited longer for this shell's save. */
  extended?: boolean;
}

// Waits for the command's report, its time-out, or an abort (SIGINT), whichever comes first.
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

// A command that did not run (no shell) or whose run cannot be trusted: a failure with its reason.
function brokenResult(why: string, durationMs: number): CommandResult {
  return { output: '', droppedBytes: 0, timedOut: false, interrupted: false, durationMs, message: why, restarted: false, stateSaved: false, broken: why };
}

// Turns what happened into the flat result record.
function result(outcome: Outcome, base: Omit<CommandResult, 'exitCode' | 'timedOut' | 'interrupted' | 'message'>, timeoutMs: number, note: string): CommandResult {
  const common = { ...base, timedOut: false, interrupted: false };
  const withNote = (message: string) => [message, note].filter(Boolean).join('; ');
  switch (outcome.kind) {
    case 'status':
      return { ...common, exitCode: outcome.status, message: outcome.status === 0 ? '' : `exit code ${outcome.status}` };
    case 'exited':
      return { ...common, exitCode: outcome.code, message: withNote(`the command ended the shell${outcome.code !== undefined ? ` (exit code ${outcome.code})` : ''}; a new one goes on with ${base.stateSaved ? 'the state it had' : 'the state saved before it'}`) };
    case 'timeout':
      return { ...common, timedOut: true, message: withNote(`timed out after ${formatMs(timeoutMs)}`) };
    case 'aborted':
      return { ...common, interrupted: true, message: withNote('interrupted') };
  }
}

// Formats a duration for messages: `500ms`, `5s`, `2m`.
function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60000 || ms % 60000 !== 0) return `${+(ms / 1000).toFixed(1)}s`;
  return `${ms / 60000}m`;
}
