// Outputs shaped like the ones istio.io pages show (fault injection, circuit breaking, outlier detection,
// ztunnel-config, proxy-status, access logs, httpbin), each refreshed as a cluster of today prints it
// (must match) and with one semantic change (must not). `matchUnguarded` so that a crash never passes
// for a mismatch.
import { matchUnguarded as match } from './index.js';

// Replaces each [from, to] pair once, in order, failing loudly when a piece is missing.
function edit(text: string, ...pairs: [string, string][]): string {
  return pairs.reduce((t, [from, to]) => {
    if (!t.includes(from)) throw new Error(`the test text has no ${JSON.stringify(from)}`);
    return t.replace(from, to);
  }, text);
}

const faultInjection = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  creationTimestamp: "2024-05-02T09:12:41Z"
  generation: 1
  name: ratings
  namespace: default
  resourceVersion: "1917"
  uid: 0b7e4a5d-0c4b-4b0a-9f0c-5b4f8d2f5b61
spec:
  hosts:
  - ratings
  http:
  - fault:
      delay:
        fixedDelay: 7s
        percentage:
          value: 100
    match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: ratings
        subset: v1
  - route:
    - destination:
        host: ratings
        subset: v1`;

const circuitBreaker = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: httpbin
  ...
spec:
  host: httpbin
  trafficPolicy:
    connectionPool:
      http:
        http1MaxPendingRequests: 1
        maxRequestsPerConnection: 1
      tcp:
        maxConnections: 1
    outlierDetection:
      baseEjectionTime: 3m
      consecutive5xxErrors: 1
      interval: 1s
      maxEjectionPercent: 100`;

describe('a duration the page configured is compared, an age is not', () => {
  test('a refreshed VirtualService with fixedDelay: 7s matches', () => {
    const fresh = edit(faultInjection, ['2024-05-02T09:12:41Z', '2025-11-26T01:02:03Z'], ['"1917"', '"88213"'], ['0b7e4a5d-0c4b-4b0a-9f0c-5b4f8d2f5b61', 'f1e2d3c4-b5a6-4789-8abc-def012345678']);
    expect(match(faultInjection, fresh).ok).toBe(true);
  });

  test('fixedDelay: 14s instead of 7s does not match, and the difference is named', () => {
    const result = match(faultInjection, edit(faultInjection, ['fixedDelay: 7s', 'fixedDelay: 14s']));
    expect(result.ok).toBe(false);
    expect(result.differences.map((d) => d.reason).join('\n')).toContain('expected "7s", got "14s"');
  });

  test('baseEjectionTime: 6m and interval: 2s instead of 3m and 1s do not match, even with an elided metadata block', () => {
    const full = edit(circuitBreaker, ['  ...', '  namespace: default\n  uid: 4c0f3b6e-64c1-4a57-9ed0-2f0a7d35b7c1']);
    expect(match(circuitBreaker, full).ok).toBe(true);
    expect(match(circuitBreaker, edit(full, ['baseEjectionTime: 3m', 'baseEjectionTime: 6m'])).ok).toBe(false);
    expect(match(circuitBreaker, edit(full, ['interval: 1s', 'interval: 2s'])).ok).toBe(false);
  });

  test('a configured duration in JSON is compared, an age key is not', () => {
    const e = '{"connectTimeout": "10s", "age": "5m"}';
    expect(match(e, '{"connectTimeout": "10s", "age": "2h"}').ok).toBe(true);
    expect(match(e, '{"connectTimeout": "1s", "age": "5m"}').ok).toBe(false);
  });

  test('ages stay masked: the AGE and LAST SEEN columns, "... ago", "for 5m"', () => {
    const pods = 'NAME                              READY   STATUS    RESTARTS   AGE\nratings-v1-7c4bbf97db-zvkdw       2/2     Running   0          6m';
    expect(match(pods, edit(pods, ['6m', '2d3h'], ['7c4bbf97db-zvkdw', '5b67c7c6b9-pq2tz'])).ok).toBe(true);
    const events = 'LAST SEEN   TYPE     REASON    OBJECT                     MESSAGE\n2m          Normal   Started   pod/httpbin-74fb669cc6-xq2nw   Started container istio-proxy';
    expect(match(events, edit(events, ['2m  ', '45s '], ['74fb669cc6-xq2nw', '8d5f9cb7b-2llld'])).ok).toBe(true);
    expect(match('Last probe: 5m ago, healthy for 2h', 'Last probe: 12s ago, healthy for 3d').ok).toBe(true);
  });

  test('a bare duration in another table column is configuration', () => {
    const table = 'NAME      TIMEOUT   RETRIES\nreviews   10s       3';
    expect(match(table, edit(table, ['10s', '20s'])).ok).toBe(false);
  });
});

