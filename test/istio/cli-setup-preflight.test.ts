// The preflight of setup groups through the real CLI on the fake cluster: a group that installs Istio needs istioctl
// (the --istio-dir release's bin/istioctl, else the one on PATH); without it the run says so in one line, skips that
// group's pages with the reason and runs the others.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { ensureBuilt, FAKE_BIN, fakeCluster, readEvents, ROOT, runCli, type FakeCluster } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 120000);

const pageText = (name: string) => `---\ntitle: ${name}\ntest: yes\n---\n## Hello {#hello}\n\n{{< text bash >}}\n$ echo ${name}\n${name}\n{{< /text >}}\n`;
const script = (setup: string, name: string) =>
  `# a test of ${name}\n# @setup ${setup}\nset -e\nsnip_hello_1\nkubectl get deployments -n istio-system -o name > "$DOCTEST_MARKS/${name}-saw" 2>&1 || true\n# @cleanup\ntrue\n`;

let site: string;
// A folder with the fake kubectl but no istioctl, and an Istio release whose bin/ has the fake istioctl.
let kubectlOnly: string;
let release: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'doctest-setup-preflight-'));
  const files: Record<string, string> = { 'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '' };
  for (const [name, setup] of [['plain', 'profile=none'], ['meshed', 'profile=default'], ['demo-page', 'profile=demo']]) {
    files[`content/en/docs/${name}/index.md`] = pageText(name);
    files[`content/en/docs/${name}/test.sh`] = script(setup, name);
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  kubectlOnly = join(site, 'kubectl-only');
  mkdirSync(kubectlOnly);
  for (const program of ['kubectl', 'fake-cluster-state']) symlinkSync(join(FAKE_BIN, program), join(kubectlOnly, program));
  release = join(site, 'istio-1.26.2');
  mkdirSync(join(release, 'bin'), { recursive: true });
  symlinkSync(join(FAKE_BIN, 'istioctl'), join(release, 'bin', 'istioctl'));
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = (name: string) => relative(ROOT, join(site, 'content/en/docs', name, 'index.md'));
const scriptFile = (name: string) => relative(ROOT, join(site, 'content/en/docs', name, 'test.sh'));
const saw = (cluster: FakeCluster, name: string) => readFileSync(join(cluster.dir, 'marks', `${name}-saw`), 'utf8');
// The fake cluster's environment with a PATH that has the fake kubectl and no istioctl anywhere.
function withoutIstioctl(cluster: FakeCluster): Record<string, string> {
  const system = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir && dir !== FAKE_BIN && !existsSync(join(dir, 'istioctl')));
  return { ...cluster.env, PATH: [kubectlOnly, ...system].join(delimiter) };
}

describe('the preflight of setup groups', () => {
  test('without istioctl, one line names it and where to get it, the groups that install Istio are skipped with the reason and profile=none runs', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout, stderr } = await runCli(['run', '--json', json, page('plain'), page('meshed'), page('demo-page')], withoutIstioctl(cluster));
    expect(code).toBe(0);
    const lines = stderr.split('\n').filter((line) => line.includes('istioctl'));
    expect(lines).toEqual([
      "istio-doctest: istioctl is missing (not in the --istio-dir release's bin/ (no --istio-dir given) nor on PATH): it installs Istio for the setups profile=default, profile=demo, so their 2 pages are skipped; download an Istio release (`curl -L https://istio.io/downloadIstio | sh -`) and put its bin/ on PATH; --istio-dir can point at the same release",
    ]);
    // Each skipped page says why, at its script's `# @setup` line.
    for (const [name, setup] of [['meshed', 'profile=default'], ['demo-page', 'profile=demo']]) {
      expect(stdout).toContain(`${page(name)}: preflight: setup ${setup} installs Istio with istioctl, which is not in the --istio-dir release's bin/ (no --istio-dir given) nor on PATH: download an Istio release`);
      expect(stdout).toContain(`at ${scriptFile(name)}:2`);
    }
    const events = readEvents(json);
    expect(events.filter((e) => e.type === 'page-start').map((e) => e.file)).toEqual([page('plain')]);
    expect(events.find((e) => e.type === 'page')).toMatchObject({ file: page('plain'), status: 'passed' });
    expect(saw(cluster, 'plain')).toBe('');
  }, 120000);

  test('istioctl in the --istio-dir release\'s bin/ is enough: the groups install Istio with it though PATH has none', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stderr } = await runCli(['run', '--istio-dir', release, '--json', json, page('plain'), page('meshed')], withoutIstioctl(cluster));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const events = readEvents(json);
    expect(events.filter((e) => e.type === 'page-start').map((e) => e.file)).toEqual([page('plain'), 'setup:profile=default', page('meshed'), 'teardown:profile=default']);
    expect(events.find((e) => e.type === 'step-start' && e.page === 'setup:profile=default')?.command).toMatch(/istio-1\.26\.2\/bin\/istioctl install --set profile=default /);
    expect(saw(cluster, 'meshed')).toContain('deployment/istiod');
  }, 120000);

  test('--setup keep installs nothing, so it needs no istioctl', async () => {
    const cluster = fakeCluster();
    const { code, stderr } = await runCli(['run', '--setup', 'keep', page('meshed')], withoutIstioctl(cluster));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(saw(cluster, 'meshed')).toBe('');
  }, 120000);
});
