// One short-lived command of the runner's own (an istioctl install, a snapshot's kubectl), bounded by a time-out and a
// cancel signal that end it with everything it started.
import { execa } from 'execa';
import { killTree } from './kill-tree.js';

/**
 * Runs a command to its end, its time-out or the cancel signal; those two end it with everything it started (an
 * istioctl or kubectl wrapper's children too), not only the process execa started. A failure is data, never thrown.
 */
export async function runCommand(program: string, args: string[], options: { timeoutMs: number; cancel?: AbortSignal; env?: Record<string, string> }) {
  const inner = new AbortController();
  let timedOut = false;
  const child = execa(program, args, { env: options.env, extendEnv: true, reject: false, stdin: 'ignore', all: true, cancelSignal: inner.signal, forceKillAfterDelay: 2000 });
  // The tree is read and signalled before execa's own kill, so that children re-parented by it are not missed.
  const end = () => {
    if (child.pid !== undefined) void killTree([child.pid], 2000);
    inner.abort();
  };
  const timer = setTimeout(() => {
    timedOut = true;
    end();
  }, options.timeoutMs);
  const { cancel } = options;
  cancel?.addEventListener('abort', end, { once: true });
  if (cancel?.aborted) end();
  try {
    const run = await child;
    return { ...run, timedOut, isCanceled: run.isCanceled && !timedOut };
  } finally {
    clearTimeout(timer);
    cancel?.removeEventListener('abort', end);
  }
}
