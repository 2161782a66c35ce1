import { match } from './index.js';
import { chunks, headerColumns, rowCells } from './table.js';

const pods = `NAME                              READY   STATUS    RESTARTS   AGE     IP            NODE                 NOMINATED NODE   READINESS GATES
details-v1-558b8b4b76-2llld       2/2     Running   0          2m41s   10.244.0.11   kind-control-plane   <none>           <none>
productpage-v1-6987489c74-lpkgl   2/2     Running   0          2m40s   10.244.0.16   kind-control-plane   <none>           <none>
ratings-v1-7dc98c7588-vzftc       2/2     Running   0          2m41s   10.244.0.10   kind-control-plane   <none>           <none>
reviews-v1-7f99cc4496-gdxfn       2/2     Running   0          2m40s   10.244.0.12   kind-control-plane   <none>           <none>
reviews-v2-7d79d5bd5d-8zzqd       2/2     Running   0          2m41s   10.244.0.14   kind-control-plane   <none>           <none>
reviews-v3-7dbcdcbc56-m8dph       2/2     Running   0          2m41s   10.244.0.15   kind-control-plane   <none>           <none>`;

// The same pods on another day: fresh hashes, IPs and ages, in another order.
const podsLater = `NAME                             READY   STATUS    RESTARTS   AGE   IP           NODE                 NOMINATED NODE   READINESS GATES
details-v1-6cf8d4f9cb-wm7x6      2/2     Running   0          17s   10.244.1.5   kind-control-plane   <none>           <none>
productpage-v1-8fd5c6b7d-x2z4q   2/2     Running   0          16s   10.244.1.9   kind-control-plane   <none>           <none>
ratings-v1-5b67c7c6b9-pq2tz      2/2     Running   0          17s   10.244.1.4   kind-control-plane   <none>           <none>
reviews-v3-84779c7bbc-bczqs      2/2     Running   0          17s   10.244.1.8   kind-control-plane   <none>           <none>
reviews-v2-65c4dc6fdc-dtw2b      2/2     Running   0          17s   10.244.1.7   kind-control-plane   <none>           <none>
reviews-v1-c4df795c6-kx4nb       2/2     Running   0          17s   10.244.1.6   kind-control-plane   <none>           <none>`;

const svc = `NAME                   TYPE           CLUSTER-IP       EXTERNAL-IP      PORT(S)                                                                      AGE
istio-ingressgateway   LoadBalancer   172.21.109.129   130.211.10.121   15021:30795/TCP,80:31380/TCP,443:31390/TCP,31400:31400/TCP,15443:31443/TCP   17h
istiod                 ClusterIP      172.21.66.206    <none>           15010/TCP,15012/TCP,443/TCP,15014/TCP                                        17h`;

const svcKind = `NAME                   TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)                                                                      AGE
istio-ingressgateway   LoadBalancer   10.96.45.118   <pending>     15021:31234/TCP,80:30080/TCP,443:32443/TCP,31400:30400/TCP,15443:30443/TCP   5m3s
istiod                 ClusterIP      10.96.12.7     <none>        15010/TCP,15012/TCP,443/TCP,15014/TCP                                        5m4s`;

const gateways = `NAME               CLASS   ADDRESS          PROGRAMMED   AGE
bookinfo-gateway   istio   172.18.255.200   True         42s`;

const clusters = `SERVICE FQDN                                            PORT      SUBSET     DIRECTION     TYPE             DESTINATION RULE
                                                        9080      -          inbound       ORIGINAL_DST
BlackHoleCluster                                        -         -          -             STATIC
InboundPassthroughCluster                               -         -          -             ORIGINAL_DST
PassthroughCluster                                      -         -          -             ORIGINAL_DST
agent                                                   -         -          -             STATIC
details.default.svc.cluster.local                       9080      -          outbound      EDS
reviews.default.svc.cluster.local                       9080      v1         outbound      EDS              reviews.default`;

const clustersLater = `SERVICE FQDN                          PORT     SUBSET     DIRECTION     TYPE             DESTINATION RULE
reviews.default.svc.cluster.local     9080     v1         outbound      EDS              reviews.default
                                      9080     -          inbound       ORIGINAL_DST
BlackHoleCluster                      -        -          -             STATIC
InboundPassthroughCluster             -        -          -             ORIGINAL_DST
PassthroughCluster                    -        -          -             ORIGINAL_DST
agent                                 -        -          -             STATIC
details.default.svc.cluster.local     9080     -          outbound      EDS`;

