// Waiting without leaving timers behind (a pending one keeps the CLI from exiting), and letting the event loop read
// what a child already wrote to its pipes.
import { setTimeout as sleep } from 'node:timers/promises';

/** Waits for a promise at most `ms`, leaving no timer behind; undefined when the time ran out first. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  const controller = new AbortController();
  try {
    return await Promise.race([promise, sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined)]);
  } finally {
    controller.abort();
  }
}

/** Two turns of the event loop, each with its poll for input: what a child had written to its pipe is then read. */
export async function pollTurns(): Promise<void> {
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}
