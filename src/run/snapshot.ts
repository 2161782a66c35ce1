// Cluster snapshots around a test, like istio.io's framework (pkg/test/istioio/snapshot.go): namespaces; Kubernetes
// resources in `default`; Istio (and Gateway API, where its CRDs are installed) resources in `default` and
// `istio-system`. What a test leaves behind after its cleanup fails it, so the next test starts clean.
import { setTimeout as sleep } from 'node:timers/promises';
import { runCommand } from '../shell/run-command.js';
import { statusFailure } from './failure-point.js';
import { contextArgs } from './kube-context.js';
import type { PlannedStep } from '../plan/plan.js';
import type { Listener, StepResult } from './results.js';

/** Resource types per namespace, as `kubectl api-resources -o name` names them; those the cluster lacks are skipped. */
const KUBE = ['services', 'deployments.apps', 'daemonsets.apps', 'serviceaccounts', 'configmaps', 'secrets'] as const;
const ISTIO = [
  'destinationrules.networking.istio.io', 'envoyfilters.networking.istio.io', 'gateways.networking.istio.io', 'serviceentries.networking.istio.io',
  'sidecars.networking.istio.io', 'virtualservices.networking.istio.io', 'workloadentries.networking.istio.io',
  'authorizationpolicies.security.istio.io', 'peerauthentications.security.istio.io', 'requestauthentications.security.istio.io',
  'gateways.gateway.networking.k8s.io', 'httproutes.gateway.networking.k8s.io', 'grpcroutes.gateway.networking.k8s.io', 'referencegrants.gateway.networking.k8s.io',
] as const;
/** Objects every cluster has, which no test creates. */
const BUILT_IN = /^(service default\/kubernetes|serviceaccount \S+\/default|configmap \S+\/kube-root-ca\.crt|configmap istio-system\/istio.*|secret istio-system\/.*)$/;

/** A snapshot, or why there is none (`interrupted`: a signal ended it, and nothing is to be compared with it). */
export type Snapshot = { ok: true; objects: Set<string> } | { ok: false; message: string; interrupted?: boolean };

/** The snapshot after the last page, while nothing else has touched the cluster since (pages run back to back in one
 * setup group): the next page's snapshot before, which would list the same objects, is this one instead of four more
 * calls to the cluster's API. A page takes it (whether or not it snapshots: one that does not may change the cluster)
 * and leaves its own snapshot after; a setup, a teardown or a guard between groups starts a new carry. */
export interface SnapshotCarry {
  last?: Snapshot & { ok: true };
}

/** Attempts at a snapshot, and the waits between them: a cluster's API may fail one call (a TLS handshake time-out). */
export const SNAPSHOT_ATTEMPTS = 3;
const SNAPSHOT_BACKOFF_MS = [1000, 3000];

// Takes a snapshot (of `context` when given), trying again after a failure (SNAPSHOT_ATTEMPTS in all); a failure says
// how often it was tried.
export async function takeSnapshot(env: Record<string, string> = {}, timeoutMs = 30000, cancel?: AbortSignal, context?: string): Promise<Snapshot> {
  let last: Snapshot = { ok: false, message: 'not taken' };
  for (let attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt++) {
    last = await snapshotOnce(env, timeoutMs, cancel, context);
    if (last.ok || last.interrupted) return last;
    if (attempt < SNAPSHOT_ATTEMPTS) await sleep(SNAPSHOT_BACKOFF_MS[attempt - 1], undefined, { signal: cancel }).catch(() => undefined);
    if (cancel?.aborted) return { ok: false, message: 'interrupted', interrupted: true };
  }
  return { ok: false, message: `${last.message} (${SNAPSHOT_ATTEMPTS} attempts)` };
}

