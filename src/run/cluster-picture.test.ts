import { notReadyPods } from './cluster-picture.js';

// Two pods as `kubectl get pods -o json` shows them on a kind cluster: one whose sidecar crash-loops, one running.
const list = JSON.stringify({
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      metadata: { name: 'httpbin-6c6b5c8f9d-x7x2k', namespace: 'demo' },
      spec: { containers: [{ name: 'httpbin' }, { name: 'istio-proxy' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        initContainerStatuses: [{ name: 'istio-init', ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
        containerStatuses: [
          { name: 'httpbin', ready: true, restartCount: 0, state: { running: { startedAt: '2025-01-01T00:00:00Z' } } },
          { name: 'istio-proxy', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
    },
    {
      metadata: { name: 'curl-5b549b49b8-mn2ql', namespace: 'demo' },
      spec: { containers: [{ name: 'curl' }] },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'curl', ready: true, restartCount: 0, state: { running: {} } }] },
    },
    {
      metadata: { name: 'job-abcde', namespace: 'demo' },
      spec: { containers: [{ name: 'job' }] },
      status: { phase: 'Succeeded', containerStatuses: [{ name: 'job', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] },
    },
    { metadata: { name: 'pending-abcde', namespace: 'demo' }, spec: { containers: [{ name: 'app' }] }, status: { phase: 'Pending' } },
  ],
});

describe('notReadyPods', () => {
  test('names the pods that are not Ready with the containers that crash or wait, leaving out ready and finished pods and completed init containers', () => {
    expect(notReadyPods(list, 'demo')).toEqual([
      { namespace: 'demo', name: 'httpbin-6c6b5c8f9d-x7x2k', phase: 'Running', notReady: [{ name: 'istio-proxy', why: 'not ready: CrashLoopBackOff, 4 restarts' }] },
      { namespace: 'demo', name: 'pending-abcde', phase: 'Pending', notReady: [{ name: 'app', why: 'no status yet' }] },
    ]);
  });

  test('an answer that is not a pod list is undefined, not a crash', () => {
    expect(notReadyPods('error: You must be logged in to the server (Unauthorized)', 'demo')).toBeUndefined();
    expect(notReadyPods('{"kind":"Status"}', 'demo')).toBeUndefined();
  });
});