describe('ports stay literal unless they are ephemeral', () => {
  const endpoints = `ENDPOINT                         STATUS      OUTLIER CHECK     CLUSTER
52.119.226.80:81                 HEALTHY     FAILED            outbound|80||mydb.com
10.0.0.11:5000                   HEALTHY     OK                outbound|5000||helloworld.sample.svc.cluster.local`;

  test('fresh endpoint addresses with the same ports match', () => {
    expect(match(endpoints, edit(endpoints, ['52.119.226.80:81     ', '34.50.99.251:81      '], ['10.0.0.11:5000 ', '10.8.2.7:5000  '])).ok).toBe(true);
  });

  test('another port on a fresh address does not match', () => {
    expect(match(endpoints, edit(endpoints, ['52.119.226.80:81 ', '34.50.99.251:82  '])).ok).toBe(false);
    expect(match(endpoints, edit(endpoints, ['10.0.0.11:5000', '10.0.0.12:5001'])).ok).toBe(false);
  });

  const accessLog =
    '[2019-01-24T12:17:11.640Z] "GET /headers HTTP/1.1" 200 - 0 599 214 214 "-" "curl/7.60.0" "17fde8f7-fa62-9b39-8999-302324e6def2" "httpbin.org" "35.173.6.94:80" outbound|80||httpbin.org - 35.173.6.94:80 172.30.109.82:55314 -';

  test('an access log line with fresh ephemeral ports, addresses, ids and time matches', () => {
    const fresh = edit(accessLog, ['2019-01-24T12:17:11.640Z', '2025-11-26T01:02:03.456Z'], ['17fde8f7-fa62-9b39-8999-302324e6def2', '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5'], ['"35.173.6.94:80"', '"52.4.95.48:80"'], ['- 35.173.6.94:80', '- 52.4.95.48:80'], ['172.30.109.82:55314', '10.244.0.17:41854']);
    expect(match(accessLog, fresh).ok).toBe(true);
  });

  test('an ephemeral port never stands for a service port, nor the reverse', () => {
    expect(match(accessLog, edit(accessLog, ['172.30.109.82:55314', '172.30.109.82:8080'])).ok).toBe(false);
    expect(match(accessLog, edit(accessLog, ['"35.173.6.94:80"', '"35.173.6.94:443"'])).ok).toBe(false);
  });

  test('the port of an IPv6 address stays literal too', () => {
    expect(match('listening on [fd00:10:244::5]:15006', 'listening on [fd00:10:244::9]:15006').ok).toBe(true);
    expect(match('listening on [fd00:10:244::5]:15006', 'listening on [fd00:10:244::9]:15001').ok).toBe(false);
  });
});

