import { readAny, readKind, type Kind } from './kinds.js';
import { maskKey } from './mask-key.js';
import { lineMatches } from './line.js';

// Whether the expected side reads a whole token as a volatile value.
function isVolatile(token: string): boolean {
  const r = readAny(token, 0, true);
  return r !== null && r.end === token.length;
}

describe('volatile values are recognized on the expected side and match fresh values of their shape only', () => {
  // Each value, a fresh value a cluster of today prints in its place, and a value of another shape.
  test.each<[string, string, string]>([
    ['10.244.0.11', '10.96.7.201', 'localhost'],
    ['172.18.255.200', '<pending>', '172.18.255'],
    ['10.96.123.45:39080', '10.0.0.3:51234', '10.0.0.3'],
    ['10.244.0.0/16', '10.96.0.0/12', '10.244.0.0'],
    ['fd00:10:244::5', '2001:db8::a:1', '10.0.0.1'],
    ['2001:db8::1/64', 'fd00::/48', '2001:db8::1'],
    ['[fd00::a]:48080', '[fd00::b]:51000', '[fd00::a]'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', 'fd00::1', 'localhost'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.2', '10.0.0.1'],
    ['4s', '17h', '4'],
    ['21h', '3d', 'h'],
    ['5m12s', '40s', '5'],
    ['2d3h', '9m', 'two'],
    ['1.5ms', '250µs', '1.5'],
    ['250µs', '1.5ms', '250'],
    ['3y12d', '400d', '3y12'],
    ['<unknown>', '12m', 'unknown'],
    ['<invalid>', '2m', 'invalid'],
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v1-5b67c7c6b9-pq2tz', 'reviews-v2-5b67c7c6b9-pq2tz'],
    ['istio-ingressgateway-5d4b8f7c9-x2z4q', 'istio-ingressgateway-7c6b9fd8b-2llld', 'istio-egressgateway-7c6b9fd8b-2llld'],
    ['ztunnel-8fjhz', 'ztunnel-2llld', 'istio-cni-node-2llld'],
    ['istio-cni-node-7bxqn', 'istio-cni-node-q9zt4', 'ztunnel-q9zt4'],
    ['details-v1-558b8b4b76', 'details-v1-6cf8d4f9cb', 'details-v2-6cf8d4f9cb'],
    ['80f198ee56343ba864fe8b2a57d3eff7', 'c3a9d1e5f7b2046813579bdf02468ace', '80f198ee56343ba8'],
    ['a864fe8b2a57d3ef', '0123456789abcdef', 'A864FE8B2A57D3EF'],
    ['4F1C0A9B', '12345678', '4f1c0a9b'],
    ['7b4d26b6-3e4d-9c5e-8f2a-1e5c5c1e0e3f', 'a1b2c3d4-0000-4000-8000-123456789abc', '7b4d26b63e4d9c5e8f2a1e5c5c1e0e3f'],
    ['2020-11-19T14:27:18.435Z', '2025-06-23T08:15:59.000Z', '2025-06-23'],
    ['2024-03-04T11:22:33+01:00', '2025-01-02T03:04:05+00:00', '11:22:33'],
    ['2024-03-04', '2025-12-31', '2024-03'],
    ['20:38:41', '05:43:09', '20:38'],
    ['2024/03/04 12:34:56', '2025/11/26 01:02:03', '2024/03/04'],
    ['Tue, 07 Jan 2025 10:00:00 GMT', 'Mon, 23 Jun 2025 08:15:59 GMT', 'Tue, 07 Jan 2025'],
    ['1.27.0', '1.28.2', '1.27'],
    ['7.73.0-DEV', '8.5.0', '7.73'],
    ['1.24.0-alpha.1', '1.26.0-rc.0', '1.24'],
    ['1.20.0-rc.0', '1.20.1', 'rc.0'],
    ['80:31380/TCP', '80:30001/TCP', '443:30001/TCP'],
    ['31400:31400/TCP', '31400:32000/TCP', '31400:32000/UDP'],
  ])('%s matches %s, not %s', (value, fresh, other) => {
    expect(isVolatile(value)).toBe(true);
    expect(lineMatches(value, fresh)).toBe(true);
    expect(lineMatches(value, other)).toBe(false);
  });
});

