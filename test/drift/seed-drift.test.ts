import { join, relative } from 'node:path';
import { loadPages } from '../../src/app/pages.js';
import { driftReport } from '../../src/translate/drift-report.js';
import { cli } from '../cli-harness.js';

const root = relative(process.cwd(), join(__dirname, '../..')) || '.';
const task = 'docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';
const pageOf = (lang: string) => join(root, 'content', lang, task);
const boilerplateOf = (lang: string) => join(root, 'content', lang, 'boilerplates/before-you-begin-egress.md');

// Every changed line of a language's seed page and boilerplate, as [kind, line here, line in en, text here, text in en].
function differences(lang: string): [string, number | null, number | null, string | null, string | null][] {
  const { pages, referenceOf } = loadPages([join(root, 'content', lang)]);
  return driftReport(pages, 'en', referenceOf).pages.flatMap((page) =>
    page.blocks.flatMap((block) =>
      block.changes.map((c) => [block.kind, c.line ?? null, c.referenceLine ?? null, c.text?.trim() ?? null, c.referenceText?.trim() ?? null] as [string, number | null, number | null, string | null, string | null]),
    ),
  );
}

const curlResolve = (sample: string, pod: string) =>
  `$ kubectl exec "${pod}"${pod === '$SOURCE_POD_WITHOUT_ISTIO' ? ' -n without-istio' : ''} -c ${sample} -- curl -sS --resolve en.wikipedia.org:443:"$(kubectl get service my-wikipedia -o jsonpath='{.spec.clusterIP}')" https://en.wikipedia.org/wiki/Main_Page | grep -o "<title>.*</title>"`;

