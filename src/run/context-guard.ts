// The context guard: these pages create and delete namespaces, so they run only on a cluster that looks
// disposable, or on the one the user named with --context. It asks kubectl, changes nothing.
import { execa } from 'execa';

export interface GuardOptions {
  /** `--context NAME`: the context the user vouches for; it must be the current one. */
  context?: string;
  /** `--allow-context REGEX`: more names that count as disposable. */
  allow?: RegExp;
  /** The environment kubectl sees (KUBECONFIG...). */
  env?: NodeJS.ProcessEnv;
}

/** Why the guard refused: the context is not the one given with --context, does not look disposable, or could not
 * be read (kubectl missing, no current context). */
export type GuardRefusal = 'not-given-context' | 'not-disposable' | 'no-kubectl' | 'no-context';

export type GuardResult = { ok: true; context: string } | { ok: false; refusal: GuardRefusal; message: string; context?: string };

const disposable = [/^kind-/, /^k3d-/, /^minikube$/, /^docker-desktop$/, /^rancher-desktop$/];

// Whether a context name is one of a local, throw-away cluster (or allowed by --allow-context).
export function looksDisposable(name: string, allow?: RegExp): boolean {
  return disposable.some((pattern) => pattern.test(name)) || (allow !== undefined && allow.test(name));
}

// Decides on a context name alone, so the rule is testable without kubectl.
export function judgeContext(current: string, options: Pick<GuardOptions, 'context' | 'allow'>): GuardResult {
  if (options.context !== undefined) {
    if (current === options.context) return { ok: true, context: current };
    return {
      ok: false,
      refusal: 'not-given-context',
      context: current,
      message: `the current kube context is "${current}", not "${options.context}" given with --context; switch first (kubectl config use-context ${options.context}) — istio-doctest never changes your kubeconfig`,
    };
  }
  if (looksDisposable(current, options.allow)) return { ok: true, context: current };
  return {
    ok: false,
    refusal: 'not-disposable',
    context: current,
    message: `refusing to run on kube context "${current}": it does not look like a disposable cluster (kind-*, k3d-*, minikube, docker-desktop, rancher-desktop), and these pages create and delete namespaces. Use a kind cluster, or say --context ${current} (or --allow-context REGEX) if it really is disposable`,
  };
}

// Reads the current context with `kubectl config current-context` and judges it.
export async function guardContext(options: GuardOptions = {}): Promise<GuardResult> {
  const result = await execa('kubectl', ['config', 'current-context'], {
    env: options.env,
    extendEnv: options.env === undefined,
    reject: false,
    timeout: 30000,
    stdin: 'ignore',
  });
  if (result.exitCode === undefined && (result as { code?: string }).code === 'ENOENT') {
    return {
      ok: false,
      refusal: 'no-kubectl',
      message: 'kubectl is not on PATH: install kubectl (https://kubernetes.io/docs/tasks/tools/), create a disposable cluster with kind (https://kind.sigs.k8s.io: `kind create cluster`), and install istioctl (`curl -L https://istio.io/downloadIstio | sh -`)',
    };
  }
  const current = String(result.stdout ?? '').trim();
  if (result.exitCode !== 0 || current === '') {
    const why = String(result.stderr ?? '').trim().split('\n')[0] || `exit code ${result.exitCode}`;
    return { ok: false, refusal: 'no-context', message: `cannot read the current kube context (kubectl config current-context: ${why}); create a cluster with \`kind create cluster\` or set KUBECONFIG` };
  }
  return judgeContext(current, options);
}
