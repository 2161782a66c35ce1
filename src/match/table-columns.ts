// Reading tables as `kubectl get` and `istioctl` print them: the header's columns (names of one or
// more upper-case words, columns separated by runs of blanks or, under tabwriter, by one blank) and the
// cells of each row.
/** A header cell: its name and the column where it starts. */
export interface Column {
  name: string;
  start: number;
}

/** A piece of a line between runs of two or more blanks. */
interface Chunk {
  text: string;
  start: number;
}

// Splits a line on runs of two or more blanks (or any tab), keeping where each piece starts.
export function chunks(line: string): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  let start = i;
  while (i < line.length) {
    if (line[i] === '\t' || (line[i] === ' ' && (line[i + 1] === ' ' || line[i + 1] === '\t'))) {
      out.push({ text: line.slice(start, i), start });
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
      start = i;
    } else i++;
  }
  if (start < line.length) out.push({ text: line.slice(start), start });
  return out;
}

// Whether a word of a header cell is an upper-case column name (`PORT(S)`, `CPU(cores)`, `EXTERNAL-IP`).
function isHeaderWord(word: string): boolean {
  const first = word.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return false;
  let depth = 0;
  for (let k = 0; k < word.length; k++) {
    const ch = word[k];
    const c = word.charCodeAt(k);
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return false;
      depth--;
    } else if (depth > 0) continue;
    else if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || '_-./%#:'.includes(ch))) return false;
  }
  return depth === 0;
}

// Reads a header line: two or more upper-case column names separated by runs of blanks. A piece between
// runs of two blanks holds one or two words, or up to four when the header has three pieces or more
// (`STATUS  OUTLIER CHECK CLUSTER`, whose last piece is two columns; see splitColumns).
export function headerColumns(line: string): Column[] | null {
  if (line.length === 0 || line[0] === ' ' || line[0] === '\t') return null;
  const cells = chunks(line);
  if (cells.length < 2) return null;
  const most = cells.length >= 3 ? 4 : 2;
  for (const cell of cells) {
    const words = cell.text.split(' ');
    if (words.length > most || !words.every(isHeaderWord)) return null;
  }
  return cells.map((c) => ({ name: c.text, start: c.start }));
}

// Whether a row has a cell starting exactly at a position: a non-blank after a blank.
function startsCellAt(row: string, at: number): boolean {
  return at > 0 && at < row.length && row[at] !== ' ' && (row[at - 1] === ' ' || row[at - 1] === '\t');
}

/**
 * Splits header pieces of several words into columns where the rows say so: tables printed with one
 * blank between columns (`WAYPOINT PROTOCOL` of `istioctl ztunnel-config workloads`, `OUTLIER CHECK
 * CLUSTER` of `istioctl proxy-config endpoint`) have a cell starting under each column's first word in
 * most rows, while a name with a blank (`POD NAME`, `OUTLIER CHECK`) has none under its second word.
 */
export function splitColumns(columns: Column[], rows: string[]): Column[] {
  const data = rows.filter((r) => r.trim() !== '' && r.trim() !== '...');
  if (data.length === 0) return columns;
  const out: Column[] = [];
  for (const column of columns) {
    const words = column.name.split(' ');
    let current: Column = { name: words[0], start: column.start };
    let at = column.start + words[0].length + 1;
    for (let w = 1; w < words.length; w++) {
      const under = data.filter((r) => startsCellAt(r, at)).length;
      if (under * 2 > data.length) {
        out.push(current);
        current = { name: words[w], start: at };
      } else current = { name: `${current.name} ${words[w]}`, start: current.start };
      at += words[w].length + 1;
    }
    out.push(current);
  }
  return out;
}

// Splits a row into words separated by single blanks, keeping where each starts.
function words(line: string): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < line.length; ) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    const start = i;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    if (i > start) out.push({ text: line.slice(start, i), start });
  }
  return out;
}

// Splits a row by where its words start under the header: each word goes to the last column starting at
// or before it (one column to the left tolerated), never back to an earlier column; a word that starts
// one blank after the end of an overflowing cell still starts a new cell.
function cellsByPosition(line: string, columns: Column[]): string[] {
  const cells: string[] = new Array(columns.length).fill('');
  let previous = 0;
  let lastEnd = -1;
  for (const word of words(line)) {
    let j = previous;
    while (j + 1 < columns.length && columns[j + 1].start <= word.start + 1) j++;
    // A word right after an overflowing cell, past the next column's start, starts the next cell.
    if (j === previous && cells[j] !== '' && word.start - lastEnd === 1 && j + 1 < columns.length && lastEnd > columns[j + 1].start) j++;
    if (j < previous) j = previous;
    cells[j] = cells[j] === '' ? word.text : `${cells[j]}${line.slice(lastEnd, word.start)}${word.text}`;
    previous = j;
    lastEnd = word.start + word.text.length;
  }
  return cells;
}

// Splits a row into one cell per column: by order when its pieces between runs of two blanks are one per
// column, else by where its words start under the header (empty cells, one-blank separators).
export function rowCells(line: string, columns: Column[]): string[] {
  const parts = chunks(line);
  if (parts.length === columns.length) return finishRow(parts.map((p) => p.text));
  return finishRow(cellsByPosition(line, columns));
}

// A row cut short with `...` stands for any value in the columns it leaves out.
function finishRow(cells: string[]): string[] {
  const filled = cells.reduce((last, c, j) => (c !== '' ? j : last), -1);
  if (filled >= 0 && filled < cells.length - 1 && cells[filled].endsWith('...')) {
    for (let j = filled + 1; j < cells.length; j++) cells[j] = '...';
  }
  return cells;
}