describe('drift of the seed translations against the English seed page', () => {
  test('es: the sample name, the API version, the Endpoints IPs, the translated title and the header the sidecar adds, each with both lines', () => {
    expect(differences('es')).toEqual([
      ['command', 13, 13, '$ kubectl apply -f @samples/curl/curl.yaml@', '$ kubectl apply -f @samples/sleep/sleep.yaml@'],
      ['command', 19, 19, '$ kubectl apply -f <(istioctl kube-inject -f @samples/curl/curl.yaml@)', '$ kubectl apply -f <(istioctl kube-inject -f @samples/sleep/sleep.yaml@)'],
      ['command', 25, 25, '$ export SOURCE_POD=$(kubectl get pod -l app=curl -o jsonpath={.items..metadata.name})', '$ export SOURCE_POD=$(kubectl get pod -l app=sleep -o jsonpath={.items..metadata.name})'],
      ['command', 44, 47, '$ kubectl apply -f @samples/curl/curl.yaml@ -n without-istio', '$ kubectl apply -f @samples/sleep/sleep.yaml@ -n without-istio'],
      [
        'command', 50, 53,
        '$ export SOURCE_POD_WITHOUT_ISTIO="$(kubectl get pod -n without-istio -l app=curl -o jsonpath={.items..metadata.name})"',
        '$ export SOURCE_POD_WITHOUT_ISTIO="$(kubectl get pod -n without-istio -l app=sleep -o jsonpath={.items..metadata.name})"',
      ],
      ['output', 58, 61, 'curl-66c8d79ff5-8tqrl    1/1     Running   0          32s', 'sleep-66c8d79ff5-8tqrl   1/1     Running   0          32s'],
      [
        'command', 94, 100,
        '$ kubectl exec "$SOURCE_POD_WITHOUT_ISTIO" -n without-istio -c curl -- curl -sS my-httpbin.default.svc.cluster.local/headers',
        '$ kubectl exec "$SOURCE_POD_WITHOUT_ISTIO" -n without-istio -c sleep -- curl -sS my-httpbin.default.svc.cluster.local/headers',
      ],
      ['command', 110, 116, 'apiVersion: networking.istio.io/v1', 'apiVersion: networking.istio.io/v1alpha3'],
      ['command', 127, 133, '$ kubectl exec "$SOURCE_POD" -c curl -- curl -sS my-httpbin.default.svc.cluster.local/headers', '$ kubectl exec "$SOURCE_POD" -c sleep -- curl -sS my-httpbin.default.svc.cluster.local/headers'],
      ['output', null, 143, null, '"X-Envoy-Decorator-Operation": "my-httpbin.default.svc.cluster.local:80/*",'],
      [
        'output', 138, 145,
        '"X-Envoy-Peer-Metadata-Id": "sidecar~10.28.1.74~curl-6bdb595bcb-drr45.default~default.svc.cluster.local"',
        '"X-Envoy-Peer-Metadata-Id": "sidecar~10.28.1.74~sleep-6bdb595bcb-drr45.default~default.svc.cluster.local"',
      ],
      ['command', null, 186, null, '- ip: 91.198.174.192'],
      ['command', 179, null, '- ip: 208.80.153.224', null],
      ['command', 198, 206, curlResolve('curl', '$SOURCE_POD_WITHOUT_ISTIO'), curlResolve('sleep', '$SOURCE_POD_WITHOUT_ISTIO')],
      ['translated', 199, 207, '<title>Wikipedia, la enciclopedia libre</title>', '<title>Wikipedia, the free encyclopedia</title>'],
      ['command', 207, 215, 'apiVersion: networking.istio.io/v1', 'apiVersion: networking.istio.io/v1alpha3'],
      ['command', 222, 230, curlResolve('curl', '$SOURCE_POD'), curlResolve('sleep', '$SOURCE_POD')],
      ['translated', 223, 231, '<title>Wikipedia, la enciclopedia libre</title>', '<title>Wikipedia, the free encyclopedia</title>'],
      [
        'command', 231, 239,
        `$ kubectl exec "$SOURCE_POD" -c curl -- curl -sS -v --resolve en.wikipedia.org:443:"$(kubectl get service my-wikipedia -o jsonpath='{.spec.clusterIP}')" https://en.wikipedia.org/wiki/Main_Page -o /dev/null`,
        `$ kubectl exec "$SOURCE_POD" -c sleep -- curl -sS -v --resolve en.wikipedia.org:443:"$(kubectl get service my-wikipedia -o jsonpath='{.spec.clusterIP}')" https://en.wikipedia.org/wiki/Main_Page -o /dev/null`,
      ],
      ['command', 253, 261, '$ kubectl delete -f @samples/curl/curl.yaml@', '$ kubectl delete -f @samples/sleep/sleep.yaml@'],
      ['command', 259, 267, '$ kubectl delete -f @samples/curl/curl.yaml@ -n without-istio', '$ kubectl delete -f @samples/sleep/sleep.yaml@ -n without-istio'],
    ]);
  });

  test('uk: the API version of both DestinationRules and the Endpoints IPs, nothing else', () => {
    expect(differences('uk')).toEqual([
      ['command', 93, 116, 'apiVersion: networking.istio.io/v1', 'apiVersion: networking.istio.io/v1alpha3'],
      ['command', null, 186, null, '- ip: 91.198.174.192'],
      ['command', 161, null, '- ip: 208.80.153.224', null],
      ['command', 187, 215, 'apiVersion: networking.istio.io/v1', 'apiVersion: networking.istio.io/v1alpha3'],
    ]);
  });

  test('zh: the same blocks as the English page it was translated from, though its anchors differ', () => {
    expect(differences('zh')).toEqual([]);
  });

  test('--json lists every block with its kind and both lines, the boilerplate as a page of its own, and the summary', async () => {
    const { code, stdout } = await cli(['drift', '--json', pageOf('uk'), pageOf('zh')]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.pages.map((p: { file: string; reference: string; status: string }) => [p.file, p.reference, p.status])).toEqual([
      [pageOf('uk'), pageOf('en'), 'drift'],
      [boilerplateOf('uk'), boilerplateOf('en'), 'same'],
      [pageOf('zh'), pageOf('en'), 'same'],
      [boilerplateOf('zh'), boilerplateOf('en'), 'same'],
    ]);
    const uk = report.pages[0];
    expect(Object.keys(uk)).toEqual(['file', 'reference', 'status', 'standing', 'next', 'test', 'boilerplates', 'blocks']);
    expect(uk.standing).toBe('commands');
    expect(uk.next).toBe(`run \`istio-doctest sync ${pageOf('uk')}\` to fix all 3`);
    expect(uk.test).toEqual({ page: 'yes', reference: 'yes', line: 7, fix: null });
    expect(uk.boilerplates).toEqual([{ name: 'before-you-begin-egress', file: boilerplateOf('uk'), reference: boilerplateOf('en'), status: 'same', fix: null }]);
    expect(uk.blocks).toHaveLength(22);
    expect(uk.blocks[0]).toEqual({ id: 'snip__1', syntax: 'bash', kind: 'same', line: 24, referenceLine: 40, moved: false, preview: null, fix: { action: 'none', text: 'nothing to do' }, changes: [] });
    const sync = { action: 'sync', text: `run \`istio-doctest sync ${pageOf('uk')}\`` };
    expect(uk.blocks.filter((b: { kind: string }) => b.kind !== 'same')).toMatchObject([
      { id: 'snip_kubernetes_externalname_service_to_access_an_external_service_4', syntax: 'bash', kind: 'command', line: 91, referenceLine: 114, fix: sync },
      { id: 'snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_2', syntax: 'bash', kind: 'command', line: 152, referenceLine: 178, fix: sync },
      { id: 'snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_5', syntax: 'bash', kind: 'command', line: 185, referenceLine: 213, fix: sync },
    ]);
    expect(report.summary).toMatchObject({ compared: 4, identical: 3, commands: 1, outputs: 0, translated: 0, missingOrExtra: 0, comments: 0, placeholders: 0, testFlag: 0, noReference: 0 });
    expect(report.summary.standings).toEqual({ missing: 0, commands: 1, outputs: 0, translated: 0, 'test-flag': 0, comments: 0, same: 3, 'no-reference': 0 });
    expect(report.summary.languages.uk).toMatchObject({ commands: 1, same: 1 });
  });

  test('the human report is grouped by page, with file:line on both sides, word diffs and the summary line', async () => {
    const { stdout } = await cli(['drift', pageOf('es')]);
    expect(stdout).toContain(`${pageOf('es')}: drift from ${pageOf('en')} (drifted commands)\n  next: run \`istio-doctest sync ${pageOf('es')}\` to fix 14 of these; translate 2 by hand\n`);
    expect(stdout).toContain(`  boilerplate before-you-begin-egress: drift — ${boilerplateOf('es')} (included on line 33)\n`);
    expect(stdout).toContain(`  command      snip__2 (bash)  ${pageOf('es')}:43 | ${pageOf('en')}:46\n        44 | 47    $ kubectl apply -f @samples/[-sleep-]{+curl+}/[-sleep-]{+curl+}.yaml@ -n without-istio\n`);
    expect(stdout).toContain('       199 | 207   <title>Wikipedia, [-the free encyclopedia-]{+la enciclopedia libre+}</title>\n');
    expect(stdout).toContain('         - | 143   [-    "X-Envoy-Decorator-Operation": "my-httpbin.default.svc.cluster.local:80/*",-]\n');
    expect(stdout).toContain(`${boilerplateOf('es')}: drift from ${boilerplateOf('en')} (drifted commands)\n`);
    expect(stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'drift against en: 2 pages compared: 0 identical, 2 with command drift, 1 with output drift (1 translated), 0 with missing or extra blocks',
      'standings: 2 drifted commands; 2 pages need a translator',
    ]);
  });

  test('--fail-on decides the exit code: commands by default, outputs, any, none; 2 on bad usage', async () => {
    expect((await cli(['drift', pageOf('uk')])).code).toBe(1);
    expect((await cli(['drift', '--fail-on', 'outputs', pageOf('uk')])).code).toBe(0);
    expect((await cli(['drift', '--fail-on', 'outputs', pageOf('es')])).code).toBe(1);
    expect((await cli(['drift', '--fail-on', 'any', pageOf('zh')])).code).toBe(0);
    expect((await cli(['drift', '--fail-on', 'none', pageOf('es')])).code).toBe(0);
    const bad = await cli(['drift', '--fail-on', 'sometimes', pageOf('es')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^istio-doctest: unknown --fail-on 'sometimes' \(commands, outputs, any, none\)/);
    expect((await cli(['drift'])).code).toBe(2);
    expect((await cli(['drift', '--reference', 'english!', pageOf('es')])).code).toBe(2);
  });

  test('pages of the reference language are not compared, and a page with no reference page says so', async () => {
    const { code, stdout } = await cli(['drift', '--json', '--reference', 'uk', pageOf('uk'), pageOf('zh'), 'fixtures/pages/constructs.md']);
    const report = JSON.parse(stdout);
    expect(report.pages.map((p: { file: string; status: string }) => [p.file, p.status])).toEqual([
      [pageOf('zh'), 'drift'],
      [boilerplateOf('zh'), 'same'],
      ['fixtures/pages/constructs.md', 'no-reference'],
    ]);
    expect(code).toBe(1);
    const none = JSON.parse((await cli(['drift', '--json', 'fixtures/site/content/es/docs/demo/index.md', '--reference', 'fr'])).stdout);
    expect(none.pages[0]).toMatchObject({ file: 'fixtures/site/content/es/docs/demo/index.md', reference: null, status: 'no-reference', blocks: [] });
    expect(none.pages.map((p: { file: string }) => p.file)).toEqual([
      'fixtures/site/content/es/docs/demo/index.md',
      'fixtures/site/content/es/boilerplates/first.md',
      'fixtures/site/content/en/boilerplates/second.md',
    ]);
    expect(none.summary).toMatchObject({ compared: 0, noReference: 3 });
  });
});

