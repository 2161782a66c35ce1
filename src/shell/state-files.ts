// The shell's saved state: two alternating files in the runner's folder, each a whole save ending with a line naming
// the command it was saved after (or during), so a broken or older file is told from the one wanted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_END } from './protocol.js';

/** A whole save of the shell's state and the command after (or during) which it was made. */
export interface SavedState {
  file: string;
  seq: number;
}

/** The two state files of a session's folder. */
export function stateFiles(ctlDir: string): [string, string] {
  return [join(ctlDir, 'state.0'), join(ctlDir, 'state.1')];
}

/** The state file that does not hold the last saved state: a failed write never loses that one. */
export function nextStateFile(ctlDir: string, last: SavedState | undefined): string {
  const [zero, one] = stateFiles(ctlDir);
  return last?.file === zero ? one : zero;
}

/** The number of the command a whole state file was saved after (or during), or undefined for a broken or missing file. */
export function savedCommand(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  const at = text.lastIndexOf(`\n${STATE_END}`);
  const tail = at < 0 ? '' : text.slice(at + STATE_END.length + 1);
  return /^\d+\n$/.test(tail) ? Number(tail.slice(0, -1)) : undefined;
}

/** The whole save a shell ended between commands made of the state it held (command `holds`), in whichever file it named last. */
export function heldSave(ctlDir: string, holds: number): SavedState | undefined {
  for (const file of stateFiles(ctlDir)) {
    if (holds > 0 && savedCommand(file) === holds) return { file, seq: holds };
  }
  return undefined;
}
