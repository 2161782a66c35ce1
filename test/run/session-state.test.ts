// The shell's state (variables, functions, options, directory) is saved when the shell must be replaced, not after
// every command: by its exit trap when a step ends it (`exit`, `set -e`), by its SIGUSR1 trap when the runner ends a
// step, after every command when the page replaced either trap, and now and then for a shell that ends without them.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../../src/shell/session.js';
import { makeWorkdir, removeWorkdir, type Workdir } from '../../src/shell/workdir.js';

let dir: Workdir;
let session: Session;

beforeEach(async () => {
  dir = makeWorkdir();
  session = await Session.start({ cwd: dir.work, ctlDir: dir.ctl, token: randomBytes(8).toString('hex'), killGraceMs: 500, stuckGraceMs: 1500 });
});

afterEach(async () => {
  await session.close();
  removeWorkdir(dir);
});

const run = (command: string, timeoutMs = 10000) => session.run(command, { timeoutMs });
// istio.io's snips.sh: a function and an `_out` variable per snippet, hundreds of them, so that a full save is slow.
const snips = (count: number) =>
  Array.from({ length: count }, (_, i) => `snip_step_${i}() {\nkubectl get pods -n istio-system -l app=istiod-${i}\n}\n\n! IFS=$'\\n' read -r -d '' snip_step_${i}_out <<\\ENDSNIP\nNAME READY STATUS\nistiod-${i} 1/1 Running\nENDSNIP\n`).join('\n');

