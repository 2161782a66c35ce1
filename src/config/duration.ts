// Durations, one way everywhere: what the command line and doctest.yaml accept (`500ms`, `30s`, `2m`, `1h`, `1m30s`,
// a bare number of seconds), and how reports write them back (`850ms`, `4.2s`, `2m 05s`, `1h 02m`).

/** The longest time-out Node's timers can wait (2^31-1 ms, about 24.8 days); longer ones would fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const units = { ms: 1, s: 1000, m: 60000, h: 3600000 } as const;
const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;

/** Milliseconds of a duration text (`500ms`, `30s`, `2m`, `1h`, `1m30s`, or seconds as a bare number); NaN when it is none. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  if (trimmed === '') return Number.NaN;
  let total = 0;
  part.lastIndex = 0;
  while (part.lastIndex < trimmed.length) {
    const match = part.exec(trimmed);
    if (!match) return Number.NaN;
    total += Number(match[1]) * units[match[2] as keyof typeof units];
  }
  return total;
}

/** Checks a time-out: a positive duration Node's timers can wait; returns the milliseconds or why it is not one. */
export function parseTimeout(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const ms = parseDuration(text);
  if (Number.isNaN(ms)) return { ok: false, message: `expected a duration such as 30s, 2m or 1h, got '${text}'` };
  if (ms <= 0) return { ok: false, message: `expected a duration longer than 0, got '${text}'` };
  if (ms > MAX_TIMEOUT_MS) return { ok: false, message: `at most ${formatDuration(MAX_TIMEOUT_MS - (MAX_TIMEOUT_MS % 3600000))} (the longest a timer can wait), got '${text}'` };
  return { ok: true, ms };
}

/** A duration as reports write it: `850ms`, `4.2s`, `5s`, `2m`, `2m 05s`, `1h`, `1h 02m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60000) return `${+(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return s % 60 === 0 ? `${s / 60}m` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  const m = Math.round(s / 60);
  return m % 60 === 0 ? `${m / 60}h` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
