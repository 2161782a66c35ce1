// The fake kubectl/istioctl in fixtures/fake-cluster, driven through a real bash the way the runner drives a cluster.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'fixtures', 'fake-cluster', 'bin');
const LIB = path.join(ROOT, 'fixtures', 'fake-cluster', 'lib');
const KUBECONFIG = path.join(ROOT, 'fixtures', 'fake-cluster', 'kubeconfig.yaml');
const SAMPLES = path.join(ROOT, 'fixtures', 'istio', 'samples');

const NAME = '[bcdfghjklmnpqrstvwxz2456789]';
const POD = (app: string) => new RegExp(`^${app}-${NAME}{8,10}-${NAME}{5}$`);

interface Result { stdout: string; stderr: string; exitCode: number }

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// A fresh fake cluster: its own state folder, the test kubeconfig, and a work folder where samples/ is the fake Istio tree.
function cluster(env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-cluster-test-'));
  dirs.push(dir);
  const work = path.join(dir, 'work');
  fs.mkdirSync(work);
  fs.symlinkSync(SAMPLES, path.join(work, 'samples'));
  const base: Record<string, string> = {
    PATH: `${BIN}:${process.env.PATH}`, HOME: dir, FAKE_CLUSTER_STATE: path.join(dir, 'state'), KUBECONFIG, FAKE_READY_SECONDS: '0.3', ...env,
  };
  // The resident fake cluster of the run (test/global-setup.cjs), when there is one.
  if (process.env.FAKE_CLUSTER_SERVER && !('FAKE_CLUSTER_SERVER' in env)) base.FAKE_CLUSTER_SERVER = process.env.FAKE_CLUSTER_SERVER;
  const sh = async (script: string, extra: Record<string, string | undefined> = {}): Promise<Result> => {
    const r = await execa('bash', ['-c', `set -o pipefail\n${script}`], { cwd: work, env: { ...base, ...extra }, extendEnv: false, reject: false, stripFinalNewline: false });
    return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 };
  };
  return { dir, sh };
}

// A cluster clock in a file of the test's folder, set to 0 ms: `at(ms)` moves it, `env` makes the fake read it.
function clockIn(dir: string) {
  const clock = path.join(dir, 'clock');
  const at = (ms: number) => fs.writeFileSync(clock, String(1_700_000_000_000 + ms));
  at(0);
  return { clock, at, env: { FAKE_CLUSTER_CLOCK: clock } };
}

// The boilerplate and the first steps of the egress page: curl with a sidecar in default, without one in without-istio.
const SOURCES = `
kubectl apply -f samples/curl/curl.yaml >/dev/null
kubectl apply -f <(istioctl kube-inject -f samples/curl/curl.yaml) >/dev/null
kubectl rollout status deployment/curl >/dev/null
export SOURCE_POD=$(kubectl get pod -l app=curl -o jsonpath={.items..metadata.name})
kubectl create namespace without-istio >/dev/null
kubectl apply -f samples/curl/curl.yaml -n without-istio >/dev/null
kubectl rollout status deploy curl -n without-istio >/dev/null
export SOURCE_POD_WITHOUT_ISTIO="$(kubectl get pod -n without-istio -l app=curl -o jsonpath={.items..metadata.name})"
`;

const HTTPBIN = `kubectl apply -f - <<EOF
kind: Service
apiVersion: v1
metadata:
  name: my-httpbin
spec:
  type: ExternalName
  externalName: httpbin.org
  ports:
  - name: http
    protocol: TCP
    port: 80
EOF
`;

const WIKIPEDIA = `kubectl apply -f - <<EOF
kind: Service
apiVersion: v1
metadata:
  name: my-wikipedia
spec:
  ports:
  - protocol: TCP
    port: 443
    name: tls
EOF
kubectl apply -f - <<EOF
kind: Endpoints
apiVersion: v1
metadata:
  name: my-wikipedia
subsets:
  - addresses:
      - ip: 198.35.26.96
      - ip: 208.80.153.224
    ports:
      - port: 443
        name: tls
EOF
`;

// A block of steps whose output does not matter to the test.
const quietly = (steps: string) => `{\n${steps}} >/dev/null 2>&1\n`;

const RESOLVE = '--resolve en.wikipedia.org:443:"$(kubectl get service my-wikipedia -o jsonpath=\'{.spec.clusterIP}\')"';

// Parses a kubectl table into header and rows, checking kubectl's layout: columns padded to the widest cell + 3.
function parseTable(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trimEnd().split('\n');
  const cells = lines.map((l) => l.split(/ {3,}/));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const expected = cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join(''));
  expect(lines).toEqual(expected);
  return { header: cells[0], rows: cells.slice(1) };
}

