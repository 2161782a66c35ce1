// What a page does to its shell changes nothing but its own steps' output: the runner's own lines (its secret, its
// folders) never reach a step's output or the reports under `set -x`; `set -o history` shows a step no runner line to
// forge its end with; a step whose output cannot be captured (`ulimit -n`) fails and says why. Through the real CLI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, runCli } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 60000);

// Writes a page whose steps are the given commands (with their expected output), one block each; returns its path.
function page(dir: string, steps: [string, string?][]): string {
  const folder = join(dir, 'content', 'en', 'docs', 'verdict');
  mkdirSync(folder, { recursive: true });
  const blocks = steps.map(([command, expected]) => `{{< text bash >}}\n$ ${command}\n${expected ? `${expected}\n` : ''}{{< /text >}}\n`);
  writeFileSync(join(folder, 'index.md'), `---\ntitle: Verdict\ntest: yes\n---\n\n## Steps\n\n${blocks.join('\n')}`);
  return join(folder, 'index.md');
}

describe('a page that turns on tracing (istio.io\'s virtual-machine/common.sh runs `set -x`)', () => {
  test('sees only its own commands traced: no runner line, secret or runner folder in any later output, JSON or JUnit', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const junit = join(cluster.dir, 'junit.xml');
    const file = page(cluster.dir, [['set -x'], ['echo two'], ['false']]);
    const { code, stdout } = await runCli(['run', '--json', json, '--junit', junit, file], cluster.env);
    expect(code).toBe(1);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((e) => e.status)).toEqual(['passed', 'passed', 'failed']);
    // The failing step's output, as reported: its own trace line only.
    expect(steps[2].output).toBe('++ false\n');
    const runner = /__istio_doctest|ISTIO_DOCTEST_STEP|\\036|builtin printf|istio-doctest-ctl|step\.\d+\.sh/;
    for (const text of [stdout, readFileSync(json, 'utf8'), readFileSync(junit, 'utf8')]) expect(text).not.toMatch(runner);
  });
});

describe('a page that turns on history', () => {
  test('finds no runner line in it to forge a failing step\'s end with', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    // Every hex token of 32 characters in the history is sent back as this step's end with status 0.
    const forge = `for s in $(history | grep -o '[0-9a-f]\\{32\\}' | sort -u); do printf '\\036%s %s 0 0 0 0\\n' "$s" "$ISTIO_DOCTEST_STEP" >&254; done; false`;
    const file = page(cluster.dir, [['set -o history'], ['echo between'], [forge]]);
    const { code } = await runCli(['run', '--json', json, file], cluster.env);
    expect(readEvents(json).filter((e) => e.type === 'step').map((e) => e.status)).toEqual(['passed', 'passed', 'failed']);
    expect(code).toBe(1);
  });
});

describe('a page that leaves its shell too few descriptors (`ulimit -n 5`)', () => {
  test('has its later steps fail with the reason, not pass on the output of an earlier step\'s file', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const file = page(cluster.dir, [['ulimit -n 5'], ['echo Error; true']]);
    const { code } = await runCli(['run', '--json', json, file], cluster.env);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((e) => e.status)).toEqual(['passed', 'failed']);
    expect(steps[1].message).toMatch(/its output could not be captured: the shell could not open its output file/);
    expect(code).toBe(1);
  });
});

