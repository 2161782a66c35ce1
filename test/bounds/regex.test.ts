// A `regex` pattern is matched by a linear-time engine: `^(a+)+$`, which takes JavaScript's backtracking RegExp
// minutes on 40 characters (with the event loop, timers and signals stuck behind it), answers at once, through
// `match --mode regex` and through a page's doctest.yaml under `run`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, runCli } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 120000);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// 48 characters: about an hour of backtracking for `^(a+)+$` (each one more doubles it).
const EVIL_OUTPUT = `${'a'.repeat(47)}b`;

// A folder with the expected and actual outputs of `match` as files.
function outputs(expected: string, actual: string): { expected: string; actual: string } {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-regex-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'expected'), expected);
  writeFileSync(join(dir, 'actual'), actual);
  return { expected: join(dir, 'expected'), actual: join(dir, 'actual') };
}

describe('regex matching cannot hang', () => {
  test('match --mode regex with a catastrophic pattern answers (no match, exit 1)', async () => {
    const files = outputs('', `${EVIL_OUTPUT}\n`);
    const result = await runCli(['match', '--mode', 'regex', '--arg', '^(a+)+$', '--expected', files.expected, '--actual', files.actual], {}, 60000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the output has no match for /^(a+)+$/m');
  }, 70000);

  test('a pattern outside RE2 syntax is one line saying what and where', async () => {
    const files = outputs('', 'ok now\n');
    const result = await runCli(['match', '--mode', 'regex', '--arg', 'ok (?=now)', '--expected', files.expected, '--actual', files.actual], {}, 60000);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/the pattern "ok \(\?=now\)" is not RE2 syntax: invalid or unsupported Perl syntax: `\(\?=` at character 4 \(RE2 syntax: no lookaround, no backreferences\)/);
  }, 70000);

  test('a page step verified by a catastrophic pattern fails at once under run; the run reports and exits 1', async () => {
    const site = mkdtempSync(join(tmpdir(), 'doctest-regex-'));
    dirs.push(site);
    const dir = join(site, 'content', 'en', 'docs', 'evil');
    mkdirSync(dir, { recursive: true });
    const page = join(dir, 'index.md');
    writeFileSync(page, `---\ntitle: Evil\ntest: yes\n---\n\n## Steps\n\n{{< text bash >}}\n$ echo ${EVIL_OUTPUT}\n${EVIL_OUTPUT}\n{{< /text >}}\n`);
    writeFileSync(join(dir, 'doctest.yaml'), `blocks:\n  snip_steps_1:\n    verify: regex\n    arg: '^(a+)+$'\n    retry: false\n`);
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const result = await runCli(['run', '--step-timeout', '10s', '--json', json, page], cluster.env, 80000);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(1);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => s.status)).toEqual(['failed']);
    expect(result.stdout).toContain('no match for /^(a+)+$/m');
  }, 90000);

  test('check reports a doctest.yaml pattern outside RE2 syntax at its line, with the construct and its place', async () => {
    const site = mkdtempSync(join(tmpdir(), 'doctest-regex-'));
    dirs.push(site);
    const dir = join(site, 'content', 'en', 'docs', 'look');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.md'), `---\ntitle: Look\n---\n\n## Steps\n\n{{< text bash >}}\n$ echo abab\nabab\n{{< /text >}}\n`);
    writeFileSync(join(dir, 'doctest.yaml'), `blocks:\n  snip_steps_1:\n    verify: regex\n    arg: '(ab)\\1'\n`);
    const result = await runCli(['check', join(dir, 'index.md')], {}, 60000);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/doctest\.yaml:4:?\d* .*`blocks\.snip_steps_1\.arg`: expected a regular expression in RE2 syntax \(invalid escape sequence: `\\1` at character 5 \(RE2 syntax: no lookaround, no backreferences\)\) \[spec-invalid\]/);
  }, 70000);
});
