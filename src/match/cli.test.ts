import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/match.js';

// Runs `istio-doctest match` with arguments, capturing what it writes and its exit code.
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('istio-doctest match', () => {
  let dir: string;
  let file: (name: string, text: string) => string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'doctest-match-'));
    file = (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const expected = 'NAME                          READY   STATUS    RESTARTS   AGE\nreviews-v1-545db77b95-rdmsp   2/2     Running   0          2m41s\n';

  test('matching outputs exit 0', async () => {
    const result = await run(['--expected', file('e1', expected), '--actual', file('a1', 'NAME                          READY   STATUS    RESTARTS   AGE\nreviews-v1-5b67c7c6b9-pq2tz   2/2     Running   0          5s\n')]);
    expect(result).toEqual({ code: 0, stdout: 'match (auto)\n', stderr: '' });
  });

  test('different outputs exit 1 and print the diff', async () => {
    const result = await run(['--expected', file('e2', expected), '--actual', file('a2', 'NAME                          READY   STATUS    RESTARTS   AGE\nreviews-v1-5b67c7c6b9-pq2tz   2/2     Pending   0          5s\n')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('row 1, column STATUS: expected "Running", got "Pending"');
    expect(result.stdout).toContain('+reviews-v1-545db77b95-rdmsp   2/2     Pending   0          2m41s');
  });

  test('--json prints the result', async () => {
    const result = await run(['--expected', file('e3', 'a'), '--actual', file('a3', 'b'), '--json']);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({ ok: false, mode: 'auto', differences: [{ line: 1, expected: 'a', actual: 'b' }] });
  });

  test('--mode and --arg are passed on', async () => {
    const actual = file('a4', '< HTTP/1.1 200 OK\n< server: istio-envoy\n');
    expect((await run(['--expected', file('e4', ''), '--actual', actual, '--mode', 'contains', '--arg', 'istio-envoy'])).code).toBe(0);
    expect((await run(['--expected', file('e5', ''), '--actual', actual, '--mode', 'regex', '--arg', '^< HTTP/1.1 5'])).code).toBe(1);
  });

  test('an invalid pattern is a non-match with a reason, not a crash', async () => {
    const result = await run(['--expected', file('e6', ''), '--actual', file('a6', 'x'), '--mode', 'regex', '--arg', '(']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('is not RE2 syntax: missing closing ): `(` at character 1');
  });

  test.each<[string, string[], string]>([
    ['a missing --expected', ['--actual', 'x'], 'istio-doctest: --expected FILE is required'],
    ['a missing --actual', ['--expected', 'x'], 'istio-doctest: --actual FILE is required'],
    ['an unknown mode', ['--expected', 'x', '--actual', 'y', '--mode', 'fuzzy'], "istio-doctest: unknown mode 'fuzzy'"],
    ['an unknown option', ['--expected', 'x', '--actual', 'y', '--fast'], "istio-doctest: Unknown option '--fast'"],
    ['a positional argument', ['--expected', 'x', '--actual', 'y', 'z'], "istio-doctest: unexpected argument 'z'"],
    ['contains without --arg', ['--expected', 'x', '--actual', 'y', '--mode', 'contains'], 'istio-doctest: --mode contains needs --arg TEXT'],
  ])('%s is a usage error (exit 2)', async (_name, argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('an unreadable file is a one-line usage error (exit 2)', async () => {
    const result = await run(['--expected', join(dir, 'missing.txt'), '--actual', file('a7', 'x')]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `istio-doctest match: cannot read --expected ${join(dir, 'missing.txt')}: no such file\n` });
  });

  test('a directory is a one-line usage error (exit 2)', async () => {
    const result = await run(['--expected', file('e8', 'x'), '--actual', dir]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `istio-doctest match: cannot read --actual ${dir}: is a directory\n` });
  });

  test('a word in place of a request id fails, naming the kind the header holds', async () => {
    const result = await run(['--expected', file('e9', 'x-request-id: 5795fab599dca0b8\n'), '--actual', file('a9', 'x-request-id: not-available\n')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('expected a hexadecimal id like "5795fab599dca0b8", got "not-available"');
  });

  test('an ephemeral port on loopback is masked', async () => {
    const log = (port: number) => `[2026-12-07T10:12:01.123Z] "GET /status/200 HTTP/1.1" 200 - 127.0.0.1:${port} 10.244.0.9:8080\n`;
    const result = await run(['--expected', file('e10', log(41854)), '--actual', file('a10', log(52110))]);
    expect(result).toEqual({ code: 0, stdout: 'match (auto)\n', stderr: '' });
  });

  test('an extra last line after ... is the one difference reported', async () => {
    const expected = 'Server: istio-envoy\n...\nx-request-id: ...\nclient: 10.244.1.12\nstatus: 200\n';
    const actual = 'Server: istio-envoy\ndate: Mon, 07 Dec 2026 19:08:35 GMT\nx-request-id: 5795fab599dca0b8\nclient: 10.244.1.12\nstatus: 200\nretry: yes\n';
    const result = await run(['--expected', file('e11', expected), '--actual', file('a11', actual)]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['1 difference (lines):', '  output line 6: unexpected line at the end: "retry: yes"']);
  });

  test('--help prints the usage and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: istio-doctest match --expected FILE --actual FILE [--mode MODE] [--arg TEXT] [--json]');
  });
});
