// Setup configs through the real CLI on the fake cluster: pages grouped by their script's `# @setup`, Istio installed
// before a group and uninstalled after (reported as steps), `--setup keep` installing nothing, multicluster skipped,
// and SIGINT during a group still uninstalling.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAlive } from '../../src/shell/proc.js';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ensureBuilt, FAKE_BIN, fakeCluster, readEvents, ROOT, runCli, spawnCli, waitFor, type FakeCluster } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 120000);

// A page with one step, and its test.sh under the given setup that records what istio-system holds.
const pageText = (name: string) => `---\ntitle: ${name}\ntest: yes\n---\n## Hello {#hello}\n\n{{< text bash >}}\n$ echo ${name}\n${name}\n{{< /text >}}\n`;
const script = (setup: string, name: string, extra = '') =>
  `# @setup ${setup}\nset -e\nsnip_hello_1\nkubectl get deployments -n istio-system -o name > "$DOCTEST_MARKS/${name}-saw" 2>&1 || true\n${extra}# @cleanup\ntouch "$DOCTEST_MARKS/${name}-cleaned"\n`;

let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'doctest-setup-site-'));
  const files: Record<string, string> = {
    'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '',
  };
  for (const [name, setup, extra] of [['demo-page', 'profile=demo', ''], ['plain', 'profile=none', ''], ['multi', 'multicluster', ''], ['slow', 'profile=default', 'sleep 60\n']]) {
    files[`content/en/docs/${name}/index.md`] = pageText(name);
    files[`content/en/docs/${name}/test.sh`] = script(setup, name, extra);
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = (name: string) => relative(ROOT, join(site, 'content/en/docs', name, 'index.md'));
const saw = (cluster: FakeCluster, name: string) => readFileSync(join(cluster.dir, 'marks', `${name}-saw`), 'utf8');
// What istio-system holds now, as the fake kubectl lists it.
const istioSystem = (cluster: FakeCluster) => execFileSync(join(FAKE_BIN, 'kubectl'), ['get', 'deployments', '-n', 'istio-system', '-o', 'name'], { env: { ...process.env, ...cluster.env }, encoding: 'utf8' });

describe('run brings the cluster to each setup config', () => {
  test('two scripts with different setups run as two groups, none first, with install and uninstall reported as steps', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--json', json, page('demo-page'), page('plain'), page('multi')], cluster.env);
    expect(code).toBe(0);
    const events = readEvents(json);
    expect(events.filter((e) => e.type === 'page-start').map((e) => e.file)).toEqual([page('plain'), 'setup:profile=demo', page('demo-page'), 'teardown:profile=demo']);
    const commands = events.filter((e) => e.type === 'step-start' && /^(setup|teardown):/.test(e.page)).map((e) => e.command.replace(/^\S*istioctl/, 'istioctl'));
    const setupSteps = events.filter((e) => e.type === 'step' && /^(setup|teardown):/.test(e.page));
    expect(setupSteps.map((s, i) => [s.id, commands[i], s.status])).toEqual([
      ['setup:profile=demo', 'istioctl install --set profile=demo --set values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=false -y --context kind-doctest', 'passed'],
      ['setup:profile=demo', 'kubectl rollout status deployment/istiod -n istio-system --timeout=300s --context kind-doctest', 'passed'],
      ['teardown:profile=demo', 'istioctl uninstall --purge -y --context kind-doctest', 'passed'],
      ['teardown:profile=demo', 'kubectl delete namespace istio-system --ignore-not-found --context kind-doctest', 'passed'],
    ]);
    // The profile=none script saw no Istio; the demo script saw demo's control plane; nothing is left after the run.
    expect(saw(cluster, 'plain')).toBe('');
    expect(saw(cluster, 'demo-page').split('\n')).toEqual(expect.arrayContaining(['deployment/istiod', 'deployment/istio-egressgateway']));
    expect(istioSystem(cluster)).toBe('');
    // The multicluster script is skipped with the reason.
    expect(stdout).toContain(`${page('multi')}: setup multicluster needs several clusters`);
    expect(events.find((e) => e.type === 'run' && e.status === 'started')?.skipped).toEqual([{ file: page('multi'), reason: expect.stringContaining('needs several clusters') }]);
  }, 120000);

  test('--setup keep installs and uninstalls nothing; --setup only=CONFIG runs one group', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const keep = await runCli(['run', '--setup', 'keep', '--json', json, page('demo-page'), page('plain')], cluster.env);
    expect(keep.code).toBe(0);
    expect(readEvents(json).filter((e) => e.type === 'page-start').map((e) => e.file)).toEqual([page('plain'), page('demo-page')]);
    expect(saw(cluster, 'demo-page')).toBe('');
    const only = await runCli(['run', '--setup', 'only=profile=demo', '--json', json, page('demo-page'), page('plain')], cluster.env);
    expect(only.code).toBe(0);
    expect(readEvents(json).filter((e) => e.type === 'page-start').map((e) => e.file)).toEqual(['setup:profile=demo', page('demo-page'), 'teardown:profile=demo']);
  }, 120000);

  test('a profile=none group removes an Istio left installed, as its own reported setup', async () => {
    const cluster = fakeCluster();
    execFileSync(join(FAKE_BIN, 'istioctl'), ['install', '--set', 'profile=default', '-y'], { env: { ...process.env, ...cluster.env } });
    const json = join(cluster.dir, 'events.jsonl');
    const { code } = await runCli(['run', '--json', json, page('plain')], cluster.env);
    expect(code).toBe(0);
    expect(readEvents(json).filter((e) => e.type === 'page-start').map((e) => e.file)).toEqual(['setup:profile=none', page('plain')]);
    expect(saw(cluster, 'plain')).toBe('');
  }, 120000);

  test('SIGINT during a group runs the script\'s cleanup and still uninstalls Istio', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const child = spawnCli(['run', '--json', json, page('slow')], cluster.env);
    await waitFor(() => readEvents(json).some((e) => e.type === 'step-start' && e.command === 'sleep 60'), 'the sleep step to start', 60000);
    expect(istioSystem(cluster)).toContain('deployment/istiod');
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    const pages = readEvents(json).filter((e) => e.type === 'page').map((e) => [e.file, e.status]);
    expect(pages).toEqual([['setup:profile=default', 'passed'], [page('slow'), 'interrupted'], ['teardown:profile=default', 'passed']]);
    expect(saw(cluster, 'slow')).toContain('deployment/istiod');
    expect(readFileSync(join(cluster.dir, 'marks', 'slow-cleaned'), 'utf8')).toBe('');
    expect(istioSystem(cluster)).toBe('');
  }, 120000);

  test('SIGINT during istioctl install ends it with what it started, skips the rollout and the group, and still uninstalls', async () => {
    const cluster = fakeCluster();
    // An Istio release whose istioctl takes its time to install (a wrapper whose `sleep` is a child of its own).
    const istio = join(cluster.dir, 'istio');
    mkdirSync(join(istio, 'bin'), { recursive: true });
    writeFileSync(join(istio, 'bin', 'istioctl'), `#!/bin/bash\nif [ "$1" = install ]; then sleep 60 & echo $! > ${join(cluster.dir, 'sleep.pid')}; wait; fi\nexec ${join(FAKE_BIN, 'istioctl')} "$@"\n`, { mode: 0o755 });
    const json = join(cluster.dir, 'events.jsonl');
    const child = spawnCli(['run', '--istio-dir', istio, '--json', json, page('slow')], cluster.env);
    await waitFor(() => readEvents(json).some((e) => e.type === 'step-start' && / install /.test(e.command)), 'istioctl install to start', 60000);
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    const events = readEvents(json);
    expect(events.filter((e) => e.type === 'step').map((e) => [e.page, e.index, e.status, e.message ?? ''])).toEqual([
      ['setup:profile=default', 1, 'interrupted', 'interrupted'],
      ['setup:profile=default', 2, 'skipped', 'not run: interrupted'],
      ['teardown:profile=default', 1, 'passed', ''],
      ['teardown:profile=default', 2, 'passed', ''],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'summary', status: 'interrupted', exitCode: 130 });
    expect(existsSync(join(cluster.dir, 'marks', 'slow-saw'))).toBe(false);
    // The wrapper's `sleep 60` was ended with it.
    expect(isAlive(Number(readFileSync(join(cluster.dir, 'sleep.pid'), 'utf8')))).toBe(false);
    expect(istioSystem(cluster)).toBe('');
  }, 120000);

  test('a second SIGINT abandons the teardown and says what to run to remove Istio', async () => {
    const cluster = fakeCluster();
    const istio = join(cluster.dir, 'istio');
    mkdirSync(join(istio, 'bin'), { recursive: true });
    writeFileSync(join(istio, 'bin', 'istioctl'), `#!/bin/bash\nif [ "$1" = uninstall ]; then sleep 60 & echo $! > ${join(cluster.dir, 'sleep.pid')}; wait; fi\nexec ${join(FAKE_BIN, 'istioctl')} "$@"\n`, { mode: 0o755 });
    const json = join(cluster.dir, 'events.jsonl');
    const child = spawnCli(['run', '--istio-dir', istio, '--json', json, page('demo-page')], cluster.env);
    await waitFor(() => existsSync(join(cluster.dir, 'sleep.pid')), 'istioctl uninstall to start', 60000);
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    const teardown = readEvents(json).find((e) => e.type === 'page' && e.file === 'teardown:profile=demo');
    const hint = `Istio may be left installed: run \`${join(istio, 'bin', 'istioctl')} uninstall --purge -y --context kind-doctest\`, then \`kubectl delete namespace istio-system --ignore-not-found --context kind-doctest\``;
    expect(teardown).toMatchObject({ status: 'interrupted', message: expect.stringContaining(hint) });
    expect(result.stdout).toContain(hint);
    expect(isAlive(Number(readFileSync(join(cluster.dir, 'sleep.pid'), 'utf8')))).toBe(false);
  }, 120000);
});
