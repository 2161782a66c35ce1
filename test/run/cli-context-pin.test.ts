// The guard holds for the whole run, through the real CLI on the fake cluster: a step that switches the current kube
// context (`kubectl config use-context prod-eu-1`) is named and undone, the runner's own calls (snapshots, setups,
// teardowns) name the guarded context, and a later setup group asks the guard again before installing anything.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, runCli, type FakeCluster } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A kubeconfig with the disposable kind context (current) and a production one this machine cannot reach.
const KUBECONFIG = [
  'apiVersion: v1', 'kind: Config', 'current-context: kind-doctest',
  'clusters:', "- name: kind-doctest\n  cluster: {server: 'https://127.0.0.1:6443'}", "- name: prod-eu-1\n  cluster: {server: 'https://203.0.113.10'}",
  'contexts:', '- name: kind-doctest\n  context: {cluster: kind-doctest, user: u}', '- name: prod-eu-1\n  context: {cluster: prod-eu-1, user: u}',
  'users:', '- name: u\n  user: {}', '',
].join('\n');

// A fake cluster whose kubeconfig holds both contexts.
function twoContexts(): FakeCluster {
  const cluster = fakeCluster();
  writeFileSync(cluster.env.KUBECONFIG, KUBECONFIG);
  return cluster;
}

// Writes pages (and doctest.yaml files) under a fresh folder; returns the path of each page by name.
function site(pages: Record<string, { steps: string[][]; spec?: string }>): Record<string, string> {
  const root = mkdtempSync(join(tmpdir(), 'doctest-context-'));
  dirs.push(root);
  const paths: Record<string, string> = {};
  for (const [name, { steps, spec }] of Object.entries(pages)) {
    const dir = join(root, 'content/en/docs', name);
    mkdirSync(dir, { recursive: true });
    const blocks = steps.flatMap((lines) => ['{{< text bash >}}', ...lines, '{{< /text >}}', '']);
    writeFileSync(join(dir, 'index.md'), ['---', `title: ${name}`, 'test: yes', '---', '', '## Steps', '', ...blocks].join('\n'));
    if (spec) writeFileSync(join(dir, 'doctest.yaml'), spec);
    paths[name] = join(dir, 'index.md');
  }
  return paths;
}

const currentContext = (cluster: FakeCluster) => /^current-context: (.*)$/m.exec(readFileSync(cluster.env.KUBECONFIG, 'utf8'))?.[1];

describe('the guarded kube context for the whole run', () => {
  test('a step that switches the context is named, the guarded context is restored, and the snapshots stay on it', async () => {
    const cluster = twoContexts();
    const { notes } = site({
      notes: {
        steps: [
          ['$ kubectl create namespace notes', 'namespace/notes created'],
          ['$ kubectl config use-context prod-eu-1', 'Switched to context "prod-eu-1".'],
          ['$ kubectl get namespace notes -o name', 'namespace/notes'],
          ['$ kubectl delete namespace notes', 'namespace "notes" deleted'],
        ],
      },
    });
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--retry-timeout', '1', '--json', json, notes], cluster.env);
    expect(stdout).toMatch(/✓ \S*notes\/index\.md passed in [^:]+: step 2\/4 snip_steps_2 \(\S*notes\/index\.md:14\) switched the kube context to "prod-eu-1"; the runner restored "kind-doctest" \(its own commands name --context kind-doctest\)\n/);
    expect(readEvents(json).filter((e) => e.type === 'step').map((e) => e.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(code).toBe(0);
    expect(currentContext(cluster)).toBe('kind-doctest');
    expect(cluster.leftovers()).toBe('');
  }, 90000);

  test('a page that leaves no guarded context behind fails, and the next setup group is refused by the guard before any install', async () => {
    const cluster = twoContexts();
    // The step replaces the kubeconfig with one that only knows the production context: nothing can be restored.
    const only = KUBECONFIG.replace('current-context: kind-doctest', 'current-context: prod-eu-1').replace(/- name: kind-doctest\n {2}context: [^\n]*\n/, '');
    const paths = site({
      first: { steps: [[`$ printf '${only.replaceAll('\n', '\\n')}' > "$KUBECONFIG"`], ['$ echo after']] },
      second: { steps: [['$ kubectl get namespace default -o name', 'namespace/default']], spec: 'page:\n  setup: profile=demo\n' },
    });
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--retry-timeout', '1', '--json', json, paths.first, paths.second], cluster.env);
    expect(stdout).toMatch(/step 1\/2 snip_steps_1 \(\S*first\/index\.md:9\) switched the kube context to "prod-eu-1"; the runner could not restore "kind-doctest" \(error: no context exists with the name: "kind-doctest"\), so the page stopped/);
    const events = readEvents(json);
    // No install was tried on whatever context is current now: the guard refused the group first.
    expect(events.filter((e) => e.type === 'page-start').map((e) => e.file)).toEqual([expect.stringMatching(/first\/index\.md$/), 'guard:profile=demo']);
    expect(stdout).toMatch(/✗ guard:profile=demo failed in \S+: the context guard, asked again before setup profile=demo: the current kube context is "prod-eu-1", not "kind-doctest"/);
    expect(events.find((e) => e.type === 'summary')).toMatchObject({ exitCode: 1, skipped: 1 });
    expect(code).toBe(1);
  }, 90000);
});