const listeners = `ADDRESSES      PORT  MATCH                                DESTINATION
10.96.0.10     53    ALL                                  Cluster: outbound|53||kube-dns.kube-system.svc.cluster.local
0.0.0.0        80    Trans: raw_buffer; App: http/1.1,h2c Route: 80
0.0.0.0        80    ALL                                  PassthroughCluster
10.96.132.41   9080  Trans: raw_buffer; App: http/1.1,h2c Route: reviews.default.svc.cluster.local:9080`;

const routes = `NAME                                                          VHOST NAME                                                    DOMAINS                               MATCH                  VIRTUAL SERVICE
80                                                            httpbin.default.svc.cluster.local:80                          httpbin, httpbin.default + 1 more...  /*
9080                                                          reviews.default.svc.cluster.local:9080                        reviews, reviews.default + 1 more...  /*                     reviews.default
                                                              backend                                                       *                                     /healthz/ready*
                                                              backend                                                       *                                     /stats/prometheus*`;

const proxyStatus = `NAME                                                   CLUSTER        CDS        LDS        EDS        RDS        ECDS         ISTIOD                      VERSION
details-v1-558b8b4b76-qzqsg.default                    Kubernetes     SYNCED     SYNCED     SYNCED     SYNCED     NOT SENT     istiod-6cf8d4f9cb-wm7x6     1.20.0
istio-ingressgateway-5d4b8f7c9-bzm7x.istio-system      Kubernetes     SYNCED     SYNCED     SYNCED     NOT SENT   NOT SENT     istiod-6cf8d4f9cb-wm7x6     1.20.0`;

const proxyStatusLater = `NAME                                                CLUSTER        CDS        LDS        EDS        RDS        ECDS         ISTIOD                     VERSION
istio-ingressgateway-6b7d8c9f4-2llld.istio-system   Kubernetes     SYNCED     SYNCED     SYNCED     NOT SENT   NOT SENT     istiod-7d4f9cb6b-x2z4q     1.24.1
details-v1-7f99cc4496-gdxfn.default                 Kubernetes     SYNCED     SYNCED     SYNCED     SYNCED     NOT SENT     istiod-7d4f9cb6b-x2z4q     1.24.1`;

// Changes one row of a table by a replacement.
function edit(table: string, from: string, to: string): string {
  if (!table.includes(from)) throw new Error(`no ${from}`);
  return table.replace(from, to);
}

