import { match, type MatchMode } from './index.js';
import { likeTokenMatches } from './modes.js';

const curlVerbose = `*   Trying 172.18.255.200:80...
* Connected to 172.18.255.200 (172.18.255.200) port 80 (#0)
> GET /productpage HTTP/1.1
> Host: bookinfo.example.com
> User-Agent: curl/7.81.0
> Accept: */*
>
< HTTP/1.1 200 OK
< content-type: text/html; charset=utf-8
< content-length: 5293
< server: istio-envoy
< date: Tue, 07 Jan 2025 10:00:00 GMT
< x-envoy-upstream-service-time: ...
<
* Connection #0 to host 172.18.255.200 left intact`;

const curlVerboseLater = `*   Trying 10.96.45.118:80...
* Connected to 10.96.45.118 (10.96.45.118) port 80 (#0)
> GET /productpage HTTP/1.1
> Host: bookinfo.example.com
> User-Agent: curl/8.5.0
> Accept: */*
>
< HTTP/1.1 200 OK
< content-type: text/html; charset=utf-8
< content-length: 5293
< server: istio-envoy
< date: Mon, 23 Jun 2025 08:15:59 GMT
< x-envoy-upstream-service-time: 12
<
* Connection #0 to host 10.96.45.118 left intact`;

const accessLog = `[2020-11-19T14:27:18.435Z] "GET /productpage HTTP/1.1" 200 - via_upstream - "-" 0 5289 48 47 "-" "curl/7.55.0" "7b4d26b6-3e4d-9c5e-8f2a-1e5c5c1e0e3f" "productpage:9080" "10.244.0.12:9080" outbound|9080||productpage.default.svc.cluster.local 10.244.0.10:52322 10.96.123.45:9080 10.244.0.10:38210 - default`;
const accessLogLater = `[2025-06-23T08:15:59.001Z] "GET /productpage HTTP/1.1" 200 - via_upstream - "-" 0 5289 48 47 "-" "curl/8.5.0" "00000000-1111-2222-3333-444455556666" "productpage:9080" "10.244.1.9:9080" outbound|9080||productpage.default.svc.cluster.local 10.244.1.4:41022 10.96.7.8:9080 10.244.1.4:51234 - default`;

const fortio = `20:38:41 I logger.go:127> Log level is now 3 Warning (was 2 Info)
Fortio 1.17.1 running at 0 queries per second, 8->8 procs, for 20 calls: http://httpbin:8000/get
Starting at max qps with 2 thread(s) [gomax 8] for exactly 20 calls (10 per thread + 0)
Ended after 59.8524ms : 20 calls. qps=...
Aggregated Function Time : count 20 avg ...
Sockets used: 3 (for perfect keepalive, would be 2)
Code 200 : 17 (85.0 %)
Code 503 : 3 (15.0 %)
All done 20 calls (plus 0 warmup) ...`;

const fortioLater = `05:43:09 I logger.go:127> Log level is now 3 Warning (was 2 Info)
Fortio 1.60.3 running at 0 queries per second, 8->8 procs, for 20 calls: http://httpbin:8000/get
Starting at max qps with 2 thread(s) [gomax 8] for exactly 20 calls (10 per thread + 0)
Ended after 1.2s : 20 calls. qps=16.6
Aggregated Function Time : count 20 avg 0.0195 +/- 0.0068 min 0.0109 max 0.0331 sum 0.39
Sockets used: 3 (for perfect keepalive, would be 2)
Code 200 : 17 (85.0 %)
Code 503 : 3 (15.0 %)
All done 20 calls (plus 0 warmup) 19.579 ms avg, 50.0 qps`;

const version = `client version: 1.24.0
control plane version: 1.24.0
data plane version: 1.24.0 (6 proxies)`;