// Pages written to attack the runner from inside its shell: an earlier step installs a hook, a later step fails
// honestly. Each hook ran in the same bash as the runner's end-of-step report and turned that failure into a pass.
describe('a page that hooks the shell to change a later step\'s verdict', () => {
  // Rewrites the status variable and replays every 32-hex token it sees in a runner command as a passing end report.
  const debugTrap =
    `shopt -s extdebug; trap 'if [[ $BASH_COMMAND == *__istio_doctest* || $BASH_COMMAND == *printf* ]]; then __istio_doctest_s=0; ` +
    `for s in $(grep -o "[0-9a-f]\\{32\\}" <<<"$BASH_COMMAND"); do printf "\\036%s %s 0 0 0 0\\n" "$s" "$ISTIO_DOCTEST_STEP" >&254; done; fi' DEBUG`;
  // Receives the runner's \`builtin printf\` report (secret included) and prints it with status 0.
  const builtinFunction =
    `builtin() { if [[ $1 == printf && $# -ge 7 ]]; then local a=("$@"); a[4]=0; command builtin "\${a[@]}"; else command builtin "$@"; fi; }`;
  test.each([
    ['a DEBUG trap (extdebug) that rewrites the status and replays the secret', debugTrap],
    ['a function named `builtin` that rewrites the report', builtinFunction],
    ['functions named `source` and `.` that run nothing', 'source() { return 0; }; .() { return 0; }'],
  ])('%s: the failing step still fails', async (_name, hook) => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const file = page(cluster.dir, [[hook], ['echo between'], ['false']]);
    const { code } = await runCli(['run', '--step-timeout', '20s', '--json', json, file], cluster.env);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((e) => e.status)).toEqual(['passed', 'passed', 'failed']);
    expect(code).toBe(1);
  }, 120000);

  // Hooks that garble the runner's own line (an alias it expands, a variable it cannot assign) at most keep the runner
  // from hearing a step's end: that step times out, a failure; no later step passes on it.
  test.each([
    ['an alias for `source` that runs nothing', `shopt -s expand_aliases; alias source='true #'`],
    ['a readonly status variable', 'readonly __istio_doctest_s=0'],
  ])('%s: no step after it passes without running', async (_name, hook) => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const file = page(cluster.dir, [[hook], ['false']]);
    const { code } = await runCli(['run', '--step-timeout', '5s', '--json', json, file], cluster.env);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.slice(1).every((e) => e.status !== 'passed')).toBe(true);
    expect(steps.some((e) => e.status === 'failed' || e.status === 'timeout')).toBe(true);
    expect(code).toBe(1);
  }, 120000);
});

describe('a page that keeps history on around the runner\'s lines and forges an end from it', () => {
  test('is caught: bash\'s own end report differs from the forged one, and the step fails saying so', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    // The DEBUG trap skips the runner's `set +o history`, so each runner line enters the history; before a step's first
    // command it finds that line's end token there and writes a passing end report with it.
    const hook =
      `shopt -s extdebug; set -o history; trap 'if [[ $BASH_COMMAND == "set +o history" ]]; then false; else ` +
      `t=$(history | grep -o "istio-doctest-end [0-9a-f]\\{32\\} $ISTIO_DOCTEST_STEP " | tail -1); ` +
      `if [[ -n $t && $t != "\${last-}" ]]; then last=$t; printf "x: /dev/null/%s0 0: Not a directory\\n" "$t" >&254; fi; true; fi' DEBUG`;
    const file = page(cluster.dir, [[hook], ['echo between'], ['false']]);
    const { code } = await runCli(['run', '--step-timeout', '20s', '--json', json, file], cluster.env);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((e) => e.status)).toEqual(['passed', 'passed', 'failed']);
    expect(steps[2].message).toMatch(/its end was reported twice with different statuses/);
    expect(code).toBe(1);
  }, 120000);
});

// Known gaps (docs/session.md, "What a page can still do"): these still turn a failing step into a pass. The tests
// hold today's behaviour so that closing a gap shows here (turn its expectation into a failure then).
describe('known gaps: hooks that still make a failing step pass', () => {
  test.each([
    ['`enable -n .` with a function named `.`', 'enable -n . source; .() { return 0; }'],
    ['a DEBUG trap that exits the shell with status 0 before the step', `shopt -s extdebug; trap '[[ $BASH_COMMAND == false ]] && exit 0; :' DEBUG`],
  ])('%s', async (_name, hook) => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const file = page(cluster.dir, [[hook], ['false']]);
    await runCli(['run', '--step-timeout', '20s', '--json', json, file], cluster.env);
    expect(readEvents(json).filter((e) => e.type === 'step').map((e) => e.status)).toEqual(['passed', 'passed']);
  }, 120000);
});
