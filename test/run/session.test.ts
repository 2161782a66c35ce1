// The page's bash session: state carries from step to step, output is one ordered stream, time-outs kill what a
// step started, and nothing of the page outlives close().
import { randomBytes } from 'node:crypto';
import { isAlive, processesWithEnv } from '../../src/shell/proc.js';
import { RUN_TOKEN_VAR, Session } from '../../src/shell/session.js';
import { makeWorkdir, removeWorkdir, type Workdir } from '../../src/shell/workdir.js';
import { ISTIO_DIR } from './harness.js';

let dir: Workdir;
let session: Session;
let token: string;

beforeEach(async () => {
  dir = makeWorkdir(ISTIO_DIR);
  token = randomBytes(8).toString('hex');
  session = await Session.start({ cwd: dir.work, ctlDir: dir.ctl, token, killGraceMs: 500, stuckGraceMs: 800 });
});

afterEach(async () => {
  await session.close();
  removeWorkdir(dir);
});

const run = (command: string, timeoutMs = 10000) => session.run(command, { timeoutMs });
// Processes of the page besides its shell.
const tokenProcesses = () => processesWithEnv([`${RUN_TOKEN_VAR}=${token}`]).filter((pid) => isAlive(pid) && pid !== session.pid);

describe('a page session', () => {
  test('exported variables, plain variables, functions and the directory carry over to later steps', async () => {
    await run('export SOURCE_POD=curl-5b549b49b8-mn2ql\nNAMESPACE=without-istio\ngreet() { echo "pod $SOURCE_POD in $NAMESPACE"; }');
    await run('cd samples/curl');
    const later = await run('greet; pwd; ls; bash -c \'echo "child sees ${SOURCE_POD:-nothing} and ${NAMESPACE:-nothing}"\'');
    expect(later.output).toBe(`pod curl-5b549b49b8-mn2ql in without-istio\n${dir.work}/samples/curl\ncurl.yaml\nchild sees curl-5b549b49b8-mn2ql and nothing\n`);
    expect(later.exitCode).toBe(0);
  });

  test('standard output and standard error come back as one stream, in the order they were written', async () => {
    const result = await run('echo "* Trying 10.96.0.12:443..." >&2; echo "<title>Wikipedia</title>"; echo "* Connected" >&2; printf "done"');
    expect(result.output).toBe('* Trying 10.96.0.12:443...\n<title>Wikipedia</title>\n* Connected\ndone');
  });

  test('the exit code is the status of the last pipeline, with pipefail on', async () => {
    expect((await run('true')).exitCode).toBe(0);
    expect((await run('(exit 7)')).exitCode).toBe(7);
    const pipeline = await run('kubectl-that-does-not-exist get pods | cat');
    expect(pipeline.exitCode).toBe(127);
    expect(pipeline.message).toBe('exit code 127');
    expect(pipeline.output).toMatch(/kubectl-that-does-not-exist: command not found/);
  });

  test('a heredoc in the command is fed to its command, and the step itself reads from /dev/null', async () => {
    const heredoc = await run('cat <<EOF\nkind: Service\nmetadata:\n  name: my-httpbin\nEOF');
    expect(heredoc.output).toBe('kind: Service\nmetadata:\n  name: my-httpbin\n');
    const read = await run('read -r line; echo "read returned $? with \'$line\'"');
    expect(read.output).toBe("read returned 1 with ''\n");
  });

  test('every process of the page carries the run token, so none can hide from the final sweep', async () => {
    const result = await run('echo "$ISTIO_DOCTEST_RUN"; cat /proc/self/environ | tr "\\0" "\\n" | grep -c "^ISTIO_DOCTEST_STEP="');
    expect(result.output).toBe(`${token}\n1\n`);
  });

  test('a step that times out is ended with its children, and the session goes on with its state', async () => {
    await run('export KEPT=yes');
    const hung = await run('(sleep 1001; echo never) | cat; sleep 1002', 300);
    expect(hung).toMatchObject({ timedOut: true, message: 'timed out after 300ms' });
    expect(hung.output).not.toContain('never');
    expect(tokenProcesses()).toEqual([]);
    const next = await run('echo "$KEPT"');
    expect(next.output).toBe('yes\n');
  });

  test('a shell stuck in a loop of builtins is replaced by one restored from the state after the last finished step', async () => {
    await run('export SOURCE_POD=curl-1\nlocal_var=kept\ncheck() { echo "$SOURCE_POD $local_var $(basename "$PWD")"; }\ncd samples');
    const stuck = await run('while :; do :; done', 300);
    expect(stuck).toMatchObject({ timedOut: true, restarted: true });
    const after = await run('check');
    expect(after.output).toBe('curl-1 kept samples\n');
  });

  test('a step that exits the shell is reported with its exit code, and later steps still have the variables', async () => {
    await run('export SOURCE_POD=curl-2');
    const exited = await run('exit 3');
    expect(exited).toMatchObject({ exitCode: 3, restarted: true, timedOut: false });
    expect((await run('echo "$SOURCE_POD"')).output).toBe('curl-2\n');
  });

  test('an aborted step (SIGINT) is ended like a timed-out one and reported as interrupted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await session.run('sleep 1003', { timeoutMs: 10000, signal: controller.signal });
    expect(result).toMatchObject({ interrupted: true, timedOut: false, message: 'interrupted' });
    expect(tokenProcesses()).toEqual([]);
  });

  test('a process left in the background outlives its step but not the page', async () => {
    await run('sleep 1000 & echo $! > background.pid');
    const pid = Number((await run('cat background.pid')).output);
    await run('echo a later step');
    expect(isAlive(pid)).toBe(true);
    await run('setsid sleep 1004 &');
    await session.close();
    expect(isAlive(pid)).toBe(false);
    expect(tokenProcesses()).toEqual([]);
  });
});
