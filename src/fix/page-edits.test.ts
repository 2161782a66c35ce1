import { applyEdits, unifiedDiff } from './page-edits.js';

describe('editing the lines of a page', () => {
  test('edits replace their lines from the bottom up and keep the file\'s CRLF line endings', () => {
    const text = 'a\r\nb\r\nc\r\nd\r\n';
    const { text: out, skipped } = applyEdits(text, [
      { file: 'p.md', from: 2, count: 1, lines: ['B1', 'B2'] },
      { file: 'p.md', from: 4, count: 1, lines: [] },
    ]);
    expect(out).toBe('a\r\nB1\r\nB2\r\nc\r\n');
    expect(skipped).toEqual([]);
  });

  test('an edit whose lines are no longer what the page had, or that overlaps another, is left out', () => {
    const stale = { file: 'p.md', from: 1, count: 1, lines: ['x'], before: ['not a'] };
    const first = { file: 'p.md', from: 2, count: 2, lines: ['y'] };
    const overlapping = { file: 'p.md', from: 3, count: 1, lines: ['z'] };
    const { text, skipped } = applyEdits('a\nb\nc\n', [stale, first, overlapping]);
    expect(text).toBe('a\ny\n');
    expect(skipped).toEqual([stale, overlapping]);
  });

  test('the unified diff names both sides and is empty when nothing changed', () => {
    expect(unifiedDiff('p.md', 'a\n', 'a\n')).toBe('');
    expect(unifiedDiff('p.md', 'a\nb\n', 'a\nc\n')).toBe('--- a/p.md\n+++ b/p.md\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });
});
