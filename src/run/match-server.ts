// The matcher served to a script's session for the `_verify_*` calls it makes inside functions and loops: one request
// per attempt over a FIFO instead of a new `node istio-doctest match` each time (about 0.1 s of Node start-up).
// A request is one line `MODE<TAB>DIR` (well under PIPE_BUF, so concurrent writers never mix): DIR holds `expected`
// (for contains, not-contains and regex: the TEXT or PATTERN), `actual` (as printed: `\r` and trailing blanks are
// removed here, as verify.sh does), and `done`, a FIFO the caller has opened for
// reading before it sent the line. The answer is `diff` (the matcher's diff, empty on a match) in DIR, then the status
// (0 match, 1 mismatch, 2 bad request), as a line written to `done`.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { match, MATCH_MODES, type MatchMode } from '../match/index.js';
import { needsArg } from '../match/types.js';
import { cleanOutput } from './script-verify.js';

/** Environment variable naming the request FIFO for the session's `_verify_*` functions. */
export const MATCH_FIFO_VAR = 'ISTIO_DOCTEST_MATCH_FIFO';

export interface MatchServer {
  /** The request FIFO. */
  fifo: string;
  /** Stops serving and removes the FIFO (a caller that comes later finds no FIFO and starts the CLI instead). */
  close(): void;
}

/** Creates the request FIFO in `dir` and answers requests until closed. */
export function startMatchServer(dir: string): MatchServer {
  const fifo = join(dir, 'match-requests');
  rmSync(fifo, { force: true });
  execFileSync('mkfifo', ['-m', '600', fifo]);
  // Read-write: the FIFO never reads an end of file between two callers, and no caller's open waits for the runner.
  const socket = new Socket({ fd: openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK), readable: true, writable: false });
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      answer(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
    // A stray writer without newlines must not grow the buffer without end.
    if (buffer.length > 65536) buffer = '';
  });
  socket.on('error', () => undefined);
  return {
    fifo,
    close: () => {
      rmSync(fifo, { force: true });
      socket.destroy();
    },
  };
}

// Answers one request line; a line that is not a request of ours is ignored (nobody waits on a FIFO it names).
function answer(line: string): void {
  const [mode, dir] = line.split('\t');
  if (dir === undefined || !isAbsolute(dir) || !isFifo(join(dir, 'done'))) return;
  let status = 2;
  let diff = '';
  if ((MATCH_MODES as readonly string[]).includes(mode)) {
    try {
      const expected = readFileSync(join(dir, 'expected'), 'utf8');
      const actual = cleanOutput(readFileSync(join(dir, 'actual'), 'utf8'));
      const verdict = needsArg(mode as MatchMode) ? match('', actual, mode as MatchMode, expected) : match(expected, actual, mode as MatchMode);
      status = verdict.ok ? 0 : 1;
      diff = verdict.ok ? '' : verdict.diff;
    } catch (error) {
      diff = `istio-doctest match: ${(error as Error).message}\n`;
    }
  } else diff = `istio-doctest match: unknown mode '${mode}'\n`;
  try {
    writeFileSync(join(dir, 'diff'), diff);
    // Non-blocking: the caller holds `done` open for reading; if it is gone (its step was ended) there is nobody to tell.
    const done = openSync(join(dir, 'done'), constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      writeSync(done, `${status}\n`);
    } finally {
      closeSync(done);
    }
  } catch {
    // The caller's folder went away with its step.
  }
}

// Whether a path is a FIFO (never follows a link: the answer is only ever written to the caller's own FIFO).
function isFifo(path: string): boolean {
  try {
    return lstatSync(path).isFIFO();
  } catch {
    return false;
  }
}
