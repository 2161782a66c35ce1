import { reparseObjection } from './reparse.js';

const page = (...body: string[]) => ['---', 'title: P', 'test: yes', '---', '', '## Steps', '', ...body, ''].join('\n');
const block = (...lines: string[]) => ['{{< text bash >}}', ...lines, '{{< /text >}}', ''];
const file = 'content/en/docs/p/index.md';
const update = { commandsMayChange: false };

describe('parsing a page again before writing it', () => {
  const before = page(...block('$ echo a', 'a'), ...block('$ echo b', 'b'));

  test('a new text with the same blocks, commands and includes, and no new diagnostic, may be written', () => {
    expect(reparseObjection(file, before, page(...block('$ echo a', 'A', 'more'), ...block('$ echo b', 'b')), update)).toBeUndefined();
  });

  test('another number of blocks, other commands (run --update) or another heading\'s ids are refused, at the first change', () => {
    const split = page(...block('$ echo a', '{{</text>}}', '{{< text bash >}}', '$ rm -rf /tmp/x'), ...block('$ echo b', 'b'));
    expect(reparseObjection(file, before, split, update)).toEqual({ line: 11, ruleId: 'write-changes-page', message: expect.stringContaining('the new text would parse differently') });
    const command = page(...block('$ echo a', 'a', '$ whoami'), ...block('$ echo b', 'b'));
    expect(reparseObjection(file, before, command, update)?.message).toMatch(/the block at line 8 \(snip_steps_1\) would change its commands/);
    expect(reparseObjection(file, before, command, { commandsMayChange: true })).toBeUndefined();
    const renamed = page(...block('$ echo a', '## Other'), ...block('$ echo b', 'b'));
    expect(reparseObjection(file, before, renamed, update)?.message).toMatch(/line 13 \(snip_steps_2\) would change its id/);
    const yaml = page(...block('$ echo a', 'a'), '{{< text yaml >}}', 'b', '{{< /text >}}');
    expect(reparseObjection(file, before, yaml, { commandsMayChange: true })?.message).toMatch(/line 13 \(snip_steps_2\) would change its opener or tab/);
  });

  test('a new include or a new diagnostic is refused with its rule', () => {
    const include = page(...block('$ echo a', 'a'), ...block('$ echo b', 'b'), '{{< boilerplate x >}}');
    expect(reparseObjection(file, before, include, update)?.message).toMatch(/the boilerplates it includes would change \(none before, x after\)/);
    const execIt = page(...block('$ echo a', 'a'), ...block('$ kubectl exec -it p -- ls', 'b'));
    expect(reparseObjection(file, before, execIt, { commandsMayChange: true })?.message).toMatch(/new problem: line 14: .*\[kubectl-exec-it\]/);
  });
});
