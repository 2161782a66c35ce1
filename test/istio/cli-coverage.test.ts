// The right pages by default, through the real CLI: a page whose snippets a script sources runs inside that script,
// never as a page plan of its own; in an istio.io checkout (tests/util/verify.sh) only scripts run, as istio.io's
// framework runs them, and pages no script covers run only with --uncovered-pages, labelled. On a small site, then
// on the istio.io snapshot (ambient/getting-started, locality-load-balancing, multicluster/verify).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { corpus, corpusPresent } from '../corpus.js';
import { ensureBuilt, fakeCluster, ROOT, runCli } from '../run/harness.js';
import { writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const page = (title: string, id: string) => `---\ntitle: ${title}\ntest: yes\n---\n## ${title} {#${id}}\n\n{{< text bash >}}\n$ echo ${id}\n${id}\n{{< /text >}}\n`;

// A tour driven by a folder test, a page whose own script sources a sibling through common.sh, and a lone page.
const files: Record<string, string> = {
  'content/en/docs/tour/one/index.md': page('One', 'one'),
  'content/en/docs/tour/two/index.md': page('Two', 'two'),
  'content/en/docs/tour/test.sh': '# @setup profile=none\nsource "content/en/docs/tour/one/snips.sh"\nsource "content/en/docs/tour/two/snips.sh"\n_verify_same snip_one_1 "$snip_one_1_out"\n# @cleanup\nsnip_two_1\n',
  'content/en/docs/lb/prep/index.md': page('Prep', 'prep'),
  'content/en/docs/lb/common.sh': 'source content/en/docs/lb/prep/snips.sh\n',
  'content/en/docs/lb/failover/index.md': page('Failover', 'failover'),
  'content/en/docs/lb/failover/test.sh': '# @setup profile=none\nsource content/en/docs/lb/common.sh\nsnip_prep_1\nsnip_failover_1\n# @cleanup\n',
  'content/en/docs/lone/index.md': page('Lone', 'lone'),
  'content/uk/docs/tour/one/index.md': page('Один', 'one'),
  'content/uk/docs/lone/index.md': page('Самотня', 'lone'),
};
const helpers = { 'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '' };

let checkout: string;
let plain: string;
beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'doctest-coverage-checkout-'));
  writeTree(checkout, { ...files, ...helpers });
  plain = mkdtempSync(join(tmpdir(), 'doctest-coverage-site-'));
  writeTree(plain, files);
});
afterAll(() => {
  rmSync(checkout, { recursive: true, force: true });
  rmSync(plain, { recursive: true, force: true });
});