describe('rows without a header (`kubectl get ... | grep`) are compared cell by cell', () => {
  const grep = `reviews-v1-545db77b95-rdmsp      2/2     Running   0          2m41s
reviews-v2-5b67c7c6b9-pq2tz      2/2     Running   0          2m41s`;

  test('fresh names and ages match', () => {
    expect(match(grep, edit(grep, ['545db77b95-rdmsp', '7d4f9cb6b2-x2z4q'], ['2m41s', '17h  '], ['5b67c7c6b9-pq2tz', '6cf8d4f9cb-2llld'])).ok).toBe(true);
  });

  test.each<[string, [string, string]]>([
    ['READY', ['2/2     Running   0          2m41s\nreviews-v2', '1/2     Running   0          2m41s\nreviews-v2']],
    ['STATUS', ['Running   0          2m41s\nreviews-v2', 'Pending   0          2m41s\nreviews-v2']],
    ['RESTARTS', ['0          2m41s\nreviews-v2', '3          2m41s\nreviews-v2']],
    ['the version in the name', ['reviews-v2-5b67c7c6b9', 'reviews-v3-5b67c7c6b9']],
  ])('a changed %s does not match', (_what, change) => {
    expect(match(grep, edit(grep, change)).ok).toBe(false);
  });

  test('an endpoint row of `istioctl proxy-config endpoints | grep` with another port does not match', () => {
    const row = '10.244.0.19:9000         HEALTHY     OK                outbound|9000||tcp-echo.ipv4.svc.cluster.local';
    expect(match(row, edit(row, ['10.244.0.19', '10.244.3.22'])).ok).toBe(true);
    expect(match(row, edit(row, ['10.244.0.19:9000', '10.244.0.19:9001'])).ok).toBe(false);
  });
});

