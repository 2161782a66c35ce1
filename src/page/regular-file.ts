// Reading a file the user or a page named: only a regular file (a symlink is followed to one), so a path that is
// `/dev/zero`, a FIFO or a socket (git stores symlinks; CI passes changed paths) is refused instead of read forever.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; code: string; reason: string };

// What a non-regular file is, in a user's words.
export function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

// Why a path cannot be read as a regular file, or undefined when it can be (checked without opening it).
export function notRegularFile(path: string): { code: string; reason: string } | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? undefined : { code: 'ENOTREG', reason: `not a regular file (${fileKind(stats)})` };
  } catch (error) {
    return errorReason(error);
  }
}

// Reads a regular file as UTF-8 (or latin1). The type is checked before opening and again on the open descriptor
// (opened non-blocking, so a FIFO swapped in meanwhile cannot block the open), so nothing else is ever read.
export function readRegularFile(path: string, encoding: BufferEncoding = 'utf8'): ReadResult {
  const before = notRegularFile(path);
  if (before) return { ok: false, ...before };
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, code: 'ENOTREG', reason: `not a regular file (${fileKind(stats)})` };
    return { ok: true, text: readFileSync(fd, encoding) };
  } catch (error) {
    return { ok: false, ...errorReason(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// An fs error as a code and a few words.
function errorReason(error: unknown): { code: string; reason: string } {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const words: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'a folder', ELOOP: 'a symlink loop', ENOTDIR: 'a path through a file' };
  return { code, reason: words[code] ?? code };
}
