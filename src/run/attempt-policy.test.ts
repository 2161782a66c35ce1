import { attemptUntil, backoffSeconds, delayAfter, type AttemptPolicy, type Clock } from './attempt-policy.js';

// A clock that moves only when the attempts wait or an attempt takes time, recording every wait.
function virtualClock(): Clock & { waits: number[]; advance(ms: number): void } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

const policy = (extra: Partial<AttemptPolicy> = {}): AttemptPolicy => ({ delays: 'backoff', maxDelayMs: 1000, from: 'start', deadlineMs: 120000, consecutive: 1, ...extra });

describe('the attempt policy', () => {
  test('polling starts at 100 ms and doubles up to one second', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => delayAfter(policy(), n))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    expect(backoffSeconds()).toEqual(['0.1', '0.2', '0.4', '0.8']);
    // A shorter longest wait caps it sooner; the flat policy waits the longest wait every time.
    expect([1, 2, 3].map((n) => delayAfter(policy({ maxDelayMs: 250 }), n))).toEqual([100, 200, 250]);
    expect([1, 2, 3].map((n) => delayAfter(policy({ delays: 'flat' }), n))).toEqual([1000, 1000, 1000]);
  });

  test('a step that becomes ready is passed soon after: the waits grow only while it is not', async () => {
    const clock = virtualClock();
    let calls = 0;
    const outcome = await attemptUntil(policy(), async () => ({ value: ++calls, ok: calls === 4, retryable: true }), { clock });
    expect(outcome).toMatchObject({ ok: true, attempts: 4, timedOut: false });
    expect(clock.waits).toEqual([100, 200, 400]);
  });

  test('no attempt starts after the deadline', async () => {
    const clock = virtualClock();
    const outcome = await attemptUntil(policy({ deadlineMs: 5000 }), async () => ({ value: 0, ok: false, retryable: true }), { clock });
    expect(outcome).toMatchObject({ ok: false, timedOut: true });
    // 100 + 200 + 400 + 800 + 1000 + 1000 + 1000 = 4500; the next would start at 5500.
    expect(clock.waits).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    expect(outcome.attempts).toBe(8);
  });

  test('waits run from the start of an attempt for page steps, from its end for verify.sh', async () => {
    const fromStart = virtualClock();
    await attemptUntil(policy({ delays: 'flat', deadlineMs: 2500 }), async () => (fromStart.advance(300), { value: 0, ok: false, retryable: true }), { clock: fromStart });
    expect(fromStart.waits).toEqual([700, 700]);
    const fromEnd = virtualClock();
    await attemptUntil(policy({ delays: 'flat', from: 'end', deadlineMs: 2500 }), async () => (fromEnd.advance(300), { value: 0, ok: false, retryable: true }), { clock: fromEnd });
    expect(fromEnd.waits).toEqual([1000]);
  });

  test('one attempt when the policy says why, or when the verdict cannot change', async () => {
    const clock = virtualClock();
    const once = await attemptUntil(policy({ once: 'its expected output was translated' }), async () => ({ value: 0, ok: false, retryable: true }), { clock });
    expect(once).toMatchObject({ attempts: 1, ok: false, timedOut: false });
    const final = await attemptUntil(policy(), async () => ({ value: 0, ok: false, retryable: false }), { clock });
    expect(final.attempts).toBe(1);
    expect(clock.waits).toEqual([]);
  });

  test('VERIFY_CONSECUTIVE passes in a row make a pass; a failure in between starts the count again', async () => {
    const clock = virtualClock();
    const verdicts = [true, false, true, true, true];
    let k = 0;
    const outcome = await attemptUntil(policy({ consecutive: 3 }), async () => ({ value: k, ok: verdicts[k++], retryable: true }), { clock });
    expect(outcome).toMatchObject({ ok: true, attempts: 5, consecutive: 3 });
  });

  test('a signal while waiting ends the attempts as interrupted', async () => {
    const controller = new AbortController();
    const clock = virtualClock();
    const outcome = await attemptUntil(policy(), async () => ({ value: 0, ok: false, retryable: true }), { clock, signal: controller.signal, onRetry: () => controller.abort() });
    expect(outcome).toMatchObject({ attempts: 1, interrupted: true });
  });
});
