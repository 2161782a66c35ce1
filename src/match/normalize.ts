// Normalization applied to both sides before any comparison: what never counts as a difference.

// ANSI escape sequences: CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL|ST`) and two-character escapes.
// Each quantifier runs over a character class disjoint from what follows it, so matching is linear.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;

// Removes colours and cursor movements that tools print when they think they talk to a terminal.
export function stripAnsi(text: string): string {
  return text.includes('\x1b') || text.includes('\x9b') ? text.replace(ANSI, '') : text;
}

// A line as a terminal shows it: each `\r` returns to the start of the line and what follows overwrites
// what was there (`10%\r50%\r100%` shows `100%`; `\r\n` line ends show the line itself).
export function renderCarriageReturns(line: string): string {
  if (!line.includes('\r')) return line;
  let shown = '';
  for (const piece of line.split('\r')) shown = piece + shown.slice(piece.length);
  return shown;
}

// Turns a text into the lines that are compared: `\r` rendered as a terminal does, no ANSI, no trailing
// blanks, no trailing empty lines. (Scripts remove `\r` before, as istio.io's verify.sh does.)
export function normalizeLines(text: string): string[] {
  const clean = stripAnsi(String(text ?? ''));
  const lines = clean.split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = renderCarriageReturns(lines[i]).trimEnd();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// The normalized text as one string, for the modes that work on substrings.
export function normalizeText(text: string): string {
  return normalizeLines(text).join('\n');
}

// Whether a line is an elision line: only `...`, with any indentation.
export function isEllipsisLine(line: string): boolean {
  return line.trim() === '...';
}

// Collapses runs of blanks into one space, since runs of spaces are equivalent.
export function collapseBlanks(line: string): string {
  return line.replace(/[ \t]+/g, ' ');
}
