// istio.io's own test scripts from the shared snapshot, through the real CLI: the English egress page passes through
// its test.sh on the fake cluster, the seed translations run through the same English script, and every script of the
// snapshot is loaded and planned for en, uk and zh.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpus, corpusPresent } from '../corpus.js';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, ROOT, runCli, SEED } from '../run/harness.js';

const present = corpusPresent('istio.io test scripts through the CLI');
const maybe = present ? describe : describe.skip;
const EGRESS = 'docs/tasks/traffic-management/egress/egress-kubernetes-services';
const english = relative(ROOT, join(corpus, 'content/en', EGRESS, 'index.md'));
const script = relative(ROOT, join(corpus, 'content/en', EGRESS, 'test.sh'));

beforeAll(() => ensureBuilt(), 120000);

maybe('the egress-kubernetes-services test.sh of istio.io', () => {
  test('runs the English page of the snapshot and passes, leaving the fake cluster as it found it', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, english], cluster.env, 180000);
    const all = readEvents(json).filter((e) => e.type === 'step');
    expect(all.filter((s) => s.status !== 'passed')).toEqual([]);
    // The script's @setup profile=demo: Istio installed before it (install, rollout) and uninstalled after (2 steps).
    expect(all.filter((s) => /^(setup|teardown):/.test(s.page)).map((s) => s.page)).toEqual(['setup:profile=demo', 'setup:profile=demo', 'teardown:profile=demo', 'teardown:profile=demo']);
    const steps = all.filter((s) => s.page === english);
    expect(steps).toHaveLength(31);
    // Snippet steps at the page's markdown lines, helpers at the script's lines.
    expect(steps.find((s) => s.id === 'snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_7')).toMatchObject({ file: english, line: 236 });
    expect(steps.find((s) => s.id === 'test.sh:31')).toMatchObject({ file: script, line: 31 });
    // The page, and its setup and teardown as pages of their own.
    expect(stdout).toMatch(/3 pages: 3 passed, 0 failed/);
    expect(code).toBe(0);
    expect(cluster.leftovers()).toBe('');
  }, 200000);

  test('runs each seed translation through the same English script: es passes, uk and zh deploy `sleep` where the script waits for `curl`', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const run = ['run', '--istio-dir', ISTIO_DIR, '--repo-root', corpus, '--keep-going', '--json', json];
    const env = { ...cluster.env, VERIFY_TIMEOUT: '2' };
    const es = await runCli([...run, SEED('es')], env, 180000);
    expect(readEvents(json).filter((e) => e.type === 'step' && e.status !== 'passed')).toEqual([]);
    expect(es.code).toBe(0);
    const report: string[] = [];
    for (const lang of ['uk', 'zh']) {
      // A fresh cluster each: the leftovers of one would be in the other's first snapshot.
      const own = fakeCluster();
      const { code } = await runCli([...run.slice(0, -1), join(own.dir, 'events.jsonl'), SEED(lang)], { ...own.env, VERIFY_TIMEOUT: '1' }, 180000);
      const events = readEvents(join(own.dir, 'events.jsonl'));
      const failed = events.filter((e) => e.type === 'step' && e.status === 'failed' && !e.cleanup);
      const lines = failed.map((s) => `${s.file}:${s.line} ${s.id}`);
      report.push(`${lang}: ${lines.join(', ')}`);
      // The English script's helper waits for curl (reported at the script's line); the verify calls whose snippets
      // exec into `-c sleep` fail at the translation's own lines.
      expect(lines[0]).toBe(`${script}:39 test.sh:39`);
      expect(failed.slice(1).every((s) => s.file === SEED(lang))).toBe(true);
      expect(failed.slice(1).map((s) => s.id)).toEqual([
        'snip_kubernetes_externalname_service_to_access_an_external_service_5',
        'snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_6',
        'snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_7',
      ]);
      // The English script's cleanup deletes `curl` where these pages made `sleep`: the curl the script started stays.
      expect(events.find((e) => e.type === 'step' && e.id === 'snapshot')).toMatchObject({
        status: 'failed',
        message: 'leftover: deployment default/curl, service default/curl, serviceaccount default/curl',
      });
      expect(code).toBe(1);
    }
    process.stdout.write(`seed translations through the English test.sh:\n  es: passed\n  ${report.join('\n  ')}\n`);
  }, 400000);
});

maybe('every test script of the snapshot', () => {
  // One --dry-run plans the three languages (the English pages are loaded once, not once per language); each test
  // reads its language's plan lines, which are those a --dry-run of that language alone writes.
  let planned: Promise<{ code: number | undefined; stderr: string; lines: Record<string, any>[] }> | undefined;
  const planAll = () =>
    (planned ??= (async () => {
      const cluster = fakeCluster();
      const json = join(cluster.dir, 'plan.jsonl');
      const { code, stderr } = await runCli(['run', '--dry-run', '--scripts', 'only', '--json', json, ...['en', 'uk', 'zh'].map((lang) => join(corpus, 'content', lang, 'docs'))], cluster.env, 300000);
      return { code, stderr, lines: readFileSync(json, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) };
    })());

  test.each(['en', 'uk', 'zh'])('is loaded and planned for %s by --dry-run --json without a crash', async (lang) => {
    const { code, stderr, lines: all } = await planAll();
    expect(stderr).not.toMatch(/TypeError|ReferenceError|at .*\.js:\d+/);
    expect([0, 1, 2]).toContain(code);
    const lines = all.filter((l) => l.lang === lang);
    const scripts = new Set(lines.map((l) => `${l.script}`));
    const calls = lines.filter((l) => /^(bp)?snip_/.test(l.id));
    const resolved = calls.filter((l) => !l.missing && l.file.endsWith('.md'));
    const missing = calls.filter((l) => l.missing);
    const setups = new Map<string, number>();
    for (const s of new Set(lines.map((l) => `${l.script} ${l.setup}`))) setups.set(s.split(' ')[1], (setups.get(s.split(' ')[1]) ?? 0) + 1);
    process.stdout.write(
      `${lang}: ${scripts.size} scripts planned, ${lines.length} steps, ${resolved.length} snippet calls resolved to a markdown line, ${missing.length} not found; setups: ${[...setups].map(([k, v]) => `${k} ${v}`).join(', ')}\n` +
        missing.map((m) => `  not found: ${m.script}:${m.scriptLine} ${m.id}\n`).join(''),
    );
    // Every script of the snapshot has steps in the English plan; translations plan the scripts of the pages they have.
    if (lang === 'en') expect(scripts.size).toBe(117);
    else expect(scripts.size).toBeGreaterThan(0);
    expect(resolved.length).toBeGreaterThan(missing.length * 10);
  }, 320000);
});