const rel = (root: string, path: string) => relative(ROOT, join(root, path));
// The pages of the dry run's plan headers and its skipped lines, in the order printed.
const headers = (stdout: string) => stdout.split('\n').filter((l) => /^\S.* \[\w+\] \d+ steps?/.test(l)).map((l) => l.replace(/ \[.*$/, ''));
const skippedLine = (stdout: string, file: string) => stdout.split('\n').find((l) => l.startsWith(`skipped ${file}:`));

describe('pages covered by scripts', () => {
  test('in an istio.io checkout only the scripts are planned; covered pages say which script runs them; the lone page says how to run it', async () => {
    const env = fakeCluster().env;
    const { code, stdout } = await runCli(['run', '--dry-run', rel(checkout, 'content/en/docs')], env);
    expect(headers(stdout)).toEqual([rel(checkout, 'content/en/docs/lb/failover/index.md'), rel(checkout, 'content/en/docs/tour/test.sh')]);
    expect(skippedLine(stdout, rel(checkout, 'content/en/docs/tour/one/index.md'))).toBe(`skipped ${rel(checkout, 'content/en/docs/tour/one/index.md')}: runs inside ${rel(checkout, 'content/en/docs/tour/test.sh')} (it sources this page's snippets), not as a page of its own`);
    expect(skippedLine(stdout, rel(checkout, 'content/en/docs/lb/prep/index.md'))).toContain(`runs inside ${rel(checkout, 'content/en/docs/lb/failover/test.sh')}`);
    expect(skippedLine(stdout, rel(checkout, 'content/en/docs/lone/index.md'))).toContain("no istio.io test script covers it, and istio.io's framework runs only its scripts (--uncovered-pages runs its page plan)");
    expect(code).toBe(0);
  }, 120000);

  test('--uncovered-pages adds the page plans of uncovered pages, labelled; covered pages still never run on their own', async () => {
    const env = fakeCluster().env;
    const { code, stdout } = await runCli(['run', '--dry-run', '--uncovered-pages', rel(checkout, 'content/en/docs')], env);
    expect(headers(stdout)).toEqual([rel(checkout, 'content/en/docs/lb/failover/index.md'), rel(checkout, 'content/en/docs/lone/index.md'), rel(checkout, 'content/en/docs/tour/test.sh')]);
    expect(stdout).toContain(`${rel(checkout, 'content/en/docs/lone/index.md')} [en] 1 step, page plan: no istio.io test script covers this page (--uncovered-pages)`);
    expect(code).toBe(0);
    // A real run says once how many such pages run, which istio.io's framework would not.
    const ran = await runCli(['run', '--uncovered-pages', rel(checkout, 'content/en/docs/lone')], env);
    expect(ran.stderr).toContain("istio-doctest: --uncovered-pages: 1 page no istio.io test script covers runs its own page plan, which istio.io's framework does not run");
    expect(ran.code).toBe(0);
  }, 120000);

  test('a translation of a covered page is covered by the English script too', async () => {
    const env = fakeCluster().env;
    const { stdout } = await runCli(['run', '--dry-run', rel(checkout, 'content/uk/docs')], env);
    expect(skippedLine(stdout, rel(checkout, 'content/uk/docs/tour/one/index.md'))).toContain(`runs inside ${rel(checkout, 'content/en/docs/tour/test.sh')}`);
    expect(headers(stdout)).not.toContain(rel(checkout, 'content/uk/docs/tour/one/index.md'));
  }, 120000);

  test('outside an istio.io checkout, uncovered pages run their page plans as before, and covered ones still do not', async () => {
    const env = fakeCluster().env;
    const { stdout } = await runCli(['run', '--dry-run', rel(plain, 'content/en/docs')], env);
    expect(headers(stdout)).toEqual([rel(plain, 'content/en/docs/lb/failover/index.md'), rel(plain, 'content/en/docs/lone/index.md'), rel(plain, 'content/en/docs/tour/test.sh')]);
    expect(stdout).not.toContain('--uncovered-pages)');
  }, 120000);
});

const present = corpusPresent('pages covered by the scripts of the istio.io snapshot');
(present ? describe : describe.skip)('on the istio.io snapshot', () => {
  test.each([
    ['docs/ambient/getting-started', ['docs/ambient/getting-started/test.sh'], ['deploy-sample-app', 'secure-and-visualize', 'enforce-auth-policies', 'manage-traffic', 'cleanup'].map((p) => `docs/ambient/getting-started/${p}/index.md`)],
    ['docs/tasks/traffic-management/locality-load-balancing', ['failover/index.md', 'distribute/index.md'].map((p) => `docs/tasks/traffic-management/locality-load-balancing/${p}`), ['before-you-begin', 'cleanup'].map((p) => `docs/tasks/traffic-management/locality-load-balancing/${p}/index.md`)],
    ['docs/setup/install/multicluster', [], ['docs/setup/install/multicluster/verify/index.md']],
  ])('%s: the covered sub-pages are no page plans and say which script runs them', async (folder, planned, covered) => {
    const env = fakeCluster().env;
    const json = join(mkdtempSync(join(tmpdir(), 'doctest-coverage-')), 'plan.jsonl');
    const { stdout } = await runCli(['run', '--dry-run', '--json', json, relative(ROOT, join(corpus, 'content/en', folder))], env, 300000);
    const pages = new Set(readFileSync(json, 'utf8').trim().split('\n').map((l) => JSON.parse(l).page as string));
    for (const p of planned) expect(pages).toContain(relative(ROOT, join(corpus, 'content/en', p)));
    for (const p of covered) {
      expect(pages).not.toContain(relative(ROOT, join(corpus, 'content/en', p)));
      expect(skippedLine(stdout, relative(ROOT, join(corpus, 'content/en', p)))).toMatch(/: runs inside \S+test\.sh( and \S+test\.sh)* \(it sources this page's snippets\), not as a page of its own$/);
    }
    // In the checkout every plan is a script's.
    expect(stdout.split('\n').filter((l) => /^\S.* \[en\] \d+ steps?/.test(l)).every((l) => l.includes(', script '))).toBe(true);
  }, 320000);
});
