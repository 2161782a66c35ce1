// Small text helpers shared by the matchers: quoting for messages, blank-separated tokens.

// Quotes a value for a message, shortening long ones so a reason stays one readable line.
export function quote(text: string, max = 160): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}… (${text.length} characters)`;
}

/** A blank-separated token of a line, with where it starts. */
export interface Token {
  text: string;
  start: number;
}

// Splits a line into blank-separated tokens, keeping their positions so separators can be kept.
export function tokens(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= line.length) break;
    const start = i;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push({ text: line.slice(start, i), start });
  }
  return out;
}

// The token of a text starting at i (up to the next blank, at most 40 characters), to show what was found.
export function tokenAt(text: string, i: number): string {
  if (i >= text.length) return '';
  let j = i;
  while (j < text.length && j - i < 40 && text[j] !== ' ' && text[j] !== '\t') j++;
  return text.slice(i, j);
}
