// Syncing one translated block with its reference block: which lines take the reference's and which stay.
import { syncBlock } from '../../src/translate/sync-block.js';
import { bash, page, text } from './pages.js';

// The only block of a one-block page.
function block(lang: string, body: string, indent = '') {
  const indented = body
    .split('\n')
    .map((l) => (l === '' ? l : indent + l))
    .join('\n');
  return page(lang, '## Steps', indented).blocks[0];
}

describe('syncing a translated block with its reference', () => {
  test('a changed command takes the reference line, with the translation\'s indentation and its translated comment', () => {
    const en = block('en', bash('kubectl apply -f @samples/curl/curl.yaml@ # deploy the client', 'deployment.apps/curl created'));
    const uk = block('uk', bash('kubectl apply -f @samples/sleep/sleep.yaml@ # розгорніть клієнта', 'deployment.apps/curl created'), '    ');
    const result = syncBlock(uk, en, 'all');
    expect(result.lines).toEqual(['    $ kubectl apply -f @samples/curl/curl.yaml@ # розгорніть клієнта', '    deployment.apps/curl created']);
    expect(result.fixed).toEqual(['command']);
  });

  test('a translated output stays while the command above it is synced', () => {
    const en = block('en', bash('curl -s https://en.wikipedia.org/wiki/Main_Page | grep -o "<title>.*</title>"', '<title>Wikipedia, the free encyclopedia</title>'));
    const es = block('es', bash('curl -s https://en.wikipedia.org/wiki/Portada | grep -o "<title>.*</title>"', '<title>Wikipedia, la enciclopedia libre</title>'));
    const result = syncBlock(es, en, 'all');
    expect(result.lines).toEqual(['$ curl -s https://en.wikipedia.org/wiki/Main_Page | grep -o "<title>.*</title>"', '<title>Wikipedia, la enciclopedia libre</title>']);
    expect(result.kinds).toEqual(['command', 'translated']);
    expect(result.notes.map((n) => n.message)).toEqual([expect.stringContaining('translated output')]);
  });

  test('an output that changed without being translated takes the reference, unless only commands are asked for', () => {
    const en = block('en', bash('kubectl get svc', 'NAME    TYPE', 'httpbin ClusterIP'));
    const zh = block('zh', bash('kubectl get svc', 'NAME    TYPE', 'httpbin NodePort'));
    expect(syncBlock(zh, en, 'all').lines).toEqual(['$ kubectl get svc', 'NAME    TYPE', 'httpbin ClusterIP']);
    expect(syncBlock(zh, en, 'commands').lines).toBeUndefined();
    expect(syncBlock(zh, en, 'outputs').fixed).toEqual(['output']);
  });

  test('when commands and outputs both changed, a translated comment that cannot be kept is listed', () => {
    const en = text('yaml', 'apiVersion: networking.istio.io/v1 # the version', 'kind: Gateway');
    const uk = text('yaml', 'apiVersion: networking.istio.io/v1alpha3 # версія', 'kind: Gateway');
    const result = syncBlock(block('uk', uk), block('en', en), 'all');
    expect(result.lines).toEqual(['apiVersion: networking.istio.io/v1 # the version', 'kind: Gateway']);
    expect(result.notes.map((n) => n.message)).toEqual([expect.stringContaining('translate it again')]);
  });

  test('a block that differs only in translated comments is left as it is', () => {
    const en = block('en', bash('kubectl get pods # list them'));
    const zh = block('zh', bash('kubectl get pods # 列出它们'));
    const result = syncBlock(zh, en, 'all');
    expect(result.lines).toBeUndefined();
    expect(result).toMatchObject({ kinds: ['comment'], fixed: [] });
  });

  test('a `#` line of an expected output is output, not a comment: it is synced with the rest, so a second sync finds nothing', () => {
    // The KubeSphere installer's banner, as the uk page has it with the banner and the labels translated.
    const banner = (welcome: string, ...rest: string[]) => text('plain', '#####################', `###   ${welcome} KubeSphere!   ###`, '#####################', ...rest);
    const en = block('en', banner('Welcome to', 'Console: http://192.168.0.8:30880', 'Account: admin'));
    const uk = block('uk', banner('Ласкаво просимо до', 'Консоль: http://192.168.0.8:30880', 'Обліковий запис: admin'));
    const result = syncBlock(uk, en, 'all');
    expect(result.lines).toEqual(en.rawLines.slice(0, 5));
    expect(result.fixed).toEqual(['output']);
    const again = block('uk', result.lines!.join('\n').replace(/^/, '{{< text plain >}}\n').concat('\n{{< /text >}}'));
    expect(syncBlock(again, en, 'all')).toMatchObject({ kinds: ['same'], fixed: [], notes: [] });
  });
});
