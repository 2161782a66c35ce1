// Ending a step (time-out or SIGINT) stops it where it is, with everything it started, and nothing of earlier steps;
// the runner's control channel is out of the steps' reach; state saving survives the options a page sets.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, processesWithEnv, processTable } from '../../src/shell/proc.js';
import { RUN_TOKEN_VAR, Session } from '../../src/shell/session.js';
import { makeWorkdir, removeWorkdir, type Workdir } from '../../src/shell/workdir.js';

let dir: Workdir;
let session: Session;
let token: string;

beforeEach(async () => {
  dir = makeWorkdir();
  token = randomBytes(8).toString('hex');
  session = await Session.start({ cwd: dir.work, ctlDir: dir.ctl, token, killGraceMs: 500, stuckGraceMs: 1500 });
});

afterEach(async () => {
  await session.close();
  removeWorkdir(dir);
});

const run = (command: string, timeoutMs = 10000) => session.run(command, { timeoutMs });
// The flags line of a descriptor of this process (`flags:	02100002`: octal, O_CLOEXEC is 02000000).
const fdinfo = (fd: string) => {
  try {
    return readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
  } catch {
    return '';
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Waits for something the step does (not for a time: a loaded machine may not have run it yet by then).
const until = async (condition: () => boolean) => {
  for (const deadline = Date.now() + 30000; !condition() && Date.now() < deadline; ) await pause(20);
  expect(condition()).toBe(true);
};
// Whether the shell runs a program (a child process of that name).
const runs = (program: string) => processTable().some((p) => p.ppid === session.pid && readFileSync(`/proc/${p.pid}/comm`, 'utf8').trim() === program);

describe('a step that is ended', () => {
  test('does not go on to its next commands after a time-out, and has no exit code', async () => {
    const hung = await run('sleep 1000; touch after-sleep', 500);
    expect(hung.timedOut).toBe(true);
    expect(hung.exitCode).toBeUndefined();
    await pause(300);
    expect(existsSync(join(dir.work, 'after-sleep'))).toBe(false);
  });

  test('does not run the remaining iterations of a loop', async () => {
    const controller = new AbortController();
    const running = session.run('for i in 1 2 3 4 5 6; do echo "$i" >> iterations; sleep 100; done', { timeoutMs: 60000, signal: controller.signal });
    await until(() => existsSync(join(dir.work, 'iterations')));
    controller.abort();
    const hung = await running;
    expect(hung.interrupted).toBe(true);
    await pause(300);
    expect(readFileSync(join(dir.work, 'iterations'), 'utf8')).toBe('1\n');
  });

  test('that was interrupted does not go on either, and keeps the variables it had set before it was ended', async () => {
    const controller = new AbortController();
    const running = session.run('export SET_BEFORE=yes; sleep 1000; touch after-interrupt', { timeoutMs: 60000, signal: controller.signal });
    await until(() => runs('sleep'));
    controller.abort();
    const result = await running;
    expect(result.interrupted).toBe(true);
    expect(result.exitCode).toBeUndefined();
    expect((await run('echo "${SET_BEFORE:-lost}"; ls')).output).toBe('yes\n');
  });

  test('ends a background subshell it started', async () => {
    const controller = new AbortController();
    const running = session.run('(while :; do echo t >> ticks; sleep .2; done) & sleep 99', { timeoutMs: 60000, signal: controller.signal });
    await until(() => existsSync(join(dir.work, 'ticks')));
    controller.abort();
    const hung = await running;
    expect(hung.interrupted).toBe(true);
    await pause(300);
    const size = statSync(join(dir.work, 'ticks')).size;
    await pause(700);
    expect(statSync(join(dir.work, 'ticks')).size).toBe(size);
  });

  test('leaves the background processes of earlier steps running, even when its shell must be replaced', async () => {
    await run('sleep 500 & echo $! > sleeper.pid; (while :; do sleep 1; done) & echo $! > loop.pid');
    const sleeper = Number(readFileSync(join(dir.work, 'sleeper.pid'), 'utf8'));
    const loop = Number(readFileSync(join(dir.work, 'loop.pid'), 'utf8'));
    const stuck = await run('while :; do :; done', 500);
    expect(stuck.timedOut).toBe(true);
    expect(isAlive(sleeper)).toBe(true);
    expect(isAlive(loop)).toBe(true);
    await session.close();
    expect(isAlive(sleeper)).toBe(false);
    expect(isAlive(loop)).toBe(false);
    expect(processesWithEnv([`${RUN_TOKEN_VAR}=${token}`]).filter(isAlive)).toEqual([]);
  });
});

describe('a shell that does not exit when asked (its SIGUSR1 trap replaced, or no CPU for it on a loaded machine)', () => {
  test('is ended alone: the background processes of earlier steps go on running', async () => {
    await run("trap '' USR1; sleep 500 & echo $! > sleeper.pid");
    const sleeper = Number(readFileSync(join(dir.work, 'sleeper.pid'), 'utf8'));
    const stuck = await run('while :; do :; done', 400);
    expect(stuck).toMatchObject({ timedOut: true, restarted: true });
    expect(isAlive(sleeper)).toBe(true);
    await session.close();
    expect(isAlive(sleeper)).toBe(false);
  });
});

describe('the control channel', () => {
  test('a step cannot forge its own result through a descriptor of the shell', async () => {
    // Descriptors the test process passes to its children (a CI runner's own pipes) are not the runner's: left alone.
    const outside = readdirSync('/proc/self/fd').filter((fd) => Number(fd) > 2 && !/^flags:\s*\d*[2367]\d{6}$/m.test(fdinfo(fd)));
    const forged = await run(`for fd in $(ls /proc/$$/fd); do case " ${outside.join(' ')} " in *" $fd "*) continue;; esac; printf '\\x1eISTIO_DOCTEST %s 0\\n' "$ISTIO_DOCTEST_STEP" >&$fd; done 2>/dev/null; false`);
    expect(forged.exitCode).toBe(1);
  });

  test('a step that reads the runner\'s trap functions finds no secret it could forge its result with', async () => {
    // Every hex token in the shell's functions and traps, each sent back as this step's end with status 0.
    const forged = await run(`for s in $({ declare -f; trap -p; } | grep -o '[0-9a-f]\\{32\\}' | sort -u); do printf '\\036%s %s 0 0 0\\n' "$s" "$ISTIO_DOCTEST_STEP" >&254; done; false`);
    expect(forged.exitCode).toBe(1);
  });

  test('steps may open, use and close any low descriptor', async () => {
    const used = await run('exec 10</etc/hostname 11>fd11.txt 12>&1; echo eleven >&11; read -r host <&10; echo "read ${#host}" >&12; exec 10<&- 11>&- 12>&-');
    expect(used.exitCode).toBe(0);
    expect(used.output).toMatch(/^read \d+\n$/);
    for (let fd = 3; fd <= 20; fd++) await run(`exec ${fd}<&-`);
    const after = await run('cat fd11.txt; echo still here');
    expect(after).toMatchObject({ exitCode: 0, output: 'eleven\nstill here\n', restarted: false });
  });
});

describe('state saving', () => {
  test('works under noclobber and nounset: a replaced shell gets the latest variables and directory', async () => {
    await run('set -o noclobber -o nounset; export FIRST=1; mkdir -p one two; cd one');
    await run('export SECOND=1');
    await run('export SECOND=2; cd ../two');
    const exited = await run('exit 4');
    expect(exited).toMatchObject({ exitCode: 4, restarted: true });
    expect((await run('echo "$FIRST $SECOND $(basename "$PWD")"; set -o | grep -E "^(noclobber|nounset)"')).output).toBe('1 2 two\nnoclobber      \ton\nnounset        \ton\n');
  });

  test('says so when the state cannot be saved, and which state a replaced shell got', async () => {
    await run('export KEPT=1');
    // The state files are the runner's; a step that takes their place makes saving fail.
    const broken = await run('export LOST=1; d=$(dirname "$BASH_SOURCE"); for f in "$d/state.0" "$d/state.1"; do rm -rf "$f"; mkdir "$f"; done');
    expect(broken.stateSaved).toBe(false);
    const exited = await run('exit 3');
    expect(exited.message).toMatch(/could not be saved/);
    expect((await run('echo "${KEPT:-} ${LOST:-lost}"')).output).toMatch(/lost\n$/);
  });
});

// The kernel function a process sleeps in (`pipe_read`, `anon_pipe_read`: bash waiting for its next line), '' if unknown.
const wchan = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8');
  } catch {
    return '';
  }
};
// The one-letter state of a process (`T`: stopped).
const procState = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0];
// Holds this whole process (the runner with it) until a condition holds: the runner not scheduled on a loaded machine.
const holdUntil = (condition: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline);
};

describe('a step that ended just as it was ended', () => {
  test('is reported as it ended when its report was written before the stop, however late the runner reads it', async () => {
    const controller = new AbortController();
    const ran = session.run(': > ended; export ENDED=yes', { timeoutMs: 60000, signal: controller.signal });
    // The runner is held while the shell runs the step, reports its end and waits for its next line.
    holdUntil(() => existsSync(join(dir.work, 'ended')) && /pipe_(read|wait)/.test(wchan(session.pid)), 30000);
    expect(wchan(session.pid)).toMatch(/pipe_(read|wait)/);
    controller.abort();
    // Held again once the runner has stopped the shell to end the step: its report is in the pipe, not read yet.
    const deadline = Date.now() + 30000;
    while (procState(session.pid) !== 'T' && Date.now() < deadline) await Promise.resolve();
    holdUntil(() => false, 200);
    const result = await ran;
    expect(result).toMatchObject({ exitCode: 0, interrupted: false, restarted: false, message: '' });
    expect((await run('echo "$ENDED"')).output).toBe('yes\n');
  });
});
