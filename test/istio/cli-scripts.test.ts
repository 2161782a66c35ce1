// istio.io test scripts through the real CLI, on a small site: our verification, steps at markdown lines, a snippet a
// translation lacks, calls nested in functions, --scripts modes, dry-run plans, bad scripts, and SIGINT.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relative } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli, spawnCli, waitFor } from '../run/harness.js';
import { makeScriptSite } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

let site: string;
beforeAll(() => {
  site = makeScriptSite();
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

// Paths as the CLI prints them (relative to the project, where it runs).
const page = (lang: string, name = 'demo') => relative(ROOT, join(site, 'content', lang, 'docs', name, 'index.md'));
const at = (path: string) => relative(ROOT, join(site, path));

describe('run with an istio.io test script', () => {
  test('the English page runs its test.sh: verify calls judged by our matcher at their markdown lines, nested calls reported, cleanup run', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--json', json, page('en')], { ...cluster.env, VERIFY_TIMEOUT: '2' });
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => [s.file.replace(at(''), ''), s.line, s.id, s.status])).toEqual([
      ['/content/en/docs/demo/test.sh', 4, 'test.sh:4', 'passed'],
      ['/content/en/docs/demo/index.md', 8, 'snip_greet_1', 'passed'],
      ['/content/en/docs/demo/test.sh', 6, 'test.sh:6', 'passed'],
      ['/content/en/docs/demo/test.sh', 9, 'test.sh:9', 'passed'],
      ['/content/en/docs/demo/index.md', 15, 'snip_count_1', 'passed'],
      ['/content/en/docs/demo/index.md', 15, 'snip_count_1', 'passed'],
      ['/content/en/docs/demo/index.md', 23, 'snip_cleanup_1', 'passed'],
      ['/content/en/docs/demo/test.sh', 17, 'test.sh:17', 'passed'],
    ]);
    expect(stdout).not.toContain('istio.io verify.sh was called');
    expect(readdirSync(join(cluster.dir, 'marks')).filter((f) => f.startsWith('cleaned'))).toHaveLength(1);
    expect(code).toBe(0);
  }, 120000);

  test('a translation lacking a snippet the English script calls fails that step naming the English block and `drift`', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--keep-going', '--json', json, page('uk')], { ...cluster.env, VERIFY_TIMEOUT: '1' });
    const steps = readEvents(json).filter((e) => e.type === 'step');
    const failed = steps.filter((s) => s.status === 'failed');
    // The call of check_count, the _verify_contains inside it (at the script line it is written at, the page having no
    // such block), and the top-level _verify_lines.
    expect(failed.map((s) => [s.file.replace(at(''), ''), s.line, s.id])).toEqual([
      ['/content/en/docs/demo/test.sh', 9, 'test.sh:9'],
      ['/content/en/docs/demo/test.sh', 7, 'snip_count_1'],
      ['/content/en/docs/demo/test.sh', 10, 'snip_count_1'],
    ]);
    expect(stdout).toContain(`snip_count_1 is not on this page: the translation has no block for the English one at ${page('en')}:15; run \`istio-doctest drift ${page('uk')}\``);
    expect(stdout).not.toContain('command not found\n  ');
    // The steps the translation has run at its own lines.
    expect(steps.find((s) => s.id === 'snip_greet_1')).toMatchObject({ file: page('uk'), line: 8, status: 'passed' });
    expect(steps.find((s) => s.id === 'snip_cleanup_1')).toMatchObject({ file: page('uk'), line: 15, status: 'passed', cleanup: true });
    expect(code).toBe(1);
  }, 120000);

  test('--dry-run --json writes one plan line per step with script lines and verify modes; --scripts off plans the page instead', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'plan.jsonl');
    const { code, stdout } = await runCli(['run', '--dry-run', '--json', json, page('uk')], cluster.env);
    expect(code).toBe(0);
    const lines = readFileSync(json, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[1]).toEqual({ type: 'plan', page: page('uk'), lang: 'uk', file: page('uk'), line: 8, id: 'snip_greet_1', script: at('content/en/docs/demo/test.sh'), scriptLine: 5, verify: 'same', setup: 'profile=none' });
    expect(lines.find((l) => l.scriptLine === 10)).toMatchObject({ id: 'snip_count_1', verify: 'lines', missing: expect.stringContaining(`${page('en')}:15`) });
    expect(lines.filter((l) => l.cleanup).map((l) => l.id)).toEqual(['snip_cleanup_1', 'test.sh:17']);
    expect(stdout).toContain('snip_greet_1  (test.sh:5)');
    expect(cluster.touched()).toBe(false);
    const off = await runCli(['run', '--dry-run', '--scripts', 'off', '--json', json, page('uk')], cluster.env);
    expect(off.code).toBe(0);
    const plain = readFileSync(json, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(plain.map((l) => [l.id, l.verify])).toEqual([['snip_greet_1', 'auto'], ['snip_cleanup_1', 'none']]);
    expect(plain[0].script).toBeUndefined();
  }, 120000);

  test('a script without its @cleanup separator is one positioned error, and nothing runs', async () => {
    const cluster = fakeCluster();
    const script = join(site, 'content/en/docs/slow/test.sh');
    const good = readFileSync(script, 'utf8');
    try {
      writeFileSync(script, good.replace('# @cleanup\n', ''));
      const { code, stdout, stderr } = await runCli(['run', page('en', 'slow')], cluster.env);
      expect(stderr).toContain(`${at('content/en/docs/slow/test.sh')}:1:1 error a test script needs exactly one '# @cleanup' line separating the test from its cleanup; found none [script-cleanup-separator]`);
      expect(stdout).toBe('');
      expect(code).toBe(2);
    } finally {
      writeFileSync(script, good);
    }
  }, 60000);

  test('--scripts only skips pages without a script; a bad --scripts value is a usage error', async () => {
    const cluster = fakeCluster();
    const bad = await runCli(['run', '--scripts', 'sometimes', page('en')], cluster.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--scripts: expected one of auto, only, off, got 'sometimes'");
    const uk = join(site, 'content/uk');
    const only = await runCli(['run', '--dry-run', '--scripts', 'only', '--reference', 'none', uk], cluster.env);
    expect(only.stdout).toContain(`skipped ${page('uk')}: no test script (--scripts only)`);
    const other = await runCli(['run', '--dry-run', '--setup', 'only=profile=default', page('en')], cluster.env);
    expect(other.stdout).toContain(`skipped ${page('en')}: setup profile=none, not profile=default (--setup only=profile=default)`);
    expect(other.stdout).toMatch(/0 pages would run, 0 steps; nothing was run/);
  }, 60000);

  test('SIGINT during a script stops it and runs its cleanup part', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const child = spawnCli(['run', '--json', json, page('en', 'slow')], cluster.env);
    await waitFor(() => readEvents(json).some((e) => e.type === 'step-start' && e.command === 'sleep 60'), 'the sleep step to start');
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(existsSync(join(cluster.dir, 'marks', 'slow-cleaned'))).toBe(true);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => s.status)).toEqual(['passed', 'passed', 'interrupted', 'passed']);
  }, 120000);
});
