import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadPages } from '../../src/app/pages.js';
import { findSpecFile, readSpec } from '../../src/config/spec.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { cli } from '../cli-harness.js';

const root = relative(process.cwd(), join(__dirname, '../..')) || '.';
const pageOf = (lang: string) => join(root, 'content', lang, 'docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md');
const curlV = 'snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_7';

// Writes a doctest.yaml in a fresh folder and reads it back as `file:line message` lines.
function problems(yaml: string): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'spec-')), 'doctest.yaml');
  writeFileSync(file, yaml);
  return readSpec(file).diagnostics.map((d) => `${d.file === file ? 'doctest.yaml' : d.file}:${d.line} ${d.message} [${d.ruleId}]`);
}

describe('doctest.yaml validation', () => {
  test('each problem names the file and line, the key path and what was expected', () => {
    const yaml = [
      'blocks:',
      '  snip_cleanup_1:',
      '    verify: contain',
      '  snip_cleanup_2:',
      '    verify: contains',
      '  snip_cleanup_3:',
      '    retry: "no"',
      '    timeout: forever',
      '  cleanup_4:',
      '    verify: same',
      '  snip_cleanup_5:',
      '    verify: regex',
      '    arg: "([a-z"',
      '    colour: red',
      'page:',
      '  tabs: [gateway-api]',
      '',
    ].join('\n');
    expect(problems(yaml)).toEqual([
      'doctest.yaml:3 `blocks.snip_cleanup_1.verify`: expected one of auto, same, contains, not-contains, lines, first-line, regex, like, elided, failure, none, got the text \"contain\" [spec-invalid]',
      'doctest.yaml:4 `blocks.snip_cleanup_2.arg`: expected `arg` with the text to look for (verify: contains needs one) [spec-invalid]',
      'doctest.yaml:7 `blocks.snip_cleanup_3.retry`: expected true or false, got the text "no" [spec-invalid]',
      'doctest.yaml:8 `blocks.snip_cleanup_3.timeout`: expected a duration such as 30s, 2m or 500ms [spec-invalid]',
      'doctest.yaml:9 `blocks.cleanup_4`: expected a block id such as snip_cleanup_1 [spec-invalid]',
      'doctest.yaml:13 `blocks.snip_cleanup_5.arg`: expected a regular expression in RE2 syntax (missing closing ]: `[a-z` at character 2) [spec-invalid]',
      'doctest.yaml:14 `blocks.snip_cleanup_5`: unknown key colour (expected verify, arg, retry, timeout, skip or run) [spec-invalid]',
      'doctest.yaml:16 `page.tabs`: expected a mapping (key: value), got a list [spec-invalid]',
    ]);
  });

  test('page.setup, page.source, page.before and page.cleanup: each bad value at its line, with the key path', () => {
    const yaml = [
      'page:',
      '  setup: profile=defalt',
      '  source: [tests/util/samples.sh, ../secrets.sh]',
      '  before:',
      '    - run: kubectl label namespace default istio-injection=enabled',
      '    - run: curl -s httpbin:8000/ip',
      '      verify: like',
      '    - verify: none',
      '  cleanup:',
      '    - run: kubectl delete ns lab',
      '      skip: "not yet"',
      '    - run: kubectl get pods',
      '      verify: regex',
      '      arg: "([a-z"',
      '',
    ].join('\n');
    expect(problems(yaml)).toEqual([
      'doctest.yaml:2 `page.setup`: expected one of profile=none, profile=default, profile=demo, profile=minimal, profile=ambient, multicluster, dualstack, got the text "profile=defalt" [spec-invalid]',
      'doctest.yaml:3 `page.source.1`: expected a path inside the istio.io checkout (--repo-root), such as tests/util/samples.sh [spec-invalid]',
      'doctest.yaml:6 `page.before.1.arg`: expected `arg` with the expected output to look for (verify: like needs one) [spec-invalid]',
      'doctest.yaml:8 `page.before.2.run`: missing: expected a text [spec-invalid]',
      'doctest.yaml:11 `page.cleanup.0`: unknown key skip (expected run, verify, arg, retry or timeout) [spec-invalid]',
      'doctest.yaml:14 `page.cleanup.1.arg`: expected a regular expression in RE2 syntax (missing closing ]: `[a-z` at character 2) [spec-invalid]',
    ]);
  });

  test('a single page.source outside the checkout is reported at its line', () => {
    expect(problems('page:\n  tabs: {}\n  source: /etc/profile\n')).toEqual([
      'doctest.yaml:3 `page.source.0`: expected a path inside the istio.io checkout (--repo-root), such as tests/util/samples.sh [spec-invalid]',
    ]);
  });

  test('a valid page section gives the line of each hidden step and helper file; a single source is a list of one', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spec-')), 'doctest.yaml');
    writeFileSync(file, 'page:\n  setup: profile=default\n  source: tests/util/samples.sh\n  before:\n    - run: startup_curl_sample\n  cleanup:\n    - run: cleanup_curl_sample\n      timeout: 1m\n');
    const result = readSpec(file);
    expect(result.pageLines).toEqual({ setup: 2, 'source.0': 3, 'before.0': 5, 'cleanup.0': 7 });
    expect(result.spec?.page).toEqual({ setup: 'profile=default', source: ['tests/util/samples.sh'], before: [{ run: 'startup_curl_sample' }], cleanup: [{ run: 'cleanup_curl_sample', timeout: 60000 }] });
  });

  test('a file that is not YAML, or not a mapping, is one positioned problem', () => {
    expect(problems('blocks:\n  snip_a_1: [\n')).toEqual([expect.stringMatching(/^doctest\.yaml:\d+ not valid YAML: .+ \[spec-yaml\]$/)]);
    expect(problems('- snip_a_1\n')).toEqual(['doctest.yaml:1 `(root)`: expected a mapping (key: value), got a list [spec-invalid]']);
  });

  test('a number as arg is the text it is written as, and durations become milliseconds', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spec-')), 'doctest.yaml');
    writeFileSync(file, 'blocks:\n  snip_status_1:\n    verify: contains\n    arg: 404\n    timeout: 90s\n    retry: false\n');
    expect(readSpec(file)).toEqual({ file, diagnostics: [], blockLines: { snip_status_1: 2 }, pageLines: {}, spec: { blocks: { snip_status_1: { verify: 'contains', arg: '404', timeout: 90000, retry: false } } } });
  });
});

