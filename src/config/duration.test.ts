import { formatDuration, MAX_TIMEOUT_MS, parseDuration, parseTimeout } from './duration.js';

describe('durations', () => {
  test.each([
    ['500ms', 500], ['30s', 30000], ['2m', 120000], ['1h', 3600000], ['1m30s', 90000], ['1.5m', 90000], ['90', 90000], [' 5m ', 300000], ['0', 0], ['0s', 0],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  test.each(['', 'soon', '5 m', '-1s', '1d', '5m-', 'm'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeNaN());

  test('a time-out is positive, and no longer than a timer can wait: 0 and 0s are refused alike, 36000m too', () => {
    expect(parseTimeout('0')).toEqual({ ok: false, message: "expected a duration longer than 0, got '0'" });
    expect(parseTimeout('0s')).toEqual({ ok: false, message: "expected a duration longer than 0, got '0s'" });
    expect(parseTimeout('36000m')).toEqual({ ok: false, message: "at most 596h (the longest a timer can wait), got '36000m'" });
    expect(parseTimeout('596h')).toEqual({ ok: true, ms: 596 * 3600000 });
    expect(parseTimeout('1h')).toEqual({ ok: true, ms: 3600000 });
    expect(596 * 3600000).toBeLessThanOrEqual(MAX_TIMEOUT_MS);
  });

  test.each([
    [850, '850ms'], [4230, '4.2s'], [5000, '5s'], [120000, '2m'], [125000, '2m 05s'], [3600000, '1h'], [3720000, '1h 02m'],
  ])('%d ms is written %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  test('what is written reads back as the same duration when it is whole', () => {
    for (const ms of [500, 5000, 120000, 125000, 3600000, 3720000]) expect(parseDuration(formatDuration(ms).replace(' ', ''))).toBe(ms);
  });
});
