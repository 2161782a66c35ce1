// Which of the shell's children a step started, when the step is ended: the kernel dates processes in clock ticks and
// the runner reads its own tick from /proc/uptime, two clocks that may round one tick apart.
import { stepProcesses } from '../../src/shell/session.js';
import type { ProcInfo } from '../../src/shell/proc.js';

// Process ids no machine has, so that no /proc/PID/environ marks them: they are told apart by time and `$!` alone.
const SHELL = 4_000_000_001;
const child = (pid: number, startTicks: number): ProcInfo => ({ pid, ppid: SHELL, state: 'S', startTicks });
const marks = { seq: 5, sinceTicks: 1000, lastBackground: 4_000_000_100 };

describe('the processes a step started', () => {
  test('leave out an earlier step\'s background job dated one tick after the step began (the clocks round apart)', () => {
    expect(stepProcesses(SHELL, marks, 'token', [child(4_000_000_100, 1001)])).toEqual([]);
  });

  test('take in a child newer than every earlier `$!` even when dated one tick before the step began', () => {
    expect(stepProcesses(SHELL, marks, 'token', [child(4_000_000_200, 999)])).toEqual([4_000_000_200]);
  });

  test('take in a child dated well after the step began, whatever its id (ids wrap)', () => {
    expect(stepProcesses(SHELL, marks, 'token', [child(4_000_000_050, 1002)])).toEqual([4_000_000_050]);
  });

  test('leave out an earlier job dated well before the step began', () => {
    expect(stepProcesses(SHELL, marks, 'token', [child(4_000_000_300, 900)])).toEqual([]);
  });
});
