import { alignBlocks } from '../../src/translate/align.js';
import { compareBlocks, comparePage } from '../../src/translate/drift.js';
import type { LineChange } from '../../src/translate/line-changes.js';
import { isTranslatedOutput, onlyCommentsChanged, splitComment } from '../../src/translate/translation.js';
import { bash, page, text } from './pages.js';

// The only block of a one-block page.
function block(lang: string, body: string) {
  return page(lang, '## Steps', body).blocks[0];
}

// An edited line as the line diff gives it.
function edit(referenceText: string, localText: string): LineChange {
  return { line: 2, text: localText, referenceLine: 2, referenceText, words: [] };
}

describe('comparing two aligned blocks', () => {
  test('identical blocks are the same, whatever trailing whitespace or column spacing they have', () => {
    const en = block('en', bash('kubectl get svc my-httpbin', 'NAME         TYPE           CLUSTER-IP', 'my-httpbin   ExternalName   <none>'));
    const es = block('es', bash('kubectl get svc my-httpbin   ', 'NAME       TYPE         CLUSTER-IP  ', 'my-httpbin ExternalName <none>\t'));
    expect(compareBlocks(es, en)).toEqual([{ id: 'snip_steps_1', syntax: 'bash', kind: 'same', line: 7, referenceLine: 7, changes: [] }]);
  });

  test('indentation of a heredoc body counts: YAML means something else when it moves', () => {
    const en = block('en', bash('kubectl apply -f - <<EOF\nspec:\n  mode: DISABLE\nEOF'));
    const es = block('es', bash('kubectl apply -f - <<EOF\nspec:\nmode: DISABLE\nEOF'));
    expect(compareBlocks(es, en).map((b) => b.kind)).toEqual(['command']);
  });

  test('a changed command gives both lines and a word diff of the changed word', () => {
    const en = block('en', bash('kubectl apply -f @samples/sleep/sleep.yaml@ -n without-istio'));
    const es = block('es', bash('kubectl apply -f @samples/curl/curl.yaml@ -n without-istio'));
    const [finding] = compareBlocks(es, en);
    expect(finding.kind).toBe('command');
    expect(finding.changes).toHaveLength(1);
    expect(finding.changes[0]).toMatchObject({ line: 8, referenceLine: 8, text: '$ kubectl apply -f @samples/curl/curl.yaml@ -n without-istio' });
    expect(finding.changes[0].words.filter((w) => w.removed).map((w) => w.value)).toEqual(['sleep', 'sleep']);
    expect(finding.changes[0].words.filter((w) => w.added).map((w) => w.value)).toEqual(['curl', 'curl']);
  });

  test('a translated page title in the expected output is flagged translated, even when the sample name in the command changed', () => {
    const command = (sample: string) => `kubectl exec "$SOURCE_POD" -c ${sample} -- curl -sS https://en.wikipedia.org/wiki/Main_Page | grep -o "<title>.*</title>"`;
    const en = block('en', bash(command('sleep'), '<title>Wikipedia, the free encyclopedia</title>'));
    const es = block('es', bash(command('curl'), '<title>Wikipedia, la enciclopedia libre</title>'));
    expect(compareBlocks(es, en).map((b) => [b.kind, b.changes.map((c) => c.text)])).toEqual([
      ['command', [`$ ${command('curl')}`]],
      ['translated', ['<title>Wikipedia, la enciclopedia libre</title>']],
    ]);
  });

  test('an output that follows a changed word of the command is an output change, not a translation', () => {
    const en = block('en', bash('echo hello world', 'hello world'));
    const es = block('es', bash('echo hola mundo', 'hola mundo'));
    expect(compareBlocks(es, en).map((b) => b.kind)).toEqual(['command', 'output']);
  });

  test('a removed header line in a JSON output is an output change', () => {
    const en = block('en', bash('curl -sS httpbin/headers', '{', '  "X-Envoy-Decorator-Operation": "my-httpbin:80/*",', '  "X-Envoy-Peer-Metadata": "..."', '}'));
    const es = block('es', bash('curl -sS httpbin/headers', '{', '  "X-Envoy-Peer-Metadata": "..."', '}'));
    const [finding] = compareBlocks(es, en);
    expect(finding.kind).toBe('output');
    expect(finding.changes).toEqual([
      { referenceLine: 10, referenceText: '  "X-Envoy-Decorator-Operation": "my-httpbin:80/*",', words: [{ value: '  "X-Envoy-Decorator-Operation": "my-httpbin:80/*",', removed: true }] },
    ]);
  });

  test('translated # comments in a heredoc are kind comment, not command drift', () => {
    const en = block('en', bash('kubectl apply -f - <<EOF\nspec:\n  action: ALLOW # allow the request when the header matches\nEOF'));
    const uk = block('uk', bash('kubectl apply -f - <<EOF\nspec:\n  action: ALLOW # дозволити запит, коли заголовок збігається\nEOF'));
    expect(compareBlocks(uk, en).map((b) => b.kind)).toEqual(['comment']);
  });

  test('a YAML block whose values changed is an output change; one whose comments were translated is kind comment', () => {
    const en = block('en', text('yaml', 'spec:', '  mode: STRICT # applies to the whole mesh'));
    expect(compareBlocks(block('zh', text('yaml', 'spec:', '  mode: PERMISSIVE # applies to the whole mesh')), en).map((b) => b.kind)).toEqual(['output']);
    expect(compareBlocks(block('zh', text('yaml', 'spec:', '  mode: STRICT # 适用于整个网格')), en).map((b) => b.kind)).toEqual(['comment']);
  });
});

