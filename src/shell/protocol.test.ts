// The protocol's text: what the runner writes to the shell and how it reads the reports back.
import { CONTROL_FD, END_PATH, endReport, parseReport, savedLine, shellQuote, sourceWord, startLine, stepLine, stepText, STEP_VAR } from './protocol.js';

const secret = 'a'.repeat(32);
const savingSecret = 'b'.repeat(32);
const token = 'd'.repeat(32);

describe('shellQuote', () => {
  test('quotes a path with spaces and single quotes so bash reads it back as one word', () => {
    expect(shellQuote("/tmp/it's here")).toBe("'/tmp/it'\\''s here'");
    expect(shellQuote('')).toBe("''");
  });
});

describe('the line a command runs in', () => {
  const line = stepLine(secret, 7, { stepFile: '/shm/ctl/step.7.sh', outFile: '/tmp/out dir/out.7', stateFile: '/shm/ctl/state.1' }, token);

  test('is one line: bash reads it whole before the step runs', () => {
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
  });

  test('sets the descriptors with exec, marks the step, reports its start, runs it, has bash report its end, then saves and reports that', () => {
    const order = ['set +xv', `exec </dev/null >|'/tmp/out dir/out.7' 2>&1`, `export ${STEP_VAR}=7`, `'\\036%s %s started\\n' ${secret} 7 >&${CONTROL_FD}`, sourceWord('/shm/ctl/step.7.sh'), endReport(token, 7), '__istio_doctest_after', 'set +o history', savedLine(token, 7, '"$__istio_doctest_t"', '"$__istio_doctest_c"')];
    const at = order.map((part) => line.indexOf(part));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('has nothing between the step and its end report: `$?` is the step\'s own status', () => {
    expect(line).toContain(`${sourceWord('/shm/ctl/step.7.sh')}; ${endReport(token, 7)}`);
    expect(endReport(token, 7)).toContain(`<"${END_PATH} ${token} 7 $? \${!:-0}"`);
  });

  test('keeps the end token out of every simple command before the end report (a DEBUG trap sees those)', () => {
    const beforeSave = line.slice(0, line.indexOf(savedLine(token, 7, '"$__istio_doctest_t"', '"$__istio_doctest_c"'))).replace(endReport(token, 7), '');
    expect(beforeSave).not.toContain(token);
    expect(endReport(token, 7).startsWith('(( 0 )) ')).toBe(true);
  });

  test('names the state file the step saves to', () => {
    expect(line).toContain("__istio_doctest_f='/shm/ctl/state.1' __istio_doctest_n=7");
  });
});

describe('the text of a step\'s file', () => {
  test('puts the page\'s history, verbose and tracing options back on the command\'s first line, tracing last', () => {
    const text = stepText('kubectl get pods\nkubectl get svc');
    const [first, second] = text.split('\n');
    expect(first.endsWith('set -x; kubectl get pods')).toBe(true);
    expect(first.startsWith('[[ ${__istio_doctest_x-} == p ]] || unset POSIXLY_CORRECT; ')).toBe(true);
    expect(first.indexOf('set -o history')).toBeLessThan(first.indexOf('set -v'));
    expect(first.indexOf('set -v')).toBeLessThan(first.indexOf('set -x'));
    expect(second).toBe('kubectl get svc');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('the first line of a shell', () => {
  test('restores a saved state only when there is one, and reports ready as its command', () => {
    const fresh = startLine({ cwd: '/work', traps: '/shm/traps', secret, savingSecret, seq: 1, token });
    expect(fresh).not.toContain('source ');
    expect(fresh).toContain(`${endReport(token, 1, '0')}; ${savedLine(token, 1, '0')}`);
    const replaced = startLine({ cwd: '/work', stateFile: '/shm/state.0', traps: '/shm/traps', secret, savingSecret, seq: 9, token });
    expect(replaced).toContain("source '/shm/state.0' >/dev/null 2>&1; ");
  });

  test('keeps the result secret out of the traps, which a step can read', () => {
    const fresh = startLine({ cwd: '/work', traps: '/shm/traps', secret, savingSecret, seq: 1, token });
    const traps = fresh.slice(0, fresh.indexOf(endReport(token, 1, '0')));
    expect(traps).not.toContain(secret);
    expect(traps).toContain(savingSecret);
  });
});

describe('reading reports', () => {
  const end = (seq: number, status: number, bg = 0, t = token) => `/bin/bash: line 1: ${END_PATH} ${t} ${seq} ${status} ${bg}: Not a directory`;

  test('an end is bash\'s own message: the token, the number, the status and the last background process', () => {
    expect(parseReport(end(4, 2, 1234), secret, savingSecret)).toEqual({ kind: 'ended', token, seq: 4, status: 2, background: 1234 });
    // Whatever the message's prefix ($0, a translated "line") and the error's text (the locale's).
    expect(parseReport(`x: ligne 3: ${END_PATH} ${token} 4 0 0: N'est pas un dossier`, secret, savingSecret)).toMatchObject({ kind: 'ended', status: 0 });
  });

  test('a start carries the secret; a save carries the token and says whether the state was saved and the output captured', () => {
    expect(parseReport(`\x1e${secret} 4 started`, secret, savingSecret)).toEqual({ kind: 'started', seq: 4 });
    expect(parseReport(`\x1e${token} 4 saved 0 0`, secret, savingSecret)).toEqual({ kind: 'saved', token, seq: 4, saving: 'saved', captured: true });
    expect(parseReport(`\x1e${token} 4 saved 0 1`, secret, savingSecret)).toMatchObject({ captured: false });
    expect(parseReport(`\x1e${token} 4 saved d 0`, secret, savingSecret)).toMatchObject({ saving: 'deferred' });
    expect(parseReport(`\x1e${token} 4 saved 1 0`, secret, savingSecret)).toMatchObject({ saving: 'failed' });
  });

  test('text a step wrote before the report on the same line does not hide it', () => {
    expect(parseReport(`no newline at the end${end(5, 1)}`, secret, savingSecret)).toMatchObject({ kind: 'ended', seq: 5, status: 1 });
  });

  test('the old end line with the secret, a line with another secret, or the saving secret never reads as an end', () => {
    expect(parseReport(`\x1e${secret} 5 0 0 0 0`, secret, savingSecret)).toEqual({ kind: 'foreign' });
    expect(parseReport(`\x1e${'c'.repeat(32)} 5 started`, secret, savingSecret)).toEqual({ kind: 'foreign' });
    expect(parseReport(`\x1e${savingSecret} 5 0 0 0`, secret, savingSecret)).toEqual({ kind: 'saving' });
  });
});
