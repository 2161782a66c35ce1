// The snapshot after a page is the next page's snapshot before when they run back to back in one setup group: one
// cluster listing fewer per page (four API calls on a real cluster), each page still charged with its own leftovers
// only; a page that takes no snapshot (it calls no kubectl, yet may change the cluster) makes the next page take one.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, FAKE_BIN, fakeCluster, readEvents, runCli } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'doctest-snapshot-carry-'));
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

// A page of one step.
function page(name: string, command: string, output: string): string {
  const dir = join(site, 'content/en/docs', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.md'), `---\ntitle: ${name}\ntest: yes\n---\n\n## Step\n\n{{< text bash >}}\n$ ${command}\n${output}\n{{< /text >}}\n`);
  return join(dir, 'index.md');
}

// Runs the pages in one run with a kubectl that logs its arguments before it asks the fake cluster; the snapshots'
// namespace listings it saw and each page's leftovers.
async function run(pages: string[]) {
  const cluster = fakeCluster();
  const bin = join(cluster.dir, 'logging-bin');
  mkdirSync(bin);
  const log = join(cluster.dir, 'kubectl.log');
  writeFileSync(join(bin, 'kubectl'), `#!/bin/bash\nprintf '%s\\n' "$*" >> '${log}'\nexec '${join(FAKE_BIN, 'kubectl')}' "$@"\n`);
  chmodSync(join(bin, 'kubectl'), 0o755);
  const json = join(cluster.dir, 'events.jsonl');
  const { code } = await runCli(['run', '--keep-going', '--json', json, ...pages], { ...cluster.env, PATH: `${bin}:${cluster.env.PATH}` });
  const listings = readFileSync(log, 'utf8').split('\n').filter((line) => /\bget namespaces -o name$/.test(line)).length;
  const events = readEvents(json);
  const leftovers = events.filter((e) => e.type === 'step' && e.id === 'snapshot').map((e) => `${e.page.replace(/^.*docs\//, '')}: ${e.message}`);
  return { code, listings, leftovers, cluster };
}

describe('snapshots of pages run back to back', () => {
  test('the snapshot after a page is the next page\'s before: three listings for two pages, each charged with its own leak', async () => {
    const { code, listings, leftovers } = await run([page('alpha', 'kubectl create namespace alpha', 'namespace/alpha created'), page('beta', 'kubectl create namespace beta', 'namespace/beta created')]);
    expect(leftovers).toEqual(['alpha/index.md: leftover: namespace alpha', 'beta/index.md: leftover: namespace beta']);
    expect(listings).toBe(3);
    expect(code).toBe(1);
  }, 90000);

  test('a page between them that takes no snapshot makes the next page take its own: what it changed is not the next page\'s leak', async () => {
    // The middle page calls no kubectl (so it has no snapshot) and still makes a namespace, through istioctl.
    const middle = page('gamma', 'istioctl install --set profile=minimal -y >/dev/null && echo installed', 'installed');
    const { listings, leftovers } = await run([page('delta', 'kubectl create namespace delta', 'namespace/delta created'), middle, page('epsilon', 'kubectl create namespace epsilon', 'namespace/epsilon created')]);
    expect(leftovers).toEqual(['delta/index.md: leftover: namespace delta', 'epsilon/index.md: leftover: namespace epsilon']);
    expect(listings).toBe(4);
  }, 90000);
});
