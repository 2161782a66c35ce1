// The options of `run`, once: each option's id, its type, limits and default, checked by one zod schema. The faces
// (the CLI's flags, the Jest runner's `globals.doctest` and environment variables) only gather raw values under these
// ids and word the problems for their users; what is accepted, refused and defaulted is decided here, for both.
import { statSync } from 'node:fs';
import { z } from 'zod';
import { MAX_TIMEOUT_MS, parseDuration, parseTimeout } from '../config/duration.js';
import { LANGUAGE } from '../page/site-path.js';

/** Which face offers an option: both, only the CLI, or only the Jest runner. */
export type Face = 'cli' | 'jest';

/** How a face names an option: the CLI's flag, the Jest runner's `globals.doctest` key and environment variable. */
export interface OptionNames {
  /** `--step-timeout` without the dashes; for a switch that turns a default `true` off, the `no-` flag. */
  cli?: string;
  jest?: string;
  env?: string;
}

/** The options of `run` and how each face names them (an option a face lacks has no name there). */
export const RUN_OPTIONS = {
  all: { cli: 'all', jest: 'all' },
  langs: { cli: 'lang' },
  shard: { cli: 'shard' },
  tabs: { cli: 'tab', jest: 'tabs', env: 'ISTIO_DOCTEST_TABS' },
  keepGoing: { cli: 'keep-going', jest: 'keepGoing' },
  dryRun: { cli: 'dry-run' },
  istioDir: { cli: 'istio-dir', jest: 'istioDir', env: 'ISTIO_DIR' },
  context: { cli: 'context', jest: 'context', env: 'ISTIO_DOCTEST_CONTEXT' },
  allowContext: { cli: 'allow-context', jest: 'allowContext' },
  vars: { cli: 'vars', jest: 'vars' },
  reference: { cli: 'reference', jest: 'reference', env: 'ISTIO_DOCTEST_REFERENCE' },
  stepTimeout: { cli: 'step-timeout', jest: 'stepTimeout', env: 'ISTIO_DOCTEST_STEP_TIMEOUT' },
  retryTimeout: { cli: 'retry-timeout', jest: 'retryTimeout', env: 'ISTIO_DOCTEST_RETRY_TIMEOUT' },
  wait: { cli: 'no-wait', jest: 'wait' },
  junit: { cli: 'junit' },
  json: { cli: 'json' },
  record: { cli: 'record', jest: 'record', env: 'ISTIO_DOCTEST_RECORD' },
  summary: { cli: 'summary', jest: 'summary', env: 'ISTIO_DOCTEST_SUMMARY' },
  update: { cli: 'update' },
  setup: { cli: 'setup', jest: 'setup', env: 'ISTIO_DOCTEST_SETUP' },
  scripts: { cli: 'scripts', jest: 'scripts', env: 'ISTIO_DOCTEST_SCRIPTS' },
  repoRoot: { cli: 'repo-root', jest: 'repoRoot', env: 'ISTIO_DOCTEST_REPO_ROOT' },
  snapshot: { cli: 'no-snapshot', jest: 'snapshot' },
  uncoveredPages: { cli: 'uncovered-pages', jest: 'uncoveredPages' },
  skipUnlessCluster: { jest: 'skipUnlessCluster' },
} as const satisfies Record<string, OptionNames>;

export type OptionId = keyof typeof RUN_OPTIONS;

/** The option ids, in the table's order. */
export const OPTION_IDS = Object.keys(RUN_OPTIONS) as OptionId[];

export const SCRIPT_MODES = ['auto', 'only', 'off'] as const;
export type ScriptMode = (typeof SCRIPT_MODES)[number];

export const UPDATE_VALUES = ['apply', 'dry'] as const;
export type UpdateValue = (typeof UPDATE_VALUES)[number];

/** A value refused, keyed by its option: the face puts the option's name in front (`NAME VALUE: MESSAGE` when the
 * value is the subject, as for folders; `NAME: MESSAGE` otherwise; `NAME MESSAGE` when the message reads on). */
