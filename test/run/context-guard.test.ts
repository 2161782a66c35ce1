// The context guard: only disposable clusters, or the one the user named; refusals name the context.
import { guardContext, judgeContext, looksDisposable } from '../../src/run/context-guard.js';
import { fakeCluster } from './harness.js';

describe('context guard', () => {
  test.each(['kind-doctest', 'k3d-istio', 'minikube', 'docker-desktop', 'rancher-desktop'])('%s looks disposable', (name) => {
    expect(looksDisposable(name)).toBe(true);
  });

  test.each(['gke_prod-project_us-central1_prod', 'arn:aws:eks:eu-west-1:123456789012:cluster/prod', 'kind', 'my-minikube', 'production'])('%s does not', (name) => {
    expect(looksDisposable(name)).toBe(false);
  });

  test('a refusal names the context and says how to proceed', () => {
    const result = judgeContext('gke_prod-project_us-central1_prod', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^refusing to run on kube context "gke_prod-project_us-central1_prod": .*create and delete namespaces.*--context gke_prod-project_us-central1_prod/);
  });

  test('--allow-context accepts more names; --context accepts exactly the current one', () => {
    expect(judgeContext('ci-ephemeral-42', { allow: /^ci-ephemeral-/ })).toEqual({ ok: true, context: 'ci-ephemeral-42' });
    expect(judgeContext('staging-east', { context: 'staging-east' })).toEqual({ ok: true, context: 'staging-east' });
    const other = judgeContext('gke_prod-project_us-central1_prod', { context: 'staging-east' });
    expect(!other.ok && other.message).toMatch(/current kube context is "gke_prod-project_us-central1_prod", not "staging-east" given with --context/);
    // Even a disposable-looking context is refused when --context names another one.
    expect(judgeContext('kind-other', { context: 'kind-doctest' }).ok).toBe(false);
  });

  test('the current context comes from kubectl, honouring KUBECONFIG', async () => {
    const cluster = fakeCluster({ context: 'gke_prod-project_us-central1_prod' });
    const env = { ...process.env, ...cluster.env };
    const refused = await guardContext({ env });
    expect(!refused.ok && refused.message).toContain('"gke_prod-project_us-central1_prod"');
    expect(await guardContext({ env, context: 'gke_prod-project_us-central1_prod' })).toEqual({ ok: true, context: 'gke_prod-project_us-central1_prod' });
    expect(cluster.touched()).toBe(false);
  });

  test('without kubectl on PATH it says what to install', async () => {
    const result = await guardContext({ env: { PATH: '/nonexistent' } });
    expect(!result.ok && result.message).toMatch(/^kubectl is not on PATH: install kubectl .*kind.*istioctl/);
  });
});