describe('a step that ends the shell', () => {
  test('keeps the variables it set before it exited, and those of earlier steps', async () => {
    await run('export SOURCE_POD=curl-1');
    const exited = await run('export GATEWAY_URL=10.96.0.1:80; cd /tmp; exit 3');
    expect(exited).toMatchObject({ exitCode: 3, restarted: true, stateSaved: true });
    expect(exited.message).toBe('the command ended the shell (exit code 3); a new one goes on with the state it had');
    expect((await run('echo "$SOURCE_POD $GATEWAY_URL $PWD"')).output).toBe('curl-1 10.96.0.1:80 /tmp\n');
  });

  test('under `set -e` (istio.io scripts run with it) keeps what the failing step set before it failed', async () => {
    await run(snips(300));
    await run('set -e; export INGRESS_HOST=172.18.0.2');
    const failed = await run('export SECURE_INGRESS_PORT=443; false; echo never');
    expect(failed).toMatchObject({ exitCode: 1, restarted: true, stateSaved: true, output: '' });
    const next = await run('echo "$INGRESS_HOST:$SECURE_INGRESS_PORT"; snip_step_299_out=${snip_step_299_out%%$\'\\n\'*}; echo "$snip_step_299_out"; type -t snip_step_299; [[ $- == *e* ]] && echo errexit');
    expect(next.output).toBe('172.18.0.2:443\nNAME READY STATUS\nfunction\nerrexit\n');
  });

  test('with `exec` (no exit trap runs) goes on with the state saved last, and says which when it is older', async () => {
    await run(snips(300));
    await run('export FIRST=1');
    await run('export SECOND=1');
    const replaced = await run('export THIRD=1; exec true');
    expect(replaced).toMatchObject({ exitCode: 0, restarted: true, stateSaved: false });
    const after = (await run('echo "${SECOND:-lost} ${THIRD:-lost}"')).output;
    // The state after the step before `exec` was either saved (a periodic save) or lost with the shell, and then said so.
    if (after === '1 lost\n') expect(replaced.message).toBe('the command ended the shell (exit code 0); a new one goes on with the state saved before it');
    else expect(replaced.message).toMatch(/^the command ended the shell \(exit code 0\); a new one goes on with the state saved before it; the shell's state after command \d+ was lost with it \(it ended without running its exit trap\); the new shell has (the state after command \d+|the starting state)$/);
    expect(after).toMatch(/ lost\n$/);
  });
});

describe('a page that sets its own traps', () => {
  test('still gets its variables back after its own EXIT trap ran instead of the runner\'s', async () => {
    await run(snips(300));
    const trapped = await run('trap \'echo "page cleanup" >> trap-ran\' EXIT');
    expect(trapped.stateSaved).toBe(true);
    await run('export NAMESPACE=istio-io-egress');
    await run('export HOST=httpbin.org');
    const exited = await run('exit 5');
    expect(exited).toMatchObject({ exitCode: 5, restarted: true });
    expect(exited.message).toBe('the command ended the shell (exit code 5); a new one goes on with the state saved before it');
    expect(readFileSync(join(dir.work, 'trap-ran'), 'utf8')).toBe('page cleanup\n');
    expect((await run('echo "$NAMESPACE $HOST"')).output).toBe('istio-io-egress httpbin.org\n');
  });

  test('still gets its variables back after a time-out, and its own EXIT trap runs as the shell ends', async () => {
    await run(snips(300));
    await run('trap \'echo "page cleanup" >> trap-ran\' EXIT; export NAMESPACE=foo');
    const hung = await run('export SET_IN_HUNG_STEP=yes; sleep 1000', 400);
    expect(hung).toMatchObject({ timedOut: true, restarted: true, stateSaved: true });
    expect((await run('echo "$NAMESPACE ${SET_IN_HUNG_STEP:-lost}"')).output).toBe('foo yes\n');
    expect(existsSync(join(dir.work, 'trap-ran'))).toBe(true);
  });

  test('that replaced the SIGUSR1 trap: a stuck step is ended with SIGTERM, whose exit trap saves the state', async () => {
    await run(snips(300));
    await run("trap '' USR1; export BEFORE=1");
    const stuck = await run('export DURING=1; while :; do :; done', 400);
    expect(stuck).toMatchObject({ timedOut: true, restarted: true, stateSaved: true });
    expect((await run('echo "$BEFORE ${DURING:-lost}"')).output).toBe('1 1\n');
  });

  test('that ignores SIGUSR1 and SIGTERM: a stuck step is killed and the shell has the state after the step before', async () => {
    await run(snips(300));
    await run("trap '' USR1 TERM; export BEFORE=1");
    await run('export JUST_BEFORE=1');
    const stuck = await run('export DURING=1; while :; do :; done', 400);
    expect(stuck).toMatchObject({ timedOut: true, restarted: true, stateSaved: false });
    expect(stuck.message).toBe('timed out after 400ms');
    expect((await run('echo "$BEFORE $JUST_BEFORE ${DURING:-lost}"')).output).toBe('1 1 lost\n');
  });
});

describe('a step ended before the shell read it', () => {
  test('leaves the shell with the state after the step before (the shell saved that one, under the earlier number)', async () => {
    await run(snips(300));
    await run('export CREATED_IN=interrupt-demo');
    const controller = new AbortController();
    // The shell is stopped before the line is sent (a loaded machine that has not scheduled it yet), then ended.
    process.kill(session.pid, 'SIGSTOP');
    const ended = session.run('sleep 1000', { timeoutMs: 10000, signal: controller.signal });
    controller.abort();
    expect(await ended).toMatchObject({ interrupted: true, restarted: true, stateSaved: true });
    expect((await run('echo "${CREATED_IN:-lost}"')).output).toBe('interrupt-demo\n');
  });
});

// The kernel function a process sleeps in (`wait_for_partner`: opening a FIFO nobody reads), '' when unknown.
const wchan = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8');
  } catch {
    return '';
  }
};
// Reads a FIFO to its end without waiting for a writer (none left: nothing), holding this whole process meanwhile.
const drain = (fifo: string) => {
  const fd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(65536);
  try {
    for (;;) {
      try {
        const n = readSync(fd, buffer);
        if (n === 0) break;
        chunks.push(Buffer.from(buffer.subarray(0, n)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks);
};

describe('a shell still saving its state when its grace ends', () => {
  test('is waited for (it said it is saving), so the ended step\'s variables are kept', async () => {
    await run('export BEFORE=1');
    // A slow disk, as a loaded machine can be: the step points the shell's state file at a FIFO nobody reads yet, so
    // the shell's save, once it has said it is saving, waits there; the test is the disk, and later writes the file.
    const ended = run('export DURING=1; echo "$__istio_doctest_f" > state-path; mkfifo slow-disk; __istio_doctest_f=$PWD/slow-disk; sleep 1000', 400);
    const shell = session.pid;
    const deadline = Date.now() + 30000;
    while (!wchan(shell).includes('wait_for_partner') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wchan(shell)).toContain('wait_for_partner');
    // Longer than the grace (1.5 s) and the SIGTERM's (0.5 s) that ended such a save before.
    await new Promise((resolve) => setTimeout(resolve, 1500 + 500 + 1000));
    const saved = drain(join(dir.work, 'slow-disk'));
    writeFileSync(readFileSync(join(dir.work, 'state-path'), 'utf8').trim(), saved);
    expect(await ended).toMatchObject({ timedOut: true, restarted: true, stateSaved: true });
    expect((await run('echo "$BEFORE ${DURING:-lost}"')).output).toBe('1 1\n');
  });
});