describe('block ids of translations', () => {
  test('the es blocks (headings without anchors) get the en ids, and so do zh blocks whose anchors differ from en', async () => {
    const idsOf = async (lang: string) => JSON.parse((await cli(['extract', pageOf(lang)])).stdout).pages[0].blocks.map((b: { id: string }) => b.id);
    const english = await idsOf('en');
    expect(english).toHaveLength(22);
    expect(await idsOf('es')).toEqual(english);
    expect(await idsOf('uk')).toEqual(english);
    expect(await idsOf('zh')).toEqual(english);
  });

  test('extract --reference none keeps each page its own ids, and the snippets carry the reference ids by default', async () => {
    const own = JSON.parse((await cli(['extract', '--reference', 'none', pageOf('es')])).stdout).pages[0].blocks.map((b: { id: string }) => b.id);
    expect(own[4]).toBe('snip_service_externalname_de_kubernetes_para_acceder_a_un_service_externo_1');
    const snips = (await cli(['extract', '--format', 'snips', pageOf('es')])).stdout;
    expect(snips).toContain('\nsnip_kubernetes_externalname_service_to_access_an_external_service_1() {\nkubectl apply -f - <<EOF\n');
    expect(snips).toContain('source "content/es/boilerplates/snips/before-you-begin-egress.sh"');
  });

  test('the model keeps the id the translation alone would give as localId', () => {
    const { pages } = loadPages([pageOf('es')]);
    const block = pages[0].blocks[4];
    expect(block.id).toBe('snip_kubernetes_externalname_service_to_access_an_external_service_1');
    expect(block.localId).toBe('snip_service_externalname_de_kubernetes_para_acceder_a_un_service_externo_1');
  });
});

