import { collapseBlanks, isEllipsisLine, normalizeLines, stripAnsi } from './normalize.js';

describe('normalization of both sides', () => {
  test.each<[string, string, string[]]>([
    ['carriage returns are removed', 'a\r\nb\r\n', ['a', 'b']],
    ['trailing blanks of each line are removed', 'a  \nb\t\n', ['a', 'b']],
    ['trailing empty lines are removed', 'a\n\n\n  \n', ['a']],
    ['leading empty lines are kept', '\na', ['', 'a']],
    ['colours are removed', '\x1b[1;32mRunning\x1b[0m', ['Running']],
    ['cursor movements are removed', '\x1b[2K\x1b[1Gdone', ['done']],
    ['terminal titles are removed', '\x1b]0;title\x07text', ['text']],
    ['an empty text has no lines', '', []],
  ])('%s', (_name, text, lines) => {
    expect(normalizeLines(text)).toEqual(lines);
  });

  test('ANSI removal leaves other text alone', () => {
    expect(stripAnsi('[ok] a[1m')).toBe('[ok] a[1m');
  });

  test('runs of blanks collapse to one space', () => {
    expect(collapseBlanks('a   b\t\tc')).toBe('a b c');
  });

  test.each<[string, boolean]>([
    ['...', true],
    ['    ...', true],
    ['... ', true],
    ['....', false],
    ['a ...', false],
  ])('%j is an elision line: %s', (line, yes) => {
    expect(isEllipsisLine(line)).toBe(yes);
  });
});
