// `source` lines inside the istio.io helper files a script sources get the same rules as the script's own: a snips
// file is generated from the page in the run's language (English, with a warning, when the translation has none), a
// helper comes from --repo-root. The realistic case: istio.io's tests/util/gateway-api.sh (sourced by 20 gtwapi_test.sh
// scripts) sources content/en/boilerplates/snips/args.sh, which the checkout does not hold (istio.io generates it).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { corpus, corpusPresent } from '../corpus.js';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 120000);

// Writes files under a new temporary folder.
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'doctest-nested-source-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const block = (command: string, output: string) => `{{< text bash >}}\n$ ${command}\n${output}\n{{< /text >}}\n`;
const page = (root: string, lang: string, name: string) => relative(ROOT, join(root, 'content', lang, 'docs', name, 'index.md'));
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const present = corpusPresent('nested sources of istio.io helper files');
const withCorpus = present ? describe : describe.skip;

withCorpus('a script sourcing istio.io\'s tests/util/gateway-api.sh', () => {
  // The Gateway API version istio.io's data/args.yml gives, which args.md's snippet holds.
  const version = present ? /^k8s_gateway_api_version:\s*"?([^"\n]+)"?/m.exec(readFileSync(join(corpus, 'data/args.yml'), 'utf8'))?.[1] : undefined;
  // A Ukrainian page whose script sources the helper, as the gtwapi_test.sh scripts do before their @setup line.
  const files = (expected: string): Record<string, string> => ({
    'content/uk/docs/gateway/index.md': `---\ntitle: Шлюз\ntest: yes\n---\n## CRD {#crds}\n\n${block('echo "$K8S_GATEWAY_API_CRDS"', expected)}\n${block('echo "$GATEWAY_API"', 'true')}`,
    'content/uk/docs/gateway/test.sh': '#!/usr/bin/env bash\nset -e\nsource "tests/util/gateway-api.sh"\n\n# @setup profile=none\n_verify_same snip_crds_1 "$snip_crds_1_out"\n_verify_same snip_crds_2 "$snip_crds_2_out"\n\n# @cleanup\ntrue\n',
  });

  test('gets args.sh generated from the English boilerplate of the checkout, with a warning, when the translation has no args.md', async () => {
    expect(version).toMatch(/^v\d+\.\d+/);
    const root = site(files(`github.com/kubernetes-sigs/gateway-api/config/crd/experimental?ref=${version}`));
    roots.push(root);
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout, stderr } = await runCli(['run', '--repo-root', corpus, '--json', json, page(root, 'uk', 'gateway')], { ...cluster.env, VERIFY_TIMEOUT: '1' });
    const steps = readEvents(json).filter((e) => e.type === 'step');
    // set -e, the source line, the two verify calls, then the cleanup part: the source line repeated, `true`.
    expect(steps.map((s) => [s.id, s.status])).toEqual([['test.sh:2', 'passed'], ['test.sh:3', 'passed'], ['snip_crds_1', 'passed'], ['snip_crds_2', 'passed'], ['test.sh:3', 'passed'], ['test.sh:10', 'passed']]);
    expect(stderr).toContain(`warning: ${relative(ROOT, join(root, 'content/uk/docs/gateway/test.sh'))}: content/en/boilerplates/snips/args.sh (in tests/util/gateway-api.sh): no uk page content/uk/boilerplates/args.md; its English snippets are used`);
    expect(stdout).toMatch(/1 page: 1 passed, 0 failed/);
    expect(code).toBe(0);
  }, 120000);

  test('gets args.sh generated from the translation\'s own args.md when the site has one', async () => {
    const root = site({
      ...files('github.com/kubernetes-sigs/gateway-api/config/crd/experimental?ref=v9.9.9-uk'),
      'content/uk/boilerplates/args.md': '---\n---\n\n{{< text syntax=plain snip_id=gateway_api_version >}}\nv9.9.9-uk\n{{< /text >}}\n',
    });
    roots.push(root);
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stderr } = await runCli(['run', '--repo-root', corpus, '--json', json, page(root, 'uk', 'gateway')], { ...cluster.env, VERIFY_TIMEOUT: '1' });
    expect(readEvents(json).filter((e) => e.type === 'step' && e.status !== 'passed')).toEqual([]);
    expect(stderr).not.toContain('args');
    expect(code).toBe(0);
  }, 120000);
});

