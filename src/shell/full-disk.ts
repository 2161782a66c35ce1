// Whether the disk a session writes its steps' outputs and its own files to filled up: a step that printed more than
// the disk holds, or filled it itself, lost output (and the runner its logs) without any error the runner could see.
import { statfsSync } from 'node:fs';

/** Fewer free bytes than this count as full (a write that failed with ENOSPC leaves less than a block or so). */
export const FULL_BELOW_BYTES = 64 * 1024;

/** The first of the folders whose file system is full, or undefined; a folder that cannot be examined is not full. */
export function fullFolder(folders: string[]): string | undefined {
  // root may write into the blocks reserved for it, which `bavail` leaves out.
  const root = process.getuid?.() === 0;
  for (const folder of folders) {
    try {
      const fs = statfsSync(folder);
      if ((root ? fs.bfree : fs.bavail) * fs.bsize < FULL_BELOW_BYTES) return folder;
    } catch {
      // Gone or unreadable: nothing to say about its disk.
    }
  }
  return undefined;
}
