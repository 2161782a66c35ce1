import { parsePage } from './parse.js';

// A page body with tabs, as istio.io writes them.
function page(...body: string[]) {
  return parsePage('content/en/docs/tabs/index.md', ['---', 'title: Tabs', 'test: yes', '---', '', ...body].join('\n'));
}

const block = (text: string) => ['{{< text bash >}}', `$ echo ${text}`, '{{< /text >}}'];

describe('tabsets and tabs in the shortcode pre-pass', () => {
  test('closed tabsets and tabs give each block its tab and no diagnostic', () => {
    const p = page('{{< tabset category-name="config-api" >}}', '{{< tab name="Istio APIs" category-value="istio-apis" >}}', ...block('one'), '{{< /tab >}}', '{{< tab name="Gateway API" category-value="gateway-api" >}}', ...block('two'), '{{< /tab >}}', '{{< /tabset >}}', ...block('three'));
    expect(p.diagnostics).toEqual([]);
    expect(p.blocks.map((b) => b.tab?.value ?? null)).toEqual(['istio-apis', 'gateway-api', null]);
  });

  test('a tabset never closed is an error at its opening line', () => {
    const p = page('{{< tabset category-name="config-api" >}}', '{{< tab name="A" >}}', ...block('one'), '{{< /tab >}}');
    expect(p.diagnostics).toEqual([
      expect.objectContaining({ line: 6, severity: 'error', ruleId: 'tabset-unterminated', message: 'the `{{< tabset >}}` opened on line 6 is never closed with `{{< /tabset >}}` before the end of the page' }),
    ]);
  });

  test('a tab not closed before the next tab or before its tabset closes is an error at its opening line', () => {
    const p = page('{{< tabset category-name="c" >}}', '{{< tab name="A" >}}', ...block('one'), '{{< tab name="B" >}}', ...block('two'), '{{< /tabset >}}');
    expect(p.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['tab-unterminated', 7, 'the `{{< tab >}}` opened on line 7 is never closed with `{{< /tab >}}` before the `{{< tab >}}` on line 11'],
      ['tab-unterminated', 11, 'the `{{< tab >}}` opened on line 11 is never closed with `{{< /tab >}}` before the `{{< /tabset >}}` on line 15'],
    ]);
    expect(p.blocks.map((b) => b.tab?.name)).toEqual(['A', 'B']);
  });
});
