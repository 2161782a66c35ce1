// Reading istiod deployments: the version is the image tag (digests and registry ports are not tags).
import { parseIstiodList } from './cluster.js';

// A `kubectl get deployments -o json` List of istiod deployments with the given labels and discovery images.
function list(...items: { name: string; rev?: string; image: string; sidecar?: boolean }[]): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'List',
    items: items.map((i) => ({
      metadata: { name: i.name, labels: { app: 'istiod', ...(i.rev ? { 'istio.io/rev': i.rev } : {}) } },
      spec: { template: { spec: { containers: [...(i.sidecar ? [{ name: 'proxy', image: 'docker.io/istio/proxyv2:9.9.9' }] : []), { name: 'discovery', image: i.image }] } } },
    })),
  });
}

describe('parseIstiodList', () => {
  test('an empty list is no Istio', () => {
    expect(parseIstiodList(list())).toEqual([]);
  });

  test('the version is the tag of the discovery container, the revision the istio.io/rev label or default', () => {
    expect(parseIstiodList(list({ name: 'istiod-1-27', rev: '1-27', image: 'gcr.io/istio-release/pilot:1.27.0-distroless@sha256:0123abcd', sidecar: true }, { name: 'istiod', image: 'docker.io/istio/pilot:1.26.0' }))).toEqual([
      { deployment: 'istiod-1-27', revision: '1-27', version: '1.27.0-distroless' },
      { deployment: 'istiod', revision: 'default', version: '1.26.0' },
    ]);
  });

  test('an image without a tag (a registry port is not one) has an unknown version', () => {
    expect(parseIstiodList(list({ name: 'istiod', image: 'localhost:5000/istio/pilot' }))[0].version).toBe('unknown');
  });

  test('output that is not a JSON list throws, for the caller to report in one line', () => {
    expect(() => parseIstiodList('No resources found in istio-system namespace.')).toThrow();
    expect(() => parseIstiodList('{"kind":"Deployment"}')).toThrow('no items');
  });
});
