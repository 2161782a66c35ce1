import { match } from './index.js';
import { collapseBlanks, isEllipsisLine, normalizeLines, stripAnsi } from './normalize.js';

describe('normalization of both sides', () => {
  test.each<[string, string, string[]]>([
    ['carriage returns of line ends are removed', 'a\r\nb\r\n', ['a', 'b']],
    ['a progress line shows what a terminal shows last', 'Downloading 10%\rDownloading 50%\rDownloading 100%\ndone', ['Downloading 100%', 'done']],
    ['a shorter overwrite leaves the end of the longer text', 'waiting....\rready\n', ['readyng....']],
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

describe('outputs are compared as a terminal shows them', () => {
  test('a progress bar overwritten with \\r matches its last state', () => {
    expect(match('100%\ninstalled', '10%\r50%\r100%\ninstalled').ok).toBe(true);
    expect(match('10%50%100%\ninstalled', '10%\r50%\r100%\ninstalled').ok).toBe(false);
  });
});
