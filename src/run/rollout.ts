// Waiting for Deployments a step created or changed, as istio.io's scripts do by hand with `_wait_for_deployment`,
// so the next step does not run against pods that are still starting.
import type { CommandResult, Session } from '../shell/session.js';
import { shellQuote } from '../shell/session.js';
import { contextArgs } from './kube-context.js';

export interface Rollout {
  name: string;
  namespace?: string;
}

// Deployments an output reports as created or configured (`deployment.apps/NAME created`).
export function rolloutsIn(output: string, command: string): Rollout[] {
  const namespace = namespaceOf(command);
  const found: Rollout[] = [];
  for (const m of output.matchAll(/^deployment\.apps\/([a-z0-9.-]+) (?:created|configured)\b/gm)) {
    if (!found.some((r) => r.name === m[1])) found.push({ name: m[1], ...(namespace ? { namespace } : {}) });
  }
  return found;
}

// The namespace a kubectl command names with `-n NS`, `-nNS`, `-n=NS`, `--namespace NS` or `--namespace=NS`.
export function namespaceOf(command: string): string | undefined {
  const firstLine = command.split('\n')[0];
  const m = /(?:^|\s)(?:-n|--namespace)(?:[=\s]+|(?=[a-z0-9]))([a-z0-9][a-z0-9.-]*)/.exec(firstLine);
  return m?.[1];
}

// The command that waits for one rollout, bounded in time, on the guarded context when there is one.
export function rolloutCommand(rollout: Rollout, timeoutMs: number, context?: string): string {
  const ns = rollout.namespace ? ` -n ${shellQuote(rollout.namespace)}` : '';
  const pin = contextArgs(context).map(shellQuote).join(' ');
  return `kubectl ${pin ? `${pin} ` : ''}rollout status deployment/${shellQuote(rollout.name)}${ns} --timeout=${Math.max(1, Math.ceil(timeoutMs / 1000))}s`;
}

// Waits for each rollout in the page's shell (its environment: KUBECONFIG and all), stopping at the first that fails.
export async function waitForRollouts(session: Session, rollouts: Rollout[], timeoutMs: number, signal?: AbortSignal, context?: string): Promise<CommandResult | undefined> {
  let last: CommandResult | undefined;
  const deadline = performance.now() + timeoutMs;
  for (const rollout of rollouts) {
    const left = Math.max(1000, deadline - performance.now());
    last = await session.run(rolloutCommand(rollout, left, context), { timeoutMs: left + 5000, signal });
    if (last.exitCode !== 0) return { ...last, message: `deployment/${rollout.name} did not roll out: ${last.message || 'failed'}` };
  }
  return last;
}
