// `istio-doctest/jest-runner`: Jest's runner interface, implemented directly (see the README for why not
// create-jest-runner). CommonJS so Jest can require it on every Node version; the work is in ESM, imported on use.
import { join } from 'node:path';
import type { Config } from '@jest/types';
import type { Test, TestEvents } from '@jest/test-result';

type Listener = (payload: unknown) => void | Promise<void>;
type Watcher = { isInterrupted(): boolean; isWatchMode(): boolean; on(name: 'change', listener: (state: { interrupted: boolean }) => void): () => void };

/** Runs doc pages as Jest test files, serially (they share one cluster), through `istio-doctest run`'s runner. */
class DoctestRunner {
  readonly isSerial = true;
  readonly supportsEventEmitters = true;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly globalConfig: Config.GlobalConfig) {}

  // Subscribes to one of Jest's runner events; returns the unsubscribe function.
  on<N extends keyof TestEvents>(name: N, listener: (payload: TestEvents[N]) => void | Promise<void>): () => void {
    const set = this.listeners.get(name) ?? new Set<Listener>();
    set.add(listener as Listener);
    this.listeners.set(name, set);
    return () => set.delete(listener as Listener);
  }

  // Runs the pages Jest selected (after --shard, testPathPattern...) and reports every step as it ends.
  async runTests(tests: Test[], watcher: Watcher): Promise<void> {
    const { runDocTests } = await import('./run-doc-tests.js');
    const emit = async <N extends keyof TestEvents>(name: N, payload: TestEvents[N]) => {
      for (const listener of this.listeners.get(name) ?? []) await listener(payload);
    };
    // The CLI beside this file (dist/jest/ → bin/): test scripts' nested `_verify_*` calls run its `match`.
    const cli = join(__dirname, '..', '..', 'bin', 'istio-doctest.js');
    await runDocTests(tests, { globalConfig: this.globalConfig, watcher, emit, cli });
  }
}

export = DoctestRunner;