describe('the seed page spec, one file for every language', () => {
  test.each(['en', 'es', 'uk', 'zh'])('the %s run plan verifies the curl -v step with contains, from the en doctest.yaml', (lang) => {
    const { pages } = loadPages([pageOf(lang)]);
    const file = findSpecFile(pages[0].file);
    expect(file && relative(root, file)).toBe(join('content/en/docs/tasks/traffic-management/egress/egress-kubernetes-services/doctest.yaml'));
    const { spec, diagnostics } = readSpec(file!);
    expect(diagnostics).toEqual([]);
    const plan = buildPlan(pages[0], { spec });
    const verbose = plan.steps.filter((step) => step.command.includes('curl -sS -v'));
    expect(verbose).toHaveLength(1);
    expect(verbose[0]).toMatchObject({ id: curlV, verify: { mode: 'contains', arg: 'Connected to en.wikipedia.org' } });
    expect(plan.steps.filter((step) => step.verify.mode === 'contains')).toHaveLength(1);
  });

  test('run --dry-run of the es page shows the contains verification of the en spec on the curl -v step', async () => {
    const { stdout } = await cli(['run', '--dry-run', pageOf('es')]);
    const at = stdout.indexOf(curlV);
    expect(at).toBeGreaterThan(0);
    expect(stdout.slice(at, at + 400)).toMatch(/contains "Connected to en\.wikipedia\.org"/);
  });
});