export interface OptionProblem {
  option: OptionId;
  message: string;
  /** The value the message is about, shown after the name (`--istio-dir /opt/istio: no such folder`). */
  subject?: string;
  /** The message continues the name without a colon (`--reference needs a language such as en`). */
  continues?: true;
}

// A problem of the value being checked, raised as a zod issue carrying the parts a face words.
function refuse(ctx: z.RefinementCtx, message: string, extra: { subject?: string; continues?: true } = {}): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: extra });
  return z.NEVER;
}

// A value as messages show it: strings quoted, anything else as JSON.
function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

// true or false, with a default.
function flag(fallback: boolean) {
  return z.unknown().optional().transform((raw, ctx): boolean => {
    if (raw === undefined) return fallback;
    if (typeof raw === 'boolean') return raw;
    return refuse(ctx, `expected true or false, got ${shown(raw)}`);
  });
}

// A text (an empty one counts as unset), optional.
function text() {
  return z.unknown().optional().transform((raw, ctx): string | undefined => {
    if (raw === undefined || raw === '') return undefined;
    if (typeof raw === 'string') return raw;
    return refuse(ctx, `expected a string, got ${shown(raw)}`);
  });
}

// A time-out in milliseconds: a duration text (`30s`, `2m`, `1m30s`, a bare number of seconds) or a number of
// milliseconds; positive (or 0, one attempt, where `zero` allows it) and no longer than a timer can wait.
function timeout(fallback: number, zero: boolean) {
  return z.unknown().optional().transform((raw, ctx): number => {
    if (raw === undefined || raw === '') return fallback;
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw) || raw < 0 || (raw === 0 && !zero)) return refuse(ctx, `expected a duration longer than 0, got ${raw}`);
      if (raw > MAX_TIMEOUT_MS) return refuse(ctx, `at most ${MAX_TIMEOUT_MS} milliseconds (the longest a timer can wait), got ${raw}`);
      return raw;
    }
    if (typeof raw !== 'string') return refuse(ctx, `expected a duration such as 30s, 2m or 1h (or milliseconds as a number), got ${shown(raw)}`);
    if (zero && parseDuration(raw) === 0) return 0;
    const parsed = parseTimeout(raw);
    return parsed.ok ? parsed.ms : refuse(ctx, parsed.message);
  });
}

// A folder that exists, optional.
function folder() {
  return text().transform((path, ctx): string | undefined => {
    if (path === undefined) return undefined;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return refuse(ctx, 'no such folder', { subject: path });
    if (!stat.isDirectory()) return refuse(ctx, 'not a folder (a file)', { subject: path });
    return path;
  });
}

// `CATEGORY=VALUE` pairs (a list, as the CLI repeats `--tab`) or an object of strings, as the chosen tab per category.
const tabs = z.unknown().optional().transform((raw, ctx): Record<string, string> => {
  if (raw === undefined) return {};
  if (Array.isArray(raw)) {
    const chosen: Record<string, string> = {};
    for (const pair of raw) {
      const eq = typeof pair === 'string' ? pair.indexOf('=') : -1;
      if (eq <= 0) return refuse(ctx, `expected CATEGORY=VALUE (e.g. config-api=gateway-api), got ${shown(pair)}`);
      chosen[(pair as string).slice(0, eq)] = (pair as string).slice(eq + 1);
    }
    return chosen;
  }
  if (typeof raw === 'object' && raw !== null && Object.values(raw).every((v) => typeof v === 'string')) return { ...(raw as Record<string, string>) };
  return refuse(ctx, `expected CATEGORY=VALUE pairs or an object of strings, e.g. { "config-api": "gateway-api" }, got ${shown(raw)}`);
});

/** What `setup` says: manage each group's setup config (default) or keep the cluster as it is; and the one config to
 * run (`only=CONFIG`), if any. */
export interface SetupChoice {
  mode: 'manage' | 'keep';
  only?: string;
}

const setup = text().transform((value, ctx): SetupChoice => {
  if (value === undefined) return { mode: 'manage' };
  if (value === 'keep') return { mode: 'keep' };
  const only = /^only=(.+)$/.exec(value);
  if (only) return { mode: 'manage', only: only[1] };
  return refuse(ctx, `expected keep or only=CONFIG (e.g. only=profile=default), got '${value}'`);
});

