// The Jest runner's options: `globals.doctest` in the Jest project config (Jest 29 passes no options to a runner and
// rejects unknown top-level keys), with environment variables overriding them, checked into one typed record.
import { parseDuration } from '../config/duration.js';
import { readSetupOption } from '../cli/run.js';
import { SCRIPT_MODES, type ScriptMode } from '../cli/run-scripts.js';

/** What a project may set under `globals: { doctest: {...} }`. */
export interface DoctestJestOptions {
  /** Istio release or checkout the `@samples/...@` files are in (`ISTIO_DIR`). */
  istioDir?: string;
  /** Tab per tabset category, e.g. `{ 'config-api': 'gateway-api' }` (`ISTIO_DOCTEST_TABS=config-api=gateway-api,...`). */
  tabs: Record<string, string>;
  retryTimeoutMs: number;
  stepTimeoutMs: number;
  /** Language whose block ids and doctest.yaml translations take (`ISTIO_DOCTEST_REFERENCE`). */
  reference: string;
  /**
   * As `run --setup` (`ISTIO_DOCTEST_SETUP`): `manage` (unset) brings the cluster to each group's setup config before
   * it and back after; `keep` trusts the cluster as it is; `only=CONFIG` manages and runs only that config's pages.
   */
  setup: 'manage' | 'keep';
  /** The one setup config to run (`only=CONFIG`), or undefined for all. */
  setupOnly?: string;
  /** As `run --scripts` (`ISTIO_DOCTEST_SCRIPTS`): a page with istio.io test scripts runs them (`auto`), only such pages
   * run (`only`), or scripts are ignored (`off`). */
  scripts: ScriptMode;
  /** As `run --repo-root` (`ISTIO_DOCTEST_REPO_ROOT`): the istio.io checkout scripts' `tests/util/...` resolve in. */
  repoRoot?: string;
  /** Compare the cluster before and after each script (`run --no-snapshot` turns it off). */
  snapshot: boolean;
  /** As `run --uncovered-pages`: in an istio.io checkout, also run the page plans of `test: yes` pages no script covers. */
  uncoveredPages: boolean;
  /** Run pages whatever their `test:` flag says. */
  all: boolean;
  keepGoing: boolean;
  /** Wait for the rollout of Deployments a step created or configured. */
  wait: boolean;
  /** The context to accept even if it does not look disposable (`ISTIO_DOCTEST_CONTEXT`). */
  context?: string;
  allowContext?: RegExp;
  vars?: string;
  /** Markdown summary table appended to this file after the run (`ISTIO_DOCTEST_SUMMARY`). */
  summary?: string;
  /** As `run --record FILE` (`ISTIO_DOCTEST_RECORD`): the run record translations are checked against without a cluster. */
  record?: string;
  /**
   * Report the pages as skipped, with one line saying why, unless a disposable cluster is the current context (or
   * `ISTIO_DOCTEST_CLUSTER=1`) and `istioDir` is set: for a repository whose `npm test` must pass without a cluster.
   */
  skipUnlessCluster: boolean;
}

/** Environment variables that override `globals.doctest`, by option. */
export const ENV_OVERRIDES = {
  istioDir: 'ISTIO_DIR',
  tabs: 'ISTIO_DOCTEST_TABS',
  retryTimeout: 'ISTIO_DOCTEST_RETRY_TIMEOUT',
  stepTimeout: 'ISTIO_DOCTEST_STEP_TIMEOUT',
  reference: 'ISTIO_DOCTEST_REFERENCE',
  setup: 'ISTIO_DOCTEST_SETUP',
  scripts: 'ISTIO_DOCTEST_SCRIPTS',
  repoRoot: 'ISTIO_DOCTEST_REPO_ROOT',
  context: 'ISTIO_DOCTEST_CONTEXT',
  summary: 'ISTIO_DOCTEST_SUMMARY',
  record: 'ISTIO_DOCTEST_RECORD',
} as const;

const KNOWN = ['istioDir', 'tabs', 'retryTimeout', 'stepTimeout', 'reference', 'setup', 'scripts', 'repoRoot', 'snapshot', 'uncoveredPages', 'all', 'keepGoing', 'wait', 'context', 'allowContext', 'vars', 'summary', 'record', 'skipUnlessCluster'] as const;

type Raw = Record<string, unknown>;