describe('auto mode on realistic outputs', () => {
  test.each<[string, string, string, boolean]>([
    ['curl -v on another cluster', curlVerbose, curlVerboseLater, true],
    ['curl -v with another status', curlVerbose, curlVerboseLater.replace('200 OK', '503 Service Unavailable'), false],
    ['curl -v with another server', curlVerbose, curlVerboseLater.replace('istio-envoy', 'envoy'), false],
    ['curl -v with a missing header', curlVerbose, curlVerboseLater.replace('< server: istio-envoy\n', ''), false],
    ['an Envoy access log line', accessLog, accessLogLater, true],
    ['an Envoy access log line with another response flag', accessLog, accessLogLater.replace('200 - via_upstream', '503 UF upstream_reset_before_response_started'), false],
    ['an Envoy access log line to another cluster', accessLog, accessLogLater.replace('outbound|9080||productpage', 'outbound|9080||reviews'), false],
    ['fortio with elided figures', fortio, fortioLater, true],
    ['fortio with another rate where the page shows one', fortio.replace('qps=...', 'qps=334.16'), fortioLater, false],
    ['fortio with other counts', fortio, fortioLater.replace('Code 200 : 17 (85.0 %)', 'Code 200 : 20 (100.0 %)'), false],
    ['istioctl version on a newer release', version, version.replace(/1\.24\.0/g, '1.26.2'), true],
    ['istioctl version with a missing proxy', version, version.replace('6 proxies', '5 proxies'), false],
    ['istioctl version without a control plane', version, 'client version: 1.24.0\nno running Istio pods in "istio-system"', false],
  ])('%s', (_name, expected, actual, ok) => {
    expect(match(expected, actual).ok).toBe(ok);
  });
});

describe('explicit modes', () => {
  test.each<[MatchMode, string, string, string | undefined, boolean]>([
    ['same', 'a  b\nc', 'a  b\nc\n\n', undefined, true],
    ['same', 'a  b', 'a b', undefined, false],
    ['same', version, version.replace(/1\.24\.0/g, '1.26.2'), undefined, false],
    ['same', 'colour', '\x1b[32mcolour\x1b[0m\r\n', undefined, true],
    ['contains', '', curlVerboseLater, '< HTTP/1.1 200 OK', true],
    ['contains', '', curlVerboseLater, '< HTTP/1.1 503', false],
    ['contains', 'HTTP/1.1 200 OK', curlVerboseLater, undefined, true],
    ['not-contains', '', curlVerboseLater, 'RBAC: access denied', true],
    ['not-contains', '', 'RBAC: access denied', 'RBAC: access denied', false],
    ['lines', '+ server: istio-envoy\n- x-envoy-decorator-operation', curlVerboseLater, undefined, true],
    ['lines', '+ server: istio-envoy\n- content-length', curlVerboseLater, undefined, false],
    ['lines', '+ server: envoy-gateway', curlVerboseLater, undefined, false],
    ['first-line', 'HTTP/1.1 200 OK\nanything', 'HTTP/1.1 200 OK\nelse', undefined, true],
    ['first-line', 'HTTP/1.1 200 OK', 'HTTP/1.1 403 Forbidden', undefined, false],
    ['regex', '', curlVerboseLater, '^< HTTP/1.1 (200|201)', true],
    ['regex', '', curlVerboseLater, '^< HTTP/1.1 5\\d\\d', false],
    ['like', 'NAME READY STATUS AGE\nreviews-v1-545db77b95-rdmsp 2/2 Running 5m', 'NAME READY STATUS AGE\nreviews-v1-5b67c7c6b9-pq2tz 2/2 Running 2d3h', undefined, true],
    ['like', 'NAME IP\ngw 172.18.0.2', 'NAME IP\ngw <pending>', undefined, true],
    ['like', 'NAME IP\ngw 0.0.0.0', 'NAME IP\ngw 10.0.0.1', undefined, true],
    ['like', 'a ... c', 'a anything c', undefined, true],
    ['like', 'reviews-v1-545db77b95-rdmsp Running', 'reviews-v2-5b67c7c6b9-pq2tz Running', undefined, false],
    ['like', 'a b c', 'a b', undefined, false],
    ['like', 'a\nb', 'a', undefined, false],
    ['elided', '< HTTP/1.1 200 OK\n...\n< server: istio-envoy', curlVerboseLater, undefined, true],
    ['elided', 'HTTP/1.1 200\n...\nistio-envoy', curlVerboseLater, undefined, true],
    ['elided', '< server: istio-envoy\n...\n< HTTP/1.1 200 OK', curlVerboseLater, undefined, false],
    ['elided', '< HTTP/1.1 200 OK\n...\n< server: envoy-gateway', curlVerboseLater, undefined, false],
  ])('%s: %j against the output (arg %j) → %s', (mode, expected, actual, arg, ok) => {
    const result = match(expected, actual, mode, arg);
    expect(result.mode).toBe(mode);
    expect(result.ok).toBe(ok);
    if (!ok) expect(result.differences.length).toBeGreaterThan(0);
  });
});