const scripts = text().transform((value, ctx): ScriptMode => {
  if (value === undefined) return 'auto';
  if ((SCRIPT_MODES as readonly string[]).includes(value)) return value as ScriptMode;
  return refuse(ctx, `expected one of ${SCRIPT_MODES.join(', ')}, got '${value}'`);
});

const reference = text().transform((value, ctx): string => {
  if (value === undefined) return 'en';
  if (LANGUAGE.test(value) || value === 'none') return value;
  return refuse(ctx, `needs a language such as en (or none), not '${value}'`, { continues: true });
});

const allowContext = text().transform((value, ctx): RegExp | undefined => {
  if (value === undefined) return undefined;
  try {
    return new RegExp(value);
  } catch (error) {
    return refuse(ctx, `not a regular expression: ${(error as Error).message}`);
  }
});

// `I/N` with 1 ≤ I ≤ N.
const shard = text().transform((value, ctx): { index: number; count: number } | undefined => {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || index < 1 || count < 1 || index > count) return refuse(ctx, `expected I/N with 1 ≤ I ≤ N (e.g. 2/4), got '${value}'`);
  return { index, count };
});

// A comma-separated list of languages (`es,uk`), or undefined for all.
const langs = text().transform((value): string[] | undefined => (value === undefined ? undefined : value.split(',').map((l) => l.trim()).filter(Boolean)));

const update = text().transform((value, ctx): UpdateValue | undefined => {
  if (value === undefined) return undefined;
  if ((UPDATE_VALUES as readonly string[]).includes(value)) return value as UpdateValue;
  return refuse(ctx, `expected nothing or =dry, got '${value}'`);
});

/** The one schema of `run`'s options: raw values by option id in, the checked request out. */
export const runOptionsSchema = z.object({
  all: flag(false),
  langs,
  shard,
  tabs,
  keepGoing: flag(false),
  dryRun: flag(false),
  istioDir: folder(),
  context: text(),
  allowContext,
  vars: text(),
  reference,
  stepTimeout: timeout(300000, false),
  retryTimeout: timeout(120000, true),
  wait: flag(true),
  junit: text(),
  json: text(),
  record: text(),
  summary: text(),
  update,
  setup,
  scripts,
  repoRoot: folder(),
  snapshot: flag(true),
  uncoveredPages: flag(false),
  skipUnlessCluster: flag(false),
} satisfies Record<OptionId, z.ZodType>);

/** What `run` is asked to do, checked: every option with its default filled in (time-outs in milliseconds). */
export type RunOptions = z.output<typeof runOptionsSchema>;

/** Raw option values by id, as a face gathered them (strings, booleans, numbers, lists or objects). */
export type RawRunOptions = Partial<Record<OptionId, unknown>>;

/** Checks raw option values: the options, or every problem keyed by option id (none dropped, in the table's order). */
export function readRunOptions(raw: RawRunOptions): { ok: true; options: RunOptions } | { ok: false; problems: OptionProblem[] } {
  const parsed = runOptionsSchema.safeParse(raw);
  // `update` runs every step, as `jest -u` does: a failure that stopped the page would hide the ones after it.
  if (parsed.success) return { ok: true, options: { ...parsed.data, keepGoing: parsed.data.keepGoing || parsed.data.update !== undefined } };
  const problems = parsed.error.issues.map((issue): OptionProblem => {
    const params = (issue as { params?: { subject?: string; continues?: true } }).params ?? {};
    return { option: issue.path[0] as OptionId, message: issue.message, ...params };
  });
  problems.sort((a, b) => OPTION_IDS.indexOf(a.option) - OPTION_IDS.indexOf(b.option));
  return { ok: false, problems };
}

/** A problem as one line, under the name the face gives its option. */
export function problemLine(problem: OptionProblem, name: string): string {
  if (problem.continues) return `${name} ${problem.message}`;
  return problem.subject !== undefined ? `${name} ${problem.subject}: ${problem.message}` : `${name}: ${problem.message}`;
}
