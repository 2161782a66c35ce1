// `--summary FILE` of run, check and drift through the real CLI: a Markdown table appended to the file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR, runCli, SEED } from './harness.js';

beforeAll(() => ensureBuilt(), 120000);

describe('--summary FILE', () => {
  test('run appends a row per page with its first failure, after what the file already held', async () => {
    const cluster = fakeCluster();
    const file = join(cluster.dir, 'step-summary.md');
    writeFileSync(file, 'earlier step\n');
    const { code } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--retry-timeout', '2s', '--summary', file, 'fixtures/jest/fail', 'fixtures/jest/pass'], cluster.env);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('earlier step\n### istio-doctest run\n')).toBe(true);
    expect(text).toMatch(/^\| ❌ fixtures\/jest\/fail\/index\.md \| en \| 2 \| 1 \| 1 \| [^|]+ \| \[fixtures\/jest\/fail\/index\.md:19: line-differs: column STATUS: expected "Terminating", got "Active" \(command at line 17\)\]\(fixtures\/jest\/fail\/index\.md#L19\) snip\\_create\\_2 \|$/m);
    expect(text).toMatch(/^\| ✅ fixtures\/jest\/pass\/index\.md \| en \| 4 \| 0 \| 0 \| [^|]+ \|  \|$/m);
    expect(code).toBe(1);
    expect(cluster.leftovers()).toBe('');
  }, 120000);

  test('check and drift append their tables; links point at the commit on GitHub when run in a workflow', async () => {
    const cluster = fakeCluster();
    const file = join(cluster.dir, 'step-summary.md');
    const env = { ...cluster.env, GITHUB_REPOSITORY: 'istio/istio.io', GITHUB_SHA: 'f00d', GITHUB_SERVER_URL: 'https://github.com' };
    expect((await runCli(['check', '--quiet', '--summary', file, SEED('es'), SEED('zh')], env)).code).toBe(0);
    expect((await runCli(['drift', '--summary', file, SEED('es'), SEED('zh')], env)).code).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`| ✅ ${SEED('es')} | es | 22 | 25 | 0 | 0 |  |`);
    expect(text).toContain('### istio-doctest drift against en');
    // Columns: page, language, standing, command, output, translated, missing, extra, not-run, first finding, next steps.
    expect(text).toMatch(new RegExp(`^\\| ❌ ${SEED('es').replace(/[/.]/g, '\\$&')} \\| es \\| drifted commands \\| \\d+ \\| 2 \\| 2 \\| 0 \\| 0 \\| 0 \\| \\[${SEED('es').replace(/[/.]/g, '\\$&')}:43\\]\\(https://github\\.com/istio/istio\\.io/blob/f00d/${SEED('es').replace(/[/.]/g, '\\$&')}#L43\\)`, 'm'));
    expect(text).toContain(`| ✅ ${SEED('zh')} | zh | same | 0 | 0 | 0 | 0 | 0 | 0 |  |  |`);
  }, 60000);

  test('a file that cannot be written is one line and exit 2, after the report', async () => {
    const cluster = fakeCluster();
    const { code, stderr, stdout } = await runCli(['drift', '--summary', join(cluster.dir, 'no-such-dir', 'summary.md'), SEED('zh')], cluster.env);
    expect(stderr.trim()).toBe(`istio-doctest: --summary ${join(cluster.dir, 'no-such-dir', 'summary.md')}: cannot write it (ENOENT)`);
    expect(stdout).toContain('drift against en');
    expect(code).toBe(2);
  }, 60000);
});