describe('reasons of explicit modes', () => {
  test.each<[MatchMode, string, string, string | undefined, string]>([
    ['same', 'a b', 'a  b', undefined, 'line 1: expected "a b", got "a  b": first difference at column 3'],
    ['contains', '', 'abc', 'x', 'the output does not contain "x"'],
    ['not-contains', '', 'ok\nRBAC: access denied', 'denied', 'output line 2 contains "denied", which must not appear'],
    ['lines', '+ a\n- b', 'x\nb', undefined, 'line 1: the output does not contain "a"'],
    ['first-line', 'HTTP/1.1 200 OK', 'HTTP/1.1 403 Forbidden', undefined, 'line 1: expected "HTTP/1.1 200 OK", got "HTTP/1.1 403 Forbidden"'],
    ['regex', '', 'abc', '(unclosed', 'the pattern "(unclosed" is not RE2 syntax: missing closing ): `(unclosed` at character 1'],
    ['regex', '', 'abc', 'x+', 'the output has no match for /x+/m'],
    ['regex', '', 'abc', '', 'regex needs a non-empty PATTERN'],
    ['contains', '', 'abc', '', 'contains needs a non-empty TEXT to look for'],
    ['lines', 'no spec here', 'abc', undefined, 'lines needs expected lines starting with "+ " or "- "'],
    ['like', 'reviews-v1-545db77b95-rdmsp Running', 'reviews-v2-5b67c7c6b9-pq2tz Running', undefined, 'line 1, token 1: expected "reviews-v1-545db77b95-rdmsp", got "reviews-v2-5b67c7c6b9-pq2tz"'],
    ['like', 'a b c', 'a b', undefined, 'line 1: expected 3 tokens, got 2: expected "a b c", got "a b"'],
    ['elided', 'b\n...\na', 'a\nb', undefined, 'line 3: the piece starting "a" is not found in the output after output line 2 (it appears at output line 1, before the previous piece: pieces must keep their order)'],
  ])('%s: %j', (mode, expected, actual, arg, reason) => {
    expect(match(expected, actual, mode, arg).differences[0].reason).toBe(reason);
  });

  test('an unknown mode is a failed result, not an exception', () => {
    const result = match('a', 'a', 'fuzzy' as MatchMode);
    expect(result.ok).toBe(false);
    expect(result.differences[0].reason).toContain('unknown mode "fuzzy"');
  });

  test('not-contains shows the output around the offending line', () => {
    const diff = match('', 'one\ntwo\nRBAC: access denied\nfour', 'not-contains', 'denied').diff;
    expect(diff).toContain('3> RBAC: access denied');
  });
});

describe('like compared with istio.io', () => {
  test.each<[string, string, boolean]>([
    ['4s', '21h', true],
    ['10.0.0.1', '<none>', true],
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v1-5b67c7c6b9-pq2tz', true],
    // istio.io accepts these because they share a `name-` prefix; we do not.
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v2-5b67c7c6b9-pq2tz', false],
    ['istio-ingressgateway', 'istio-egressgateway', false],
    ['...', 'anything', true],
    ['a...', 'abc', false],
  ])('%s against %s: %s', (e, a, ok) => {
    expect(likeTokenMatches(e, a)).toBe(ok);
  });
});
