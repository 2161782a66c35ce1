import { parsePage } from '../page/parse.js';
import { buildPlan } from './build-plan.js';

const page = parsePage(
  'content/en/docs/lab/index.md',
  ['---', 'title: Lab', 'test: yes', '---', '## Look {#look}', '', '{{< text bash >}}', '$ greet', 'hello', '{{< /text >}}', '', '## Cleanup {#cleanup}', '', '{{< text bash >}}', '$ kubectl delete ns lab', '{{< /text >}}', ''].join('\n'),
);
const specFile = 'content/en/docs/lab/doctest.yaml';
const lines = { 'source.0': 2, 'before.0': 4, 'before.1': 5, 'cleanup.0': 9 };

describe('hidden steps of doctest.yaml in a page plan', () => {
  const plan = buildPlan(page, {
    specFile,
    specLines: lines,
    repoRoot: '/srv/istio.io',
    sourcedFunctions: ['greet'],
    spec: {
      page: {
        setup: 'profile=demo',
        source: ['tests/util/lab.sh'],
        before: [{ run: 'kubectl apply -f @samples/curl/curl.yaml@' }, { run: 'curl -s ifconfig.me', verify: 'same', arg: '1.2.3.4', retry: false }],
        cleanup: [{ run: 'helm uninstall lab', verify: 'contains', arg: 'uninstalled', timeout: 60000 }],
      },
    },
  });

  test('sources and before steps come first, cleanup steps after the page\'s cleanup section, numbered in that order', () => {
    expect(plan.steps.map((s) => [s.index, s.id, `${s.file}:${s.line}`, s.cleanup, s.hidden ?? false])).toEqual([
      [1, 'page.source.0', `${specFile}:2`, false, true],
      [2, 'page.before.0', `${specFile}:4`, false, true],
      [3, 'page.before.1', `${specFile}:5`, false, true],
      [4, 'snip_look_1', 'content/en/docs/lab/index.md:8', false, false],
      [5, 'snip_cleanup_1', 'content/en/docs/lab/index.md:15', true, false],
      [6, 'page.cleanup.0', `${specFile}:9`, true, true],
    ]);
  });

  test('a whole-output mode compares with arg as the expected output; a text mode keeps it as its argument', () => {
    expect(plan.steps[0]).toMatchObject({ command: 'source tests/util/lab.sh', verify: { mode: 'none' }, expected: '' });
    expect(plan.steps[1]).toMatchObject({ command: 'kubectl apply -f samples/curl/curl.yaml', verify: { mode: 'none' } });
    expect(plan.steps[2]).toMatchObject({ verify: { mode: 'same' }, expected: '1.2.3.4', retry: false });
    expect(plan.steps[5]).toMatchObject({ verify: { mode: 'contains', arg: 'uninstalled' }, expected: '', timeoutMs: 60000 });
  });

  test('the preflight needs their programs and files at their doctest.yaml line, not the functions the helpers define', () => {
    expect(plan.programUses).toEqual([
      { name: 'curl', file: specFile, line: 5 },
      { name: 'helm', file: specFile, line: 9 },
      { name: 'kubectl', file: specFile, line: 4 },
    ]);
    expect(plan.istioFileUses).toEqual([{ name: 'samples/curl/curl.yaml', file: specFile, line: 4 }]);
    expect(plan.sourceUses).toEqual([{ name: 'tests/util/lab.sh', file: specFile, line: 2 }]);
    expect(plan).toMatchObject({ setup: 'profile=demo', repoRoot: '/srv/istio.io' });
  });
});
