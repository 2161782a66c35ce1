// Which sections are cleanup, through the real CLI: a section whose heading merely names a removal (the canary
// upgrade page's "Uninstall old control plane", whose last step is the page's real check) is part of the test, so
// its failing check fails the page; a "Cleanup" section's failure stays a warning.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, runCli } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const fence = (body: string) => `{{< text bash >}}\n${body}\n{{< /text >}}\n\n`;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A canary-upgrade-like page: the old control plane is uninstalled, then its check finds the old istiod still there.
const canary =
  `---\ntitle: Canary upgrade\ntest: yes\n---\n\n## Control plane\n\n` +
  fence('$ echo "istiod-canary istiod-1-24"\nistiod-canary istiod-1-24') +
  `## Uninstall old control plane\n\n` +
  fence('$ echo "istiod-canary istiod-1-24"\nistiod-canary') +
  `## Cleanup\n\n` +
  fence('$ echo removed\nremoved and more');

async function run(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-cleanup-sections-'));
  dirs.push(dir);
  const file = join(dir, 'content/en/docs/canary/index.md');
  mkdirSync(join(dir, 'content/en/docs/canary'), { recursive: true });
  writeFileSync(file, text);
  const cluster = fakeCluster();
  const json = join(cluster.dir, 'events.jsonl');
  const result = await runCli(['run', '--keep-going', '--retry-timeout', '0', '--json', json, file], cluster.env);
  return { ...result, steps: readEvents(json).filter((e) => e.type === 'step') };
}

describe('cleanup sections are the headings that are cleanup', () => {
  test('"Uninstall old control plane" before other sections is a step of the test: its failing check fails the page', async () => {
    const { code, steps, stdout } = await run(canary);
    expect(steps.map((s) => [s.line, s.status, Boolean(s.cleanup)])).toEqual([
      [9, 'passed', false],
      [16, 'failed', false],
      [23, 'failed', true],
    ]);
    expect(stdout).toMatch(/1 failed/);
    expect(code).toBe(1);
  });

  test('the same heading as the page\'s last section is its cleanup: a failure there is a warning', async () => {
    const { code, steps } = await run(canary.slice(0, canary.indexOf('## Cleanup')));
    expect(steps.map((s) => [s.line, s.status, Boolean(s.cleanup)])).toEqual([
      [9, 'passed', false],
      [16, 'failed', true],
    ]);
    expect(code).toBe(0);
  });
});