describe('fake cluster', () => {
  test('applying the curl sample prints kubectl lines, and applying it again prints unchanged', async () => {
    const { sh } = cluster();
    const first = await sh('kubectl apply -f samples/curl/curl.yaml');
    expect(first).toMatchObject({ exitCode: 0, stderr: '' });
    expect(first.stdout).toBe('serviceaccount/curl created\nservice/curl created\ndeployment.apps/curl created\n');
    const again = await sh('kubectl apply -f samples/curl/curl.yaml');
    expect(again.stdout).toBe('serviceaccount/curl unchanged\nservice/curl unchanged\ndeployment.apps/curl unchanged\n');
  });

  test('a pod is not ready right after the apply and is Running after FAKE_READY_SECONDS', async () => {
    const { dir, sh } = cluster({ FAKE_READY_SECONDS: '2' });
    // The apply and the first look happen at one instant of the fake's clock, however slow the machine is; then real time goes on.
    const clock = path.join(dir, 'clock');
    fs.writeFileSync(clock, String(Date.now()));
    await sh('kubectl apply -f samples/sleep/sleep.yaml', { FAKE_CLUSTER_CLOCK: clock });
    const early = parseTable((await sh('kubectl get pod', { FAKE_CLUSTER_CLOCK: clock })).stdout);
    expect(early.header).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(early.rows).toHaveLength(1);
    const [name, ready, status, restarts, age] = early.rows[0];
    expect(name).toMatch(POD('sleep'));
    expect([ready, restarts, age]).toEqual(['0/2', '0', '0s']);
    expect(status).toMatch(/^(Init:0\/1|PodInitializing)$/);

    // The fake's clock moves past FAKE_READY_SECONDS only once the rollout has said it waits (in real time, a loaded
    // machine could pass those 2 s before the rollout's first look, and it would print no waiting line).
    const rollout = await sh(
      `kubectl rollout status deployment/sleep --timeout=30s > rollout.out & until grep -q Waiting rollout.out; do sleep 0.05; done; echo $(( $(cat "$FAKE_CLUSTER_CLOCK") + 3000 )) > "$FAKE_CLUSTER_CLOCK"; wait $!; status=$?; cat rollout.out; exit $status`,
      { FAKE_CLUSTER_CLOCK: clock },
    );
    expect(rollout).toMatchObject({ exitCode: 0 });
    expect(rollout.stdout).toBe('Waiting for deployment "sleep" rollout to finish: 0 of 1 updated replicas are available...\ndeployment "sleep" successfully rolled out\n');
    const late = parseTable((await sh('kubectl get pod', { FAKE_CLUSTER_CLOCK: clock })).stdout);
    expect(late.rows[0].slice(0, 4)).toEqual([name, '2/2', 'Running', '0']);
    expect(late.rows[0][4]).toMatch(/^\d+s$/);
    expect(parseInt(late.rows[0][4], 10)).toBeGreaterThanOrEqual(2);
  });

  test('with FAKE_CLUSTER_CLOCK, ages and readiness follow the clock file, not the machine', async () => {
    const { dir, sh } = cluster({ FAKE_READY_SECONDS: '2' });
    const { clock, at, env } = clockIn(dir);
    await sh('kubectl apply -f samples/sleep/sleep.yaml', env);
    // However long the machine takes, the cluster's time has not moved.
    await new Promise((r) => setTimeout(r, 1200));
    const early = parseTable((await sh('kubectl get pod', env)).stdout).rows[0];
    expect([early[1], early[4]]).toEqual(['0/2', '0s']);
    at(1900);
    expect(parseTable((await sh('kubectl get pod', env)).stdout).rows[0][1]).toBe('0/2');
    at(7000);
    const late = parseTable((await sh('kubectl get pod', env)).stdout).rows[0];
    expect(late.slice(1)).toEqual(['2/2', 'Running', '0', '7s']);
    expect((await sh('kubectl rollout status deployment/sleep', env)).stdout).toBe('deployment "sleep" successfully rolled out\n');
    fs.writeFileSync(clock, 'noon');
    const bad = await sh('kubectl get pod', env);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toBe(`fake-cluster: FAKE_CLUSTER_CLOCK=${clock} must hold epoch milliseconds, not 'noon'\n`);
  });

  test('proxy-status lists the running pods with an istio-proxy once istiod runs, with istioctl\'s columns, and fails like istioctl without it', async () => {
    const { dir, sh } = cluster({ FAKE_READY_SECONDS: '2' });
    const { at, env } = clockIn(dir);
    const none = await sh('istioctl proxy-status', env);
    expect([none.exitCode, none.stdout, none.stderr]).toEqual([1, '', 'Error: unable to find any Istiod instances\n']);
    await sh('istioctl install --set profile=default -y >/dev/null', env);
    // istiod is not running yet: still no instance to ask.
    expect((await sh('istioctl proxy-status', env)).stderr).toBe('Error: unable to find any Istiod instances\n');
    at(3000);
    // sleep in default (labelled for injection) gets a sidecar; it is not connected until it runs.
    await sh('kubectl apply -f samples/sleep/sleep.yaml >/dev/null', env);
    const starting = await sh('istioctl ps', env);
    expect(starting.stdout.split('\n').filter(Boolean).map((l) => l.split(/ {5,}/)[0].replace(/-\w+-\w+\./, '-X.'))).toEqual(['NAME', 'istio-ingressgateway-X.istio-system']);
    at(81000);
    const r = await sh('istioctl proxy-status --context=kind-doctest -i istio-system', env);
    const istiod = (await sh('kubectl get pods -n istio-system -l app=istiod -o name', env)).stdout.trim().replace('pod/', '');
    const sleep = (await sh('kubectl get pods -l app=sleep -o name', env)).stdout.trim().replace('pod/', '');
    const gateway = (await sh('kubectl get pods -n istio-system -l app=istio-ingressgateway -o name', env)).stdout.trim().replace('pod/', '');
    const rows = [
      ['NAME', 'CLUSTER', 'CDS', 'LDS', 'EDS', 'RDS', 'ECDS', 'ISTIOD', 'VERSION'],
      [`${gateway}.istio-system`, 'Kubernetes', 'SYNCED (79s)', 'SYNCED (79s)', 'SYNCED (79s)', 'NOT SENT', 'IGNORED', istiod, '1.26.2'],
      [`${sleep}.default`, 'Kubernetes', 'SYNCED (76s)', 'SYNCED (76s)', 'SYNCED (76s)', 'SYNCED (76s)', 'IGNORED', istiod, '1.26.2'],
    ];
    // Columns padded to the widest cell plus 5 spaces, as istioctl's tabwriter does; sorted by name.
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    expect(r.stdout).toBe(rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] + 5))).join('')).join('\n') + '\n');
    for (const [command, what] of [['istioctl proxy-status -o json', 'flag -o'], [`istioctl proxy-status ${sleep}`, `command proxy-status ${sleep}`], ['istioctl proxy-status -i other', '--istioNamespace other']]) {
      const refused = await sh(command, env);
      expect([refused.exitCode, refused.stderr]).toEqual([1, `fake-cluster: unsupported: ${command} (${what})\n`]);
    }
  });

  test('rollout status gives up with kubectl\'s error after --timeout', async () => {
    const { sh } = cluster({ FAKE_READY_SECONDS: '30' });
    await sh('kubectl apply -f samples/curl/curl.yaml');
    const r = await sh('kubectl rollout status deploy curl --timeout=300ms');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect((await sh('kubectl rollout status deployment/nope')).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  test('the AGE column uses kubectl\'s human durations', async () => {
    const { sh } = cluster();
    const r = await sh(`node --input-type=module -e "import { humanDuration } from '${LIB}/print.mjs'; console.log([4, 119, 130, 600, 7200, 10800, 11000, 75600, 200000].map((s) => humanDuration(s * 1000)).join(' '))"`);
    expect(r.stdout).toBe('4s 119s 2m10s 10m 120m 3h 3h3m 21h 2d7h\n');
  });

  test('a namespace with istio-injection gets the sidecar, one without it does not', async () => {
    const { sh } = cluster();
    const r = await sh(`${SOURCES}
kubectl get pod "$SOURCE_POD"
kubectl get pod "$SOURCE_POD_WITHOUT_ISTIO" -n without-istio
kubectl get pod "$SOURCE_POD" -o jsonpath='{.spec.containers[*].name}'`);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^curl-\S+ +2\/2     Running   0          \d+s$/);
    expect(lines[3]).toMatch(/^curl-\S+ +1\/1     Running   0          \d+s$/);
    expect(lines[4]).toBe('curl istio-proxy');
  });

  test('jsonpath prints names, a cluster IP and the first item, and refuses what it does not know', async () => {
    const { sh } = cluster();
    const r = await sh(`kubectl apply -f samples/curl/curl.yaml -n default >/dev/null
echo "[$(kubectl get pod -l app=curl -o jsonpath={.items..metadata.name})]"
echo "[$(kubectl get pod -o jsonpath='{.items[0].metadata.name}')]"
echo "[$(kubectl get service curl -o jsonpath='{.spec.clusterIP}')]"
echo "[$(kubectl get pod -l app=nothing -o jsonpath={.items..metadata.name})]"`);
    const [names, first, ip, none] = r.stdout.trimEnd().split('\n').map((l) => l.slice(1, -1));
    expect(names).toMatch(POD('curl'));
    expect(first).toBe(names);
    expect(ip).toMatch(/^10\.96\.\d{1,3}\.\d{1,3}$/);
    expect(none).toBe('');

    const range = await sh("kubectl get pod -o jsonpath='{range .items[*]}{.metadata.name}{end}'");
    expect(range.exitCode).toBe(1);
    expect(range.stderr).toMatch(/^fake-cluster: unsupported: kubectl get pod -o jsonpath=\{range/);
    const empty = await sh("kubectl get pod -n kube-public -o jsonpath='{.items[0].metadata.name}'");
    expect(empty.exitCode).toBe(1);
    expect(empty.stderr).toMatch(/^error: error executing jsonpath "\{\.items\[0\]\.metadata\.name\}": Error executing template: array index out of bounds: index 0, length 0\./);
  });

  test('kube-inject adds the sidecar, and applying its output rolls the deployment to a new pod', async () => {
    const { sh } = cluster();
    const inject = await sh('istioctl kube-inject -f samples/curl/curl.yaml');
    expect(inject.stdout).toContain('- name: istio-proxy\n');
    expect(inject.stdout).toContain('sidecar.istio.io/status: \'{"initContainers":["istio-init"],"containers":["istio-proxy"]');

    const r = await sh(`kubectl apply -f samples/curl/curl.yaml -n without-istio 2>&1; kubectl create ns without-istio
kubectl apply -f samples/curl/curl.yaml -n without-istio >/dev/null
old=$(kubectl get pod -n without-istio -o jsonpath={.items..metadata.name})
kubectl apply -f <(istioctl kube-inject -f samples/curl/curl.yaml) -n without-istio
kubectl rollout status deployment/curl -n without-istio
kubectl get pod -n without-istio -o jsonpath='{.items[*].metadata.name} {.items[*].spec.containers[*].name}'; echo
echo "$old"`);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual([
      ...[1, 2, 3].map(() => 'Error from server (NotFound): error when creating "samples/curl/curl.yaml": namespaces "without-istio" not found'),
      'namespace/without-istio created',
      'serviceaccount/curl unchanged',
      'service/curl unchanged',
      'deployment.apps/curl configured',
    ]);
    // On a slow machine the new pod may be ready before rollout status first looks: then it has nothing to wait for.
    const rollout = lines.slice(7, -2);
    if (rollout.length === 2) expect(rollout[0]).toBe('Waiting for deployment "curl" rollout to finish: 1 old replicas are pending termination...');
    expect(rollout[rollout.length - 1]).toBe('deployment "curl" successfully rolled out');
    const [pod, ...containers] = lines[lines.length - 2].split(' ');
    expect(containers).toEqual(['curl', 'istio-proxy']);
    expect(pod).toMatch(POD('curl'));
    expect(pod.split('-')[1]).not.toBe(lines[lines.length - 1].split('-')[1]);
  });

  test('until the rollout of a changed template finishes, the old pod is listed next to the new one', async () => {
    const { dir, sh } = cluster({ FAKE_READY_SECONDS: '3' });
    // The fake's clock, not real time: a loaded machine may take longer than the 3 s between the apply and the look.
    const { at, env } = clockIn(dir);
    await sh('kubectl apply -f samples/sleep/sleep.yaml >/dev/null', env);
    at(4000);
    await sh('kubectl rollout status deploy/sleep >/dev/null', env);
    const during = (await sh('kubectl apply -f <(istioctl kube-inject -f samples/sleep/sleep.yaml) >/dev/null; kubectl get pod -l app=sleep -o jsonpath={.items..metadata.name}', env)).stdout.trim();
    at(8000);
    await sh('kubectl rollout status deploy/sleep >/dev/null', env);
    const after = (await sh('kubectl get pod -l app=sleep -o jsonpath={.items..metadata.name}', env)).stdout.trim();
    expect(during.split(' ')).toHaveLength(2);
    expect(during.split(' ')).toContain(after);
    expect(after).toMatch(POD('sleep'));
  });

  test('a deleted pod of a deployment is replaced by a new one', async () => {
    const { sh } = cluster();
    const r = await sh(`kubectl apply -f samples/curl/curl.yaml >/dev/null
old=$(kubectl get pod -o name)
kubectl delete "$old"
echo "$old $(kubectl get pod -o name)"`);
    const [deleted, names] = r.stdout.trimEnd().split('\n');
    const [old, current] = names.split(' ');
    expect(deleted).toBe(`pod "${old.slice(4)}" deleted`);
    expect(current).not.toBe(old);
    expect(current.slice(0, -5)).toBe(old.slice(0, -5));
  });

  test('-o yaml and -o json print the object the API server would return', async () => {
    const { sh } = cluster();
    await sh('kubectl apply -f samples/curl/curl.yaml');
    const yaml = (await sh('kubectl get svc curl -o yaml')).stdout;
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n {2}creationTimestamp: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
    expect(yaml).toMatch(/\n {2}clusterIP: 10\.96\.\d+\.\d+\n {2}clusterIPs:\n {2}- 10\.96\./);
    const pods = JSON.parse((await sh('kubectl get pods -o json')).stdout);
    expect(pods).toMatchObject({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Pod', metadata: { namespace: 'default', labels: { app: 'curl' } } }] });
    expect(pods.items[0].status.podIP).toMatch(/^10\.244\.0\.\d+$/);
  });

  test('curl from a pod without the sidecar gets httpbin\'s headers with a current User-Agent', async () => {
    const { sh } = cluster();
    const r = await sh(`${SOURCES}${HTTPBIN}kubectl get svc my-httpbin
kubectl exec "$SOURCE_POD_WITHOUT_ISTIO" -n without-istio -c curl -- curl -sS my-httpbin.default.svc.cluster.local/headers`);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    const [created, header, row, ...json] = r.stdout.split('\n');
    expect(created).toBe('service/my-httpbin created');
    expect(header).toBe('NAME         TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE');
    expect(row).toMatch(/^my-httpbin   ExternalName   <none>       httpbin\.org   80\/TCP    \ds$/);
    const body = json.join('\n');
    expect(body).toMatch(/^\{\n {2}"headers": \{\n {4}"Accept": "\*\/\*",\n/);
    const { headers } = JSON.parse(body);
    expect(headers).toMatchObject({ Accept: '*/*', Host: 'my-httpbin.default.svc.cluster.local' });
    expect(headers['User-Agent']).toMatch(/^curl\/8\.\d+\.\d+$/);
    expect(headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(Object.keys(headers).some((h) => h.startsWith('X-Envoy'))).toBe(false);
  });

  test('curl through the sidecar fails with 503 until a DestinationRule disables TLS, then shows what Envoy adds', async () => {
    const { sh } = cluster();
    const url = 'my-httpbin.default.svc.cluster.local/headers';
    const r = await sh(`${SOURCES}${quietly(HTTPBIN)}kubectl exec "$SOURCE_POD" -c curl -- curl -sS ${url}; echo " [exit $?]"
kubectl apply -f - <<EOF
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: my-httpbin
spec:
  host: my-httpbin.default.svc.cluster.local
  trafficPolicy:
    tls:
      mode: DISABLE
EOF
kubectl exec "$SOURCE_POD" -c curl -- curl -sS ${url}
echo "$SOURCE_POD $(kubectl get pod "$SOURCE_POD" -o jsonpath={.status.podIP})"`);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('upstream connect error or disconnect/reset before headers. reset reason: connection termination [exit 0]');
    expect(lines[1]).toBe('destinationrule.networking.istio.io/my-httpbin created');
    const [pod, ip] = lines[lines.length - 1].split(' ');
    const { headers } = JSON.parse(lines.slice(2, -1).join('\n'));
    expect(Object.keys(headers)).toEqual([...Object.keys(headers)].sort());
    expect(headers).toMatchObject({
      'Content-Length': '0', Host: 'my-httpbin.default.svc.cluster.local', 'X-B3-Sampled': '0', 'X-Envoy-Attempt-Count': '1',
      'X-Envoy-Decorator-Operation': 'my-httpbin.default.svc.cluster.local:80/*',
      'X-Envoy-Peer-Metadata-Id': `sidecar~${ip}~${pod}.default~default.svc.cluster.local`,
    });
    expect(headers['X-B3-Spanid']).toMatch(/^[0-9a-f]{16}$/);
    expect(headers['X-B3-Traceid']).toMatch(new RegExp(`^[0-9a-f]{16}${headers['X-B3-Spanid']}$`));
    expect(Buffer.from(headers['X-Envoy-Peer-Metadata'], 'base64').toString('latin1')).toContain(pod);
    expect(ip).toMatch(/^10\.244\.0\.\d+$/);
  });

  test('Wikipedia answers through the my-wikipedia cluster IP once its Endpoints exist, in English', async () => {
    const { sh } = cluster();
    const fetch = (pod: string) => `kubectl exec ${pod} -c curl -- curl -sS ${RESOLVE} https://en.wikipedia.org/wiki/Main_Page`;
    const r = await sh(`${SOURCES}
${fetch('"$SOURCE_POD"')}; echo "[exit $?]"
${quietly(WIKIPEDIA)}
${fetch('"$SOURCE_POD_WITHOUT_ISTIO" -n without-istio')} | grep -o "<title>.*</title>"
${fetch('"$SOURCE_POD"')} | grep -o "<title>.*</title>"`);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('[exit 49]');
    expect(r.stderr).toBe([
      'Error from server (NotFound): services "my-wikipedia" not found',
      "curl: (49) Couldn't parse CURLOPT_RESOLVE entry 'en.wikipedia.org:443:'",
      'command terminated with exit code 49',
      '',
    ].join('\n'));
    expect(lines.slice(-2)).toEqual(['<title>Wikipedia, the free encyclopedia</title>', '<title>Wikipedia, the free encyclopedia</title>']);
  });

  test('a cluster IP without Endpoints refuses the connection like curl says it', async () => {
    const { sh } = cluster();
    const r = await sh(`${SOURCES}
kubectl apply -f - >/dev/null <<EOF
kind: Service
apiVersion: v1
metadata: {name: my-wikipedia}
spec: {ports: [{port: 443, name: tls}]}
EOF
kubectl exec "$SOURCE_POD" -c curl -- curl -sS ${RESOLVE} https://en.wikipedia.org/wiki/Main_Page`);
    expect(r.exitCode).toBe(7);
    expect(r.stderr).toMatch(/^curl: \(7\) Failed to connect to en\.wikipedia\.org port 443 after \d+ ms: Couldn't connect to server\ncommand terminated with exit code 7\n$/);
  });

  test('curl -v prints modern curl\'s verbose lines on stderr and -o /dev/null drops the body', async () => {
    const { sh } = cluster();
    const r = await sh(`${SOURCES}${quietly(WIKIPEDIA)}kubectl get service my-wikipedia -o jsonpath='{.spec.clusterIP}' >&2; echo >&2
kubectl exec "$SOURCE_POD" -c curl -- curl -sS -v ${RESOLVE} https://en.wikipedia.org/wiki/Main_Page -o /dev/null`);
    expect(r).toMatchObject({ exitCode: 0, stdout: '' });
    const [ip, ...lines] = r.stderr.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `* Added en.wikipedia.org:443:${ip} to DNS cache`,
      '* Hostname en.wikipedia.org was found in DNS cache',
      `*   Trying ${ip}:443...`,
    ]);
    expect(lines).toContain(`* Connected to en.wikipedia.org (${ip}) port 443`);
    expect(lines).toContain('* ALPN: server accepted h2');
    expect(lines).toContain('> GET /wiki/Main_Page HTTP/2\r');
    expect(lines).toContain('< HTTP/2 200 \r');
    expect(lines[lines.length - 1]).toBe('* Connection #0 to host en.wikipedia.org left intact');
  });

  test('the page\'s cleanup leaves the fake\'s state empty', async () => {
    const { sh } = cluster();
    const r = await sh(`${SOURCES}${quietly(HTTPBIN + WIKIPEDIA)}kubectl apply -f - >/dev/null <<EOF
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata:
  name: my-wikipedia
spec:
  host: my-wikipedia.default.svc.cluster.local
  trafficPolicy:
    tls:
      mode: DISABLE
EOF
fake-cluster-state | wc -l
kubectl delete destinationrule my-wikipedia
kubectl delete endpoints my-wikipedia
kubectl delete service my-wikipedia my-httpbin
kubectl delete -f samples/curl/curl.yaml
kubectl delete -f samples/curl/curl.yaml -n without-istio
kubectl delete namespace without-istio
echo "[$(fake-cluster-state)]"
kubectl get pods -A`);
    expect(r.stdout.split('\n')).toEqual([
      '13',
      'destinationrule.networking.istio.io "my-wikipedia" deleted',
      'endpoints "my-wikipedia" deleted',
      'service "my-wikipedia" deleted',
      'service "my-httpbin" deleted',
      'serviceaccount "curl" deleted',
      'service "curl" deleted',
      'deployment.apps "curl" deleted',
      'serviceaccount "curl" deleted',
      'service "curl" deleted',
      'deployment.apps "curl" deleted',
      'namespace "without-istio" deleted',
      '[]',
      '',
    ]);
    expect(r.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNo resources found\n');
  });

  test('deleting what does not exist fails with kubectl\'s NotFound errors', async () => {
    const { sh } = cluster();
    const r = await sh('kubectl delete destinationrule my-httpbin; kubectl delete -f samples/curl/curl.yaml; kubectl delete namespace default; kubectl delete svc nope --ignore-not-found');
    expect(r.stderr).toBe([
      'Error from server (NotFound): destinationrules.networking.istio.io "my-httpbin" not found',
      'Error from server (NotFound): error when deleting "samples/curl/curl.yaml": serviceaccounts "curl" not found',
      'Error from server (NotFound): error when deleting "samples/curl/curl.yaml": services "curl" not found',
      'Error from server (NotFound): error when deleting "samples/curl/curl.yaml": deployments.apps "curl" not found',
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
      '',
    ].join('\n'));
    expect(r.exitCode).toBe(0);
    expect((await sh('kubectl delete destinationrule my-httpbin')).exitCode).toBe(1);
  });

  test('exec into a missing pod, a missing container or a pod not yet running fails like kubectl', async () => {
    const { sh } = cluster({ FAKE_READY_SECONDS: '30' });
    const r = await sh(`kubectl apply -f samples/sleep/sleep.yaml >/dev/null
P=$(kubectl get pod -l app=sleep -o jsonpath={.items..metadata.name})
kubectl exec nope -- true; echo "exit $?"
kubectl exec "$P" -c curl -- true; echo "exit $?"
kubectl exec "$P" -c sleep -- true; echo "exit $?"
echo "$P"`, {});
    const pod = r.stdout.trimEnd().split('\n').pop();
    expect(r.stdout).toBe(`exit 1\nexit 1\nexit 1\n${pod}\n`);
    expect(r.stderr).toBe([
      'Error from server (NotFound): pods "nope" not found',
      `Error from server (BadRequest): container curl is not valid for pod ${pod}`,
      'error: unable to upgrade connection: container not found ("sleep")',
      '',
    ].join('\n'));
  });

  test('unknown commands, flags, resources and in-pod commands fail loudly', async () => {
    const { sh } = cluster();
    const cases: Array<[string, string]> = [
      ['kubectl port-forward svc/curl 8080:80', 'fake-cluster: unsupported: kubectl port-forward svc/curl 8080:80 (command port-forward)'],
      ['kubectl get pods --no-headers', 'fake-cluster: unsupported: kubectl get pods --no-headers (flag --no-headers)'],
      ['kubectl get virtualservice', 'fake-cluster: unsupported: kubectl get virtualservice (resource type "virtualservice")'],
      ['istioctl analyze', 'fake-cluster: unsupported: istioctl analyze (command analyze)'],
      ['kubectl', 'fake-cluster: unsupported: kubectl (no command)'],
    ];
    for (const [command, message] of cases) {
      const r = await sh(command);
      expect({ command, exitCode: r.exitCode, stderr: r.stderr }).toEqual({ command, exitCode: 1, stderr: `${message}\n` });
    }
    const gateway = await sh('printf "apiVersion: networking.istio.io/v1\\nkind: Gateway\\nmetadata: {name: g}\\n" | kubectl apply -f -');
    expect(gateway.stderr).toMatch(/^fake-cluster: unsupported: kubectl apply -f - \(apply of kind Gateway/);
    const inPod = await sh(`${SOURCES}
kubectl exec "$SOURCE_POD" -c curl -- wget -qO- http://example.com; echo "exit $?"
kubectl exec "$SOURCE_POD" -c curl -- curl -sS http://example.com/; echo "exit $?"`);
    expect(inPod.stdout).toBe('exit 1\nexit 6\n');
    expect(inPod.stderr).toMatch(/^fake-cluster: unsupported: kubectl exec curl-\S+ -c curl -- wget -qO- http:\/\/example.com \(command wget in a container\)\n/);
    expect(inPod.stderr).toMatch(/\ncurl: \(6\) Could not resolve host: example.com\ncommand terminated with exit code 6\n$/);
  });

  test('the context comes from KUBECONFIG, and without one kubectl fails like kubectl', async () => {
    const { sh, dir } = cluster();
    expect((await sh('kubectl config current-context')).stdout).toBe('kind-doctest\n');
    expect((await sh('kubectl --context gke_acme-prod_europe-west1_main config current-context')).stdout).toBe('kind-doctest\n');
    // The fake plays the local kind cluster only: a production context's server cannot be reached from here.
    expect(await sh('kubectl get pods --context gke_acme-prod_europe-west1_main')).toMatchObject({ exitCode: 1, stderr: 'Unable to connect to the server: dial tcp 203.0.113.10:443: i/o timeout\n' });
    expect(await sh('istioctl uninstall --purge -y --context gke_acme-prod_europe-west1_main')).toMatchObject({ exitCode: 1, stderr: 'Unable to connect to the server: dial tcp 203.0.113.10:443: i/o timeout\n' });
    expect((await sh('kubectl get pods --context kind-doctest')).stderr).toBe('No resources found in default namespace.\n');
    const other = path.join(dir, 'other.yaml');
    fs.writeFileSync(other, 'apiVersion: v1\nkind: Config\ncurrent-context: minikube\ncontexts:\n- name: minikube\n  context: {cluster: minikube, namespace: kube-system}\n');
    expect((await sh('kubectl config current-context', { KUBECONFIG: `${path.join(dir, 'missing')}:${other}` })).stdout).toBe('minikube\n');
    const unset = await sh('kubectl config current-context', { KUBECONFIG: undefined });
    expect(unset).toMatchObject({ exitCode: 1, stderr: 'error: current-context is not set\n' });
    const noCluster = await sh('kubectl get pods', { KUBECONFIG: undefined });
    expect(noCluster).toMatchObject({ exitCode: 1, stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n' });
    const unknown = await sh('kubectl get pods --context prod');
    expect(unknown).toMatchObject({ exitCode: 1, stderr: 'error: context was not found for specified context: prod\n' });
  });

  test('kubectl config use-context switches the current context of the first kubeconfig file, and only to a known one', async () => {
    const { sh, dir } = cluster();
    const own = path.join(dir, 'kubeconfig.yaml');
    fs.copyFileSync(KUBECONFIG, own);
    const env = { KUBECONFIG: `${own}:${path.join(dir, 'missing')}` };
    expect(await sh('kubectl config use-context prod-eu-1', env)).toMatchObject({ exitCode: 1, stderr: 'error: no context exists with the name: "prod-eu-1"\n' });
    expect(await sh('kubectl config use-context gke_acme-prod_europe-west1_main', env)).toMatchObject({ exitCode: 0, stdout: 'Switched to context "gke_acme-prod_europe-west1_main".\n' });
    expect((await sh('kubectl config current-context', env)).stdout).toBe('gke_acme-prod_europe-west1_main\n');
    // Now every call without --context goes to the production server, which cannot be reached; --context still wins.
    expect((await sh('kubectl get ns default -o name', env)).stderr).toBe('Unable to connect to the server: dial tcp 203.0.113.10:443: i/o timeout\n');
    expect((await sh('kubectl --context kind-doctest get ns default -o name', env)).stdout).toBe('namespace/default\n');
    expect(fs.readFileSync(own, 'utf8')).toContain('# Test kubeconfig for the fake cluster');
    expect(fs.readFileSync(KUBECONFIG, 'utf8')).toMatch(/^current-context: kind-doctest$/m);
  });

  test('without FAKE_CLUSTER_STATE the fake refuses to run', async () => {
    const { sh } = cluster();
    const r = await sh('kubectl get pods', { FAKE_CLUSTER_STATE: undefined });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^fake-cluster: FAKE_CLUSTER_STATE is not set/);
  });

  test('the resident server and a fake run in its own Node answer the same cluster the same way', async () => {
    const resident = process.env.FAKE_CLUSTER_SERVER;
    if (!resident) {
      console.log('skipped: no resident fake cluster in this run (test/global-setup.cjs starts one for the e2e project)');
      return;
    }
    const { sh } = cluster();
    const script = `${HTTPBIN}kubectl get svc my-httpbin -o jsonpath='{.spec.externalName}'; echo
kubectl get pod nope; echo "status $?"
kubectl frobnicate; echo "status $?"
fake-cluster-state`;
    const viaServer = await sh(script, { FAKE_CLUSTER_SERVER: resident });
    await sh('kubectl delete svc my-httpbin >/dev/null', { FAKE_CLUSTER_SERVER: resident });
    const inProcess = await sh(script, { FAKE_CLUSTER_SERVER: undefined });
    expect(viaServer.stdout).toBe('service/my-httpbin created\nhttpbin.org\nstatus 1\nstatus 1\nService default/my-httpbin\n');
    expect(viaServer.stderr).toBe('Error from server (NotFound): pods "nope" not found\nfake-cluster: unsupported: kubectl frobnicate (command frobnicate)\n');
    expect(inProcess).toEqual(viaServer);
  });

  test('a resident server names an unreachable address loudly', async () => {
    const { sh } = cluster();
    const r = await sh('kubectl get pods', { FAKE_CLUSTER_SERVER: '127.0.0.1:1:token' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('fake-cluster: no resident fake cluster answers at 127.0.0.1:1 (FAKE_CLUSTER_SERVER)\n');
  });

  test('generated names, IPs and trace ids differ from one cluster to the next', async () => {
    const values = await Promise.all([cluster(), cluster()].map(async ({ sh }) => {
      const r = await sh(`kubectl apply -f samples/curl/curl.yaml >/dev/null
kubectl get pod -o jsonpath='{.items[0].metadata.name} {.items[0].status.podIP}'; echo -n ' '
kubectl get svc curl -o jsonpath='{.spec.clusterIP}'`);
      return r.stdout.split(' ');
    }));
    values[0].forEach((value, i) => expect(value).not.toBe(values[1][i]));
  });

  test('parallel invocations do not lose each other\'s writes', async () => {
    const { sh } = cluster();
    const r = await sh('for i in $(seq 1 12); do kubectl create namespace ns-$i >/dev/null & done; wait; fake-cluster-state');
    expect(r.stdout.trimEnd().split('\n').sort()).toEqual(Array.from({ length: 12 }, (_, i) => `Namespace ns-${i + 1}`).sort());
  });
});