// Takes a snapshot once: one `kind ns/name` per object (`namespace name` for namespaces). `cancel` (a signal) ends it.
async function snapshotOnce(env: Record<string, string>, timeoutMs: number, cancel?: AbortSignal, context?: string): Promise<Snapshot> {
  const kubectl = async (args: string[]) => {
    if (cancel?.aborted) return { ok: false as const, message: 'interrupted', interrupted: true };
    const result = await runCommand('kubectl', [...contextArgs(context), ...args], { env, timeoutMs, cancel });
    if (result.isCanceled) return { ok: false as const, message: 'interrupted', interrupted: true };
    return result.exitCode === 0 ? { ok: true as const, out: String(result.stdout) } : { ok: false as const, message: `kubectl ${args.join(' ')}: ${String(result.stderr).trim().split('\n')[0] || result.shortMessage}` };
  };
  const types = await kubectl(['api-resources', '-o', 'name']);
  if (!types.ok) return types;
  const known = new Set(types.out.split('\n'));
  const objects = new Set<string>();
  const namespaces = await kubectl(['get', 'namespaces', '-o', 'name']);
  if (!namespaces.ok) return namespaces;
  for (const line of namespaces.out.split('\n').filter(Boolean)) objects.add(`namespace ${line.replace(/^[^/]*\//, '')}`);
  for (const [ns, wanted] of [['default', [...KUBE, ...ISTIO]], ['istio-system', [...ISTIO]]] as const) {
    const present = wanted.filter((t) => known.has(t));
    if (present.length === 0 || !objects.has(`namespace ${ns}`)) continue;
    const listed = await kubectl(['get', present.join(','), '-n', ns, '-o', 'name']);
    if (!listed.ok) return listed;
    for (const line of listed.out.split('\n').filter(Boolean)) {
      const [type, name] = line.split('/');
      const entry = `${type.split('.')[0]} ${ns}/${name}`;
      if (!BUILT_IN.test(entry)) objects.add(entry);
    }
  }
  return { ok: true, objects };
}

// What the second snapshot has that the first had not, sorted.
export function leftovers(before: Set<string>, after: Set<string>): string[] {
  return [...after].filter((o) => !before.has(o)).sort();
}

/** What a snapshot step shows as its command. */
export const SNAPSHOT_COMMAND = 'kubectl get namespaces; kubectl get <Kubernetes, Istio and Gateway API resources> -n default|istio-system';

/** The snapshot after a test against the one before, as a result of `step` (a cleanup step named `snapshot`): leftovers
 * fail the test, and so does a snapshot that could not be taken (even after retries): what the test left cannot be
 * known, and the next test's snapshot before would take it for the cluster's own; nothing left is no result. */
export async function snapshotResult(before: Snapshot, step: PlannedStep, cancel?: AbortSignal, context?: string, taken?: (after: Snapshot) => void): Promise<StepResult | undefined> {
  // A snapshot a signal ended says nothing about what the test left.
  if (!before.ok && before.interrupted) return undefined;
  const started = performance.now();
  const after = await takeSnapshot({}, 30000, cancel, context);
  taken?.(after);
  if (!after.ok && after.interrupted) return undefined;
  const base = { step, attempts: 1, timedOut: false, durationMs: performance.now() - started, output: '', diff: '' };
  if (!before.ok) return { ...base, status: 'failed', message: `could not verify leftovers: the snapshot before the test failed: ${before.message}`, warning: false };
  if (!after.ok) return { ...base, status: 'failed', message: `could not verify leftovers: the snapshot after the test failed: ${after.message}`, warning: false };
  const left = leftovers(before.objects, after.objects);
  if (left.length === 0) return undefined;
  return { ...base, status: 'failed', message: `leftover: ${left.join(', ')}`, output: left.map((l) => `leftover: ${l}\n`).join(''), warning: false };
}

/**
 * Compares the cluster with the snapshot taken before a page or script and reports what is left as one more step,
 * numbered after the planned ones (`5/5` after 4 steps), with its start and its end; returns it, or undefined when
 * nothing is left.
 */
export async function reportLeftovers(before: Snapshot, step: Omit<PlannedStep, 'index' | 'id' | 'command'>, at: { page: string; total: number; emit: Listener; cancel?: AbortSignal; context?: string; taken?: (after: Snapshot) => void }): Promise<StepResult | undefined> {
  const total = at.total + 1;
  const full: PlannedStep = { ...step, id: 'snapshot', index: total, command: SNAPSHOT_COMMAND, cleanup: true };
  const found = await snapshotResult(before, full, at.cancel, at.context, at.taken);
  if (!found) return undefined;
  const result: StepResult = { ...found, failure: statusFailure(full, 'step-failed', found.message) };
  at.emit({ type: 'step-start', page: at.page, step: full, total });
  at.emit({ type: 'step', page: at.page, result, total });
  return result;
}