// Runs the page `name` of the es and en sites of a small checkout, each on a fake cluster: its steps and exit code.
async function runEachLang(root: string, name: string) {
  roots.push(root);
  const cluster = fakeCluster();
  const runs = [];
  for (const lang of ['es', 'en']) {
    const json = join(cluster.dir, `${lang}.jsonl`);
    const { code } = await runCli(['run', '--json', json, page(root, lang, name)], { ...cluster.env, VERIFY_TIMEOUT: '1' });
    runs.push({ lang, steps: readEvents(json).filter((e) => e.type === 'step').map((e) => [e.id, e.status]), code });
  }
  return runs;
}

describe('nested sources in a small checkout', () => {
  test('a helper that sources another helper that sources a page\'s snips gets that page in the run\'s language, two levels down', async () => {
    const root = site({
      'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '',
      // common.sh (beside the English page) sources a tests/util helper, which sources the other page's snips.
      'content/en/docs/main/common.sh': 'source "tests/util/greetings.sh"\ngreet_twice() {\n  snip_hello_1\n  snip_hello_1\n}\n',
      'tests/util/greetings.sh': '# greetings of the other page\nsource "content/en/docs/other/snips.sh" || return 1\n',
      'content/en/docs/other/index.md': `---\ntitle: Other\n---\n## Hello {#hello}\n\n${block('echo hello', 'hello')}`,
      'content/es/docs/other/index.md': `---\ntitle: Otra\n---\n## Hola {#hello}\n\n${block('echo hola', 'hola')}`,
      'content/es/docs/main/index.md': `---\ntitle: Principal\ntest: yes\n---\n## Dos {#two}\n\n${block('greet_twice', 'hola\nhola')}`,
      'content/en/docs/main/index.md': `---\ntitle: Main\ntest: yes\n---\n## Two {#two}\n\n${block('greet_twice', 'hello\nhello')}`,
      'content/en/docs/main/test.sh': '# @setup profile=none\nsource "content/en/docs/main/common.sh"\n_verify_same snip_two_1 "$snip_two_1_out"\n# @cleanup\ntrue\n',
    });
    const runs = await runEachLang(root, 'main');
    expect(runs).toEqual(['es', 'en'].map((lang) => ({ lang, steps: [['test.sh:2', 'passed'], ['snip_two_1', 'passed'], ['test.sh:2', 'passed'], ['test.sh:5', 'passed']], code: 0 })));
  }, 120000);

  test('the helpers the framework injects (tests/util/helpers.sh) get their nested snips in the run\'s language too', async () => {
    const root = site({
      'tests/util/verify.sh': '', 'tests/util/debug.sh': '',
      'tests/util/helpers.sh': 'source "content/en/boilerplates/snips/greeting.sh"\n',
      'content/en/boilerplates/greeting.md': '---\n---\n\n{{< text syntax=plain snip_id=word >}}\nhello\n{{< /text >}}\n',
      'content/es/boilerplates/greeting.md': '---\n---\n\n{{< text syntax=plain snip_id=word >}}\nhola\n{{< /text >}}\n',
      'content/en/docs/say/index.md': `---\ntitle: Say\ntest: yes\n---\n## Say {#say}\n\n${block('echo "$bpsnip_greeting_word"', 'hello')}`,
      'content/es/docs/say/index.md': `---\ntitle: Decir\ntest: yes\n---\n## Decir {#say}\n\n${block('echo "$bpsnip_greeting_word"', 'hola')}`,
      'content/en/docs/say/test.sh': '# @setup profile=none\n_verify_same snip_say_1 "$snip_say_1_out"\n# @cleanup\ntrue\n',
    });
    const runs = await runEachLang(root, 'say');
    expect(runs).toEqual(['es', 'en'].map((lang) => ({ lang, steps: [['snip_say_1', 'passed'], ['test.sh:4', 'passed']], code: 0 })));
  }, 120000);
});
