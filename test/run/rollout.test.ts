// Which Deployments a step's output says were created or changed, and the wait the runner runs for them.
import { namespaceOf, rolloutCommand, rolloutsIn } from '../../src/run/rollout.js';

describe('rollout waits', () => {
  test('kubectl apply output names the Deployments created or configured, not the unchanged ones', () => {
    const output = 'serviceaccount/curl created\nservice/curl created\ndeployment.apps/curl created\ndeployment.apps/httpbin unchanged\ndeployment.apps/sleep configured\n';
    expect(rolloutsIn(output, 'kubectl apply -f samples/curl/curl.yaml')).toEqual([{ name: 'curl' }, { name: 'sleep' }]);
  });

  test('the namespace comes from -n or --namespace in the command, in every spelling kubectl accepts', () => {
    expect(namespaceOf('kubectl apply -f samples/curl/curl.yaml -n without-istio')).toBe('without-istio');
    expect(namespaceOf('kubectl apply --namespace=istio-io-health -f x.yaml')).toBe('istio-io-health');
    expect(namespaceOf('kubectl apply --namespace foo -f x.yaml')).toBe('foo');
    expect(namespaceOf('kubectl -nbar apply -f x.yaml')).toBe('bar');
    expect(namespaceOf('kubectl apply -f <(istioctl kube-inject -f samples/curl/curl.yaml)')).toBeUndefined();
    expect(namespaceOf('kubectl apply -f - <<EOF\nmetadata:\n  namespace: ignored\n  -n also-ignored\nEOF')).toBeUndefined();
  });

  test('the wait is kubectl rollout status, bounded in seconds', () => {
    expect(rolloutCommand({ name: 'curl', namespace: 'without-istio' }, 120000)).toBe("kubectl rollout status deployment/'curl' -n 'without-istio' --timeout=120s");
    expect(rolloutCommand({ name: 'curl' }, 1500)).toBe("kubectl rollout status deployment/'curl' --timeout=2s");
  });
});
