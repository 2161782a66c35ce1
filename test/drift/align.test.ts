import { alignBlocks, alignedIds } from '../../src/translate/align.js';
import { alignSequences } from '../../src/translate/sequence-alignment.js';
import { bash, ids, page, text } from './pages.js';

// The English page every translation below is aligned with: two sections and a cleanup.
const english = page(
  'en',
  '## Before you begin',
  bash('kubectl create namespace demo'),
  bash('kubectl apply -f samples/sleep/sleep.yaml -n demo'),
  '## Send a request',
  bash('kubectl exec deploy/sleep -n demo -- curl -sS httpbin:8000/headers', '{', '  "headers": {}', '}'),
  bash('kubectl get svc httpbin -n demo', 'NAME      TYPE        CLUSTER-IP     PORT(S)', 'httpbin   ClusterIP   10.0.0.12      8000/TCP'),
  '## Cleanup',
  bash('kubectl delete namespace demo'),
);

const englishIds = [
  'snip_before_you_begin_1',
  'snip_before_you_begin_2',
  'snip_send_a_request_1',
  'snip_send_a_request_2',
  'snip_cleanup_1',
];

// Aligns a translation with the English page and returns the ids it gets.
function aligned(translation: ReturnType<typeof page>): (string | undefined)[] {
  return alignedIds(translation, english, alignBlocks(translation, english));
}

