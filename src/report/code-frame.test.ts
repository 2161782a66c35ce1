import { codeFrame } from './code-frame.js';

describe('a code frame of a page', () => {
  const lines = ['---', 'title: x', '---', '', '{{< text bash >}}', '$ kubectl get ns', 'NAME   STATUS', 'demo   Active', '{{< /text >}}'];

  test('marks the expected output with its context, under file:line', () => {
    expect(codeFrame('content/es/a.md', lines, 7, 8)).toBe(['content/es/a.md:7', '  5 | {{< text bash >}}', '  6 | $ kubectl get ns', '> 7 | NAME   STATUS', '> 8 | demo   Active', '  9 | {{< /text >}}'].join('\n'));
  });

  test('pads the line numbers to the widest and cuts long lines', () => {
    const many = Array.from({ length: 12 }, (_, i) => (i === 9 ? 'x'.repeat(200) : `line ${i + 1}`));
    const frame = codeFrame('a.md', many, 10, 10, { context: 1, width: 20 }).split('\n');
    expect(frame).toEqual(['a.md:10', '   9 | line 9', `> 10 | ${'x'.repeat(19)}…`, '  11 | line 11']);
  });
});
