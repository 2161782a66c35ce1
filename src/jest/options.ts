// The Jest runner's options: `globals.doctest` in the Jest project config (Jest 29 passes no options to a runner and
// rejects unknown top-level keys), with environment variables overriding them, gathered under the option ids of `run`
// and checked by the application's one option schema; problems are worded with the names Jest users set.
import { problemLine, readRunOptions, RUN_OPTIONS, type OptionId, type OptionNames, type RawRunOptions, type RunOptions } from '../app/run-options.js';
import type { Wording } from '../app/wording.js';

/** The option ids the Jest runner offers, by their `globals.doctest` key. */
const BY_KEY = new Map(Object.entries(RUN_OPTIONS as Record<OptionId, OptionNames>).flatMap(([id, names]) => (names.jest ? [[names.jest, id as OptionId]] : [])));

/** Environment variables that override `globals.doctest`, by `globals.doctest` key. */
export const ENV_OVERRIDES = Object.fromEntries(Object.values(RUN_OPTIONS as Record<OptionId, OptionNames>).flatMap((names) => (names.jest && names.env ? [[names.jest, names.env]] : []))) as Record<string, string>;

/** Reads the options from the project's `globals.doctest` and the environment; bad values are one message naming them. */
export function readJestOptions(raw: unknown, env: NodeJS.ProcessEnv): { ok: true; options: RunOptions } | { ok: false; message: string } {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) return { ok: false, message: `globals.doctest: expected an object, got ${JSON.stringify(raw)}` };
  const config = (raw as Record<string, unknown> | undefined) ?? {};
  const unknown = Object.keys(config).filter((key) => !BY_KEY.has(key));
  if (unknown.length > 0) return { ok: false, message: `globals.doctest: unknown option ${unknown.map((k) => `'${k}'`).join(', ')} (known: ${[...BY_KEY.keys()].join(', ')})` };
  const values: RawRunOptions = {};
  for (const [key, id] of BY_KEY) {
    const fromEnv = ENV_OVERRIDES[key] === undefined ? undefined : env[ENV_OVERRIDES[key]];
    // `ISTIO_DOCTEST_TABS=a=b,c=d`: the pairs as a list, as the CLI's repeated `--tab`.
    if (fromEnv) values[id] = id === 'tabs' ? fromEnv.split(',').map((pair) => pair.trim()).filter(Boolean) : fromEnv;
    else if (config[key] !== undefined) values[id] = config[key];
  }
  const read = readRunOptions(values);
  if (!read.ok) return { ok: false, message: read.problems.map((problem) => problemLine(problem, jestName(problem.option))).join('; ') };
  return { ok: true, options: read.options };
}

/** The Jest runner's names for the options of `run`: `globals.doctest` keys and their environment variables. */
export const JEST_WORDING: Wording = {
  name: jestName,
  setting: (id, value) => {
    const { jest, env } = RUN_OPTIONS[id] as OptionNames;
    if (value === 'DIR' || value === 'FILE') return `globals.doctest.${jest ?? id}${env ? ` or ${env}` : ''}`;
    return `globals.doctest.${jest ?? id}: ${value === true ? 'true' : value}`;
  },
};

// `globals.doctest.KEY (or ENV_VAR)`: where a value comes from, for messages.
function jestName(id: OptionId): string {
  const { jest, env } = RUN_OPTIONS[id] as OptionNames;
  return `globals.doctest.${jest ?? id}${env ? ` (or ${env})` : ''}`;
}