describe('aligning a translation with its reference page', () => {
  test('a translation with headings in its own language and no anchors gets the English ids', () => {
    const spanish = page(
      'es',
      '## Antes de empezar',
      bash('kubectl create namespace demo'),
      bash('kubectl apply -f samples/curl/curl.yaml -n demo'),
      '## Enviar una solicitud',
      bash('kubectl exec deploy/curl -n demo -- curl -sS httpbin:8000/headers', '{', '  "headers": {}', '}'),
      bash('kubectl get svc httpbin -n demo', 'NAME      TYPE        CLUSTER-IP     PORT(S)', 'httpbin   ClusterIP   10.0.0.12      8000/TCP'),
      '## Limpieza',
      bash('kubectl delete namespace demo'),
    );
    expect(ids(spanish)[0]).toBe('snip_antes_de_empezar_1');
    expect(aligned(spanish)).toEqual(englishIds);
  });

  test('one block inserted by the translation does not shift the ids of the blocks after it', () => {
    const withExtra = page(
      'es',
      '## Antes de empezar',
      bash('kubectl create namespace demo'),
      bash('kubectl label namespace demo istio-injection=enabled'),
      bash('kubectl apply -f samples/sleep/sleep.yaml -n demo'),
      '## Enviar una solicitud',
      bash('kubectl exec deploy/sleep -n demo -- curl -sS httpbin:8000/headers', '{', '  "headers": {}', '}'),
      bash('kubectl get svc httpbin -n demo', 'NAME      TYPE        CLUSTER-IP     PORT(S)', 'httpbin   ClusterIP   10.0.0.12      8000/TCP'),
      '## Limpieza',
      bash('kubectl delete namespace demo'),
    );
    expect(aligned(withExtra)).toEqual([
      'snip_before_you_begin_1',
      'snip_antes_de_empezar_2',
      'snip_before_you_begin_2',
      'snip_send_a_request_1',
      'snip_send_a_request_2',
      'snip_cleanup_1',
    ]);
  });

  test('one block the translation lacks leaves the other blocks with their own English ids', () => {
    const withoutGet = page(
      'zh',
      '## 开始之前',
      bash('kubectl create namespace demo'),
      bash('kubectl apply -f samples/sleep/sleep.yaml -n demo'),
      '## 发送请求',
      bash('kubectl exec deploy/sleep -n demo -- curl -sS httpbin:8000/headers', '{', '  "headers": {}', '}'),
      '## 清理',
      bash('kubectl delete namespace demo'),
    );
    const alignment = alignBlocks(withoutGet, english);
    expect(alignedIds(withoutGet, english, alignment)).toEqual(['snip_before_you_begin_1', 'snip_before_you_begin_2', 'snip_send_a_request_1', 'snip_cleanup_1']);
    expect(alignment.pairs.filter((p) => p.local === undefined)).toEqual([{ reference: 3 }]);
  });

  test('a changed command in the same place is matched (command drift), not reported as one missing and one extra block', () => {
    const changed = page(
      'uk',
      '## Перш ніж почати {#before-you-begin}',
      bash('kubectl create namespace demo'),
      bash('kubectl apply -f samples/curl/curl.yaml -n demo'),
      '## Надіслати запит {#send-a-request}',
      bash('kubectl exec deploy/curl -n demo -c curl -- curl -sS -v httpbin:8000/headers', '{', '  "headers": {}', '}'),
      bash('kubectl get svc httpbin -n demo', 'NAME      TYPE        CLUSTER-IP     PORT(S)', 'httpbin   ClusterIP   10.0.0.12      8000/TCP'),
      '## Очищення {#cleanup}',
      bash('kubectl delete namespace demo'),
    );
    const alignment = alignBlocks(changed, english);
    expect(alignment.referenceIndex).toEqual([0, 1, 2, 3, 4]);
    expect(alignedIds(changed, english, alignment)).toEqual(englishIds);
  });

  test('anchor ids that exist in the reference win when the content agrees, even between look-alike blocks', () => {
    const reference = page('en', '## Cleanup', bash('kubectl delete namespace demo'), bash('kubectl delete namespace demo'));
    const translation = page('uk', '## Очищення {#cleanup}', bash('kubectl delete namespace demo'), bash('kubectl delete namespace demo'));
    expect(alignedIds(translation, reference, alignBlocks(translation, reference))).toEqual(['snip_cleanup_1', 'snip_cleanup_2']);
  });

  test('after a block inserted under an anchored heading, the shifted anchor ids give way to the content', () => {
    const reference = page(
      'en',
      '## Deep dive',
      bash('istioctl proxy-config cluster -n istio-system istio-ingressgateway-7d6874b48f-qxhn5'),
      bash('istioctl proxy-config listeners productpage-v1-6c886ff494-7vxhs'),
      bash('istioctl proxy-config listeners productpage-v1-6c886ff494-7vxhs --port 15001 -o json'),
    );
    const translation = page(
      'uk',
      '## Поглиблений огляд {#deep-dive}',
      bash('istioctl proxy-config clusters <pod_name>'),
      bash('istioctl proxy-config cluster -n istio-system istio-ingressgateway-7d6874b48f-qxhn5'),
      bash('istioctl proxy-config listeners productpage-v1-6c886ff494-7vxhs'),
      bash('istioctl proxy-config listeners productpage-v1-6c886ff494-7vxhs --port 15001 -o json'),
    );
    expect(ids(translation)).toEqual(['snip_deep_dive_1', 'snip_deep_dive_2', 'snip_deep_dive_3', 'snip_deep_dive_4']);
    const alignment = alignBlocks(translation, reference);
    expect(alignment.referenceIndex).toEqual([-1, 0, 1, 2]);
    expect(alignedIds(translation, reference, alignment)).toEqual(['snip_deep_dive_1_uk', 'snip_deep_dive_1', 'snip_deep_dive_2', 'snip_deep_dive_3']);
  });

  test('the same command in two sections is matched within its own section', () => {
    const reference = page(
      'en',
      '## First',
      bash('kubectl apply -f a.yaml'),
      bash('kubectl get pods'),
      '## Second',
      bash('kubectl apply -f b.yaml'),
      bash('kubectl get pods'),
    );
    const translation = page('es', '## Primero', bash('kubectl apply -f a.yaml'), '## Segundo', bash('kubectl apply -f b.yaml'), bash('kubectl get pods'));
    expect(alignedIds(translation, reference, alignBlocks(translation, reference))).toEqual(['snip_first_1', 'snip_second_1', 'snip_second_2']);
  });

  test('an example the translation put before its explanation is paired as moved, not missing and extra', () => {
    const reference = page('en', '## Example', text('plain', 'Warning [IST0125] (Pod demo) the pod has no owner'), text('yaml', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: demo'));
    const translation = page('zh', '## 示例 {#example}', text('yaml', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: demo'), text('plain', 'Warning [IST0125] (Pod demo) the pod has no owner'));
    const alignment = alignBlocks(translation, reference);
    expect(alignment.referenceIndex).toEqual([1, 0]);
    expect(alignment.pairs.filter((p) => p.moved)).toHaveLength(1);
    expect(alignedIds(translation, reference, alignment)).toEqual(['snip_example_2', 'snip_example_1']);
  });

  test('blocks of different syntax are never matched', () => {
    const reference = page('en', '## Config', text('yaml', 'kind: Service'));
    const translation = page('es', '## Configuración', text('json', '{"kind": "Service"}'));
    const alignment = alignBlocks(translation, reference);
    expect(alignment.referenceIndex).toEqual([-1]);
    expect(alignedIds(translation, reference, alignment)).toEqual(['snip_configuracin_1']);
  });
});

describe('the sequence alignment under it', () => {
  test('keeps every item of both sides in reading order and matches only positive scores without crossing', () => {
    const local = ['a', 'x', 'b', 'c'];
    const reference = ['a', 'b', 'y', 'c'];
    const pairs = alignSequences(local.length, reference.length, (i, j) => (local[i] === reference[j] ? 1 : -1));
    expect(pairs).toEqual([{ local: 0, reference: 0 }, { local: 1 }, { local: 2, reference: 1 }, { reference: 2 }, { local: 3, reference: 3 }]);
  });

  test('handles empty sides', () => {
    expect(alignSequences(0, 2, () => 1)).toEqual([{ reference: 0 }, { reference: 1 }]);
    expect(alignSequences(1, 0, () => 1)).toEqual([{ local: 0 }]);
  });
});
