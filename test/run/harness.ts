// Shared by the runner's integration tests: a current dist/, a fresh fake cluster per test, and the real CLI
// (`node bin/istio-doctest.js run ...`) spawned with the fake's kubectl first on PATH.
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';

export const ROOT = resolve(__dirname, '..', '..');
export const FAKE_BIN = join(ROOT, 'fixtures', 'fake-cluster', 'bin');
export const ISTIO_DIR = join(ROOT, 'fixtures', 'istio');
export const SEED = (lang: string) => `content/${lang}/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md`;

// Whether dist/ is missing or older than a source: the global setup's own check (test/build-dist.cjs).
const { isStale } = require('../build-dist.cjs') as { isStale: () => boolean };

// Builds dist/ when a source is newer than it, once across parallel jest workers (a lock folder serialises them).
export function ensureBuilt(): void {
  const lock = join(tmpdir(), `istio-doctest-build-${ROOT.replace(/\W/g, '_')}.lock`);
  const stale = isStale;
  if (!stale()) return;
  const deadline = Date.now() + 120000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      execFileSync('sleep', ['0.2']);
    }
  }
  try {
    // tsc writes the JavaScript even when it reports type errors (which `npm run typecheck` is there to catch).
    if (stale()) execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw error;
  } finally {
    rmdirSync(lock);
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export interface FakeCluster {
  dir: string;
  env: Record<string, string>;
  /** What is left in the fake cluster besides its built-in objects, one `Kind ns/name` per line; '' when empty. */
  leftovers(): string;
  /** Whether any command touched the cluster (its state folder exists). */
  touched(): boolean;
}

// A fresh fake cluster whose kubeconfig names the given current context.
export function fakeCluster(options: { context?: string; readySeconds?: number } = {}): FakeCluster {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-run-test-'));
  dirs.push(dir);
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  const context = options.context ?? 'kind-doctest';
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\ncurrent-context: ${context}\nclusters:\n- name: test\n  cluster: {server: 'https://127.0.0.1:6443'}\n` +
      `contexts:\n- name: ${context}\n  context: {cluster: test, user: test}\nusers:\n- name: test\n  user: {}\n`,
  );
  const marks = join(dir, 'marks');
  mkdirSync(marks);
  const env: Record<string, string> = {
    PATH: `${FAKE_BIN}:${process.env.PATH}`,
    FAKE_CLUSTER_STATE: join(dir, 'state'),
    FAKE_READY_SECONDS: String(options.readySeconds ?? 0),
    KUBECONFIG: kubeconfig,
    DOCTEST_MARKS: marks,
    GITHUB_ACTIONS: '',
    ISTIO_DIR: '',
    NO_COLOR: '1',
  };
  return {
    dir,
    env,
    leftovers: () => execFileSync(join(FAKE_BIN, 'fake-cluster-state'), { env: { ...process.env, ...env }, encoding: 'utf8' }),
    touched: () => existsSync(env.FAKE_CLUSTER_STATE),
  };
}

// The resident CLI of this test file (test/cli-server.mjs), started on the first call, and what it wrote so far.
let server: { child: ChildProcess; stdout: string; stderr: string } | undefined;
let calls = 0;
afterAll(() => {
  if (server?.child.connected) server.child.disconnect();
  server = undefined;
});

// The resident CLI, started when there is none (or the last one ended).
function residentCli() {
  if (server && server.child.connected) return server;
  const child = fork(join(ROOT, 'test', 'cli-server.mjs'), [], { cwd: ROOT, execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const started = { child, stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (started.stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (started.stderr += text));
  server = started;
  return started;
}

// Runs the CLI to its end (its main(), as `node bin/istio-doctest.js ARGS...` runs it) in the resident CLI of this test
// file, with `env` over this process's environment, from the project's folder: its exit code and what it and the
// programs it started wrote, without the last newline (as execa gives a spawned CLI's output; unless told otherwise).
// Node's start-up and the loading of dist/ are paid once per file, not per call. Calls run one at a time (a file's
// tests run in order). What only a process of its own shows (signals, its exit status, start-up) is tested through
// spawnCli and runCliProcess.
export async function runCli(args: string[], env: Record<string, string>, timeoutMs = 90000, options: { stripFinalNewline?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const strip = (text: string) => (options.stripFinalNewline === false ? text : text.replace(/\r?\n$/, ''));
  const resident = residentCli();
  const { child } = resident;
  const end = `\0istio-doctest-call-end-${++calls}\0`;
  resident.stdout = '';
  resident.stderr = '';
  return new Promise((resolve, reject) => {
    let code: number | undefined;
    const finish = () => {
      clearTimeout(timer);
      child.removeListener('message', onMessage);
      child.removeListener('exit', onExit);
      child.stdout!.removeListener('data', check);
      child.stderr!.removeListener('data', check);
    };
    // The call is over once its exit code and both its end marks are in.
    const check = () => {
      if (code === undefined || !resident.stdout.includes(end) || !resident.stderr.includes(end)) return;
      finish();
      const stdout = resident.stdout.slice(0, resident.stdout.indexOf(end));
      const stderr = resident.stderr.slice(0, resident.stderr.indexOf(end));
      resident.stdout = resident.stdout.slice(resident.stdout.indexOf(end) + end.length);
      resident.stderr = resident.stderr.slice(resident.stderr.indexOf(end) + end.length);
      resolve({ code: code!, stdout: strip(stdout), stderr: strip(stderr) });
    };
    const onMessage = (message: { code: number }) => {
      code = message.code;
      check();
    };
    const onExit = (exit: number | null, signal: string | null) => {
      if (code !== undefined) return setImmediate(check);
      finish();
      reject(new Error(`the resident CLI ended (${signal ?? exit}) during istio-doctest ${args.join(' ')}`));
    };
    // Killed as execa kills a spawned CLI after its time-out: SIGTERM, which the run answers by cleaning up.
    const timer = setTimeout(() => {
      finish();
      child.kill('SIGTERM');
      if (server?.child === child) server = undefined;
      reject(new Error(`istio-doctest ${args.join(' ')} did not end within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.send({ args, env: { ...process.env, ...env }, cwd: ROOT, end });
  });
}