/** Reads the options from the project's `globals.doctest` and the environment; a bad value is one message naming it. */
export function readJestOptions(raw: unknown, env: NodeJS.ProcessEnv): { ok: true; options: DoctestJestOptions } | { ok: false; message: string } {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) return bad('globals.doctest', 'an object', raw);
  const config: Raw = { ...((raw as Raw | undefined) ?? {}) };
  const unknown = Object.keys(config).filter((key) => !(KNOWN as readonly string[]).includes(key));
  if (unknown.length > 0) return { ok: false, message: `globals.doctest: unknown option ${unknown.map((k) => `'${k}'`).join(', ')} (known: ${KNOWN.join(', ')})` };
  for (const [key, name] of Object.entries(ENV_OVERRIDES)) if (env[name]) config[key] = key === 'tabs' ? tabsFromEnv(env[name]!) : env[name];
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value = config[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string') return value;
    problems.push(describe(key, 'a string', value));
    return undefined;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value = config[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push(describe(key, 'true or false', value));
    return fallback;
  };
  const duration = (key: string, fallback: number): number => {
    const value = config[key];
    if (value === undefined || value === '') return fallback;
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? (/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : parseDuration(value)) : Number.NaN;
    if (Number.isFinite(ms) && ms > 0) return ms;
    problems.push(describe(key, 'a duration such as 30s or 2m (or milliseconds as a number)', value));
    return fallback;
  };
  const tabs = config.tabs ?? {};
  if (typeof tabs !== 'object' || tabs === null || Array.isArray(tabs) || Object.values(tabs).some((v) => typeof v !== 'string')) problems.push(describe('tabs', 'an object of strings, e.g. { "config-api": "gateway-api" }', tabs));
  const setup = text('setup');
  const setupOnly = readSetupOption(setup);
  // run's own check, its message under this option's name.
  if (typeof setupOnly === 'object') problems.push(`${optionName('setup')}: ${setupOnly.error.replace(/^--setup: /, '')}`);
  const scripts = text('scripts') ?? 'auto';
  if (!isScriptMode(scripts)) problems.push(describe('scripts', `one of ${SCRIPT_MODES.join(', ')}`, scripts));
  let allowContext: RegExp | undefined;
  const allow = text('allowContext');
  try {
    allowContext = allow === undefined ? undefined : new RegExp(allow);
  } catch (error) {
    problems.push(`globals.doctest.allowContext: not a regular expression: ${(error as Error).message}`);
  }
  const options: DoctestJestOptions = {
    istioDir: text('istioDir'),
    tabs: tabs as Record<string, string>,
    retryTimeoutMs: duration('retryTimeout', 120000),
    stepTimeoutMs: duration('stepTimeout', 300000),
    reference: text('reference') ?? 'en',
    setup: setup === 'keep' ? 'keep' : 'manage',
    setupOnly: typeof setupOnly === 'string' ? setupOnly : undefined,
    scripts: isScriptMode(scripts) ? scripts : 'auto',
    repoRoot: text('repoRoot'),
    snapshot: flag('snapshot', true),
    uncoveredPages: flag('uncoveredPages', false),
    all: flag('all', false),
    keepGoing: flag('keepGoing', false),
    wait: flag('wait', true),
    context: text('context'),
    allowContext,
    vars: text('vars'),
    summary: text('summary'),
    record: text('record'),
    skipUnlessCluster: flag('skipUnlessCluster', false),
  };
  return problems.length > 0 ? { ok: false, message: problems.join('; ') } : { ok: true, options };
}

// `a=b,c=d` as an object; a pair without `=` is kept whole so the check names it.
function tabsFromEnv(text: string): Record<string, string> | string {
  const tabs: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return text;
    tabs[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return tabs;
}

// `globals.doctest.KEY: expected WHAT, got VALUE`.
function describe(key: string, what: string, value: unknown): string {
  return `${optionName(key)}: expected ${what}, got ${JSON.stringify(value)}`;
}

// `globals.doctest.KEY (or ENV_VAR)`: where a value comes from, for messages.
function optionName(key: string): string {
  const env = (ENV_OVERRIDES as Record<string, string>)[key];
  return `globals.doctest.${key}${env ? ` (or ${env})` : ''}`;
}

// Whether a value is one of run's --scripts modes.
function isScriptMode(value: string): value is ScriptMode {
  return (SCRIPT_MODES as readonly string[]).includes(value);
}

// The failure for a bad `globals.doctest` as a whole.
function bad(key: string, what: string, value: unknown): { ok: false; message: string } {
  return { ok: false, message: `${key}: expected ${what}, got ${JSON.stringify(value)}` };
}
