// This repository's `docs` Jest project: the pages under content/ are tests; without a cluster they are reported
// skipped with one line saying why, with the fake cluster they run and the es page's translated titles fail.
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR, ROOT, SEED } from '../run/harness.js';
import { runJest, type JestRun } from './harness.js';

beforeAll(() => ensureBuilt(), 120000);

// `status title` of every test of the page, in page order.
function testsOfPage(run: JestRun, file: string): string[] {
  const page = run.report.testResults.find((r) => r.name === join(ROOT, file));
  return page ? page.assertionResults.map((a) => `${a.status} ${a.title.split(':')[0]}`) : [];
}

describe('the docs project of npm test', () => {
  test('lists the content pages as tests', async () => {
    const cluster = fakeCluster();
    const run = await runJest(['--listTests', '--selectProjects', 'docs'], cluster.env, cluster.dir);
    for (const lang of ['en', 'es', 'uk', 'zh']) expect(run.stdout).toContain(join(ROOT, SEED(lang)));
  }, 60000);

  test('without a cluster or ISTIO_DIR, reports every page skipped and says once why and how to run them', async () => {
    const cluster = fakeCluster();
    // No fake kubectl on PATH and no Istio directory: nothing may run, and nothing may fail.
    const env = { ...cluster.env, PATH: process.env.PATH ?? '', KUBECONFIG: join(cluster.dir, 'none.yaml'), ISTIO_DOCTEST_CLUSTER: '' };
    const run = await runJest(['--selectProjects', 'docs'], env, cluster.dir);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('istio-doctest:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^istio-doctest: the 4 doc pages of project "docs" were not run \(.*ISTIO_DIR is not set\): to run them, create a disposable cluster/);
    expect(run.report.testResults).toHaveLength(4);
    expect(run.report.testResults.flatMap((r) => r.assertionResults).every((a) => a.status === 'pending')).toBe(true);
    expect(run.code).toBe(0);
    expect(cluster.touched()).toBe(false);
  }, 60000);

  test('with the fake cluster first on PATH and ISTIO_DOCTEST_CLUSTER=1, the es page fails at its two translated Wikipedia titles, with diff and code frame', async () => {
    const cluster = fakeCluster();
    const env = { ...cluster.env, ISTIO_DOCTEST_CLUSTER: '1', ISTIO_DIR, ISTIO_DOCTEST_RETRY_TIMEOUT: '2s' };
    const run = await runJest(['--selectProjects', 'docs', '--testPathPattern', 'content/es/'], env, cluster.dir, 240000);
    const tests = testsOfPage(run, SEED('es'));
    expect(tests).toHaveLength(28);
    expect(tests.filter((t) => !t.startsWith('passed'))).toEqual([
      'failed 198 snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_4',
      'failed 222 snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_6',
    ]);
    expect(run.stderr).toContain('● Services de Kubernetes para Tráfico de Salida › 198 snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_4: kubectl exec');
    expect(run.stderr).toContain('-<title>Wikipedia, la enciclopedia libre</title>\n    +<title>Wikipedia, the free encyclopedia</title>');
    expect(run.stderr).toContain(`${SEED('es')}:223\n      221 |     {{< text bash >}}`);
    expect(run.stderr).toContain(`    > 223 |     <title>Wikipedia, la enciclopedia libre</title>`);
    expect(run.code).toBe(1);
    expect(cluster.leftovers()).toBe('');
  }, 300000);
});
