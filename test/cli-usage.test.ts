// The command line under bad input, through the real CLI: usage errors are one line and a pointer to the help
// (exit 2) the same way in every sub-command, inputs that once crashed or hung get a clear line, and an error
// nothing expected is one "internal error" line with its own exit code (70), never a stack trace.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli-harness.js';

const esPage = 'content/es/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';
const enPage = 'content/en/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';
const pointer = (command: string) => `Run \`istio-doctest ${command} --help\` for usage.\n`;
const scratch = () => mkdtempSync(join(tmpdir(), 'doctest-usage-'));

describe('usage errors are one line and where the help is, exit 2, in every sub-command', () => {
  test.each(['check', 'extract', 'drift', 'run'])('%s: a PATH that does not exist', async (command) => {
    expect(await cli([command, 'no/such/dir'])).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: no/such/dir: no such file or folder\n${pointer(command)}` });
  });

  test.each(['check', 'extract', 'drift', 'run'])('%s: a --vars file that does not exist', async (command) => {
    const { code, stdout, stderr } = await cli([command, '--vars', 'no/such/args.yml', esPage]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^istio-doctest: --vars: cannot read vars file no/such/args\\.yml: .*\\n${pointer(command).replace(/[`.]/g, '\\$&')}$`));
  });

  test.each(['check', 'extract', 'drift', 'run'])('%s: a folder with no pages says so', async (command) => {
    const dir = scratch();
    expect(await cli([command, dir])).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: no pages found in ${dir} (files, or folders searched for *.md)\n${pointer(command)}` });
  });

  test.each([
    ['run', true],
    ['extract', true],
    ['drift', false],
    ['sync', false],
    ['report', false],
  ])('%s: a --reference that is not a language folder name', async (command, allowsNone) => {
    const extra = command === 'report' ? ['--html', join(scratch(), 'r.html')] : [];
    expect(await cli([command, ...extra, '--reference', '../en', esPage])).toEqual({
      code: 2,
      stdout: '',
      stderr: `istio-doctest: --reference needs a language such as en${allowsNone ? ' (or none)' : ''}, not '../en'\n${pointer(command)}`,
    });
  });

  test('run --dry-run with --junit and --summary says in one line that they are not written, and writes neither', async () => {
    const dir = scratch();
    const { code, stderr } = await cli(['run', '--dry-run', '--junit', join(dir, 'junit.xml'), '--summary', join(dir, 'summary.md'), esPage]);
    expect(code).toBe(0);
    expect(stderr).toContain('istio-doctest: --junit and --summary are not written by --dry-run (nothing runs); --json writes the plan lines\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('drift on an English page, or on a page outside content/<lang>/, has nothing to compare', async () => {
    for (const path of [enPage, 'fixtures/pages/constructs.md']) {
      const { code, stdout, stderr } = await cli(['drift', path]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(/^istio-doctest: nothing to compare: no page in .* is a translation under content\/<lang>\/ other than en\n/);
    }
  });

  test('an unknown option prints the error and the pointer, not the whole help', async () => {
    const { code, stderr } = await cli(['run', '--frobnicate', esPage]);
    expect(code).toBe(2);
    expect(stderr).toBe(`istio-doctest: Unknown option '--frobnicate'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--frobnicate"\n${pointer('run')}`);
  });

  test('`istio-doctest help run` prints the help of run', async () => {
    const help = await cli(['help', 'run']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: istio-doctest run \[options\] PATH\.\.\./);
    expect((await cli(['help', 'frob'])).code).toBe(2);
  });
});

