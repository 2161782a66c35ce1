// A site kept inside a folder named content/ (a checkout at /home/me/content/istio.io): where a page, a script and a
// folder test sit is decided by the last content/<lang>/ of their path, for script discovery as for pages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cli } from '../cli-harness.js';

let outer: string;
let site: string;

// Writes a file, creating its folders.
function put(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const page = (title: string) => `---\ntitle: ${title}\ntest: yes\n---\n\n{{< text bash >}}\n$ echo hello\nhello\n{{< /text >}}\n`;
const script = '#!/usr/bin/env bash\n# @setup profile=none\nset -e\necho "$(pwd)" >/dev/null\n\n# @cleanup\ntrue\n';

beforeAll(() => {
  outer = mkdtempSync(join(tmpdir(), 'istio-doctest-nested-'));
  site = join(outer, 'content', 'istio.io');
  put(join(site, 'content', 'en', 'docs', 'x', 'index.md'), page('English'));
  put(join(site, 'content', 'en', 'docs', 'x', 'test.sh'), script);
  put(join(site, 'content', 'zh', 'docs', 'x', 'index.md'), page('中文'));
  put(join(site, 'content', 'en', 'docs', 'tour', 'test.sh'), script);
  put(join(site, 'content', 'zh', 'docs', 'tour', 'part', 'index.md'), page('部分'));
});
afterAll(() => rmSync(outer, { recursive: true, force: true }));

describe('a site inside a folder named content/', () => {
  test('a translation runs the English test.sh of its page, as a zh page', async () => {
    const run = await cli(['run', '--dry-run', '--scripts', 'only', join(site, 'content', 'zh', 'docs', 'x')]);
    expect(run.stdout).toMatch(/content\/zh\/docs\/x\/index\.md \[zh\] .*script \S*content\/istio\.io\/content\/en\/docs\/x\/test\.sh/);
    expect(run.stdout).not.toContain('no test script');
  });

  test('a folder test found for a translation folder runs in that language', async () => {
    const run = await cli(['run', '--dry-run', '--scripts', 'only', join(site, 'content', 'zh', 'docs', 'tour')]);
    expect(run.stdout).toMatch(/content\/istio\.io\/content\/zh\/docs\/tour\/test\.sh \[zh\]/);
  });

});