describe('ordinary values stay literal on the expected side', () => {
  test.each([
    'Running',
    '2/2',
    '200',
    '0',
    '1',
    'reviews-v1',
    'productpage.default.svc.cluster.local',
    'outbound|9080||reviews.default.svc.cluster.local',
    '0.0.0.0',
    '127.0.0.1',
    '127.0.0.6',
    '::1',
    '::',
    'deadbeef',
    '12345678',
    'HTTP/1.1',
    '1.20',
    '1.2.3.4.5',
    '300.1.2.3',
    '5min',
    'v1',
    'foo-https',
    'reviews-v1-abc',
    'aa:bb:cc:dd:ee:ff',
    '12:34',
    '2xx',
    'qps=9.9516',
    '0.0195',
    '80/TCP',
    '9080:9080/TCP',
  ])('%s is literal', (token) => {
    expect(isVolatile(token)).toBe(false);
  });
});

describe('volatile values are found wherever they stand in a line', () => {
  test.each<[string, string, Kind]>([
    ['inside quotes', '"10.244.0.12:9080"', 'ipv4'],
    ['inside parentheses', '(5m ago)', 'age'],
    ['after a colon', 'x-b3-traceid:80f198ee56343ba8', 'hex'],
    ['after a tilde', 'sidecar~10.244.0.7~reviews-v1-545db77b95-rdmsp.default~default.svc.cluster.local', 'ipv4'],
    ['after a slash', 'curl/7.55.0', 'version'],
    ['after an equals sign', 'time=2024-01-01T10:00:00Z', 'timestamp'],
    ['in brackets', '[2020-11-19T14:27:18.435Z]', 'timestamp'],
    ['after a letter', 'go1.21.3', 'version'],
  ])('%s', (_name, line, kind) => {
    const kinds: string[] = [];
    for (let i = 0; i < line.length; i++) {
      const r = readAny(line, i, true);
      if (r) {
        kinds.push(r.kind);
        i = r.end - 1;
      }
    }
    expect(kinds).toContain(kind);
  });
});

describe('generated names keep their base', () => {
  test.each<[string, string, boolean]>([
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v1-5b67c7c6b9-pq2tz', true],
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v2-5b67c7c6b9-pq2tz', false],
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v1-5b67c7c6b9', false],
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v1-pq2tz', false],
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v1-545db77b95-rdms', false],
    ['reviews-v1-545db77b95-rdmsp', 'reviews-v1-545db77b95-rdmsa', false],
    ['ztunnel-8fjhz', 'ztunnel-x2z4q', true],
    ['ztunnel-8fjhz', 'istio-cni-node-x2z4q', false],
    ['istiod-6cf8d4f9cb-wm7x6', 'istiod-7d4f9cb6b-2llld', true],
    ['details-v1-558b8b4b76', 'details-v1-6cf8d4f9cb', true],
    ['details-v1-558b8b4b76', 'ratings-v1-6cf8d4f9cb', false],
  ])('%s against %s: %s', (e, a, ok) => {
    expect(lineMatches(e, a)).toBe(ok);
  });

  test('a name with an all-digit suffix in the output still matches a generated name', () => {
    expect(lineMatches('reviews-v1-545db77b95-rdmsp', 'reviews-v1-545db77b95-24567')).toBe(true);
  });
});

