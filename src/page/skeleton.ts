// The markdown skeleton: the page reduced to what decides its block structure, with a map back to file lines.
// remark spends its time on inline content; block structure depends only on how lines start, so prose is
// replaced by `x`, runs of identical prose lines are folded, and each `{{< text >}}` block becomes one line,
// as Hugo's shortcode placeholder would be. Headings are then found by remark on a fraction of the text.

export interface Skeleton {
  text: string;
  /** File line (1-based) of each skeleton line. */
  lineMap: number[];
}

// Container markers (block quotes, list items) that open a line, and its indentation.
const containerPrefix = /^[ \t]*(?:(?:>[ \t]?|[*+-][ \t]+|\d{1,9}[.)][ \t]+)[ \t]*)*/;
// First characters after the prefix that can start or end a leaf block other than a paragraph.
const structural = new Set(['#', '`', '~', '<', '[', '=', '-', '*', '_', '+', '>', '|', '{']);

// Reduces a page body to its skeleton; `blockLines` marks block openers (2) and the rest of each block (1).
export function skeletonOf(lines: string[], bodyStart: number, blockLines: Uint8Array): Skeleton {
  const out: string[] = [];
  const lineMap: number[] = [];
  let previous = '';
  for (let i = bodyStart - 1; i < lines.length; i++) {
    const line = lines[i];
    let kept: string;
    if (blockLines[i] === 1) continue;
    if (blockLines[i] === 2) {
      kept = `${/^\s*/.exec(line)![0]}x`;
    } else if (line.trim() === '') {
      kept = '';
      if (previous === '') continue;
    } else {
      const prefix = containerPrefix.exec(line)![0];
      const rest = line.slice(prefix.length);
      kept = structural.has(rest[0]) || rest.includes('>') || rest.includes('<') ? line : `${prefix}x`;
    }
    if (kept === previous && kept !== '' && /^[ \t]*x$/.test(kept)) continue;
    out.push(kept);
    lineMap.push(i + 1);
    previous = kept;
  }
  return { text: out.join('\n'), lineMap };
}