// Runs the real CLI (`node bin/istio-doctest.js ...`) to its end, as a process of its own: for what only a process
// shows (its exit status as the shell sees it, start-up without dist/).
export async function runCliProcess(args: string[], env: Record<string, string>, timeoutMs = 90000) {
  const result = await execa('node', [join(ROOT, 'bin', 'istio-doctest.js'), ...args], {
    cwd: ROOT,
    env,
    extendEnv: true,
    reject: false,
    timeout: timeoutMs,
    stdin: 'ignore',
  });
  return { code: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

// Starts the real CLI without waiting, for tests that signal it.
export function spawnCli(args: string[], env: Record<string, string>) {
  return execa('node', [join(ROOT, 'bin', 'istio-doctest.js'), ...args], { cwd: ROOT, env, extendEnv: true, reject: false, stdin: 'ignore', timeout: 90000 });
}

// The JSON events written so far (complete lines only: up to the last newline, as a file being written may be seen
// cut anywhere, even just after a `}` inside a long line).
export function readEvents(file: string): Record<string, any>[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line));
}

// Polls until a condition holds (events written, a process gone), failing with the message after the time limit.
export async function waitFor(condition: () => boolean, message: string, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${message}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Whether a process started with the given environment entry (a test's DOCTEST_MARKS) runs exactly this command line:
// a page's long step has started, which no fixed wait after an earlier step's mark can promise on a loaded machine.
export function runsCommand(envEntry: string, argv: string[]): boolean {
  const wanted = `${argv.join('\0')}\0`;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1') !== wanted) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(envEntry)) return true;
    } catch {
      // Gone, or not ours to read.
    }
  }
  return false;
}