describe('check for translators', () => {
  test('prints the drift of translated pages after the diagnostics, and leaves the exit code to the diagnostics', async () => {
    const { code, stdout } = await cli(['check', join(root, 'content/es'), join(root, 'content/zh')]);
    expect(code).toBe(0);
    const summary = stdout.indexOf('4 pages, 50 blocks, 56 commands: 0 errors, 0 warnings');
    const drift = stdout.indexOf(`${pageOf('es')}: drift from ${pageOf('en')}`);
    expect(summary).toBeGreaterThan(0);
    expect(drift).toBeGreaterThan(summary);
    expect(stdout).not.toContain(`${pageOf('zh')}: same as`);
    expect(stdout.trimEnd().split('\n').slice(-2)[0]).toMatch(/^drift against en: 4 pages compared: 2 identical, 2 with command drift/);
  });

  test('with GITHUB_ACTIONS=true, drift is annotated at the translated line', async () => {
    process.env.GITHUB_ACTIONS = 'true';
    try {
      const { stdout } = await cli(['check', pageOf('es')]);
      expect(stdout).toContain(
        `::warning file=${pageOf('es')},line=199,col=1,title=drift-translated::the expected output was translated, but the command prints what ${pageOf('en')}:207 shows: <title>Wikipedia, [-the free encyclopedia-]{+la enciclopedia libre+}</title>`,
      );
      expect(stdout).toContain(`::warning file=${pageOf('es')},line=44,col=1,title=drift-command::the command differs from ${pageOf('en')}:47: $ kubectl apply -f @samples/[-sleep-]{+curl+}/[-sleep-]{+curl+}.yaml@ -n without-istio`);
    } finally {
      delete process.env.GITHUB_ACTIONS;
    }
  });
});

describe('boilerplates in drift', () => {
  test('a boilerplate the reference includes and the translation does not is missing; an included one that drifts is listed with its own blocks', async () => {
    const { code, stdout } = await cli(['drift', '--json', 'fixtures/site/content/es/docs/demo/index.md']);
    expect(code).toBe(1);
    const [demo, first] = JSON.parse(stdout).pages;
    expect(demo.boilerplates).toMatchObject([
      { name: 'first', file: 'fixtures/site/content/es/boilerplates/first.md', reference: 'fixtures/site/content/en/boilerplates/first.md', status: 'drift', fix: { action: 'none' } },
      { name: 'missing-one', file: null, reference: null, status: 'missing', fix: { action: 'edit' } },
      { name: 'loop-a', file: null, reference: 'fixtures/site/content/en/boilerplates/loop-a.md', status: 'missing', fix: { action: 'edit' } },
    ]);
    expect(first).toMatchObject({ file: 'fixtures/site/content/es/boilerplates/first.md', status: 'drift', blocks: [{ id: 'snip__1', kind: 'command', line: 5, referenceLine: 5 }] });
    const text = (await cli(['drift', 'fixtures/site/content/es/docs/demo/index.md'])).stdout;
    expect(text).toContain('  boilerplate loop-a: missing — the reference includes it (fixtures/site/content/en/boilerplates/loop-a.md), this page does not; include {{< boilerplate loop-a >}} where the reference does (its line 17)\n');
    expect(text).toContain('        6 | 6     $ echo [-first-]{+primero+}\n');
  });
});
