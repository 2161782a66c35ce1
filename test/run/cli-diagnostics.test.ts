// Failure diagnostics through the real CLI and the fake cluster: a failed step of a page that uses kubectl carries a
// picture of the cluster (pods not Ready, their events and logs) in the console, JUnit and JSON reports; a page
// without kubectl gets none; the picture is bounded.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { clusterPicture } from '../../src/run/cluster-picture.js';
import { isAlive } from '../../src/shell/proc.js';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, ROOT, runCli } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const page = (name: string) => `fixtures/run/${name}/index.md`;

// A small istio.io-like checkout whose page deploys curl in its own namespace and whose test.sh then verifies the
// pod list at once: the page's steps as istio.io's script runs them.
function kubeScriptSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'doctest-diag-site-'));
  const block = (command: string, output = '') => `{{< text bash >}}\n$ ${command}\n${output}{{< /text >}}\n`;
  const files: Record<string, string> = {
    'content/en/docs/kube/index.md': `---\ntitle: Kube\ntest: yes\n---\n## Deploy {#deploy}\n\n${block('kubectl create namespace diag-script')}\n${block('kubectl apply -f @samples/curl/curl.yaml@ -n diag-script')}\n${block('kubectl get pods -n diag-script', 'NAME                    READY   STATUS    RESTARTS   AGE\ncurl-5b549b49b8-mn2ql   1/1     Running   0          10s\n')}\n## Cleanup {#cleanup}\n\n${block('kubectl delete namespace diag-script')}`,
    'content/en/docs/kube/test.sh': '# @setup profile=none\nset -e\nsnip_deploy_1\nsnip_deploy_2\n_verify_like snip_deploy_3 "$snip_deploy_3_out"\n# @cleanup\nsnip_cleanup_1\n',
    'tests/util/verify.sh': '',
    'tests/util/debug.sh': '',
    'tests/util/helpers.sh': '',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

// A site with two script pages that deploy curl in `default` and then fail a verify call on its replicas: one under
// `# @setup profile=none`, one under `profile=default` (Istio installed by the run, curl injected with a sidecar).
function setupScriptSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'doctest-diag-setup-'));
  const block = (command: string, output = '') => `{{< text bash >}}\n$ ${command}\n${output}{{< /text >}}\n`;
  const files: Record<string, string> = { 'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '' };
  for (const [name, setup] of [['plain', 'profile=none'], ['meshed', 'profile=default']]) {
    files[`content/en/docs/${name}/index.md`] = `---\ntitle: ${name}\ntest: yes\n---\n## Deploy ${name} {#deploy-${name}}\n\n${block('kubectl apply -f @samples/curl/curl.yaml@')}\n${block(`kubectl get deployment curl -o jsonpath='{.spec.replicas}'`, '2\n')}\n## Cleanup {#cleanup}\n\n${block('kubectl delete -f @samples/curl/curl.yaml@')}`;
    files[`content/en/docs/${name}/test.sh`] = `# @setup ${setup}\nset -e\nsnip_deploy_${name}_1\nkubectl rollout status deployment/curl --timeout=60s\n_verify_same snip_deploy_${name}_2 "$snip_deploy_${name}_2_out"\n# @cleanup\nsnip_cleanup_1\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

// The <testcase> element of a JUnit report with the given name.
function testcase(xml: string, name: string): string {
  const m = new RegExp(`<testcase name="${name}"[\\s\\S]*?</testcase>`).exec(xml);
  if (!m) throw new Error(`no testcase ${name} in\n${xml}`);
  return m[0];
}

describe('failure diagnostics', () => {
  test('a step that fails while a deployed pod is not ready yet shows the pod, its events and its logs, on the console, in JUnit and in JSON', async () => {
    const cluster = fakeCluster({ readySeconds: 600 });
    const junit = join(cluster.dir, 'junit.xml');
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--no-wait', '--retry-timeout', '2s', '--junit', junit, '--json', json, page('retry')], cluster.env);
    expect(code).toBe(1);
    // On the console after the diff.
    const failure = stdout.slice(stdout.indexOf('Failures:'));
    expect(failure.indexOf('cluster picture:')).toBeGreaterThan(failure.indexOf('+curl-'));
    expect(failure).toMatch(/pods not Ready in default, retry-demo:\n +retry-demo\/curl-[a-z0-9]+-[a-z0-9]{5} Pending: curl \(not ready: ContainerCreating\)/);
    expect(failure).toMatch(/\$ kubectl get events -n retry-demo --field-selector involvedObject\.name=curl-[a-z0-9]+-[a-z0-9]{5}\n +No resources found in retry-demo namespace\./);
    expect(failure).toMatch(/\$ kubectl logs (curl-[a-z0-9]+-[a-z0-9]{5}) -c curl --tail=20 -n retry-demo\n +Error from server \(BadRequest\): container "curl" in pod "\1" is waiting to start: ContainerCreating/);
    expect(stdout).not.toContain('istioctl proxy-status');
    // JUnit: in the failing testcase's system-out, after the step's output; passing steps have none.
    const xml = readFileSync(junit, 'utf8');
    expect(testcase(xml, 'snip_deploy_2')).toMatch(/<system-out>NAME +READY +STATUS[\s\S]*--- cluster picture ---\npods not Ready in default, retry-demo:\n {2}retry-demo\/curl-/);
    expect(xml.match(/cluster picture/g)).toHaveLength(1);
    // JSON: the failing step's event carries it.
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.filter((e) => e.diagnostics).map((e) => e.id)).toEqual(['snip_deploy_2']);
    expect(steps.find((e) => e.id === 'snip_deploy_2')!.diagnostics).toContain('kubectl logs curl-');
  }, 60000);

  test('a verify call of an istio.io test script that fails while the pod starts carries the picture of the script\'s namespace', async () => {
    const site = kubeScriptSite();
    try {
      const cluster = fakeCluster({ readySeconds: 600 });
      const junit = join(cluster.dir, 'junit.xml');
      const file = relative(ROOT, join(site, 'content/en/docs/kube/index.md'));
      const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--no-wait', '--junit', junit, file], { ...cluster.env, VERIFY_TIMEOUT: '2' });
      expect(code).toBe(1);
      // Run through its script: the verify call fails as a `like` call at the page's markdown line (its one line at the
      // expected row that differs, below its command's line).
      expect(stdout).toMatch(/content\/en\/docs\/kube\/index\.md:(\d+): line-differs: expected "1\/1", got "0\/1" \(command at line \d+\)\n +snip_deploy_3 +failed/);
      expect(readFileSync(junit, 'utf8')).toContain('test.sh');
      expect(stdout).toMatch(/cluster picture:\n +pods not Ready in default, diag-script:\n +diag-script\/curl-[a-z0-9]+-[a-z0-9]{5} Pending: curl \(not ready: ContainerCreating\)/);
      expect(testcase(readFileSync(junit, 'utf8'), 'snip_deploy_3')).toContain('--- cluster picture ---\npods not Ready in default, diag-script:');
      expect(cluster.leftovers()).toBe('');
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 60000);

  test('a failing step in a setup with Istio installed shows istioctl proxy-status with the sidecar\'s row; in a setup without Istio it is absent', async () => {
    const site = setupScriptSite();
    try {
      const cluster = fakeCluster();
      const junit = join(cluster.dir, 'junit.xml');
      const file = (name: string) => relative(ROOT, join(site, `content/en/docs/${name}/index.md`));
      const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--junit', junit, file('plain'), file('meshed')], { ...cluster.env, VERIFY_TIMEOUT: '1' });
      expect(code).toBe(1);
      const failures = stdout.slice(stdout.indexOf('Failures:'));
      const meshed = failures.slice(failures.indexOf('snip_deploy_meshed_2'));
      const plain = failures.slice(failures.indexOf('snip_deploy_plain_2'), failures.indexOf('snip_deploy_meshed_2'));
      // With Istio: istioctl's table, one row for curl's sidecar in default, synced with the running istiod.
      const table = /\$ istioctl proxy-status\n +NAME +CLUSTER +CDS +LDS +EDS +RDS +ECDS +ISTIOD +VERSION\n(?: +.*\n)*? +curl-[a-z0-9]+-[a-z0-9]{5}\.default +Kubernetes +SYNCED \(\d+s\) +SYNCED \(\d+s\) +SYNCED \(\d+s\) +SYNCED \(\d+s\) +IGNORED +istiod-[a-z0-9]+-[a-z0-9]{5} +1\.\d+\.\d+\n/;
      expect(meshed).toMatch(/cluster picture:\n +no unready pod in default/);
      expect(meshed).toMatch(table);
      expect(meshed).toMatch(/\n +istio-ingressgateway-[a-z0-9]+-[a-z0-9]{5}\.istio-system +Kubernetes +SYNCED \(\d+s\) +SYNCED \(\d+s\) +SYNCED \(\d+s\) +NOT SENT +IGNORED/);
      // Without Istio: the picture has no proxy-status at all.
      expect(plain).toContain('cluster picture:');
      expect(plain).not.toContain('proxy-status');
      const xml = readFileSync(junit, 'utf8');
      expect(testcase(xml, 'snip_deploy_meshed_2')).toMatch(/<system-out>[\s\S]*--- cluster picture ---[\s\S]*\$ istioctl proxy-status\n {4}NAME +CLUSTER +CDS/);
      expect(testcase(xml, 'snip_deploy_meshed_2')).toMatch(/ {4}curl-[a-z0-9]+-[a-z0-9]{5}\.default +Kubernetes +SYNCED/);
      expect(testcase(xml, 'snip_deploy_plain_2')).toContain('--- cluster picture ---');
      expect(testcase(xml, 'snip_deploy_plain_2')).not.toContain('proxy-status');
      expect(cluster.leftovers()).toBe('');
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  }, 120000);

  test('a failing page that does not use kubectl gets no cluster picture and never asks the cluster', async () => {
    const cluster = fakeCluster();
    const junit = join(cluster.dir, 'junit.xml');
    const { code, stdout } = await runCli(['run', '--retry-timeout', '0', '--junit', junit, page('no-kubectl')], cluster.env);
    expect(code).toBe(1);
    expect(stdout).toContain('-goodbye');
    expect(stdout).not.toContain('cluster picture');
    expect(readFileSync(junit, 'utf8')).not.toContain('cluster picture');
    expect(cluster.touched()).toBe(false);
  }, 60000);

  test('the picture of a namespace full of pods that are not ready stays within its line limit and says what it left out', async () => {
    const cluster = fakeCluster({ readySeconds: 600 });
    const env = { ...process.env, ...cluster.env };
    const manifest = join(cluster.dir, 'many.yaml');
    writeFileSync(manifest, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: many}\nspec:\n  replicas: 250\n  selector: {matchLabels: {app: many}}\n  template:\n    metadata: {labels: {app: many}}\n    spec:\n      containers:\n      - {name: many, image: example/many}\n');
    execFileSync('kubectl', ['create', 'namespace', 'crowd'], { env });
    execFileSync('kubectl', ['apply', '-n', 'crowd', '-f', manifest], { env });
    const picture = await clusterPicture(['default', 'crowd'], { env: cluster.env });
    const lines = picture.replace(/\n$/, '').split('\n');
    // 20 pods listed and the rest counted, events and logs of the first 8 (5 lines each), the rest counted.
    expect(lines.length).toBe(1 + 20 + 1 + 8 * 5 + 1);
    expect(lines[0]).toBe('pods not Ready in default, crowd:');
    expect(lines[1]).toMatch(/^ {2}crowd\/many-[a-z0-9]+-[a-z0-9]{5} Pending: many \(not ready: ContainerCreating\)$/);
    expect(lines[21]).toBe('  (and 230 more pods not Ready)');
    expect(lines.filter((l) => l.startsWith('$ kubectl logs '))).toHaveLength(8);
    expect(lines[lines.length - 1]).toBe('(events and logs of 242 more pods not shown)');
    // The line limit holds whatever the commands print: the lines beyond it are counted.
    const short = (await clusterPicture(['default', 'crowd'], { env: cluster.env, maxLines: 30 })).replace(/\n$/, '').split('\n');
    expect(short).toHaveLength(30);
    expect(short[29]).toBe(`(${lines.length - 29} more lines of the cluster picture not shown)`);
  }, 120000);

  test('proxy-status is asked of the istioctl in --istio-dir\'s bin/, the one the setup installed Istio with', async () => {
    const cluster = fakeCluster({ readySeconds: 0 });
    const env = { ...process.env, ...cluster.env };
    execFileSync('istioctl', ['install', '--set', 'profile=minimal', '-y'], { env });
    const release = join(cluster.dir, 'istio-1.26.2');
    mkdirSync(join(release, 'bin'), { recursive: true });
    writeFileSync(join(release, 'bin', 'istioctl'), '#!/bin/sh\necho "the release\'s istioctl: $*"\n');
    chmodSync(join(release, 'bin', 'istioctl'), 0o755);
    const picture = await clusterPicture(['default'], { env: cluster.env, istioDir: release });
    expect(picture).toBe('no unready pod in default\n$ istioctl proxy-status\n    the release\'s istioctl: proxy-status\n');
    const onPath = await clusterPicture(['default'], { env: cluster.env, istioDir: ISTIO_DIR });
    expect(onPath).toMatch(/^no unready pod in default\n\$ istioctl proxy-status\n {4}NAME +CLUSTER +CDS +LDS +EDS +RDS +ECDS +ISTIOD +VERSION\n$/);
  }, 60000);

  test('a kubectl that never answers costs each command its own time-out and leaves nothing running', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'doctest-hung-kubectl-'));
    try {
      // A wrapper whose child keeps the output open, as a kubectl plugin or a wrapper script would.
      writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\nsleep 300 &\necho $! >> ${bin}/pids\nwait\n`);
      chmodSync(join(bin, 'kubectl'), 0o755);
      const picture = await clusterPicture(['default', 'demo'], { commandTimeoutMs: 1000, env: { PATH: `${bin}:${process.env.PATH}` } });
      expect(picture).toBe('$ kubectl get pods -n default -o json\n    (no answer within 1 s)\n$ kubectl get pods -n demo -o json\n    (no answer within 1 s)\n');
      const pids = readFileSync(join(bin, 'pids'), 'utf8').trim().split('\n').map(Number);
      expect(pids).toHaveLength(3);
      expect(pids.filter(isAlive)).toEqual([]);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  }, 60000);
});
