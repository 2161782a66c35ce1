// One long-lived bash per page: each step is `source`d in it, so `export`, `cd` and functions carry from step to
// step as when a reader pastes them into one terminal. No new bash per step: the harness stays under 2 ms a step.
//
// Channels: bash reads its commands from a FIFO it opened as its script (bash keeps that descriptor at 255, close-on-exec,
// and moves it out of the way of a step's own redirections), and reports the end of each command on descriptor 254 with
// a secret that only the runner's own command line holds, so a step can neither forge its result nor lose the session by
// using, closing or redirecting any descriptor below 254. A step's descriptors 0, 1 and 2 are set with `exec` (nothing
// saved for bash to restore, so nothing of the runner on 10, 11, 12).
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { killGroup, killTree, signal } from './kill-tree.js';
import { descendantsOf, environOf, isAlive, isStopped, processesWithEnv, processTable, uptimeTicks, type ProcInfo } from './proc.js';
import { readBoundedOutput } from './output.js';
import { fullFolder } from './disk-full.js';

/** Environment variable holding the page's token: every process the page starts inherits it, so none can hide. */
export const RUN_TOKEN_VAR = 'ISTIO_DOCTEST_RUN';
/** Environment variable holding the number of the command being run, to find the processes one step started. */
export const STEP_VAR = 'ISTIO_DOCTEST_STEP';

/** The descriptor bash writes the end-of-command reports to (255 is bash's own, its command input). */
const CONTROL_FD = 254;
/** Exit status of a shell that saved its state on the runner's request (SIGUSR1) and exited. */
const ABORT_SAVED = 86;
/** How long a shell sent SIGSTOP may take to stop (it must be scheduled to): a shell in uninterruptible sleep writes nothing. */
const STOP_WAIT_MS = 5000;
/** How much longer than its grace a shell that said it is saving its state gets to finish and exit. */
const SAVE_LIMIT_MS = 60000;
/** A periodic full save is due once this many times its own last cost has passed since it ended (at most ~5% of the time). */
const SAVE_SPACING = 20;

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

/** After a command: its state written to the file, or kept by a shell whose exit and abort traps will write it, or neither. */
type Saving = 'saved' | 'deferred' | 'failed';

type Outcome =
  | { kind: 'status'; status: number; saving: Saving; background: number }
  | { kind: 'exited'; code?: number }
  | { kind: 'timeout' }
  | { kind: 'aborted' };

