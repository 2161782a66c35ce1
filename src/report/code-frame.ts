// A code frame of a markdown page: the lines around a position, numbered, with the focus marked, under `file:line`
// so editors and terminals make it a link.

export interface FrameOptions {
  /** Lines shown before the first and after the last marked line. */
  context?: number;
  /** Longer lines are cut, with `…`. */
  width?: number;
}

/** Formats lines `from`..`to` (1-based, marked with `>`) of a file's lines, with context, under `file:from`. */
export function codeFrame(file: string, lines: string[], from: number, to: number = from, options: FrameOptions = {}): string {
  const context = options.context ?? 2;
  const width = options.width ?? 120;
  const first = Math.max(1, from - context);
  const last = Math.min(lines.length, Math.max(from, to) + context);
  const gutter = String(last).length;
  const rows: string[] = [`${file}:${from}`];
  for (let n = first; n <= last; n++) {
    const text = lines[n - 1] ?? '';
    const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    const mark = n >= from && n <= to ? '>' : ' ';
    rows.push(`${mark} ${String(n).padStart(gutter)} | ${cut}`.trimEnd());
  }
  return rows.join('\n');
}
