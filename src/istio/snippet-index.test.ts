// Where each output variable of a page's snips starts on the page: a failing verify call that compares with it points
// at its lines there.
import { parsePage } from '../page/parse.js';
import { formatSnips } from './snips.js';
import { outputLines, snippetsOfSnips } from './snippet-index.js';

const file = 'content/en/docs/tasks/traffic-management/ingress/index.md';
const text = [
  '---', //                                                        1
  'title: Ingress',
  'test: yes',
  '---',
  '## Determine the ingress IP {#ip}', //                            5
  '',
  '{{< text bash >}}',
  '$ kubectl create namespace istio-io-ingress',
  '$ kubectl get svc istio-ingressgateway -n istio-system',
  '', //                                                              10: a blank line before the output
  'NAME                   TYPE           CLUSTER-IP',
  'istio-ingressgateway   LoadBalancer   172.21.109.129',
  '{{< /text >}}',
  '',
  '{{< text yaml >}}', //                                            15
  '',
  'apiVersion: networking.istio.io/v1',
  'kind: Gateway',
  '{{< /text >}}',
].join('\n');

describe('the page lines of a snips file\'s output variables', () => {
  test('a bash block\'s _out starts at its first output line after blank ones; another block\'s text at its first line', () => {
    const page = parsePage(file, text);
    const starts = outputLines(page);
    expect(starts.get('snip_determine_the_ingress_ip_1_out')).toEqual({ file, line: 11 });
    expect(starts.get('snip_determine_the_ingress_ip_2')).toEqual({ file, line: 17 });
    // The generated text starts with that line, as the matcher's line 1 of it.
    const { outs } = snippetsOfSnips(formatSnips(page, undefined, []).body);
    expect(outs.get('snip_determine_the_ingress_ip_1_out')!.split('\n')[0]).toBe(text.split('\n')[10]);
    expect(outs.get('snip_determine_the_ingress_ip_2')!.split('\n')[0]).toBe(text.split('\n')[16]);
  });
});