describe('option values', () => {
  // Every single-valued option of every command: the last value used to win silently. (Files named go to a scratch
  // folder and sync is a dry run, so that a regression writes nothing into the project.)
  const out = scratch();
  test.each([
    ['run', ['--dry-run', '--setup', 'keep', '--setup', 'only=profile=default'], "--setup given twice ('keep', then 'only=profile=default')"],
    ['run', ['--dry-run', '--json', join(out, 'a.jsonl'), '--json', join(out, 'b.jsonl')], `--json given twice ('${join(out, 'a.jsonl')}', then '${join(out, 'b.jsonl')}')`],
    ['run', ['--dry-run', '--scripts', 'only', '--scripts=off'], "--scripts given twice ('only', then 'off')"],
    ['check', ['--summary', join(out, 'a.md'), '--summary', join(out, 'b.md')], '--summary given twice'],
    ['extract', ['--format', 'json', '--format', 'snips'], '--format given twice'],
    ['drift', ['--fail-on', 'commands', '--fail-on', 'none'], '--fail-on given twice'],
    ['sync', ['--dry-run', '--only', 'all', '--only', 'outputs'], '--only given twice'],
    ['report', ['--html', join(out, 'a.html'), '--html', join(out, 'b.html')], '--html given twice'],
    ['match', ['--mode', 'same', '--mode', 'contains'], '--mode given twice'],
    ['cluster', ['up', '--name', 'a', '--name', 'b'], '--name given twice'],
  ])('%s: a single-valued option given twice is an error naming both values, and nothing runs', async (command, args, message) => {
    const { code, stdout, stderr } = await cli([command, ...args, ...(command === 'cluster' || command === 'match' ? [] : [esPage])]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`istio-doctest: ${stderr.split('\n')[0].slice('istio-doctest: '.length)}\n${pointer(command)}`);
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr).toContain('it takes one value');
  });

  test('run: options that collect values (--tab) and switches given twice are accepted', async () => {
    const { code, stderr } = await cli(['run', '--dry-run', '--all', '--all', '--tab', 'a=b', '--tab', 'c=d', enPage]);
    expect(stderr).not.toContain('given twice');
    expect(code).not.toBe(70);
  });

  test.each([
    ['--step-timeout', '36000m', "--step-timeout: at most 596h (the longest a timer can wait), got '36000m'"],
    ['--step-timeout', '0', "--step-timeout: expected a duration longer than 0, got '0'"],
    ['--step-timeout', '0s', "--step-timeout: expected a duration longer than 0, got '0s'"],
    ['--retry-timeout', 'soon', "--retry-timeout: expected a duration such as 30s, 2m or 1h, got 'soon'"],
  ])('%s %s is refused', async (flag, value, message) => {
    expect(await cli(['run', '--dry-run', flag, value, esPage])).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: ${message}\n${pointer('run')}` });
  });

  test('--retry-timeout 1h and --step-timeout 1m30s are durations', async () => {
    const { code, stdout } = await cli(['run', '--dry-run', '--retry-timeout', '1h', '--step-timeout', '1m30s', esPage]);
    expect(code).toBe(0);
    expect(stdout).toContain('retried until it matches or 1h pass, time-out 1m 30s');
  });

  test('--tab with a category or value no page has is an error listing those there are', async () => {
    const typo = await cli(['run', '--dry-run', '--tab', 'config-api=gatway-api', 'fixtures/pages/constructs.md']);
    expect(typo).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: --tab config-api=gatway-api: no tab 'gatway-api' in category config-api (values: gateway-api, istio-apis)\n${pointer('run')}` });
    const category = await cli(['run', '--dry-run', '--tab', 'config=gateway-api', 'fixtures/pages/constructs.md']);
    expect(category.stderr).toBe(`istio-doctest: --tab config=gateway-api: no tabset of category 'config' in these pages (categories: config-api)\n${pointer('run')}`);
    const chosen = await cli(['run', '--dry-run', '--tab', 'config-api=gateway-api', 'fixtures/pages/constructs.md']);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('tabs config-api=gateway-api');
  });
  test('--lang naming a language no page has (a typo: ua for uk) is an error naming the languages there are', async () => {
    const languages = "the pages' languages: en, es, uk, zh";
    expect(await cli(['run', '--lang', 'ua', 'content'])).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: --lang ua: no page here is in that language (${languages})\n${pointer('run')}` });
    expect(await cli(['run', '--dry-run', '--lang', 'es,ua,xx', 'content'])).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: --lang ua,xx: no page here is in those languages (${languages})\n${pointer('run')}` });
    // A language the site has but the pages given do not is the same typo for this run.
    expect((await cli(['run', '--dry-run', '--lang', 'en', esPage])).stderr).toBe(`istio-doctest: --lang en: no page here is in that language (the pages' languages: es)\n${pointer('run')}`);
    const uk = await cli(['run', '--dry-run', '--lang', 'uk', 'content']);
    expect(uk.code).toBe(0);
    expect(uk.stdout).toMatch(/content\/uk\//);
  });
});

describe('inputs that once crashed or hung', () => {
  test('run --dry-run of a page with a 200,000-line expected output prints it (no stack overflow)', async () => {
    const dir = scratch();
    const file = join(dir, 'content/en/docs/big/index.md');
    mkdirSync(join(dir, 'content/en/docs/big'), { recursive: true });
    const output = Array.from({ length: 200000 }, (_, i) => `${i + 1}`).join('\n');
    writeFileSync(file, `---\ntitle: big\ntest: yes\n---\n\n## Count\n\n{{< text bash >}}\n$ seq 200000\n${output}\n{{< /text >}}\n`);
    const { code, stdout, stderr } = await cli(['run', '--dry-run', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n +200000\n\n1 page would run, 1 step; nothing was run\n$/);
    expect(stdout).toContain('[en] 1 step; programs: seq');
  });

  test('extract --out-dir on a file, below a file, or under /proc is refused before anything is written', async () => {
    const dir = scratch();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const [outDir, why] of [
      [file, 'it is a file, not a folder'],
      [join(file, 'below'), `${file} is a file, not a folder`],
      ['/proc/self/snips', 'not a place for files (a kernel file system)'],
    ]) {
      const result = await cli(['extract', '--format', 'snips', '--out-dir', outDir, esPage]);
      expect(result).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: --out-dir ${outDir}: ${why}\n${pointer('extract')}` });
    }
  });

  test('an error nothing expected is one line asking for a report, exit 70, the stack only with DEBUG', async () => {
    const inputs = await import('../src/cli/inputs.js');
    const spy = jest.spyOn(inputs, 'loadInputs').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'file')\n    at somewhere (x.js:1:1)");
    });
    try {
      const { code, stderr } = await cli(['check', esPage]);
      expect(code).toBe(70);
      expect(stderr).toBe("istio-doctest: internal error: TypeError: Cannot read properties of undefined (reading 'file'); please report it (set DEBUG=1 for the stack trace)\n");
      process.env.DEBUG = '1';
      expect((await cli(['check', esPage])).stderr).toMatch(/please report it.*\nTypeError: Cannot read properties.*\n\s+at /);
    } finally {
      delete process.env.DEBUG;
      spy.mockRestore();
    }
  });
});
