// Cutting text to a number of terminal columns: CJK characters and most emoji take two, combining marks none, so
// a count of UTF-16 units overflows a Chinese line and can split a character in two.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text cut to at most `columns` display columns, with `…` at the end when something was cut. */
export function fitWidth(text: string, columns: number): string {
  if (columns <= 0) return '';
  if (stringWidth(text) <= columns) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const width = stringWidth(segment);
    if (used + width > columns - 1) break;
    out += segment;
    used += width;
  }
  return `${out}…`;
}
