import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage } from './parse.js';
import type { Vars } from './types.js';

const fixtures = join(__dirname, '../../fixtures');
const vars: Vars = { version: '1.27', fullVersion: '1.27.0', previousVersion: '1.26', k8sGatewayApiVersion: 'v1.3.0', sourceBranchName: 'master' };
const parseFixture = (name: string, withVars: Vars | null = vars) =>
  parsePage(`fixtures/${name}`, readFileSync(join(fixtures, name), 'utf8'), { vars: withVars ?? undefined });

describe('parsing a page with every construct', () => {
  const page = parseFixture('pages/constructs.md');

  test('front matter is read and unknown keys are kept', () => {
    expect(page.frontMatter).toMatchObject({ title: 'Every construct', test: 'yes', weight: 10, custom_key: 'kept as is' });
    expect(page.isHugo).toBe(true);
    expect(page.diagnostics).toEqual([]);
  });

  test('sections have text, depth, anchor and line, and `#` lines inside blocks are not headings', () => {
    expect(page.sections).toEqual([
      { text: 'Before you begin', depth: 2, anchor: 'before-you-begin', line: 13 },
      { text: 'Heredocs', depth: 2, line: 35 },
      { text: 'Choose an API', depth: 3, anchor: 'choose-api', line: 77 },
      { text: 'Setext heading', depth: 2, line: 99 },
    ]);
  });

  test('every block keeps its exact raw lines, line range and indentation', () => {
    const first = page.blocks[0];
    expect(first).toMatchObject({ line: 17, endLine: 21, indent: '    ', syntax: 'bash' });
    expect(first.rawLines).toEqual(['    $ export GREETING="hello {{< istio_version >}}"', '    $ echo "$GREETING"', '    hello 1.27']);
    const yaml = page.blocks.find((b) => b.syntax === 'yaml')!;
    expect(yaml.text).toBe('# a comment, not a heading\napiVersion: networking.istio.io/v1\nkind: Gateway\n* not a list item\n<title>not html</title>');
  });

  test('ids follow istio.io naming: last heading, counter, snip_id, none, unrecognised openers', () => {
    expect(page.blocks.map((b) => [b.line, b.id ?? null])).toEqual([
      [17, 'snip_before_you_begin_1'],
      [25, 'snip_before_you_begin_2'],
      [37, 'snip_heredocs_1'],
      [56, 'snip_heredocs_2'],
      [64, 'snip_custom_name'],
      [69, null],
      [73, null],
      [83, 'snip_choose_an_api_1'],
      [91, 'snip_choose_an_api_2'],
      [102, 'snip_choose_an_api_3'],
    ]);
    expect(page.blocks[6].recognised).toBe(false);
  });

  test('named and positional attributes are kept', () => {
    expect(page.blocks[1]).toMatchObject({ syntax: 'bash', outputSyntax: 'json' });
    expect(page.blocks[4].attributes.named).toEqual({ syntax: 'bash', snip_id: 'custom_name', downloadas: 'setup.sh', expandlinks: 'false' });
  });

  test('blocks in tabs know their tabset category, value and name', () => {
    expect(page.blocks[7].tab).toMatchObject({ category: 'config-api', value: 'istio-apis', name: 'Istio APIs', index: 0 });
    expect(page.blocks[8].tab).toMatchObject({ category: 'config-api', value: 'gateway-api', name: 'Gateway API', index: 1 });
    expect(page.blocks[9].tab).toBeUndefined();
  });

  test('version shortcodes, github_file and @path@ are substituted in commands', () => {
    expect(page.blocks[0].steps![0].command).toBe('export GREETING="hello 1.27"');
    expect(page.blocks[4].steps!.map((s) => s.command)).toEqual([
      'kubectl apply -f samples/httpbin/httpbin.yaml',
      'curl -sSL https://raw.githubusercontent.com/istio/istio/master/samples/curl/curl.yaml',
    ]);
    expect(page.blocks[9].steps![0].expected).toBe('client version: 1.27.0');
  });

  test('heredoc steps hold their whole body, and lines after the delimiter are output', () => {
    const steps = page.blocks[2].steps!;
    expect(steps.map((s) => s.line)).toEqual([38, 45, 48, 51]);
    expect(steps[0]).toMatchObject({ command: 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\nEOF', expected: 'namespace/demo created' });
    expect(steps[1].command).toBe("cat <<'END' > /tmp/script.sh\n$ echo this line starts with a dollar but is heredoc body\nEND");
  });

  test('without vars, version shortcodes stay as written and each block using one is reported', () => {
    const bare = parseFixture('pages/constructs.md', null);
    expect(bare.blocks[0].steps![0].command).toBe('export GREETING="hello {{< istio_version >}}"');
    expect(bare.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['vars-missing', 18],
      ['vars-missing', 66],
      ['vars-missing', 104],
    ]);
  });
});

describe('localized pages', () => {
  test('on a page in another language, a heading anchor gives the section name', () => {
    const text = '---\ntitle: x\n---\n## Очищення {#cleanup}\n\n{{< text bash >}}\n$ kubectl delete ns demo\n{{< /text >}}\n## Без якоря\n\n{{< text bash >}}\n$ echo\n{{< /text >}}\n';
    const page = parsePage('content/uk/docs/x/index.md', text);
    expect(page.lang).toBe('uk');
    expect(page.blocks.map((b) => b.id)).toEqual(['snip_cleanup_1', 'snip___1']);
  });

  test('English pages keep istio.io naming even when headings have anchors', () => {
    const page = parsePage('content/en/docs/x/index.md', '---\n---\n## Clean up {#cleanup}\n{{< text bash >}}\n$ echo\n{{< /text >}}\n');
    expect(page.blocks[0].id).toBe('snip_clean_up_1');
  });
});

describe('bad input', () => {
  const rules = (name: string) => parseFixture(name).diagnostics.map((d) => [d.ruleId, d.line, d.severity]);

  test.each([
    ['pages/bad/unterminated.md', [['text-unterminated', 8, 'error']]],
    ['pages/bad/closer-without-opener.md', [['text-closer-without-opener', 8, 'error']]],
    ['pages/bad/no-command.md', [['bash-no-command', 6, 'warning']]],
    ['pages/bad/exec-it.md', [['kubectl-exec-it', 7, 'error']]],
    ['pages/bad/unterminated-heredoc.md', [['heredoc-unterminated', 6, 'error']]],
    ['pages/bad/invalid-front-matter.md', [['front-matter-invalid', 3, 'error'], ['front-matter-invalid', 4, 'error']]],
    ['pages/bad/broken-yaml.md', [['front-matter-yaml', 3, 'error']]],
  ])('%s is reported with a rule id and a line', (name, expected) => {
    expect(rules(name)).toEqual(expected);
  });

  test('the unterminated block message names its opening line', () => {
    expect(parseFixture('pages/bad/unterminated.md').diagnostics[0].message).toContain('opened on line 8');
  });

  test('a rendered page copied as text is not a Hugo page, and the message says what it looks like', () => {
    const page = parseFixture('seeds/003-rendered-es-page.txt');
    expect(page.isHugo).toBe(false);
    expect(page.diagnostics).toEqual([expect.objectContaining({ ruleId: 'not-hugo-page', line: 1, severity: 'error' })]);
    expect(page.diagnostics[0].message).toMatch(/rendered web page/);
  });

  test('a reStructuredText conversion is not a Hugo page, even with stray shortcodes in it', () => {
    const page = parseFixture('seeds/004-restructuredtext-en-page.txt');
    expect(page.isHugo).toBe(false);
    expect(page.diagnostics[0].message).toMatch(/reStructuredText/);
  });

  test('an empty file and a file of control characters are handled without throwing', () => {
    expect(parsePage('empty.md', '').diagnostics[0].ruleId).toBe('not-hugo-page');
    expect(() => parsePage('junk.md', '\u0000\u0001{{<\r\n{{< text bash >}}\r\n$ \\')).not.toThrow();
  });

  test('Windows line endings give the same blocks as Unix ones', () => {
    const unix = '---\ntitle: x\n---\n{{< text bash >}}\n$ echo hi\nhi\n{{< /text >}}\n';
    const windows = parsePage('w.md', unix.replace(/\n/g, '\r\n'));
    expect(windows.blocks[0].steps).toEqual(parsePage('u.md', unix).blocks[0].steps);
  });
});