describe('each kind matches values of the same kind and form only', () => {
  test.each<[string, string, string, boolean]>([
    ['ipv4', '10.244.0.11', '10.96.0.1', true],
    ['ipv4 pending', '172.18.255.200', '<pending>', true],
    ['ipv4 none', '10.244.0.11', '<none>', true],
    ['ipv4 with an ephemeral port', '10.244.0.12:49080', '10.244.1.3:38210', true],
    ['ipv4 with a service port keeps the port', '10.244.0.12:9080', '10.244.1.3:9080', true],
    ['ipv4 with a service port against another port', '10.244.0.12:9080', '10.244.1.3:9081', false],
    ['ipv4 with a service port against an ephemeral one', '10.244.0.12:9080', '10.244.1.3:38210', false],
    ['ipv4 with an ephemeral port against a service port', '10.244.0.12:49080', '10.244.1.3:8080', false],
    ['ipv4 with a port against a plain one', '10.244.0.12:9080', '10.244.1.3', false],
    ['ipv4 against a word', '10.244.0.11', 'localhost', false],
    ['ipv4 against an ipv6', '10.244.0.11', 'fd00::5', false],
    ['ipv6', 'fd00:10:244::5', '2001:db8::42', true],
    ['ipv6 pending', 'fd00:10:244::5', '<pending>', true],
    ['age', '2m41s', '5d', true],
    ['age unknown', '2m41s', '<unknown>', true],
    ['age against a number', '2m41s', '5', false],
    ['duration', '1.5ms', '250µs', true],
    ['hex of the same length', '80f198ee56343ba864fe8b2a57d3eff7', '2b8b4e6c63a1f3e4a4d4f1c5e0b9d7a2', true],
    ['hex of another length', '80f198ee56343ba864fe8b2a57d3eff7', '2b8b4e6c63a1f3e4', false],
    ['hex against a word of that length', 'a864fe8b2a57d3ef', 'xyzxyzxyzxyzxyzx', false],
    ['uuid', '7b4d26b6-3e4d-9c5e-8f2a-1e5c5c1e0e3f', '00000000-1111-2222-3333-444455556666', true],
    ['uuid against hex', '7b4d26b6-3e4d-9c5e-8f2a-1e5c5c1e0e3f', '7b4d26b63e4d9c5e8f2a1e5c5c1e0e3f', false],
    ['timestamp', '2020-11-19T14:27:18.435Z', '2025-01-02T03:04:05Z', true],
    ['timestamp against a date', '2020-11-19T14:27:18.435Z', '2025-01-02', false],
    ['time of day', '20:38:41', '05:43:09', true],
    ['http date', 'Tue, 07 Jan 2025 10:00:00 GMT', 'Mon, 23 Jun 2025 08:15:59 GMT', true],
    ['version', '1.24.0', '1.25.1', true],
    ['version with a pre-release', '1.24.0', '1.26.0-alpha.0', true],
    ['version against two parts', '1.24.0', '1.24', false],
    ['node port', '80:31380/TCP', '80:30123/TCP', true],
    ['node port of another port', '80:31380/TCP', '443:30123/TCP', false],
    ['node port of another protocol', '80:31380/TCP', '80:31380/UDP', false],
  ])('%s: %s against %s', (_name, e, a, ok) => {
    expect(lineMatches(e, a)).toBe(ok);
  });
});

describe('masked keys', () => {
  test('two rows with fresh volatile values share a key', () => {
    expect(maskKey('reviews-v1-545db77b95-rdmsp   2/2   Running   0   2m41s   10.244.0.12')).toBe(
      maskKey('reviews-v1-5b67c7c6b9-pq2tz  2/2  Running  0  5m  10.244.1.7'),
    );
  });

  test('rows that differ in a literal value have different keys', () => {
    expect(maskKey('reviews-v1-545db77b95-rdmsp 2/2 Running')).not.toBe(maskKey('reviews-v1-545db77b95-rdmsp 1/2 Running'));
    expect(maskKey('reviews-v1-545db77b95-rdmsp 2/2 Running')).not.toBe(maskKey('reviews-v2-545db77b95-rdmsp 2/2 Running'));
  });
});

describe('readers are lenient on the actual side only where kinds allow it', () => {
  test('the actual side reads well-known addresses as addresses', () => {
    expect(readKind('ipv4', '0.0.0.0', 0, false)?.end).toBe(7);
    expect(readKind('ipv4', '0.0.0.0', 0, true)).toBeNull();
  });

  test('a hex id without letters is a hex id on the actual side, never on the expected side', () => {
    expect(lineMatches('trace a864fe8b', 'trace 12345678')).toBe(true);
    expect(lineMatches('trace 12345678', 'trace 87654321')).toBe(false);
  });
});
