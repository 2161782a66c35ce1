// The package as a user gets it: `npm pack` of the checkout, installed into an empty project with
// `npm install --ignore-scripts` (no build at install time: the tarball carries dist/), then the CLI and the Jest
// runner used from that install, never from the checkout.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ensureBuilt, fakeCluster, ROOT, SEED } from './run/harness.js';
import { JEST } from './jest/harness.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

describe('the published package', () => {
  let work: string;
  let project: string;
  let files: string[];
  beforeAll(async () => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'doctest-package-'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
    files = packed[0].files.map((f) => f.path);
    project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'docs-site', version: '1.0.0', private: true }));
    const install = await execa('npm', ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed[0].filename)], { cwd: project, reject: false });
    if (install.exitCode !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  }, 300000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('holds the CLI, the built code, README, LICENSE and CHANGELOG, and no benchmarks, sources, tests or fixtures', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'README.md', 'package.json', 'bin/istio-doctest.js', 'dist/cli.js', 'dist/jest/jest-runner.cjs']));
    expect(files.filter((f) => /^(dist\/bench|src|test|fixtures|content|\.ci|\.github)\//.test(f) || f.endsWith('.test.js'))).toEqual([]);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toContain('Apache License');
  });

  test('is publishable: not private, licensed, and its CHANGELOG has a section for its version', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', pkg.name, 'package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe('Apache-2.0');
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')} `, 'm'));
  });

  test('the code, the lockfile and the action name the package\'s version', () => {
    expect(readFileSync(join(ROOT, 'src/config/version.ts'), 'utf8')).toContain(`export const VERSION = '${pkg.version}';`);
    expect(JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).version).toBe(pkg.version);
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    expect(action).toMatch(new RegExp(`\\n  version:\\n(?:    .*\\n)*?    default: ${pkg.version.replace(/\./g, '\\.')}\\n`));
  });

  test('npx istio-doctest check works from the install, on the seed pages', async () => {
    const result = await execa('npx', ['--no-install', 'istio-doctest', 'check', '--no-drift', join(ROOT, SEED('es')), join(ROOT, SEED('zh'))], { cwd: project, reject: false });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^2 pages, \d+ blocks, \d+ commands: 0 errors, 0 warnings$/m);
    expect(result.exitCode).toBe(0);
  }, 60000);

  test('the Jest runner of the install runs a page, step by step, on the fake cluster', async () => {
    const cluster = fakeCluster();
    mkdirSync(join(project, 'content/en/docs/pass'), { recursive: true });
    cpSync(join(ROOT, 'fixtures/jest/pass/index.md'), join(project, 'content/en/docs/pass/index.md'));
    writeFileSync(join(project, 'jest.config.json'), JSON.stringify({
      rootDir: project,
      testMatch: ['**/content/**/index.md'],
      moduleFileExtensions: ['md', 'js'],
      runner: 'istio-doctest/jest-runner',
      transform: {},
      cacheDirectory: join(project, '.jest-cache'),
      globals: { doctest: { retryTimeout: '2s' } },
    }));
    const out = join(work, 'jest.json');
    const run = await execa('node', [JEST, '--ci', '--config', join(project, 'jest.config.json'), '--json', '--outputFile', out], { cwd: project, env: cluster.env, extendEnv: true, reject: false });
    const report = JSON.parse(readFileSync(out, 'utf8')) as { testResults: { name: string; assertionResults: { status: string; title: string }[] }[] };
    expect(report.testResults.map((r) => r.name)).toEqual([join(project, 'content/en/docs/pass/index.md')]);
    expect(report.testResults[0].assertionResults.map((a) => `${a.status} ${a.title.split(':')[0]}`)).toEqual([
      'passed 10 snip_greet_1', 'passed 15 snip_greet_2', 'passed 20 snip_greet_3', 'passed 26 snip_cleanup_1',
    ]);
    expect(run.exitCode).toBe(0);
    // The runner Jest loaded is the installed copy, not the checkout.
    expect(require.resolve('istio-doctest/jest-runner', { paths: [project] })).toBe(join(project, 'node_modules/istio-doctest/dist/jest/jest-runner.cjs'));
  }, 120000);
});