// Quotes a string for bash (single quotes, with embedded ones closed and escaped).
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export class Session {
  private shell!: ReturnType<typeof startShell>;
  /** The runner's end of the shell's command FIFO (read-write, so the shell never sees an early end of file). */
  private commands = -1;
  private shells = 0;
  private seq = 0;
  private pending = new Map<number, (outcome: Outcome) => void>();
  /** The state file to restore into a replacement shell, and the command after (or during) which it was saved. */
  private state?: { file: string; seq: number };
  /** The last command whose state could not be saved, to say so when a replacement shell gets an older state. */
  private unsaved?: number;
  /** The last command that finished in the shell: a replacement shell should have its state or a later one. */
  private finished?: number;
  /** The last command the shell said it started; a command ended before this shell started it left the shell as it was. */
  private started = 0;
  /** The number of the command whose state the current shell holds (its `__istio_doctest_n`), the name its saves carry. */
  private holds = 0;
  /** Only the runner's command lines hold it; the shell prints it back at the end of each command. */
  private readonly secret = randomBytes(16).toString('hex');
  /**
   * The secret of the traps' "saving" notice. The traps are functions a step can read (`declare -f`), so they hold their
   * own secret, never the one above: knowing it, a step can only make the runner wait longer for its shell, not forge a result.
   */
  private readonly savingSecret = randomBytes(16).toString('hex');
  /** The highest `$!` a command reported: background processes up to it belong to earlier commands. */
  private lastBackground = 0;
  private closed = false;
  /** The commands after which the disk of the output or control folder was full, and that folder. */
  private full: { seq: number; folder: string }[] = [];
  /** What the current shell reported so far beyond command ends: whether it said it is saving its state (exit or abort trap). */
  private reader: Reader = { buffer: '', saving: false };
  /** Standard error of the shell itself (not of the steps), for messages when it fails. */
  stderr = '';

  private constructor(private readonly options: SessionOptions) {}

  /** Starts a shell and waits until it answers, so a broken bash is reported before the first step. */
  static async start(options: SessionOptions): Promise<Session> {
    const session = new Session(options);
    await session.spawn();
    return session;
  }

  /** How many commands so far left the disk of the session's files full (a caller compares counts around a step). */
  get fullDisks(): number {
    return this.full.length;
  }

  /** The folder whose disk the last such command filled. */
  get fullFolder(): string | undefined {
    return this.full.at(-1)?.folder;
  }

  /** Process id of the current shell (the leader of its own process group). */
  get pid(): number {
    return this.shell.pid ?? -1;
  }

  /** Runs one command (a step, its continuation lines, its heredocs) in the shell and collects what it did. */
  async run(command: string, options: RunOptions): Promise<CommandResult> {
    const seq = ++this.seq;
    const { ctlDir } = this.options;
    const stepFile = join(ctlDir, `step.${seq}.sh`);
    const outFile = join(this.options.outDir ?? ctlDir, `out.${seq}`);
    // The one of the two state files that does not hold the last saved state: a failed write never loses that one.
    const stateFile = join(ctlDir, this.state?.file === join(ctlDir, 'state.0') ? 'state.1' : 'state.0');
    writeFileSync(stepFile, command.endsWith('\n') ? command : `${command}\n`);
    // The clock tick the command starts in, read as the kernel dates processes, to tell its subshells from earlier ones'.
    const sinceTicks = uptimeTicks();
    const started = performance.now();
    const answered = this.answer(seq);
    this.send(this.stepLine(seq, stepFile, outFile, stateFile));
    let outcome = await raceStep(answered, options);
    let restarted = false;
    let note = '';
    if (outcome.kind === 'timeout' || outcome.kind === 'aborted') {
      const late = await this.endStep(seq, answered, sinceTicks);
      if (late) outcome = late;
      else restarted = true;
    }
    let stateSaved = false;
    if (outcome.kind === 'status') {
      this.lastBackground = Math.max(this.lastBackground, outcome.background);
      if (outcome.saving === 'saved') this.state = { file: stateFile, seq };
      if (outcome.saving === 'failed') this.unsaved = seq;
      this.finished = seq;
      stateSaved = outcome.saving !== 'failed';
    } else {
      // The shell is gone; its exit trap (a step that exits) or its SIGUSR1 trap (a step that was ended) saved its state.
      await within(this.exited(), 2000);
      // A shell ended before it read the command's line saved the state it held, under that state's own number and file.
      const saved = savedCommand(stateFile) === seq ? { file: stateFile, seq } : this.started < seq ? this.heldSave(ctlDir) : undefined;
      stateSaved = saved !== undefined;
      if (saved) this.state = saved;
      // That shell may have broken the last saved state while writing over it.
      else if (this.state && savedCommand(this.state.file) !== this.state.seq) this.state = undefined;
      note = await this.replace();
      if (outcome.kind === 'exited') restarted = true;
    }
    const durationMs = performance.now() - started;
    const { text, droppedBytes } = readBoundedOutput(outFile);
    // Checked before the output file is removed, which frees what it filled.
    const folder = fullFolder([...new Set([this.options.outDir ?? ctlDir, ctlDir])]);
    if (folder) this.full.push({ seq, folder });
    rmSync(stepFile, { force: true });
    rmSync(outFile, { force: true });
    return result(outcome, { output: text, droppedBytes, durationMs, restarted, stateSaved }, options.timeoutMs, note);
  }

  /**
   * Ends the shell and every process the page started: its process group, its descendants, and anything carrying the
   * token. Returns the processes it was not permitted to end (EPERM: a `sudo` child, say), which may still run.
   */
  async close(): Promise<{ denied: number[] }> {
    if (this.closed) return { denied: [] };
    this.closed = true;
    const denied = await this.killEverything();
    this.closeCommands();
    return { denied };
  }

  // Starts bash (its own process group, the token in its environment) reading a fresh FIFO, and waits for its first answer.
  private async spawn(): Promise<void> {
    const { cwd, token, env, ctlDir } = this.options;
    this.closeCommands();
    const fifo = join(ctlDir, `commands.${++this.shells}`);
    rmSync(fifo, { force: true });
    execFileSync('mkfifo', ['-m', '600', fifo]);
    // Read-write: opening does not wait for the shell, and the shell never reads an end of file while the runner is there.
    this.commands = openSync(fifo, constants.O_RDWR);
    // No step number inherited from an outer run: the shell's own forks must not pass for an earlier step's processes.
    this.shell = startShell(cwd, fifo, { ...env, [RUN_TOKEN_VAR]: token, [STEP_VAR]: '' });
    const shell = this.shell;
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
    const restore = this.state ? `source ${shellQuote(this.state.file)} >/dev/null 2>&1; ` : '';
    this.holds = this.state?.seq ?? 0;
    const traps = join(ctlDir, 'traps');
    if (!existsSync(traps)) execFileSync('mkfifo', ['-m', '600', traps]);
    this.send(`set -o pipefail; cd -- ${shellQuote(cwd)}; ${restore}${setupLine(traps, this.savingSecret)}${this.report(seq, '0', '0')}\n`);
    const outcome = (await within(ready, 10000)) ?? { kind: 'timeout' };
    rmSync(fifo, { force: true });
    if (outcome.kind !== 'status') {
      throw new Error(`bash did not start${this.stderr ? `: ${this.stderr.trim().split('\n')[0]}` : ''}`);
    }
  }

  // The line the shell runs for a command: its descriptors set (nothing for bash to save and restore), its processes
  // marked with its number, the file its state goes to named, its start reported, the step sourced, then its state
  // saved or checked to be savable, and its end reported. Short: bash reads a byte at a time.
  private stepLine(seq: number, stepFile: string, outFile: string, stateFile: string): string {
    return (
      `exec </dev/null >|${shellQuote(outFile)} 2>&1; export ${STEP_VAR}=${seq}; __istio_doctest_f=${shellQuote(stateFile)} __istio_doctest_n=${seq}; builtin printf '\\036%s %s started\\n' ${this.secret} ${seq} >&${CONTROL_FD}; source ${shellQuote(stepFile)}; ` +
      `{ __istio_doctest_s=$?; __istio_doctest_after; ${this.report(seq, '"$__istio_doctest_s"', '"$__istio_doctest_t"')}; } 2>/dev/null\n`
    );
  }

  // The command that reports a command's end: the secret, its number, its status, whether its state was saved, `$!`.
  private report(seq: number, status: string, saved: string): string {
    return `builtin printf '\\036%s %s %s %s %s\\n' ${this.secret} ${seq} ${status} ${saved} "\${!:-0}" >&${CONTROL_FD}`;
  }

  // Reads the shell's reports; a line without the secret (something a step wrote to an inherited descriptor) is ignored.
  private receive(reader: Reader, chunk: string): void {
    reader.buffer += chunk;
    let newline = reader.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = reader.buffer.slice(0, newline);
      reader.buffer = reader.buffer.slice(newline + 1);
      if (line.includes(`\x1e${this.savingSecret} `)) reader.saving = true;
      const at = line.lastIndexOf(`\x1e${this.secret} `);
      if (at >= 0) {
        const [seq, status, saved, background] = line.slice(at + this.secret.length + 2).split(' ');
        if (status === 'started') {
          this.started = Math.max(this.started, Number(seq));
          this.holds = Number(seq);
          newline = reader.buffer.indexOf('\n');
          continue;
        }
        const resolve = this.pending.get(Number(seq));
        if (resolve) {
          this.pending.delete(Number(seq));
          const saving: Saving = saved === '0' ? 'saved' : saved === 'd' ? 'deferred' : 'failed';
          resolve({ kind: 'status', status: Number(status), saving, background: Number(background) || 0 });
        }
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

  // Ends a timed-out or interrupted command where it is: the shell is stopped (it can start nothing more), what the
  // command started is killed, then the shell is asked (SIGUSR1) to save its state and exit, and killed if it does not.
  // Returns the command's report instead when it came in just before the stop.
  private async endStep(seq: number, answered: Promise<Outcome>, sinceTicks: number): Promise<Outcome | undefined> {
    const pid = this.shell.pid;
    if (pid === undefined) return undefined;
    signal(pid, 'SIGSTOP');
    // A report already on its way is read first: the command ended by itself.
    const late = await reportBeforeStop(pid, answered);
    if (late) {
      signal(pid, 'SIGCONT');
      return late;
    }
    const targets = stepProcesses(pid, { seq, sinceTicks, lastBackground: this.lastBackground }, this.options.token, processTable());
    signal(pid, 'SIGUSR1');
    await killTree(targets, this.options.killGraceMs ?? 1000);
    signal(pid, 'SIGCONT');
    if (!(await this.exitsWithin(this.options.stuckGraceMs ?? 1500))) {
      // The page replaced the runner's SIGUSR1 trap, or the shell is stuck: SIGTERM runs its exit trap, which saves the
      // state if it can in the grace (longer once it says it is saving); then killed, it keeps the last saved state.
      // The shell alone: the command's processes are gone, what is left below it is earlier steps' (`port-forward &`).
      signal(pid, 'SIGTERM');
      signal(pid, 'SIGCONT');
      if (!(await this.exitsWithin(500))) signal(pid, 'SIGKILL');
      await within(this.exited(), 2000);
    }
    // What the command started while it was being ended (marked with its number) goes too.
    const late2 = processesWithEnv([`${RUN_TOKEN_VAR}=${this.options.token}`, `${STEP_VAR}=${seq}`]).filter(isAlive);
    if (late2.length > 0) await killTree(late2, 200);
    return undefined;
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

  // The whole save a shell ended between commands made of the state it held, in whichever state file it named last.
  private heldSave(ctlDir: string): { file: string; seq: number } | undefined {
    for (const file of [join(ctlDir, 'state.0'), join(ctlDir, 'state.1')]) {
      if (this.holds > 0 && savedCommand(file) === this.holds) return { file, seq: this.holds };
    }
    return undefined;
  }

  // The shell's exit code once it has exited.
  private exited(): Promise<number | undefined> {
    const shell = this.shell;
    if (shell.exitCode !== null) return Promise.resolve(shell.exitCode);
    if (shell.signalCode !== null) return Promise.resolve(-1);
    return new Promise((resolve) => shell.once('exit', (code) => resolve(code ?? -1)));
  }

  // Starts a shell in place of one that was ended or exited, with the state saved last; the processes the old one left
  // in the background (earlier steps' `kubectl port-forward &`) go on running until the page ends. Returns a note when
  // the state it restores is older than the last command's.
  private async replace(): Promise<string> {
    await within(this.exited(), 2000);
    for (const [pending, resolve] of this.pending) {
      this.pending.delete(pending);
      resolve({ kind: 'exited' });
    }
    await this.spawn();
    const lost = this.finished;
    if (lost !== undefined && (this.state === undefined || this.state.seq < lost)) {
      const why = this.unsaved === lost ? 'could not be saved' : 'was lost with it (it ended without running its exit trap)';
      return `the shell's state after command ${lost} ${why}; the new shell has ${this.state ? `the state after command ${this.state.seq}` : 'the starting state'}`;
    }
    return '';
  }

  // Kills the shell, its group, its descendants and every process with the token (the end of a page); returns the
  // processes it was not permitted to signal.
  private async killEverything(): Promise<number[]> {
    const pid = this.shell.pid;
    const exited = this.exited();
    const denied = new Set<number>();
    if (pid !== undefined) {
      const table = processTable();
      const token = `${RUN_TOKEN_VAR}=${this.options.token}`;
      killGroup(pid, 'SIGTERM');
      const targets = [pid, ...descendantsOf([pid], table), ...processesWithEnv([token], table)];
      for (const p of (await killTree([...new Set(targets)], this.options.killGraceMs ?? 1000)).denied) denied.add(p);
      killGroup(pid, 'SIGKILL');
      // A last sweep for processes that were forking while the first one ran.
      const left = processesWithEnv([token]).filter((p) => isAlive(p) && !denied.has(p));
      if (left.length > 0) for (const p of (await killTree(left, 200)).denied) denied.add(p);
    }
    await within(exited, 2000);
    return [...denied].filter(isAlive);
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

// Moves the report channel to its descriptor and defines how the state is kept. A full save (every variable and
// function) costs milliseconds with istio.io's hundreds of snippets, so it is not made after every command: the EXIT
// trap saves the state when a step exits the shell (`exit`, `set -e`), the SIGUSR1 trap when the runner ends a step,
// and after a command the shell only checks, with builtins, that both traps are still the runner's and that the state
// file can be written. A full save is still made after a command when the page replaced either trap, and at most every
// SAVE_SPACING times its own cost (for a shell that ends without its traps: `exec`, SIGKILL). The state file is written
// with `>|` (a page's `set -o noclobber` must not stop it) and ends with a line naming the command, so the runner can
// tell a whole save of this command from an older or broken file; the save's status is kept for the report (`d`: deferred).
function setupLine(traps: string, secret: string): string {
  const save = `{ declare -p; declare -f; alias -p; shopt -p; set +o; builtin printf 'cd -- %q\\n${STATE_END}%s\\n' "$PWD" "$2"; } >|"$1" && __istio_doctest_t=0 || __istio_doctest_t=$?`;
  const guarded = `{ builtin trap -p EXIT USR1 >&3; builtin printf '\\0' >&3; IFS= builtin read -r -d '' __istio_doctest_p <&3; } 3<>${shellQuote(traps)} && [[ $__istio_doctest_p == "$__istio_doctest_w" ]]`;
  const after = [
    'local now=${EPOCHREALTIME-}; now=${now//[!0-9]/}',
    `if (( now < \${__istio_doctest_due:-0} )) && __istio_doctest_guarded; then : >>"$__istio_doctest_f" && __istio_doctest_t=d || __istio_doctest_t=$?`,
    `else __istio_doctest_save "$__istio_doctest_f" "$__istio_doctest_n"; local end=\${EPOCHREALTIME-}; end=\${end//[!0-9]/}; __istio_doctest_due=$(( end + ${SAVE_SPACING} * (end - now) )); fi`,
  ].join('; ');
  // The exit and abort traps first say they are saving, so the runner waits for a slow save instead of killing it.
  const saying = `builtin printf '\\036%s %s saving\\n' ${secret} "\${__istio_doctest_n-}" >&${CONTROL_FD}`;
  const onExit = `[[ -n \${__istio_doctest_e-} ]] || { ${saying}; __istio_doctest_save "\${__istio_doctest_f-}" "\${__istio_doctest_n-}"; }`;
  const onAbort = `${saying}; __istio_doctest_save "\${__istio_doctest_f-}" "\${__istio_doctest_n-}"; __istio_doctest_e=1; exit ${ABORT_SAVED}`;
  return (
    `exec ${CONTROL_FD}>&1 >/dev/null </dev/null; __istio_doctest_e= __istio_doctest_due=0; ` +
    `__istio_doctest_save() { ${save}; }; __istio_doctest_guarded() { ${guarded}; }; __istio_doctest_after() { ${after}; }; ` +
    `__istio_doctest_exit() { ${onExit}; }; __istio_doctest_abort() { ${onAbort}; }; ` +
    `trap '{ __istio_doctest_exit; } 2>/dev/null' EXIT; trap '{ __istio_doctest_abort; } 2>/dev/null' USR1; ` +
    `__istio_doctest_w=; { __istio_doctest_guarded || :; __istio_doctest_w=$__istio_doctest_p; } 2>/dev/null; `
  );
}

/** The shell's report channel as read so far: a partial line, and whether the shell said it is saving its state. */
interface Reader {
  buffer: string;
  saving: boolean;
  /** Whether the runner already waited longer for this shell's save. */
  extended?: boolean;
}

/** The last line of a whole state file, before the number of the command it was saved after (or during). */
const STATE_END = '# istio-doctest: the state of command ';

// The number of the command a whole state file was saved after (or during), or undefined for a broken or missing file.
function savedCommand(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  const at = text.lastIndexOf(`\n${STATE_END}`);
  const tail = at < 0 ? '' : text.slice(at + STATE_END.length + 1);
  return /^\d+\n$/.test(tail) ? Number(tail.slice(0, -1)) : undefined;
}

/** How to tell a command's processes from earlier ones': its number, the clock tick it started in, the highest `$!` before it. */
export interface StepMarks {
  seq: number;
  sinceTicks: number;
  lastBackground: number;
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

// The report of a command that the shell wrote before it stopped, if any: once the shell is seen stopped, all it wrote
// is in the pipe, and read after the event loop has polled it twice. No fixed wait (was 20 ms): a loaded machine may
// not schedule the runner for longer than any, and a finished command would then be ended and its shell replaced.
async function reportBeforeStop(pid: number, answered: Promise<Outcome>): Promise<Outcome | undefined> {
  const deadline = Date.now() + STOP_WAIT_MS;
  while (!isStopped(pid) && Date.now() < deadline) await sleep(1);
  await pollTurns();
  return within(answered, 0);
}

// Two turns of the event loop, each with its poll for input: what the shell had written to its pipe is then read.
async function pollTurns(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
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

// Turns what happened into the flat result record.
function result(outcome: Outcome, base: { output: string; droppedBytes: number; durationMs: number; restarted: boolean; stateSaved: boolean }, timeoutMs: number, note: string): CommandResult {
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
