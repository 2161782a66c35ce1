import { readFrontMatter } from './front-matter.js';

const read = (text: string) => readFrontMatter('page.md', text.split('\n'));

describe('front matter', () => {
  test('known keys are validated and unknown keys kept', () => {
    const result = read('---\ntitle: Egress\nweight: 60\nkeywords: [a, b]\ntest: yes\nowner: istio/wg\nlayout: custom\n---\nbody');
    expect(result.diagnostics).toEqual([]);
    expect(result.frontMatter).toEqual({ title: 'Egress', weight: 60, keywords: ['a', 'b'], test: 'yes', owner: 'istio/wg', layout: 'custom' });
    expect(result.bodyLine).toBe(9);
  });

  test('a wrong `test` value names the key, the line and the allowed values', () => {
    const result = read('---\ntitle: X\ntest: maybe\n---');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: 3, ruleId: 'front-matter-invalid', expected: 'yes | no | n/a | table-of-contents', actual: '"maybe"' }),
    ]);
  });

  test('broken YAML is a diagnostic, not an exception', () => {
    expect(read('---\ntitle: [x\n---').diagnostics[0]).toMatchObject({ ruleId: 'front-matter-yaml', severity: 'error' });
  });

  test('a front matter that is never closed is reported at line 1', () => {
    expect(read('---\ntitle: x\nbody').diagnostics[0]).toMatchObject({ ruleId: 'front-matter-unterminated', line: 1 });
  });

  test('an empty front matter (boilerplates) is valid', () => {
    expect(read('---\n---\n## Heading')).toMatchObject({ present: true, bodyLine: 3, diagnostics: [] });
  });
});
