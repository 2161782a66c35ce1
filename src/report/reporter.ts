// The one shape of a run reporter (console, JSON events, JUnit, annotations), and the fan-out that feeds them: a
// reporter that fails (a full disk, a bug) is reported once on standard error and dropped, and the run goes on.
import type { RunEvent } from '../run/results.js';

/** A run reporter: hears every event in order; `close` once the run is over. */
export interface Reporter {
  /** How messages name it: `console`, `--json FILE`, `--junit FILE`, `annotations`. */
  readonly name: string;
  on(event: RunEvent): void;
  close?(): void;
}

/** Feeds events to reporters, isolating their failures: the page's cleanup never depends on a report being written. */
export class Reporters implements Reporter {
  readonly name = 'reporters';
  private readonly active: Reporter[];
  /** Reporters that failed, with why; the run should end with a non-zero exit code when any did. */
  readonly failures: { name: string; reason: string }[] = [];

  constructor(
    reporters: Reporter[],
    private readonly onFailure: (name: string, reason: string) => void,
  ) {
    this.active = [...reporters];
  }

  // Hands an event to each reporter that still works.
  on(event: RunEvent): void {
    for (const reporter of [...this.active]) this.guard(reporter, () => reporter.on(event));
  }

  // Closes every reporter that still works.
  close(): void {
    for (const reporter of [...this.active]) this.guard(reporter, () => reporter.close?.());
  }

  // Runs one reporter's call; on an error, records it, says it once, and drops the reporter.
  private guard(reporter: Reporter, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.active.splice(this.active.indexOf(reporter), 1);
      const reason = errorReason(error);
      this.failures.push({ name: reporter.name, reason });
      this.onFailure(reporter.name, reason);
    }
  }
}

/** The short reason of an error: a file-system code (`ENOSPC`) or the first line of its message. */
export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string') return code;
  return String((error as Error)?.message ?? error).split('\n')[0];
}
