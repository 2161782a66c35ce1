// Reading what a step printed without holding all of it: a step may print gigabytes (a log, a loop gone wrong), and
// every consumer (matcher, console, JSON, JUnit) needs only so much. The head and the tail are kept, cut at line ends,
// with one line in between saying how much was left out.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Bytes kept from the start and from the end of a step's output. */
export const OUTPUT_LIMITS = { head: 1024 * 1024, tail: 256 * 1024 } as const;

export interface BoundedOutput {
  text: string;
  /** Bytes left out between the head and the tail (0 when the whole output is in `text`). */
  droppedBytes: number;
}

/** The text of an output file, whole when small, else its head and tail with a line saying how much was left out; a missing file is empty. */
export function readBoundedOutput(file: string, limits: { head: number; tail: number } = OUTPUT_LIMITS): BoundedOutput {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { text: '', droppedBytes: 0 };
  }
  try {
    const size = fstatSync(fd).size;
    if (size <= limits.head + limits.tail) return { text: readRange(fd, 0, size).toString('utf8'), droppedBytes: 0 };
    let head = readRange(fd, 0, limits.head);
    let tail = readRange(fd, size - limits.tail, limits.tail);
    // Whole lines only, when there are line ends to cut at.
    const headEnd = head.lastIndexOf(10);
    if (headEnd >= 0) head = head.subarray(0, headEnd + 1);
    const tailStart = tail.indexOf(10);
    if (tailStart >= 0 && tailStart < tail.length - 1) tail = tail.subarray(tailStart + 1);
    const dropped = size - head.length - tail.length;
    const note = `[istio-doctest: ${formatBytes(dropped)} of output left out here (${formatBytes(size)} in all)]\n`;
    return { text: `${head.toString('utf8')}${headEnd >= 0 ? '' : '\n'}${note}${tail.toString('utf8')}`, droppedBytes: dropped };
  } finally {
    closeSync(fd);
  }
}

// Reads `length` bytes at `position` (fewer if the file is shorter).
function readRange(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/** `512 B`, `1.5 MB`, `2.1 GB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
