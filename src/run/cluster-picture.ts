// After a failed or timed-out step: a bounded picture of the cluster (pods not Ready in the namespaces the test
// touched, their events, the last log lines of their not-ready containers, `istioctl proxy-status` when Istio is
// installed), so a report says why a pod never came up without anyone re-running the test.
import { execa } from 'execa';
import { killTree } from '../shell/kill-tree.js';
import { contextArgs } from './kube-context.js';
import { istioctlOf } from './setup-istio.js';

export interface PictureOptions {
  /** Each command's own time-out (10 s). */
  commandTimeoutMs?: number;
  /** Lines the picture may have (200); what is beyond is counted, not shown. */
  maxLines?: number;
  /** Pods looked at in detail (events, logs); the others are only listed (8). */
  maxPods?: number;
  /** The Istio release whose bin/istioctl runs proxy-status (else the istioctl on PATH), as for the setup. */
  istioDir?: string;
  /** Environment for kubectl and istioctl on top of the runner's own. */
  env?: Record<string, string>;
  /** The guarded kube context, which every command names. */
  context?: string;
}

/** Pods listed by name; a namespace of hundreds of starting pods is counted beyond these. */
const LISTED = 20;
/** A line longer than this is cut: one line of a log can be megabytes. */
const MAX_LINE = 300;

export interface PodInfo {
  namespace: string;
  name: string;
  phase: string;
  /** Containers (init containers included) that are not ready, with why. */
  notReady: { name: string; why: string }[];
}

/** Takes the picture; never throws: a command that fails or times out is a line of the picture. */
export async function clusterPicture(namespaces: readonly string[], options: PictureOptions = {}): Promise<string> {
  const timeout = options.commandTimeoutMs ?? 10000;
  const maxPods = options.maxPods ?? 8;
  const run = (program: string, args: string[]) => command(program, [...contextArgs(options.context), ...args], timeout, options.env ?? {});
  const out: string[] = [];
  const pods: PodInfo[] = [];
  const listed: string[] = [];
  for (const ns of namespaces) {
    const answer = await run('kubectl', ['get', 'pods', '-n', ns, '-o', 'json']);
    const found = answer.ok ? notReadyPods(answer.text, ns) : undefined;
    if (found === undefined) {
      out.push(`$ kubectl get pods -n ${ns} -o json`, ...(answer.ok ? ['    (not a pod list)'] : indent(answer.text)));
      continue;
    }
    listed.push(ns);
    pods.push(...found);
  }
  if (listed.length > 0) out.unshift(pods.length === 0 ? `no unready pod in ${listed.join(', ')}` : `pods not Ready in ${listed.join(', ')}:`);
  for (const pod of pods.slice(0, LISTED)) out.push(`  ${pod.namespace}/${pod.name} ${pod.phase}: ${pod.notReady.map((c) => `${c.name} (${c.why})`).join(', ')}`);
  if (pods.length > LISTED) out.push(`  (and ${pods.length - LISTED} more pods not Ready)`);
  for (const pod of pods.slice(0, maxPods)) {
    const events = await run('kubectl', ['get', 'events', '-n', pod.namespace, '--field-selector', `involvedObject.name=${pod.name}`]);
    out.push(`$ kubectl get events -n ${pod.namespace} --field-selector involvedObject.name=${pod.name}`, ...indent(events.text));
    for (const c of pod.notReady) {
      const logs = await run('kubectl', ['logs', pod.name, '-c', c.name, '--tail=20', '-n', pod.namespace]);
      out.push(`$ kubectl logs ${pod.name} -c ${c.name} --tail=20 -n ${pod.namespace}`, ...indent(logs.text));
    }
  }
  if (pods.length > maxPods) out.push(`(events and logs of ${pods.length - maxPods} more pods not shown)`);
  const istiod = await run('kubectl', ['get', 'pods', '-n', 'istio-system', '-l', 'app=istiod', '-o', 'name']);
  if (istiod.ok && istiod.text.trim() !== '') {
    const status = await run(istioctlOf(options.istioDir), ['proxy-status']);
    out.push('$ istioctl proxy-status', ...indent(status.text));
  }
  return bounded(out, options.maxLines ?? 200);
}

