// Runs a child `jest` on doc pages through istio-doctest's Jest runner (the compiled one in dist/), on the fake cluster.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { ROOT } from '../run/harness.js';

export const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
export const FIXTURES = join(ROOT, 'fixtures', 'jest');

export interface JestRun {
  code: number | undefined;
  stdout: string;
  stderr: string;
  /** Jest's `--json` report. */
  report: { testResults: { name: string; status: string; message: string; assertionResults: { title: string; fullName: string; ancestorTitles: string[]; status: string; failureMessages: string[] }[] }[]; numTotalTests: number };
}

/** A Jest project config for the fixture pages, written to `dir`; `runner` defaults to the package's export name. */
export function fixtureConfig(dir: string, doctest: Record<string, unknown>, runner = 'istio-doctest/jest-runner', roots = [FIXTURES], testMatch = ['**/index.md']): string {
  // The package as another repository installs it, so the runner is found by its published name.
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'istio-doctest'));
  const config = {
    rootDir: dir,
    roots,
    testMatch,
    // `sh` too: Jest only finds test files whose extension is a module extension (folder tests are `test.sh`).
    moduleFileExtensions: ['md', 'sh', 'js'],
    runner,
    transform: {},
    cacheDirectory: join(dir, 'cache'),
    globals: { doctest },
  };
  const file = join(dir, 'jest.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Starts jest without waiting, for tests that signal it. */
export function spawnJest(args: string[], env: Record<string, string>) {
  return execa('node', [JEST, '--ci', ...args], { cwd: ROOT, env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, extendEnv: true, reject: false, timeout: 120000, stdin: 'ignore' });
}

/** Runs jest to its end from the project's folder (so pages are named `fixtures/jest/...`), its report written in `reportDir`. */
export async function runJest(args: string[], env: Record<string, string>, reportDir: string, timeoutMs = 150000): Promise<JestRun> {
  const out = join(reportDir, `report-${Date.now()}.json`);
  const result = await execa('node', [JEST, '--ci', '--json', '--outputFile', out, ...args], { cwd: ROOT, env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, extendEnv: true, reject: false, timeout: timeoutMs, stdin: 'ignore' });
  let report: JestRun['report'] = { testResults: [], numTotalTests: 0 };
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    // No report: the run died before writing it; the assertions on stdout/stderr say why.
  }
  return { code: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr), report };
}

/** The tests of one page (by its folder name) as `status title` lines. */
/** `status title` of the tests of the test file whose path ends with `end`, or one line saying there is none. */
export function testsOfFile(run: JestRun, end: string): string[] {
  const file = run.report.testResults.find((r) => r.name.endsWith(end));
  return file ? file.assertionResults.map((a) => `${a.status} ${a.title}`) : [`no test file ${end}`];
}

export function testsOf(run: JestRun, folder: string): string[] {
  const file = run.report.testResults.find((r) => r.name.includes(`/${folder}/index.md`));
  return file ? file.assertionResults.map((a) => `${a.status} ${a.title}`) : [];
}
