import { contentLineReading } from './content-line.js';
import { parsePage } from './parse.js';

const asOutput = (text: string) => contentLineReading(text, { syntax: 'bash', asOutput: true });
const asText = (text: string) => contentLineReading(text, { syntax: 'bash', asOutput: false });

describe('what the parser reads a line among a block\'s lines as', () => {
  test('every form of the block closer and opener the parser accepts is a construct, in output and in text', () => {
    for (const line of ['{{< /text >}}', '{{< / text >}}', '{{</text>}}', '  {{<   /   text>}}  ', '{{% /text %}}', '{{% / text %}}', '{{< text bash >}}', '{{% text %}}', '{{<text yaml>}}']) {
      expect([line, asOutput(line)]).toEqual([line, expect.stringMatching(/^a shortcode: \{\{< \/?text >\}\}/)]);
      expect(asText(line)).toBe(asOutput(line));
    }
  });

  test('tabs, tabsets and boilerplate includes are constructs; other shortcodes only count in an output', () => {
    expect(asText('{{< boilerplate before-you-begin-egress >}}')).toMatch(/boilerplate before-you-begin-egress >}} \(an include\)/);
    expect(asText('{{% boilerplate "x" %}}')).toMatch(/boilerplate x/);
    expect(asText('{{< tab name="A" >}}')).toMatch(/\{\{< tab >}}/);
    expect(asText('{{< /tabset >}}')).toMatch(/\{\{< \/tabset >}}/);
    expect(asText('$ curl {{< github_file >}}/samples/x.yaml')).toBeUndefined();
    expect(asOutput('istio {{< istio_full_version >}}')).toMatch(/istio_full_version/);
    // The parser would close the block at a mid-line closer only in Hugo's eyes; in an output it is refused all the same.
    expect(asOutput('footer: "{{< / text >}}"')).toMatch(/\{\{< \/text >}}/);
  });

  test('a command, a section heading and the snippet delimiter; plain output and Hugo\'s escaped form are output', () => {
    expect(asOutput('$ kubectl delete ns prod')).toMatch(/command/);
    expect(asText('$ kubectl delete ns prod')).toBeUndefined();
    expect(contentLineReading('$ x', { syntax: 'yaml', asOutput: true })).toBeUndefined();
    expect(asOutput('## Cleanup')).toMatch(/section heading/);
    expect(asOutput('ENDSNIP')).toMatch(/delimiter/);
    for (const line of ['NAME     READY   STATUS', '{{ .Values.global.hub }}', '{{</* text */>}}', '  $ indented is output', '#comment', '{{ < /text > }}']) expect([line, asOutput(line)]).toEqual([line, undefined]);
  });

  test('the readings are the parser\'s: a `{{% text %}}` block is a block, closed by either delimiter form', () => {
    const page = parsePage('content/en/docs/p/index.md', ['---', 'title: P', '---', '', '{{% text bash %}}', '$ echo hi', 'hi', '{{< / text >}}', '', '{{< text yaml >}}', 'a: 1', '{{% /text %}}', ''].join('\n'));
    expect(page.diagnostics).toEqual([]);
    expect(page.blocks.map((b) => [b.line, b.endLine, b.syntax])).toEqual([[5, 8, 'bash'], [10, 12, 'yaml']]);
  });
});