describe('table headers', () => {
  test.each<[string, string[] | null]>([
    ['NAME   READY   STATUS', ['NAME', 'READY', 'STATUS']],
    ['SERVICE FQDN    PORT     DESTINATION RULE', ['SERVICE FQDN', 'PORT', 'DESTINATION RULE']],
    ['NAME  CPU(cores)  MEMORY(bytes)', ['NAME', 'CPU(cores)', 'MEMORY(bytes)']],
    ['NAME  TYPE  CLUSTER-IP  EXTERNAL-IP  PORT(S)  AGE', ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']],
    ['NAME', null],
    ['Name   Ready', null],
    ['HTTP/1.1 200 OK', null],
    ['NOT A HEADER  HERE', null],
    ['  NAME   READY', null],
  ])('%s', (line, names) => {
    expect(headerColumns(line)?.map((c) => c.name) ?? null).toEqual(names);
  });

  test('cells are split on runs of two or more spaces', () => {
    expect(chunks('a b  c   d').map((c) => c.text)).toEqual(['a b', 'c', 'd']);
  });

  test('empty cells are placed by where the others start', () => {
    const columns = headerColumns(clusters.split('\n')[0])!;
    expect(rowCells(clusters.split('\n')[1], columns)).toEqual(['', '9080', '-', 'inbound', 'ORIGINAL_DST', '']);
  });
});

describe('tables that match', () => {
  test.each<[string, string, string]>([
    ['kubectl get pods -o wide, shuffled, fresh hashes, IPs and ages', pods, podsLater],
    ['kubectl get svc on a kind cluster: <pending>, fresh node ports', svc, svcKind],
    ['kubectl get gateways', gateways, 'NAME               CLASS   ADDRESS        PROGRAMMED   AGE\nbookinfo-gateway   istio   10.96.200.13   True         3m'],
    ['istioctl proxy-config cluster with empty cells, shuffled', clusters, clustersLater],
    ['istioctl proxy-config listener', listeners, edit(edit(listeners, '10.96.0.10 ', '10.0.0.10  '), '10.96.132.41', '10.0.211.7  ')],
    ['istioctl proxy-config route', routes, routes.split('\n').reverse().join('\n').replace(/^([^\n]*)\n([\s\S]*)$/, (_m, last, rest) => `${routes.split('\n')[0]}\n${rest.split('\n').filter((l: string) => !l.startsWith('NAME')).join('\n')}\n${last}`).replace(/\n+$/, '')],
    ['istioctl proxy-status with another version and fresh pods', proxyStatus, proxyStatusLater],
    ['a ... row allows more rows', `${pods.split('\n').slice(0, 3).join('\n')}\n...`, podsLater],
    ['a cell of ... matches any value', edit(pods, '2m41s   10.244.0.11', '...     ...        '), podsLater],
    ['a row cut short with ...', edit(pods, '2/2     Running   0          2m41s   10.244.0.11   kind-control-plane   <none>           <none>', '...'), podsLater],
  ])('%s', (_name, expected, actual) => {
    const result = match(expected, actual);
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('tables that do not match', () => {
  test.each<[string, string, string, string[]]>([
    ['a pod is not ready', pods, edit(podsLater, 'reviews-v1-c4df795c6-kx4nb       2/2', 'reviews-v1-c4df795c6-kx4nb       1/2'), ['row 4, column READY: expected "2/2", got "1/2"']],
    ['a pod is pending', pods, edit(podsLater, '2/2     Running   0          16s', '0/2     Pending   0          16s'), ['row 2, column READY: expected "2/2", got "0/2"', 'row 2, column STATUS: expected "Running", got "Pending"']],
    ['a pod restarted', pods, edit(podsLater, 'Running   0          16s', 'Running   3          16s'), ['row 2, column RESTARTS: expected "0", got "3"']],
    [
      'a pod of another version',
      pods,
      edit(podsLater, 'reviews-v1-c4df795c6-kx4nb ', 'reviews-v4-c4df795c6-kx4nb '),
      ['row 4, column NAME: expected "reviews-v1-7f99cc4496-gdxfn", got "reviews-v4-c4df795c6-kx4nb" (at column 1: expected a generated name BASE-HASH-SUFFIX with BASE "reviews-v1" like "reviews-v1-7f99cc4496-gdxfn", got "reviews-v4-c4df795c6-kx4nb")'],
    ],
    ['an IP is missing', gateways, 'NAME               CLASS   ADDRESS          PROGRAMMED   AGE\nbookinfo-gateway   istio   bookinfo.local   True         42s', ['row 1, column ADDRESS: expected "172.18.255.200", got "bookinfo.local" (at column 1: expected an IPv4 address like "172.18.255.200", got "bookinfo.local")']],
    ['a gateway not programmed', gateways, edit(gateways, 'True ', 'False'), ['row 1, column PROGRAMMED: expected "True", got "False"']],
    ['a node port of another port', svc, edit(svcKind, '80:30080/TCP', '81:30080/TCP'), ['row 1, column PORT(S): expected "15021:30795/TCP,80:31380/TCP,443:31390/TCP,31400:31400/TCP,15443:31443/TCP", got "15021:31234/TCP,81:30080/TCP,443:32443/TCP,31400:30400/TCP,15443:30443/TCP" (at column 17: expected a node port mapping of 80/TCP like "80:31380/TCP", got "81:30080/TCP")']],
    ['a service of another type', svc, edit(svcKind, 'ClusterIP ', 'NodePort  '), ['row 2, column TYPE: expected "ClusterIP", got "NodePort"']],
    ['a destination rule is gone', clusters, edit(clustersLater, 'reviews.default\n', '\n'), ['row 7, column DESTINATION RULE: expected "reviews.default", got ""']],
  ])('%s', (_name, expected, actual, reasons) => {
    const result = match(expected, actual);
    expect(result.ok).toBe(false);
    expect(result.differences.map((d) => d.reason)).toEqual(reasons);
  });

  test('an extra row is reported when there is no ... row', () => {
    const result = match(pods.split('\n').slice(0, 6).join('\n'), podsLater);
    expect(result.ok).toBe(false);
    expect(result.differences.map((d) => d.reason)).toEqual([
      'table at line 1: expected 5 rows, got 6',
      'output line 5: unexpected row "reviews-v3-84779c7bbc-bczqs 2/2 Running 0 17s 10.244.1.8 kind-control-plane <none> <none>"',
    ]);
  });

  test('a missing row is reported with its line', () => {
    const result = match(pods, podsLater.split('\n').filter((l) => !l.startsWith('ratings')).join('\n'));
    expect(result.ok).toBe(false);
    expect(result.differences.map((d) => d.reason)).toEqual([
      'table at line 1: expected 6 rows, got 5',
      'row 3 (line 4): no row of the output matches "ratings-v1-7dc98c7588-vzftc 2/2 Running 0 2m41s 10.244.0.10 kind-control-plane <none> <none>"',
    ]);
  });

  test('a header of other columns is reported', () => {
    const narrow = podsLater
      .split('\n')
      .map((l) => l.slice(0, l.indexOf(l.startsWith('NAME') ? 'IP' : '10.244')).trimEnd())
      .join('\n');
    const result = match(pods, narrow);
    expect(result.ok).toBe(false);
    expect(result.differences[0]).toMatchObject({
      row: 0,
      reason: 'line 1, header: expected columns NAME, READY, STATUS, RESTARTS, AGE, IP, NODE, NOMINATED NODE, READINESS GATES, got NAME, READY, STATUS, RESTARTS, AGE (missing IP, NODE, NOMINATED NODE, READINESS GATES)',
    });
    expect(result.differences).toHaveLength(1);
  });

  test('an output that is not a table is reported against the header', () => {
    const result = match(pods, 'No resources found in default namespace.');
    expect(result.ok).toBe(false);
    expect(result.differences[0].reason).toBe(
      'line 1: expected a table with the header "NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES", got "No resources found in default namespace."',
    );
  });

  test('the diff shows the actual rows in the expected order with matched values written as expected', () => {
    const result = match(pods, edit(podsLater, 'reviews-v1-c4df795c6-kx4nb       2/2', 'reviews-v1-c4df795c6-kx4nb       1/2'));
    const changed = result.diff.split('\n').filter((l) => l.startsWith('+') || l.startsWith('-'));
    expect(changed).toEqual([
      '--- expected',
      '+++ actual (values that match written as expected)',
      '-reviews-v1-7f99cc4496-gdxfn       2/2     Running   0          2m40s   10.244.0.12   kind-control-plane   <none>           <none>',
      '+reviews-v1-7f99cc4496-gdxfn       1/2     Running   0          2m40s   10.244.0.12   kind-control-plane   <none>           <none>',
    ]);
  });
});

describe('several tables separated by blank lines', () => {
  const all = `${pods}\n\n${svc}`;
  test('each table is compared with its counterpart', () => {
    expect(match(all, `${podsLater}\n\n${svcKind}`).ok).toBe(true);
  });

  test('a difference in the second table is reported at its line', () => {
    const result = match(all, `${podsLater}\n\n${edit(svcKind, 'ClusterIP ', 'NodePort  ')}`);
    expect(result.differences.map((d) => [d.line, d.reason])).toEqual([[11, 'row 2, column TYPE: expected "ClusterIP", got "NodePort"']]);
  });

  test('a missing table is reported', () => {
    const result = match(all, podsLater);
    expect(result.differences.map((d) => d.reason)).toEqual(['line 9: the output ends before the table starting "NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE"']);
  });
});

describe('large tables', () => {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  // A deterministic generator of random-looking name parts.
  function parts(seed: number) {
    let x = seed * 2654435761;
    const next = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x;
    };
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[next() % alphabet.length]).join('');
    return { hash: pick(9), suffix: pick(5), ip: `10.${next() % 250}.${next() % 250}.${next() % 250}`, age: `${(next() % 59) + 1}m` };
  }
  // A `kubectl get pods -o wide` table of n pods, optionally shuffled with fresh volatile values.
  function table(n: number, seed: number, shuffle: boolean): string {
    const rows = Array.from({ length: n }, (_, k) => {
      const p = parts(seed * 100_000 + k);
      return `app-${k % 50}-v${k % 3}-${p.hash}-${p.suffix}   2/2   Running   ${k % 4}   ${p.age}   ${p.ip}   node-${k % 7}   <none>   <none>`;
    });
    if (shuffle) rows.reverse();
    return ['NAME   READY   STATUS   RESTARTS   AGE   IP   NODE   NOMINATED NODE   READINESS GATES', ...rows].join('\n');
  }

  test('five thousand shuffled rows with fresh values match', () => {
    expect(match(table(5000, 1, false), table(5000, 2, true)).ok).toBe(true);
  });

  test('one changed row among five thousand is the one reported', () => {
    const expected = table(5000, 1, false);
    const actual = table(5000, 2, true).replace(/^(app-17-v2-\S+   )2\/2   Running/m, '$11/2   Running');
    const result = match(expected, actual);
    expect(result.ok).toBe(false);
    expect(result.differences).toHaveLength(1);
    const [d] = result.differences;
    expect(d.reason).toMatch(/^row \d+, column READY: expected "2\/2", got "1\/2"$/);
    // Rows of one deployment are interchangeable: the one reported is of the changed deployment.
    expect(expected.split('\n')[d.line! - 1]).toMatch(/^app-17-v2-/);
  });

  test('rows with ... cells are paired among thousands', () => {
    const expected = table(2000, 1, false).replace(/(Running   \d   )\S+(   )\S+/g, '$1...$2...');
    expect(match(expected, table(2000, 3, true)).ok).toBe(true);
  });
});