describe('an elided YAML block matches every line it shows, value by value', () => {
  const elided = `apiVersion: networking.istio.io/v1
kind: DestinationRule
...
spec:
  host: reviews
  subsets:
  - labels:
      version: v1
    name: v1
...
  - labels:
      version: v3
    name: v3`;
  const full = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  creationTimestamp: "2025-11-26T01:02:03Z"
  generation: 1
spec:
  host: reviews
  subsets:
  - labels:
      version: v1
    name: v1
  - labels:
      version: v2
    name: v2
  - labels:
      version: v3
    name: v3`;

  test('the full output matches', () => {
    expect(match(elided, full).ok).toBe(true);
  });

  test.each<[string, [string, string]]>([
    ['the host', ['host: reviews', 'host: ratings']],
    ['a label in the middle block', ['version: v1\n', 'version: v9\n']],
    ['the last name', ['name: v3', 'name: v4']],
    ['the kind before the first elision', ['kind: DestinationRule', 'kind: VirtualService']],
  ])('a changed value in %s does not match', (_where, change) => {
    expect(match(elided, edit(full, change)).ok).toBe(false);
  });
});

describe('volatile HTTP headers are masked by name', () => {
  const response = `HTTP/1.1 200 OK
server: istio-envoy
date: Mon, 22 Jan 2024 10:00:00 GMT
content-type: text/html; charset=utf-8
access-control-allow-origin: *
access-control-allow-credentials: true
content-length: 0
x-envoy-upstream-service-time: 5
x-envoy-decorator-operation: ingress-sidecar.test:9080/*`;

  test('other timings and dates match', () => {
    expect(match(response, edit(response, ['10:00:00 GMT', '23:59:01 GMT'], ['service-time: 5', 'service-time: 32'])).ok).toBe(true);
  });

  test('a changed status, length or stable header does not match', () => {
    expect(match(response, edit(response, ['200 OK', '503 Service Unavailable'])).ok).toBe(false);
    expect(match(response, edit(response, ['content-length: 0', 'content-length: 19'])).ok).toBe(false);
    expect(match(response, edit(response, ['ingress-sidecar.test:9080/*', 'ingress-sidecar.test:8080/*'])).ok).toBe(false);
  });

  test('trace headers in httpbin /headers JSON match fresh ids, other headers do not change', () => {
    const e = `{
  "headers": {
    "Host": "httpbin:8000",
    "X-B3-Parentspanid": "8fc453fb1dec2c22",
    "X-B3-Sampled": "1",
    "X-B3-Spanid": "071d7f06bc94943c",
    "X-B3-Traceid": "86a929a0e76cda378fc453fb1dec2c22",
    "X-Amzn-Trace-Id": "Root=1-5e0b0d2c-9b6d5a0c44b2e0e7a7c2b0f0",
    "X-Envoy-Attempt-Count": "1"
  }
}`;
    const fresh = edit(e, ['8fc453fb1dec2c22"', '1a2b3c4d5e6f7081"'], ['"071d7f06bc94943c"', '"a0b1c2d3e4f50617"'], ['86a929a0e76cda378fc453fb1dec2c22', 'f0e1d2c3b4a5968778695a4b3c2d1e0f'], ['Root=1-5e0b0d2c-9b6d5a0c44b2e0e7a7c2b0f0', 'Root=1-6a1b2c3d-0123456789abcdef01234567'], ['"X-B3-Sampled": "1"', '"X-B3-Sampled": "0"']);
    expect(match(e, fresh).ok).toBe(true);
    expect(match(e, edit(e, ['"Host": "httpbin:8000"', '"Host": "httpbin:8080"'])).ok).toBe(false);
    expect(match(e, edit(e, ['"X-Envoy-Attempt-Count": "1"', '"X-Envoy-Attempt-Count": "2"'])).ok).toBe(false);
  });
});

describe('timestamps in the formats logs and tools print', () => {
  test('a Common Log Format line of httpbin matches another time, not another status', () => {
    const e = '127.0.0.1 - - [07/Mar/2018:19:26:44 +0000] "GET /headers HTTP/1.1" 200 321 "-" "curl/7.35.0"';
    expect(match(e, edit(e, ['07/Mar/2018:19:26:44', '26/Nov/2025:01:02:03'])).ok).toBe(true);
    expect(match(e, edit(e, ['07/Mar/2018:19:26:44', '26/Nov/2025:01:02:03'], [' 200 ', ' 404 '])).ok).toBe(false);
  });

  test('`date -u` and helm\'s LAST DEPLOYED match other dates', () => {
    expect(match('Thu Jun 15 02:25:42 UTC 2017', 'Wed Nov 26 01:02:03 UTC 2025').ok).toBe(true);
    expect(match('NAME: istiod\nLAST DEPLOYED: Fri Jan 20 22:00:44 2023\nSTATUS: deployed', 'NAME: istiod\nLAST DEPLOYED: Wed Nov  5 01:02:03 2025\nSTATUS: deployed').ok).toBe(true);
    expect(match('NAME: istiod\nLAST DEPLOYED: Fri Jan 20 22:00:44 2023\nSTATUS: deployed', 'NAME: istiod\nLAST DEPLOYED: Wed Nov  5 01:02:03 2025\nSTATUS: failed').ok).toBe(false);
  });

  test('Go stamps match: log stamps and time.Time.String()', () => {
    expect(match('2021/01/07 22:55:47 Starting HTTP server at [::]:8000', '2025/11/26 01:02:03 Starting HTTP server at [::]:8000').ok).toBe(true);
    expect(match('started at 2023-01-20 22:00:44.123456 +0000 UTC', 'started at 2025-11-26 01:02:03.5 +0000 UTC').ok).toBe(true);
    expect(match('2021/01/07 22:55:47 Starting HTTP server at [::]:8000', '2025/11/26 01:02:03 Starting HTTP server at [::]:9000').ok).toBe(false);
  });

  test('the + line shows a whole date, actual or expected, never a mix of both', () => {
    const result = match('deployed at Thu Jun 15 02:25:42 UTC 2017 status=ok', 'deployed at Wed Nov 26 01:02:03 UTC 2025 status=failed');
    expect(result.ok).toBe(false);
    const plus = result.diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(plus).toEqual(['+deployed at Thu Jun 15 02:25:42 UTC 2017 status=failed']);
  });
});

describe('pre-release and build versions', () => {
  const proxyStatus = `NAME                                 CLUSTER        CDS        LDS        EDS        RDS          ECDS         ISTIOD                                  VERSION
httpbin-9dbd644c7-hccpf.app-ns-1     Kubernetes     SYNCED     SYNCED     SYNCED     SYNCED       NOT SENT     istiod-usergroup-1-5ccc849b5f-wnqd6     1.17-alpha.f5212a6f7df61fd8156f3585154bed2f003c4117`;

  test('a dev build of another version matches; a changed sync state does not', () => {
    const fresh = edit(proxyStatus, ['9dbd644c7-hccpf', '7c6b9fd8b-2llld'], ['5ccc849b5f-wnqd6', '6cf8d4f9cb-x2z4q'], ['1.17-alpha.f5212a6f7df61fd8156f3585154bed2f003c4117', '1.29-alpha.a0d5a6b3e2f1c4d7e8f90a1b2c3d4e5f6a7b8c9d']);
    expect(match(proxyStatus, fresh).ok).toBe(true);
    expect(match(proxyStatus, edit(fresh, ['SYNCED       NOT SENT', 'STALE        NOT SENT'])).ok).toBe(false);
  });

  test.each([
    ['1.24.0-dev', '1.25.1'],
    ['1.2.3-rc.1', '1.26.0-beta.0'],
    ['1.24-dev', '1.27-alpha.0123456789abcdef0123456789abcdef01234567'],
  ])('client version: %s matches %s', (e, a) => {
    expect(match(`client version: ${e}`, `client version: ${a}`).ok).toBe(true);
  });

  test('a two-part number without a pre-release stays literal', () => {
    expect(match('apiVersion: 1.20', 'apiVersion: 1.21').ok).toBe(false);
  });
});

describe('tables with one-blank separators and spaced column names', () => {
  const workloads = `NAMESPACE          POD NAME                                IP          NODE                  WAYPOINT PROTOCOL
default            bookinfo-gateway-istio-59dd7c96db-q9k6v 10.244.1.11 ambient-worker        None     TCP
default            details-v1-cf74bb974-5sqkp              10.244.1.5  ambient-worker        None     HBONE
istio-system       ztunnel-6hvcw                           10.244.1.4  ambient-worker        None     TCP`;

  test('ztunnel-config workloads, rows in another order with fresh names and addresses, matches', () => {
    const rows = workloads.split('\n');
    const fresh = [rows[0], edit(rows[3], ['6hvcw', 'x2z4q'], ['10.244.1.4 ', '10.244.3.9 ']), edit(rows[2], ['cf74bb974-5sqkp', '7d4f9cb6b-2llld'], ['10.244.1.5 ', '10.244.2.8 ']), rows[1]].join('\n');
    expect(match(workloads, fresh).ok).toBe(true);
  });

  test('a changed PROTOCOL, separated by one blank from WAYPOINT, does not match and is named', () => {
    const result = match(workloads, edit(workloads, ['None     HBONE', 'None     TCP  ']));
    expect(result.ok).toBe(false);
    expect(result.differences.some((d) => d.column === 'PROTOCOL' && d.expected === 'HBONE' && d.actual === 'TCP')).toBe(true);
  });

  const outliers = `ENDPOINT                                            STATUS  OUTLIER CHECK CLUSTER
127.0.0.1:15000                                     HEALTHY OK            prometheus_stats
127.0.0.1:15020                                     HEALTHY OK            agent
envoy://connect_originate/                          HEALTHY OK            encap`;

  test('STATUS  OUTLIER CHECK CLUSTER is a table: rows in any order match, a failed check does not', () => {
    const rows = outliers.split('\n');
    expect(match(outliers, [rows[0], rows[3], rows[1], rows[2]].join('\n')).ok).toBe(true);
    const result = match(outliers, edit(outliers, ['HEALTHY OK            agent', 'HEALTHY FAILED        agent']));
    expect(result.ok).toBe(false);
    expect(result.differences.some((d) => d.column === 'OUTLIER CHECK' && d.actual === 'FAILED')).toBe(true);
  });
});

describe('old decimal pod-template hashes (`kubectl get pods` of the Bookinfo page)', () => {
  const pods = `NAME                             READY     STATUS    RESTARTS   AGE
details-v1-1520924117-48z17      2/2       Running   0          6m
reviews-v2-1343845940-b34q5      2/2       Running   0          6m`;

  test('fresh hashes of the same base match', () => {
    expect(match(pods, edit(pods, ['1520924117-48z17', '2977506558-knxv8'], ['1343845940-b34q5', '1553865962-fpc7m'])).ok).toBe(true);
  });

  test('another base does not match', () => {
    expect(match(pods, edit(pods, ['reviews-v2-1343845940-b34q5', 'reviews-v3-1553865962-fpc7m'])).ok).toBe(false);
  });
});

describe('decimal certificate serials', () => {
  const secrets = `RESOURCE NAME     TYPE           STATUS     VALID CERT     SERIAL NUMBER                               NOT AFTER                NOT BEFORE
default           Cert Chain     ACTIVE     true           138092480869518152837211547060273851586     2020-11-11T16:39:48Z     2020-11-10T16:39:48Z
ROOTCA            CA             ACTIVE     true           288553090258624301170355571152070165215     2030-11-08T16:34:52Z     2020-11-10T16:34:52Z`;

  test('fresh serials and dates match', () => {
    expect(match(secrets, edit(secrets, ['138092480869518152837211547060273851586', '81663936513052336343895977765039160718 '], ['2020-11-11T16:39:48Z', '2025-11-27T01:02:03Z'])).ok).toBe(true);
  });

  test('an invalid certificate does not match', () => {
    expect(match(secrets, edit(secrets, ['ACTIVE     true ', 'ACTIVE     false'])).ok).toBe(false);
  });

  test('a short number stays a number', () => {
    expect(match('requests: 1234567', 'requests: 7654321').ok).toBe(false);
  });
});

describe('diffs name every difference and never move a value', () => {
  test('a line with a status change after a timestamp change names the status', () => {
    const e = '[2020-11-19T14:27:18.435Z] "GET /status/200 HTTP/1.1" 200 - via_upstream - "-" 0 0 3 2 "-" "curl/8.5.0"';
    const a = '[2025-11-26T01:02:03.000Z] "GET /status/200 HTTP/1.1" 503 - upstream_reset - "-" 0 0 3 2 "-" "curl/8.5.0"';
    const result = match(e, a);
    expect(result.ok).toBe(false);
    const reason = result.differences[0].reason;
    expect(reason).toContain('expected "200", got "503"');
    expect(reason).toContain('expected "via_upstream", got "upstream_reset"');
  });

  test('when every row differs in one column, each row is paired with its own counterpart', () => {
    const e = `NAME                                READY   STATUS    RESTARTS   AGE
details-v1-558b8b4b76-2llld         2/2     Running   0          2m
productpage-v1-6987489c74-lpkgl     2/2     Running   0          2m
ratings-v1-7dc98c7588-vzftc         2/2     Running   0          2m`;
    const a = `NAME                                READY   STATUS    RESTARTS   AGE
ratings-v1-7dc98c7588-x2z4q         1/2     Running   0          5m
details-v1-558b8b4b76-q9zt4         1/2     Running   0          5m
productpage-v1-6987489c74-7bxqn     1/2     Running   0          5m`;
    const result = match(e, a);
    expect(result.ok).toBe(false);
    const cells = result.differences.filter((d) => d.column !== undefined);
    expect(cells.map((d) => [d.row, d.column, d.actual])).toEqual([
      [1, 'READY', '1/2'],
      [2, 'READY', '1/2'],
      [3, 'READY', '1/2'],
    ]);
    const plus = result.diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(plus.map((l) => l.split(/\s+/)[0])).toEqual(['+details-v1-558b8b4b76-2llld', '+productpage-v1-6987489c74-lpkgl', '+ratings-v1-7dc98c7588-vzftc']);
  });

  test('an access-log line with one more field keeps every address in its own place on the + line', () => {
    const e = '"GET / HTTP/1.1" 200 "10.244.0.5:9080" outbound|9080||reviews 10.244.0.9:41234 10.96.0.8:9080';
    const a = '"GET / HTTP/1.1" 200 "10.244.3.5:9080" outbound|9080||reviews - 10.244.1.9:51234 10.96.7.8:9080';
    const result = match(e, a);
    expect(result.ok).toBe(false);
    const plus = result.diff.split('\n').find((l) => l.startsWith('+"'));
    expect(plus).toBe('+"GET / HTTP/1.1" 200 "10.244.0.5:9080" outbound|9080||reviews - 10.244.0.9:41234 10.96.0.8:9080');
  });
});