describe('telling translations from changes', () => {
  test('prose lines with the same technical tokens are translations', () => {
    expect(isTranslatedOutput([edit('<title>Wikipedia, the free encyclopedia</title>', '<title>Wikipedia, la enciclopedia libre</title>')])).toBe(true);
    expect(isTranslatedOutput([edit('2020-08-04T23:28:48Z info ControlZ available at 100.76.122.230:9876', '2020-08-04T23:28:48Z info ControlZ доступний на 100.76.122.230:9876')])).toBe(true);
  });

  test('names, numbers, IPs, keys, quoted values and lone values are technical', () => {
    expect(isTranslatedOutput([edit('sleep-66c8d79ff5-8tqrl   1/1     Running   0          32s', 'curl-66c8d79ff5-8tqrl    1/1     Running   0          32s')])).toBe(false);
    expect(isTranslatedOutput([edit('          - ip: 91.198.174.192', '          - ip: 208.80.153.224')])).toBe(false);
    expect(isTranslatedOutput([edit('mode: DISABLE', 'mode: STRICT')])).toBe(false);
    expect(isTranslatedOutput([edit('"status": "ok"', '"status": "fine"')])).toBe(false);
    expect(isTranslatedOutput([edit('Running', 'Pending')])).toBe(false);
    expect(isTranslatedOutput([edit('my-pod   1/1   Running   0   5s', 'my-pod   1/1   Pending   0   5s')])).toBe(false);
  });

  test('added or removed lines are never a translation', () => {
    expect(isTranslatedOutput([{ referenceLine: 3, referenceText: 'The free encyclopedia', words: [] }])).toBe(false);
  });

  test('comments are split off outside quotes only', () => {
    expect(splitComment('  mode: STRICT # applies everywhere')).toEqual({ code: '  mode: STRICT', comment: '# applies everywhere' });
    expect(splitComment('$ # Store your revision')).toEqual({ code: '$', comment: '# Store your revision' });
    expect(splitComment('echo "a # b"')).toEqual({ code: 'echo "a # b"', comment: '' });
    expect(splitComment('curl http://x/#anchor')).toEqual({ code: 'curl http://x/#anchor', comment: '' });
    expect(onlyCommentsChanged([edit('  - mesh # applies internally', '  - mesh # застосовується всередині')])).toBe(true);
    expect(onlyCommentsChanged([edit('  - mesh # applies internally', '  - gateway # застосовується всередині')])).toBe(false);
  });
});

describe('comparing a page with its reference', () => {
  test('lists the missing and extra blocks where they stand, and the test flag difference', () => {
    const en = page('en', '## Steps', bash('kubectl create namespace demo'), bash('kubectl get pods -n demo'), bash('kubectl delete namespace demo'));
    const es = parsePageWithTest('no', '## Pasos', bash('kubectl create namespace demo'), bash('kubectl delete namespace demo'), bash('kubectl get events'));
    const drift = comparePage({ page: es, reference: { page: en, alignment: alignBlocks(es, en) } }, () => undefined);
    expect(drift.status).toBe('drift');
    expect(drift.test).toEqual({ page: 'no', reference: 'yes', line: 3, fix: { action: 'edit', value: 'yes', text: 'write `test: yes` on line 3 as the reference has it' } });
    expect(drift.flags).toEqual({ commands: false, outputs: false, changedOutputs: false, translated: false, missingOrExtra: true, comments: false, placeholders: false, notRun: false, testFlag: true });
    expect(drift.blocks.map((b) => [b.kind, b.id, b.line ?? null, b.referenceLine ?? null])).toEqual([
      ['same', 'snip_steps_1', 7, 7],
      ['missing', 'snip_steps_2', null, 11],
      ['same', 'snip_steps_3', 11, 15],
      ['extra', 'snip_pasos_3', 15, null],
    ]);
    expect(drift.blocks[1]).toMatchObject({ preview: '$ kubectl get pods -n demo', near: 9 });
    // Every finding says what to do: the missing block goes after the end line of the aligned block before it.
    expect(drift.blocks.map((b) => b.fix?.action)).toEqual(['none', 'translate', 'none', 'edit']);
    expect(drift.blocks[1].fix).toEqual({
      action: 'translate',
      after: 9,
      heading: 'Pasos',
      text: "insert the block from line 11 of the en page after line 9, under the heading 'Pasos', and translate its prose",
    });
  });

  test('a page without a reference says so and has no findings', () => {
    const fr = page('fr', '## Étapes', bash('kubectl get pods'));
    expect(comparePage({ page: fr }, () => undefined)).toMatchObject({ status: 'no-reference', blocks: [], includes: [] });
  });
});

// A Spanish page with a given test flag.
function parsePageWithTest(test: string, ...parts: string[]) {
  const p = page('es', ...parts);
  p.frontMatter.test = test as 'no';
  return p;
}
