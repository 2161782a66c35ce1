import type { ScriptStep } from '../istio/script-plan.js';
import { cleanOutput, judge, nestedFailure, verifySettings } from './script-verify.js';
import type { CommandResult } from '../shell/session.js';

const step = (mode: ScriptStep['verify']['mode'], arg?: string): ScriptStep => ({
  id: 'snip_a', index: 1, file: 'index.md', line: 3, blockLine: 2, command: 'kubectl get pods', expected: '', verify: arg === undefined ? { mode } : { mode, arg },
  retry: true, cleanup: false, section: '', script: 'test.sh', scriptLine: 5, kind: 'verify', run: 'snip_a',
});
const ran = (output: string, exitCode = 0): CommandResult => ({ output, exitCode, timedOut: false, interrupted: false, durationMs: 1, message: exitCode ? `exit code ${exitCode}` : '', restarted: false, droppedBytes: 0, stateSaved: true });

describe('verify.sh semantics of a verify step', () => {
  test('settings: the script\'s own, then the environment, then verify.sh\'s defaults (120 s, 1 s, 1)', () => {
    expect(verifySettings(undefined, {})).toEqual({ VERIFY_TIMEOUT: 120, VERIFY_DELAY: 1, VERIFY_CONSECUTIVE: 1 });
    expect(verifySettings({ VERIFY_TIMEOUT: '300' }, { VERIFY_TIMEOUT: '20', VERIFY_CONSECUTIVE: '3' })).toEqual({ VERIFY_TIMEOUT: 300, VERIFY_DELAY: 1, VERIFY_CONSECUTIVE: 3 });
    expect(verifySettings({ VERIFY_TIMEOUT: null }, { VERIFY_TIMEOUT: '20' })).toMatchObject({ VERIFY_TIMEOUT: 120 });
  });

  test('settings verify.sh could not use are refused with the reason; a delay takes sleep\'s suffixes', () => {
    expect(verifySettings(undefined, { VERIFY_DELAY: '0.5' })).toMatchObject({ VERIFY_DELAY: 0.5 });
    expect(verifySettings(undefined, { VERIFY_DELAY: '2m' })).toMatchObject({ VERIFY_DELAY: 120 });
    expect(verifySettings(undefined, { VERIFY_DELAY: '3s' })).toMatchObject({ VERIFY_DELAY: 3 });
    expect(verifySettings(undefined, { VERIFY_CONSECUTIVE: '0' })).toMatchObject({ VERIFY_CONSECUTIVE: 0 });
    expect(verifySettings({ VERIFY_TIMEOUT: '2m' }, {})).toEqual({ problem: 'VERIFY_TIMEOUT=2m is not a whole number of seconds, as verify.sh needs' });
    expect(verifySettings(undefined, { VERIFY_CONSECUTIVE: '-1' })).toMatchObject({ problem: expect.stringContaining('VERIFY_CONSECUTIVE=-1') });
  });

  test('the output loses carriage returns, trailing blanks and trailing newlines, as verify.sh\'s sed and $(...) do', () => {
    expect(cleanOutput('a  \r\nb\t\n\n')).toBe('a\nb');
  });

  test('same compares exactly; a failing command whose output matches still passes, as in verify.sh', () => {
    expect(judge(step('same'), 'NAME READY\ncurl 1/1', ran('NAME READY  \ncurl 1/1\n', 1)).ok).toBe(true);
    expect(judge(step('same'), 'curl 1/1', ran('curl 0/1\n')).ok).toBe(false);
  });

  test('not-contains also wants the snippet to succeed; failure wants a non-zero exit', () => {
    expect(judge(step('not-contains', ''), 'error', ran('all good\n')).ok).toBe(true);
    expect(judge(step('not-contains', ''), 'error', ran('all good\n', 1)).ok).toBe(false);
    expect(judge(step('failure'), '', ran('', 1)).ok).toBe(true);
    expect(judge(step('failure'), '', ran('')).ok).toBe(false);
  });

  test('like does not accept a shared name- prefix of another version (stricter than verify.sh)', () => {
    expect(judge(step('like'), 'reviews-v1-545db77b95-rdmsp 1/1 Running', ran('reviews-v1-5b67c7c6b9-pq2tz 1/1 Running')).ok).toBe(true);
    expect(judge(step('like'), 'reviews-v1-545db77b95-rdmsp 1/1 Running', ran('reviews-v2-5b67c7c6b9-pq2tz 1/1 Running')).ok).toBe(false);
  });

  test('a failed judgement carries the failing line: the expected text\'s line on the page when the plan knows it', () => {
    const pods = { ...step('same'), expectedLine: 4 };
    expect(judge(pods, 'NAME READY\ncurl 1/1', ran('NAME READY\ncurl 0/1\n')).failure).toMatchObject({ kind: 'line-differs', file: 'index.md', line: 5, commandLine: 3, expected: 'curl 1/1', actual: 'curl 0/1' });
    expect(judge(step('failure'), '', ran('')).failure).toMatchObject({ kind: 'unexpected-success', line: 3 });
  });
});

describe('the failing line of a nested verify call, from what it left beside the log', () => {
  const nested = { ...step('same'), expectedLine: 4, expected: 'NAME READY\ncurl 1/1' };

  test('its expected text and last output are compared again: the line that differs, on the page', () => {
    expect(nestedFailure(nested, 'same', { expected: 'NAME READY\ncurl 1/1', output: 'NAME READY  \r\ncurl 0/1\n' })).toMatchObject({ kind: 'line-differs', line: 5, commandLine: 3 });
  });

  test('a TEXT that is not found is an output difference at the snippet; a call with nothing left is told at its snippet', () => {
    const contains = { ...step('contains'), expected: '' };
    expect(nestedFailure(contains, 'contains', { expected: 'Running', output: 'Pending\n' })).toEqual({ kind: 'output-differs', file: 'index.md', line: 3, commandLine: 3, expected: 'Running', short: 'the output does not contain "Running"' });
    expect(nestedFailure(contains, 'failure')).toMatchObject({ kind: 'unexpected-success', line: 3 });
    expect(nestedFailure(contains, 'same')).toMatchObject({ kind: 'step-failed', line: 3 });
  });
});