// Runs one command with its time-out; its output (or its error) as text, never a throw. At the time-out the command
// and everything it started are killed (a wrapper's children would otherwise hold its output open).
async function command(program: string, args: string[], timeoutMs: number, env: Record<string, string>): Promise<{ ok: boolean; text: string }> {
  let timedOut = false;
  try {
    const child = execa(program, args, { env, extendEnv: true, reject: false, stdin: 'ignore', maxBuffer: 4 * 1024 * 1024 });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) void killTree([child.pid], 500);
    }, timeoutMs);
    const r = await child.finally(() => clearTimeout(timer));
    if (timedOut) return { ok: false, text: `(no answer within ${Math.round(timeoutMs / 1000)} s)` };
    if (r.exitCode !== 0) return { ok: false, text: `${String(r.stderr).trim() || String(r.stdout).trim() || r.shortMessage}\n(exit code ${r.exitCode ?? 'none'})` };
    return { ok: true, text: [String(r.stdout).replace(/\n+$/, ''), String(r.stderr).trim()].filter(Boolean).join('\n') };
  } catch (error) {
    return { ok: false, text: timedOut ? `(no answer within ${Math.round(timeoutMs / 1000)} s)` : (error as Error).message.split('\n')[0] };
  }
}

// The pods of a `kubectl get pods -o json` answer that are not Ready (finished pods are left out), or undefined when
// the answer is not that JSON.
export function notReadyPods(json: string, namespace: string): PodInfo[] | undefined {
  let list: { items?: unknown };
  try {
    list = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(list.items)) return undefined;
  const pods: PodInfo[] = [];
  for (const item of list.items as any[]) {
    const phase = String(item?.status?.phase ?? 'Unknown');
    if (phase === 'Succeeded') continue;
    const statuses: any[] = [...(item?.status?.initContainerStatuses ?? []).filter((s: any) => !s?.state?.terminated || s.state.terminated.exitCode !== 0), ...(item?.status?.containerStatuses ?? [])];
    const notReady = statuses.filter((s) => s?.ready !== true || (s?.restartCount ?? 0) > 0).map((s) => ({ name: String(s?.name), why: containerWhy(s) }));
    const readyCondition = (item?.status?.conditions as any[] | undefined)?.find((c) => c?.type === 'Ready');
    const ready = readyCondition ? readyCondition.status === 'True' : phase === 'Running' && notReady.every((c) => !c.why.startsWith('not ready'));
    if (ready && notReady.length === 0) continue;
    if (notReady.length === 0 && statuses.length === 0) notReady.push(...((item?.spec?.containers ?? []) as any[]).map((c) => ({ name: String(c?.name), why: 'no status yet' })));
    pods.push({ namespace, name: String(item?.metadata?.name), phase, notReady });
  }
  return pods;
}

// Why a container is not ready, in kubectl's words: its waiting or terminated reason, its restarts.
function containerWhy(s: any): string {
  const state = s?.state ?? {};
  const reason = state.waiting?.reason ?? (state.terminated ? `terminated: ${state.terminated.reason ?? `exit code ${state.terminated.exitCode}`}` : state.running ? 'running' : 'unknown');
  const restarts = (s?.restartCount ?? 0) > 0 ? `, ${s.restartCount} restarts` : '';
  return `${s?.ready === true ? 'ready' : 'not ready'}: ${reason}${restarts}`;
}

// A command's text as indented lines, each cut to MAX_LINE characters.
function indent(text: string): string[] {
  const lines = text.replace(/\n+$/, '').split('\n');
  return (lines.length === 1 && lines[0] === '' ? ['(nothing)'] : lines).map((l) => `    ${l.length > MAX_LINE ? `${l.slice(0, MAX_LINE)}…` : l}`);
}

// At most `max` lines; a last one counts what was left out.
function bounded(lines: string[], max: number): string {
  if (lines.length <= max) return `${lines.join('\n')}\n`;
  return `${lines.slice(0, max - 1).join('\n')}\n(${lines.length - max + 1} more lines of the cluster picture not shown)\n`;
}
