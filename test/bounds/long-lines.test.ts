// The word diff of very long lines falls back to a whole-line change: `drift` of two 100 KB pages whose one command
// line holds 20,000 words (different in each) answers in seconds (it took minutes in jsdiff's word diff).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 120000);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// `count` words w0..w999 drawn by a small linear congruential generator from `seed` (reproducible, unlike Math.random).
function words(count: number, seed: number): string {
  let state = seed;
  return Array.from({ length: count }, () => `w${(state = (state * 16807) % 2147483647) % 1000}`).join(' ');
}

describe('word diffs of very long lines', () => {
  test('drift of a 20,000-word command line shows the line removed and added whole; a short edited line keeps its word diff', async () => {
    const root = mkdtempSync(join(tmpdir(), 'doctest-long-line-'));
    dirs.push(root);
    const page = (lang: string, long: string, short: string) => {
      mkdirSync(join(root, 'content', lang, 'docs', 'long'), { recursive: true });
      writeFileSync(join(root, 'content', lang, 'docs', 'long', 'index.md'), `---\ntitle: Long\ntest: yes\n---\n\n## Steps\n\n{{< text bash >}}\n$ echo ${long}\n{{< /text >}}\n\n{{< text bash >}}\n$ ${short}\n{{< /text >}}\n`);
    };
    const en = words(20000, 1);
    const uk = words(20000, 2);
    page('en', en, 'kubectl get pods -n istio-system');
    page('uk', uk, 'kubectl get pods -n default');
    const result = await runCli(['drift', '--reference', 'en', join(root, 'content', 'uk')], { NO_COLOR: '1' }, 60000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`[-$ echo ${en.slice(0, 200)}`);
    expect(result.stdout).toContain(`{+$ echo ${uk.slice(0, 200)}`);
    expect(result.stdout).toContain('$ kubectl get pods -n [-istio-system-]{+default+}');
    expect(result.stdout).toMatch(/1 page compared: 0 identical, 1 with command drift/);
  }, 70000);
});
