// Bringing the cluster to a group's setup config before its pages, and back after: `istioctl install` of the profile
// with its values and waits for the control plane, then `istioctl uninstall --purge -y` and the istio-system namespace
// deleted. Each command is one reported step of a pseudo-page named `setup:CONFIG` or `teardown:CONFIG`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { PlannedStep } from '../plan/plan.js';
import { setupAction } from '../istio/setup-groups.js';
import { runCommand } from '../shell/run-command.js';
import { contextArgs } from './kube-context.js';
import type { Listener, PageResult, StepResult } from './results.js';

export interface SetupOptions {
  istioDir?: string;
  emit: Listener;
  /** The first signal: ends a setup's running command and skips the rest (the teardown still runs). */
  stop?: AbortSignal;
  /** The second signal: ends a teardown's running command too. */
  force?: AbortSignal;
  /** Time-out of each command (the rollout waits included). */
  stepTimeoutMs: number;
  /** The kube context the guard passed: every command names it (`--context`). */
  context?: string;
}

/** The istioctl to use: `bin/istioctl` of the Istio release, else the one on PATH. */
export function istioctlOf(istioDir: string | undefined): string {
  const inRelease = istioDir ? join(istioDir, 'bin', 'istioctl') : undefined;
  return inRelease && existsSync(inRelease) ? inRelease : 'istioctl';
}

type Command = { program: string; args: string[] };

/** Installs what a config needs; undefined when nothing was to be done (profile=none on a cluster without Istio). */
export async function bringUp(config: string, options: SetupOptions): Promise<PageResult | undefined> {
  const action = setupAction(config);
  if (action.kind === 'skip') return undefined;
  if (action.kind === 'none') {
    // No Istio: remove one left by a hand-made cluster or an earlier run, if there is one.
    const list = ['get', 'deployments', '-n', 'istio-system', '-o', 'name', ...contextArgs(options.context)];
    const listed = await execa('kubectl', list, { reject: false, stdin: 'ignore', timeout: options.stepTimeoutMs, all: true });
    if (listed.exitCode === 0 && !/^deployment(\.apps)?\/istiod$/m.test(String(listed.stdout))) return undefined;
    if (listed.exitCode !== 0 && !/NotFound|No resources/.test(String(listed.all))) return runCommands(`setup:${config}`, [{ program: 'kubectl', args: list }], options);
    return runCommands(`setup:${config}`, uninstallCommands(options.istioDir, options.context), options);
  }
  const istioctl = istioctlOf(options.istioDir);
  const timeout = `--timeout=${Math.max(1, Math.round(options.stepTimeoutMs / 1000))}s`;
  const pin = contextArgs(options.context);
  return runCommands(`setup:${config}`, [
    { program: istioctl, args: [...action.args, ...pin] },
    ...action.waits.map((w) => ({ program: 'kubectl', args: ['rollout', 'status', `${w.kind}/${w.name}`, '-n', 'istio-system', timeout, ...pin] })),
  ], options);
}

/** Removes what bringUp installed; undefined for a config that installs nothing. */
export async function tearDown(config: string, options: SetupOptions): Promise<PageResult | undefined> {
  if (setupAction(config).kind !== 'install') return undefined;
  return runCommands(`teardown:${config}`, uninstallCommands(options.istioDir, options.context), options);
}

// istioctl uninstall --purge, then the namespace it leaves, on the guarded context.
function uninstallCommands(istioDir: string | undefined, context: string | undefined): Command[] {
  return [
    { program: istioctlOf(istioDir), args: ['uninstall', '--purge', '-y', ...contextArgs(context)] },
    { program: 'kubectl', args: ['delete', 'namespace', 'istio-system', '--ignore-not-found', ...contextArgs(context)] },
  ];
}

// Runs the commands in order as the steps of one pseudo-page, reported as a page's are; stops at the first failure.
// A setup is stopped by the first signal (a user who presses Ctrl-C during a five-minute install should not wait for
// it and its rollout), a teardown only by the second (it is the cleanup).
async function runCommands(name: string, commands: Command[], options: SetupOptions): Promise<PageResult> {
  const started = performance.now();
  const cleanup = name.startsWith('teardown:');
  const cancel = cleanup ? options.force : options.stop ?? options.force;
  const planned: PlannedStep[] = commands.map((c, i) => ({
    id: name, index: i + 1, file: name, line: i + 1, blockLine: i + 1, command: [c.program, ...c.args].join(' '), expected: '',
    verify: { mode: 'none' }, retry: false, cleanup, section: name,
  }));
  options.emit({ type: 'page-start', file: name, lang: '', steps: planned.length, token: '' });
  const steps: StepResult[] = [];
  for (const [i, step] of planned.entries()) {
    if (steps.some((s) => s.status !== 'passed') || cancel?.aborted) {
      const message = cancel?.aborted ? 'not run: interrupted' : 'not run: an earlier step failed';
      const result: StepResult = { step, status: 'skipped', attempts: 0, timedOut: false, durationMs: 0, output: '', message, diff: '', warning: false };
      steps.push(result);
      options.emit({ type: 'step', page: name, result, total: planned.length });
      continue;
    }
    options.emit({ type: 'step-start', page: name, step, total: planned.length });
    const t0 = performance.now();
    const run = await runCommand(commands[i].program, commands[i].args, { timeoutMs: options.stepTimeoutMs, cancel });
    const output = String(run.all ?? '');
    const failed = run.exitCode !== 0;
    const message = run.timedOut ? `timed out after ${Math.round(options.stepTimeoutMs / 1000)}s` : run.isCanceled ? 'interrupted' : failed ? run.exitCode === undefined ? run.shortMessage ?? 'could not start' : `exit code ${run.exitCode}: ${output.trim().split('\n').pop() ?? ''}` : '';
    const result: StepResult = {
      step, status: run.timedOut ? 'timeout' : run.isCanceled ? 'interrupted' : failed ? 'failed' : 'passed', attempts: 1,
      ...(run.exitCode !== undefined && !run.timedOut && !run.isCanceled ? { exitCode: run.exitCode } : {}), timedOut: run.timedOut, durationMs: performance.now() - t0, output, message, diff: '', warning: false,
    };
    steps.push(result);
    options.emit({ type: 'step', page: name, result, total: planned.length });
  }
  const bad = steps.find((s) => s.status !== 'passed');
  const interrupted = steps.some((s) => s.status === 'interrupted') || (cancel?.aborted === true && bad !== undefined);
  // A teardown abandoned by a second signal leaves Istio behind: the user is told what to run instead.
  const left = cleanup && interrupted && bad ? `; Istio may be left installed: run ${planned.slice(steps.indexOf(bad)).map((p) => `\`${p.command}\``).join(', then ')}` : '';
  const page: PageResult = { file: name, lang: '', status: bad ? (interrupted ? 'interrupted' : 'failed') : 'passed', steps, durationMs: performance.now() - started, message: bad ? `${bad.step.command}: ${bad.message}${left}` : '' };
  options.emit({ type: 'page', result: page });
  return page;
}
