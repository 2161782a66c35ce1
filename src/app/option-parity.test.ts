// Every option `run` and the Jest runner share is accepted, refused and defaulted the same way through both faces:
// the CLI's flags (`readRunArgs`) and the Jest runner's `globals.doctest` and environment (`readJestOptions`). The
// test walks the option table, so an option added to both faces without cases here fails it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRunArgs } from '../cli/run.js';
import { readJestOptions } from '../jest/options.js';
import { OPTION_IDS, RUN_OPTIONS, type OptionId, type OptionNames } from './run-options.js';

const scratch = mkdtempSync(join(tmpdir(), 'istio-doctest-parity-'));
const aFile = join(scratch, 'README.md');
writeFileSync(aFile, '# not a folder\n');
const missing = join(scratch, 'no-such-folder');

/** Values of each shared option: given as text (a flag's argument, an environment variable, a `globals.doctest`
 * string); `true`/`false` for switches (the CLI can only say the one that is not the default). */
const CASES: Record<string, { accepted: (string | boolean)[]; refused: string[] }> = {
  all: { accepted: [true], refused: [] },
  tabs: { accepted: ['config-api=gateway-api'], refused: ['gateway-api', '=linux'] },
  keepGoing: { accepted: [true], refused: [] },
  istioDir: { accepted: [scratch], refused: [missing, aFile] },
  context: { accepted: ['kind-doctest'], refused: [] },
  allowContext: { accepted: ['^ci-'], refused: ['(unclosed'] },
  vars: { accepted: ['data/args.yml'], refused: [] },
  reference: { accepted: ['zh', 'pt-br', 'none'], refused: ['../../etc', 'EN'] },
  stepTimeout: { accepted: ['30s', '90', '1m30s', '596h'], refused: ['1000h', '0', 'soon', '-5s'] },
  retryTimeout: { accepted: ['0', '0s', '2s', '120'], refused: ['1000h', 'soon'] },
  wait: { accepted: [false], refused: [] },
  summary: { accepted: ['summary.md'], refused: [] },
  setup: { accepted: ['keep', 'only=profile=demo'], refused: ['ambient', 'only='] },
  scripts: { accepted: ['auto', 'only', 'off'], refused: ['sometimes'] },
  repoRoot: { accepted: [scratch], refused: ['/etc/passwd', missing] },
  snapshot: { accepted: [false], refused: [] },
  record: { accepted: ['run-record.json'], refused: [] },
  uncoveredPages: { accepted: [true], refused: [] },
};

const shared = OPTION_IDS.filter((id) => (RUN_OPTIONS[id] as OptionNames).cli && (RUN_OPTIONS[id] as OptionNames).jest);

// The CLI's arguments for one value of an option (a PATH after them; paths are not read here).
function argv(id: OptionId, value: string | boolean): string[] {
  const flag = `--${(RUN_OPTIONS[id] as OptionNames).cli}`;
  if (typeof value === 'boolean') return [flag, 'page.md'];
  return [flag, value, 'page.md'];
}

// The ways the Jest runner can be given one value: its `globals.doctest` key, and its environment variable.
function jestReads(id: OptionId, value: string | boolean) {
  const { jest, env } = RUN_OPTIONS[id] as OptionNames;
  const reads = [{ how: `globals.doctest.${jest}`, read: readJestOptions({ [jest!]: id === 'tabs' && typeof value === 'string' ? [value] : value }, {}) }];
  if (env && typeof value === 'string') reads.push({ how: env, read: readJestOptions({}, { [env]: value }) });
  return reads;
}

// An option's value as compared: regular expressions by their source.
function comparable(value: unknown): unknown {
  return value instanceof RegExp ? value.source : value;
}

describe('run and the Jest runner take the same options', () => {
  test('every option both faces offer has cases here', () => {
    expect(shared.filter((id) => !CASES[id])).toEqual([]);
    expect(shared.length).toBeGreaterThanOrEqual(Object.keys(CASES).length);
  });

  test('with nothing given, every option has the same default through both faces', () => {
    const cli = readRunArgs(['page.md'], {});
    const jest = readJestOptions({}, {});
    if (!cli.ok || !jest.ok) throw new Error(`defaults refused: ${JSON.stringify([cli, jest])}`);
    for (const id of shared) expect({ id, value: comparable(jest.options[id]) }).toEqual({ id, value: comparable(cli.options[id]) });
  });

  const accepted = shared.flatMap((id) => (CASES[id]?.accepted ?? []).map((value) => [id, value] as const));
  test.each(accepted)('%s %p is accepted by both, as the same value', (id, value) => {
    const cli = readRunArgs(argv(id, value), {});
    expect(cli).toMatchObject({ ok: true });
    for (const { how, read } of jestReads(id, value)) {
      expect({ how, ok: read.ok }).toEqual({ how, ok: true });
      if (read.ok && cli.ok) expect({ how, value: comparable(read.options[id]) }).toEqual({ how, value: comparable(cli.options[id]) });
    }
  });

  const refused = shared.flatMap((id) => (CASES[id]?.refused ?? []).map((value) => [id, value] as const));
  test.each(refused)('%s %p is refused by both, each naming the option as its users set it', (id, value) => {
    const cli = readRunArgs(argv(id, value), {});
    expect(cli).toMatchObject({ ok: false, message: expect.stringContaining(`--${(RUN_OPTIONS[id] as OptionNames).cli}`) });
    for (const { how, read } of jestReads(id, value)) {
      expect({ how, ok: read.ok }).toEqual({ how, ok: false });
      if (!read.ok) expect(read.message).toContain(`globals.doctest.${(RUN_OPTIONS[id] as OptionNames).jest}`);
    }
  });
});
