// `istio-doctest cluster up|down|status` through the real CLI, with the fake kind (which records its arguments),
// the fake kubectl and an engine stand-in on PATH: no real cluster, no container engine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { ensureBuilt, FAKE_BIN, fakeCluster, ROOT, runCli, runCliProcess, waitFor } from '../run/harness.js';

const ENGINE_BIN = join(ROOT, 'fixtures', 'fake-cluster', 'engine');

beforeAll(() => ensureBuilt(), 180000);
jest.setTimeout(60000);

// A fake cluster whose PATH holds node and only the chosen stand-ins (kind, kubectl, docker), and a kind log.
function world(tools: ('kind' | 'kubectl' | 'docker')[] = ['kind', 'kubectl', 'docker']) {
  const cluster = fakeCluster();
  const bin = join(cluster.dir, 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  for (const tool of tools) symlinkSync(join(tool === 'docker' ? ENGINE_BIN : FAKE_BIN, tool), join(bin, tool));
  const log = join(cluster.dir, 'kind.log');
  const env: Record<string, string> = { ...cluster.env, PATH: bin, FAKE_KIND_LOG: log };
  return {
    cluster,
    env,
    // The command lines the fake kind was called with, one array each.
    kindCalls: (): string[][] => { try { return readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)); } catch { return []; } },
    kubeconfig: () => parse(readFileSync(env.KUBECONFIG, 'utf8')) as { 'current-context': string; contexts: { name: string }[] },
    kubectl: (args: string[]) => execFileSync(join(FAKE_BIN, 'kubectl'), args, { env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' }),
  };
}

// Runs `istio-doctest ARGS...` to its end with exactly the given environment's PATH (in the test file's resident CLI).
const doctest = (args: string[], env: Record<string, string>) => runCli(args, env, 50000, { stripFinalNewline: false });

describe('istio-doctest cluster', () => {
  test('up passes the name, kind config and node image to kind create cluster, and reports the context kubectl reached', async () => {
    const w = world();
    const config = join(w.cluster.dir, 'kind.yaml');
    writeFileSync(config, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n');
    const up = await doctest(['cluster', 'up', '--name', 'docs', '--kind-config', config, '--image', 'kindest/node:v1.32.2'], w.env);
    expect(up.code).toBe(0);
    expect(up.stdout).toBe('cluster "docs" is up: context kind-docs, Kubernetes v1.33.1\n');
    expect(w.kindCalls()).toEqual([['create', 'cluster', '--name', 'docs', '--config', config, '--image', 'kindest/node:v1.32.2']]);
    expect(w.kubeconfig()['current-context']).toBe('kind-docs');
  });

  test('up without options names the cluster istio-doctest; a second up reports kind\'s refusal and exits 1', async () => {
    const w = world();
    expect((await doctest(['cluster', 'up'], w.env)).stdout).toContain('context kind-istio-doctest');
    const again = await doctest(['cluster', 'up'], w.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('istio-doctest: kind create cluster --name istio-doctest failed (exit code 1)');
    expect(w.kindCalls()).toEqual([['create', 'cluster', '--name', 'istio-doctest'], ['create', 'cluster', '--name', 'istio-doctest']]);
  });

  test('down deletes the named cluster with kind, and is a no-op when it is gone', async () => {
    const w = world();
    await doctest(['cluster', 'up', '--name', 'docs'], w.env);
    const down = await doctest(['cluster', 'down', '--name', 'docs'], w.env);
    expect(down).toMatchObject({ code: 0, stdout: 'cluster "docs" deleted\n' });
    expect(w.kindCalls().slice(1)).toEqual([['get', 'clusters'], ['delete', 'cluster', '--name', 'docs']]);
    expect(w.kubeconfig().contexts.map((c) => c.name)).toEqual(['kind-doctest']);
    const again = await doctest(['cluster', 'down', '--name', 'docs'], w.env);
    expect(again).toMatchObject({ code: 0, stdout: 'no kind cluster "docs": nothing to delete\n' });
    expect(w.kindCalls().slice(3)).toEqual([['get', 'clusters']]);
  });

  test('up interrupted by SIGTERM stops kind too, says how to clean up, and exits 130', async () => {
    const w = world();
    const child = execa(process.execPath, [join(ROOT, 'bin', 'istio-doctest.js'), 'cluster', 'up', '--name', 'docs'], { cwd: ROOT, env: { ...w.env, FAKE_KIND_CREATE_SECONDS: '4' }, extendEnv: true, reject: false, timeout: 50000, stdin: 'ignore' });
    const started = Date.now();
    await waitFor(() => w.kindCalls().length === 1, 'kind create cluster to start');
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(String(result.stderr)).toContain('istio-doctest: interrupted: kind create cluster was stopped; `istio-doctest cluster down --name docs` removes what it made');
    // Had kind been left running, it would have written its context by now.
    await new Promise((r) => setTimeout(r, Math.max(0, 5000 - (Date.now() - started))));
    expect(w.kubeconfig().contexts.map((c) => c.name)).toEqual(['kind-doctest']);
  });

  test('status without Istio prints the context, the Kubernetes version and istio: none', async () => {
    const w = world(['kubectl']);
    const status = await doctest(['cluster', 'status'], w.env);
    expect(status).toMatchObject({ code: 0, stdout: 'context: kind-doctest\nkubernetes: v1.33.1\nistio: none\n', stderr: '' });
  });

  test('status reports the version and revision of each istiod deployment in istio-system', async () => {
    const w = world(['kubectl']);
    const manifest = join(w.cluster.dir, 'istiod.yaml');
    const istiod = (name: string, labels: string, image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: istio-system\n  labels: {app: istiod${labels}}\n` +
      `spec:\n  selector: {matchLabels: {app: istiod}}\n  template:\n    metadata: {labels: {app: istiod}}\n    spec:\n      containers:\n      - name: discovery\n        image: ${image}\n`;
    writeFileSync(manifest, `${istiod('istiod', '', 'docker.io/istio/pilot:1.26.0')}---\n${istiod('istiod-1-27-0', ', istio.io/rev: 1-27-0', 'localhost:5000/istio/pilot:1.27.0-distroless')}`);
    w.kubectl(['apply', '-f', manifest]);
    const status = await doctest(['cluster', 'status'], w.env);
    expect(status.code).toBe(0);
    expect(status.stdout).toBe(
      'context: kind-doctest\nkubernetes: v1.33.1\n' +
        'istio: 1.27.0-distroless (revision 1-27-0, deployment istio-system/istiod-1-27-0)\n' +
        'istio: 1.26.0 (revision default, deployment istio-system/istiod)\n' +
        'istio profile: minimal (from the components in istio-system: istiod, istiod-1-27-0)\n',
    );
  });

  test.each([
    ['default', 'istio-ingressgateway, istiod'],
    ['demo', 'istio-egressgateway, istio-ingressgateway, istiod'],
    ['minimal', 'istiod'],
    ['ambient', 'istio-cni-node, istiod, ztunnel'],
  ])('status after istioctl install --set profile=%s names that profile from the components', async (profile, components) => {
    const w = world(['kubectl']);
    execFileSync(join(FAKE_BIN, 'istioctl'), ['install', '--set', `profile=${profile}`, '-y'], { env: { ...process.env, ...w.env }, stdio: 'ignore' });
    const status = await doctest(['cluster', 'status'], w.env);
    expect(status.code).toBe(0);
    expect(status.stdout.split('\n').at(-2)).toBe(`istio profile: ${profile} (from the components in istio-system: ${components})`);
  });

  test('status with no current context says so and exits 1', async () => {
    const w = world(['kubectl']);
    writeFileSync(w.env.KUBECONFIG, 'apiVersion: v1\nkind: Config\n');
    const status = await doctest(['cluster', 'status'], w.env);
    expect(status.code).toBe(1);
    expect(status.stdout).toBe('context: none\n');
    expect(status.stderr).toMatch(/^istio-doctest: no current kube context .*istio-doctest cluster up`\n$/);
  });

  test.each([
    [['up'], ['kubectl', 'docker'], /^istio-doctest: kind is not on PATH: install kind \(https:\/\/kind\.sigs\.k8s\.io\/.*\)\n$/],
    [['up'], ['kind', 'kubectl'], /^istio-doctest: neither docker nor podman is on PATH: install a container engine \(Docker or Podman\) \(kind runs its nodes in it\)\n$/],
    [['up'], ['kind', 'docker'], /^istio-doctest: kubectl is not on PATH: install kubectl \(https:\/\/kubernetes\.io\/docs\/tasks\/tools\/\)/],
    [['down'], ['kubectl', 'docker'], /^istio-doctest: kind is not on PATH: /],
    [['status'], ['kind', 'docker'], /^istio-doctest: kubectl is not on PATH: /],
  ] as const)('cluster %j with only %j on PATH says in one line what is missing and where to get it, exit 2', async (args, tools, message) => {
    const w = world([...tools]);
    const result = await doctest(['cluster', ...args], w.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(w.kindCalls()).toEqual([]);
  });

  test.each([
    [[], /an action is required \(up, down, status\)/],
    [['start'], /unknown action 'start'/],
    [['status', '--image', 'kindest/node:v1.32.2'], /--image applies to cluster up only/],
    [['status', '--name', 'docs'], /--name applies to cluster up and down only/],
    [['up', '--kind-config', '/nonexistent/kind.yaml'], /--kind-config \/nonexistent\/kind\.yaml: no such file/],
    [['up', '--name', 'Docs_1'], /--name 'Docs_1' is not a valid kind cluster name/],
    [['up', '--nodes', '3'], /Unknown option '--nodes'/],
  ])('bad usage %j is one line plus where the help is, exit 2, and kind is never called', async (args, message) => {
    const w = world();
    const result = await doctest(['cluster', ...args], w.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Run `istio-doctest cluster --help` for usage.');
    expect(w.kindCalls()).toEqual([]);
  });

  test('--help lists the actions and options', async () => {
    const result = await runCliProcess(['cluster', '--help'], world().env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: istio-doctest cluster up\|down\|status/);
    for (const option of ['--name NAME', '--kind-config FILE', '--image IMAGE']) expect(result.stdout).toContain(option);
  });
});
