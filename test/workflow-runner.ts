// Runs the steps of a GitHub workflow job on this machine the way the Actions runner does, so the shipped workflows are
// tested by executing them: `run:` steps in bash with the runner's files (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH,
// GITHUB_STEP_SUMMARY), `${{ }}` expressions and `if:` conditions evaluated, this repository's action expanded into its
// composite steps. Actions of others are stood in for only where the test knows what they do (checkout: the test made
// the checkout; setup-node: this Node; cache: nothing; upload/download-artifact: a folder); any other `uses:` fails.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Value = string | number | boolean | null | undefined | Record<string, unknown>;

/** A workflow step as written. */
interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

/** What one executed step did. */
export interface StepRun {
  name: string;
  skipped: boolean;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What a job did: each step, the job summary, the uploaded artifacts. */
export interface JobRun {
  status: 'success' | 'failure';
  steps: StepRun[];
  summary: string;
  artifacts: Record<string, string>;
}

/** Where and with what a job runs. */
export interface JobContext {
  /** The checkout (GITHUB_WORKSPACE). */
  workspace: string;
  /** The `github` context (event, job, ...). */
  github: Record<string, unknown>;
  matrix?: Record<string, unknown>;
  /** Programs put first on PATH (stand-ins such as npm). */
  path: string[];
  env?: Record<string, string>;
  /** Artifacts a download-artifact step gets: name → folder. */
  artifacts?: Record<string, string>;
  /** Artifacts of other workflow runs (download-artifact with `run-id`): run id → name → folder. */
  runArtifacts?: Record<string, Record<string, string>>;
  /** This repository: `uses: ./` and `uses: istio/istio-doctest@...` are its action.yml. */
  actionRepo: string;
}

// ---- expressions: the subset of GitHub's expression language the shipped files use; anything else throws ----

type Token = { kind: 'str' | 'num' | 'id' | 'op'; text: string };

// Splits an expression into tokens.
function tokens(expr: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:'((?:[^']|'')*)'|(\d+(?:\.\d+)?)|([A-Za-z_][\w.-]*)|(==|!=|&&|\|\||[()!]))/y;
  let i = 0;
  while (i < expr.length) {
    if (/^\s*$/.test(expr.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(expr);
    if (!m) throw new Error(`expression not understood by the test runner: ${expr}`);
    if (m[1] !== undefined) out.push({ kind: 'str', text: m[1].replace(/''/g, "'") });
    else if (m[2] !== undefined) out.push({ kind: 'num', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'id', text: m[3] });
    else out.push({ kind: 'op', text: m[4] });
    i = re.lastIndex;
  }
  return out;
}

/** The values an expression can read, and the job's status for the status functions. */
interface Scope {
  contexts: Record<string, unknown>;
  failed: boolean;
}

// Evaluates an expression (operators ||, &&, ==, !=, !, parentheses; status functions; context paths).
export function evaluate(expr: string, scope: Scope): Value {
  const ts = tokens(expr);
  let pos = 0;
  const peek = () => ts[pos];
  const take = (text: string) => (peek()?.text === text && peek()?.kind === 'op' ? (pos++, true) : false);
  const or = (): Value => {
    let left = and();
    while (take('||')) {
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): Value => {
    let left = equality();
    while (take('&&')) {
      const right = equality();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const equality = (): Value => {
    const left = unary();
    if (take('==')) return loose(left) === loose(unary());
    if (take('!=')) return loose(left) !== loose(unary());
    return left;
  };
  const unary = (): Value => (take('!') ? !truthy(unary()) : primary());
  const primary = (): Value => {
    const t = ts[pos++];
    if (!t) throw new Error(`expression ends early: ${expr}`);
    if (t.kind === 'op' && t.text === '(') {
      const v = or();
      if (!take(')')) throw new Error(`missing ) in ${expr}`);
      return v;
    }
    if (t.kind === 'str') return t.text;
    if (t.kind === 'num') return Number(t.text);
    if (t.kind === 'id') {
      if (t.text === 'true' || t.text === 'false') return t.text === 'true';
      if (take('(')) {
        if (!take(')')) throw new Error(`function arguments are not supported by the test runner: ${expr}`);
        if (t.text === 'success') return !scope.failed;
        if (t.text === 'failure') return scope.failed;
        if (t.text === 'always') return true;
        if (t.text === 'cancelled') return false;
        throw new Error(`unknown function ${t.text}() in ${expr}`);
      }
      return lookup(t.text, scope.contexts);
    }
    throw new Error(`unexpected ${t.text} in ${expr}`);
  };
  const value = or();
  if (pos !== ts.length) throw new Error(`unexpected ${ts[pos].text} in ${expr}`);
  return value;
}

// A context path (`steps.changed.outputs.pages`); a missing leaf is '' as on GitHub, a missing context throws.
function lookup(path: string, contexts: Record<string, unknown>): Value {
  const [head, ...rest] = path.split('.');
  if (!(head in contexts)) throw new Error(`context '${head}' is not known to the test runner (${path})`);
  let value: unknown = contexts[head];
  for (const key of rest) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value === undefined ? '' : (value as Value);
}

// GitHub's truthiness.
function truthy(v: Value): boolean {
  return !(v === false || v === 0 || v === '' || v === null || v === undefined);
}

// GitHub compares strings case-insensitively and numbers as numbers.
function loose(v: Value): Value {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

// Replaces every `${{ expr }}` in a text.
export function interpolate(text: string, scope: Scope): string {
  return text.replace(/\$\{\{(.*?)\}\}/gs, (_, expr: string) => {
    const v = evaluate(expr, scope);
    return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

// An `if:` condition: written with or without `${{ }}`, and success() when absent.
function condition(text: string | undefined, scope: Scope): boolean {
  if (text === undefined) return !scope.failed;
  const bare = text.trim().replace(/^\$\{\{(.*)\}\}$/s, '$1');
  const usesStatus = /\b(success|failure|always|cancelled)\(\)/.test(bare);
  const v = truthy(evaluate(bare, scope));
  return usesStatus ? v : v && !scope.failed;
}

// ---- the runner ----

// Reads a GITHUB_OUTPUT/GITHUB_ENV file: `name=value` lines and `name<<DELIM` blocks.
function keyValues(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      out[heredoc[1]] = body.join('\n');
    } else if (lines[i].includes('=')) {
      out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return out;
}

/** Runs one job of a workflow file and returns what each step did. */
export function runJob(workflowFile: string, jobId: string, ctx: JobContext): JobRun {
  const workflow = parse(readFileSync(workflowFile, 'utf8')) as { env?: Record<string, string>; jobs: Record<string, { env?: Record<string, string>; steps: Step[] }> };
  const job = workflow.jobs[jobId];
  if (!job) throw new Error(`${workflowFile} has no job ${jobId}`);
  const temp = mkdtempSync(join(ctx.workspace, '..', 'runner-temp-'));
  const files = { summary: join(temp, 'summary.md'), env: join(temp, 'env'), path: join(temp, 'path') };
  writeFileSync(files.summary, '');
  const state: State = { failed: false, env: { ...ctx.env }, path: [...ctx.path], steps: {}, artifacts: {}, runs: [], temp, files };
  const github = { workspace: ctx.workspace, job: jobId, ...ctx.github };
  const contexts = () => ({ github, env: { ...workflow.env, ...job.env, ...state.env }, matrix: ctx.matrix ?? {}, steps: state.steps, runner: { os: 'Linux', temp }, strategy: { 'job-index': 0 }, secrets: {} });
  runSteps(job.steps, { ...workflow.env, ...job.env }, contexts, ctx, state, undefined);
  return { status: state.failed ? 'failure' : 'success', steps: state.runs, summary: readFileSync(files.summary, 'utf8'), artifacts: state.artifacts };
}

/** What a job has done so far. */
interface State {
  failed: boolean;
  env: Record<string, string>;
  path: string[];
  steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
  artifacts: Record<string, string>;
  runs: StepRun[];
  temp: string;
  files: { summary: string; env: string; path: string };
}

// Runs a list of steps (a job's, or an action's composite steps with its inputs).
function runSteps(steps: Step[], baseEnv: Record<string, string> | undefined, contexts: () => Record<string, unknown>, ctx: JobContext, state: State, inputs: Record<string, string> | undefined): void {
  const localSteps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  for (const step of steps) {
    const scope = (): Scope => ({ contexts: { ...contexts(), ...(inputs ? { inputs, steps: localSteps } : {}) }, failed: state.failed });
    const name = step.name ? interpolate(step.name, scope()) : step.uses ?? step.run?.split('\n')[0] ?? '?';
    if (!condition(step.if, scope())) {
      state.runs.push({ name, skipped: true, exitCode: 0, stdout: '', stderr: '' });
      continue;
    }
    const withValues = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), scope())]));
    const record = (id: string | undefined, outputs: Record<string, string>, ok: boolean) => {
      if (id) (inputs ? localSteps : state.steps)[id] = { outputs, outcome: ok ? 'success' : 'failure' };
    };
    if (step.uses) {
      const ok = uses(step.uses, withValues, ctx, state, name);
      record(step.id, ok.outputs, ok.ok);
      continue;
    }
    const env = { ...baseEnv, ...state.env, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), scope())])) };
    const script = interpolate(step.run ?? '', scope());
    const output = join(state.temp, `output-${state.runs.length}`);
    writeFileSync(output, '');
    const file = join(state.temp, `step-${state.runs.length}.sh`);
    writeFileSync(file, script);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
      cwd: ctx.workspace,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        PATH: [...state.path, process.env.PATH].join(':'),
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ctx.workspace,
        GITHUB_JOB: String((contexts().github as Record<string, unknown>).job),
        GITHUB_OUTPUT: output,
        GITHUB_ENV: state.files.env,
        GITHUB_PATH: state.files.path,
        GITHUB_STEP_SUMMARY: state.files.summary,
        RUNNER_TEMP: state.temp,
        RUNNER_OS: 'Linux',
      },
    });
    const exitCode = result.status ?? 128;
    state.runs.push({ name, skipped: false, exitCode, stdout: result.stdout, stderr: result.stderr });
    if (exitCode !== 0) state.failed = true;
    Object.assign(state.env, keyValues(state.files.env));
    if (existsSync(state.files.path)) {
      const added = readFileSync(state.files.path, 'utf8').split('\n').filter(Boolean).reverse();
      state.path = [...added.filter((p) => !state.path.includes(p)), ...state.path];
    }
    record(step.id, keyValues(output), exitCode === 0);
  }
}

