// A failing `_verify_*` call of an istio.io test script, top-level or nested in a function, is told by the same one
// line in every report: the page line of the snippet's expected output that differs, with the snippet's command line.
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli } from '../run/harness.js';
import { makeScriptSite, writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

// The page shows `2` where printf prints `two` (line 10); its command is on line 8.
const pageText = `---
title: Lines
test: yes
---
## Count {#count}

{{< text bash >}}
$ printf 'one\\ntwo\\nthree\\n'
one
2
three
{{< /text >}}
`;

const script = `# @setup profile=none
_verify_same snip_count_1 "$snip_count_1_out"
check() {
  _verify_same snip_count_1 "$snip_count_1_out"
}
check

# @cleanup
`;

let site: string;
beforeAll(() => {
  site = makeScriptSite();
  writeTree(site, { 'content/en/docs/lines/index.md': pageText, 'content/en/docs/lines/test.sh': script });
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

test('a top-level and a nested verify call that fail point at the expected line that differs, the same in every report', async () => {
  const page = relative(ROOT, join(site, 'content', 'en', 'docs', 'lines', 'index.md'));
  const cluster = fakeCluster();
  const json = join(cluster.dir, 'events.jsonl');
  const junit = join(cluster.dir, 'junit.xml');
  const { code, stdout } = await runCli(['run', '--keep-going', '--json', json, '--junit', junit, page], { ...cluster.env, VERIFY_TIMEOUT: '1', GITHUB_ACTIONS: 'true' });
  expect(code).toBe(1);
  const line = `${page}:10: line-differs: expected "2", got "two" (command at line 8)`;
  const failed = readEvents(json).filter((e) => e.type === 'step' && e.status === 'failed' && e.id === 'snip_count_1');
  // The top-level call, and the call inside check().
  expect(failed).toHaveLength(2);
  for (const step of failed) {
    expect(step).toMatchObject({ file: page, line: 8, failureLine: line, failure: { kind: 'line-differs', line: 10, commandLine: 8, expected: '2', actual: 'two' } });
  }
  expect(stdout.split('\n').filter((l) => l === line)).toHaveLength(2);
  const annotations = stdout.split('\n').filter((l) => l.startsWith('::error') && l.includes(`::${line}%0A`));
  expect(annotations).toHaveLength(2);
  for (const a of annotations) expect(a).toMatch(/^::error file=[^,]+,line=10,col=1,/);
  const xml = readFileSync(junit, 'utf8');
  expect(xml.split(`<failure message="${line.replace(/"/g, '&quot;')}"`)).toHaveLength(3);
}, 120000);
