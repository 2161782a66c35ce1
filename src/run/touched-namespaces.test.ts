import { touchedNamespaces } from './touched-namespaces.js';

describe('touchedNamespaces', () => {
  test('finds every spelling of kubectl\'s namespace flag, after default, each once', () => {
    const commands = [
      'kubectl apply -n istio-io-egress -f samples/curl/curl.yaml',
      'kubectl get pods --namespace=bookinfo',
      'kubectl exec -nfoo deploy/curl -- curl -sS http://x',
      'kubectl -n=bar get svc; kubectl --namespace "baz" get svc',
      'kubectl get pods -n istio-io-egress',
    ];
    expect(touchedNamespaces(commands)).toEqual(['default', 'istio-io-egress', 'bookinfo', 'foo', 'bar', 'baz']);
  });

  test('leaves out expansions words that are not namespace names, flags inside other words, and commands that call no cluster client', () => {
    expect(touchedNamespaces(['kubectl get pods -n "$NS"', 'kubectl get pods -n ${NAMESPACE}', 'grep -n pattern file', 'echo --namespace-x y', 'ls -la'])).toEqual(['default']);
  });

  test('a page without namespace flags touches default only', () => {
    expect(touchedNamespaces(['echo hello', 'kubectl apply -f x.yaml'])).toEqual(['default']);
  });
});