// A `uses:` step: this repository's action, or a stand-in for an action whose effect the test knows.
function uses(ref: string, withValues: Record<string, string>, ctx: JobContext, state: State, name: string): { ok: boolean; outputs: Record<string, string> } {
  const done = () => {
    state.runs.push({ name, skipped: false, exitCode: 0, stdout: '', stderr: '' });
    return { ok: true, outputs: {} };
  };
  const action = ref.split('@')[0];
  if (ref === './' || action === 'istio/istio-doctest') {
    const meta = parse(readFileSync(join(ctx.actionRepo, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string; required?: boolean }>; runs: { steps: Step[] } };
    for (const key of Object.keys(withValues)) if (!(key in meta.inputs)) throw new Error(`${name}: the action has no input '${key}'`);
    const inputs = Object.fromEntries(Object.entries(meta.inputs).map(([k, v]) => [k, withValues[k] ?? String(v.default ?? '')]));
    for (const [k, v] of Object.entries(meta.inputs)) if (v.required && !withValues[k]) throw new Error(`${name}: required input '${k}' missing`);
    const before = state.failed;
    state.failed = false;
    const github = { workspace: ctx.workspace, job: 'job', ...ctx.github, action_path: ctx.actionRepo };
    runSteps(meta.runs.steps, undefined, () => ({ github, env: state.env, runner: { os: 'Linux', temp: state.temp }, strategy: { 'job-index': 0 }, matrix: ctx.matrix ?? {} }), ctx, state, inputs);
    const failed = state.failed;
    state.failed = before || failed;
    return { ok: !failed, outputs: {} };
  }
  switch (action) {
    case 'actions/checkout':
    case 'actions/setup-node':
    case 'actions/cache':
      return done();
    case 'actions/upload-artifact': {
      const from = join(ctx.workspace, withValues.path);
      const to = join(state.temp, 'artifacts', withValues.name);
      if (existsSync(from)) cpSync(from, to, { recursive: true });
      state.artifacts[withValues.name] = to;
      return done();
    }
    case 'actions/download-artifact': {
      const into = join(ctx.workspace, withValues.path ?? '.');
      mkdirSync(into, { recursive: true });
      const pattern = new RegExp(`^${(withValues.pattern ?? withValues.name ?? '*').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      const runId = withValues['run-id'];
      const from = runId ? ctx.runArtifacts?.[runId] : ctx.artifacts;
      if (!from) throw new Error(`${name}: no workflow run ${runId} (the test gives runs ${Object.keys(ctx.runArtifacts ?? {}).join(', ') || 'none'})`);
      for (const [artifact, folder] of Object.entries(from)) if (pattern.test(artifact)) cpSync(folder, into, { recursive: true });
      return done();
    }
    case 'helm/kind-action': {
      // Creates a kind cluster: the test made one (the fake cluster), whose context must be the one kind would name.
      const kubeconfig = ctx.env?.KUBECONFIG ?? '';
      const current = /^current-context:\s*(\S+)/m.exec(existsSync(kubeconfig) ? readFileSync(kubeconfig, 'utf8') : '')?.[1];
      const wanted = `kind-${withValues.cluster_name ?? 'chart-testing'}`;
      if (current !== wanted) throw new Error(`${name}: the test's cluster has context ${current ?? '(none)'}, the workflow wants ${wanted}`);
      return done();
    }
    case 'mikepenz/action-junit-report': {
      // Publishes JUnit files as a check: the stand-in checks that the files it is pointed at exist and are JUnit.
      const pattern = withValues.report_paths;
      const listed = spawnSync('bash', ['-c', `shopt -s nullglob; for f in ${pattern}; do echo "$f"; done`], { cwd: ctx.workspace, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
      const junit = listed.filter((f) => readFileSync(join(ctx.workspace, f), 'utf8').includes('<testsuite'));
      state.artifacts[`check:${withValues.check_name ?? 'junit'}`] = junit.join('\n');
      state.runs.push({ name, skipped: false, exitCode: junit.length > 0 ? 0 : 1, stdout: junit.join('\n'), stderr: junit.length > 0 ? '' : `no JUnit file matches ${pattern}` });
      if (junit.length === 0) state.failed = true;
      return { ok: junit.length > 0, outputs: {} };
    }
    default:
      appendFileSync(join(state.temp, 'unknown-actions'), `${ref}\n`);
      throw new Error(`${name}: the test runner does not know what ${ref} does`);
  }
}
