import { splitScript } from './script-split.js';

const file = 'content/en/docs/tasks/demo/test.sh';

describe('splitScript', () => {
  test('splits at the @cleanup line, reads the setup config, and repeats the test part\'s sources except test scripts of the folder', () => {
    const text = [
      '#!/usr/bin/env bash',
      '# @setup profile=demo',
      'set -e',
      'source "tests/util/samples.sh"',
      'source "content/en/docs/tasks/demo/other_test.sh"',
      'snip_a',
      '# @cleanup',
      'snip_cleanup_1',
    ].join('\n');
    const result = splitScript(file, text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.script.setup).toBe('profile=demo');
    expect(result.script.setupLine).toBe(2);
    expect(result.script.test.text.split('\n')).toHaveLength(6);
    expect(result.script.cleanup).toEqual({ text: '\nsnip_cleanup_1', line: 7 });
    expect(result.script.sources).toEqual([{ text: 'source "tests/util/samples.sh"', line: 4 }]);
  });

  test('a script without @cleanup, or with two, is one positioned error', () => {
    const none = splitScript(file, '# @setup profile=none\nsnip_a\n');
    expect(none).toEqual({ ok: false, diagnostics: [expect.objectContaining({ file, line: 1, ruleId: 'script-cleanup-separator', severity: 'error' })] });
    const two = splitScript(file, '# @setup profile=none\n# @cleanup\na\n# @cleanup\nb\n');
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.diagnostics[0]).toMatchObject({ line: 4, message: expect.stringContaining('found 2, on lines 2, 4') });
  });

  test('a script needs exactly one @setup line in its test part', () => {
    const none = splitScript(file, 'snip_a\n# @cleanup\n# @setup profile=none\n');
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.diagnostics[0]).toMatchObject({ line: 1, ruleId: 'script-setup' });
    const two = splitScript(file, '# @setup profile=none\n# @setup profile=demo\n# @cleanup\n');
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.diagnostics[0]).toMatchObject({ line: 2, ruleId: 'script-setup' });
  });
});
