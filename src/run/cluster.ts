// A local kind cluster for the runs: create it, delete it, and say what it is (context, Kubernetes, Istio).
// kind and kubectl are spawned here, each with a time limit; the command line only prints what this returns.
import { execa } from 'execa';
import { installHints, which } from './preflight.js';

/** Where `cluster up|down|status` run: the cluster's name and kind's options, and the environment the tools see. */
export interface ClusterOptions {
  /** `--name`: the kind cluster (its kube context is `kind-NAME`). */
  name: string;
  /** `--kind-config FILE`, passed to `kind create cluster --config`. */
  kindConfig?: string;
  /** `--image`: the node image, passed to `kind create cluster --image`. */
  image?: string;
  /** The environment kind and kubectl see (PATH, KUBECONFIG...); the process's own when absent. */
  env?: NodeJS.ProcessEnv;
}

/** What a cluster command did: lines to print and its exit code (0 done, 1 the tool failed, 2 a tool is missing, 130 interrupted). */
export interface ClusterOutcome {
  code: 0 | 1 | 2 | 130;
  /** Lines for stdout (what was done, what is there). */
  out: string[];
  /** One line for stderr when it did not work. */
  error?: string;
}

/** The Istio control plane found in istio-system: one entry per istiod deployment. */
export interface IstioInstall {
  deployment: string;
  /** `istio.io/rev` label, `default` when unlabelled. */
  revision: string;
  /** The tag of istiod's image (e.g. `1.26.0`), `unknown` without one. */
  version: string;
}

export const DEFAULT_CLUSTER_NAME = 'istio-doctest';
const KIND_TIMEOUT_MS = 10 * 60 * 1000;
const KUBECTL_TIMEOUT_MS = 30 * 1000;
const ENGINES = ['docker', 'podman'] as const;

/** The kube context kind gives a cluster. */
export function kindContext(name: string): string {
  return `kind-${name}`;
}

/** The first program among the needed ones that is not on PATH, as one line saying where to get it; undefined when all are there. */
export function missingTool(tools: readonly ('kind' | 'kubectl' | 'engine')[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env.PATH ?? '';
  for (const tool of tools) {
    if (tool === 'engine') {
      if (!ENGINES.some((engine) => which(engine, path))) return `neither docker nor podman is on PATH: ${installHints.docker} (kind runs its nodes in it)`;
    } else if (!which(tool, path)) {
      return `${tool} is not on PATH: ${installHints[tool]}`;
    }
  }
  return undefined;
}

/** `cluster up`: `kind create cluster` with the name, config and image, then checks kubectl reaches its context. */
export async function clusterUp(options: ClusterOptions): Promise<ClusterOutcome> {
  const missing = missingTool(['kind', 'engine', 'kubectl'], options.env);
  if (missing) return { code: 2, out: [], error: missing };
  const args = ['create', 'cluster', '--name', options.name];
  if (options.kindConfig) args.push('--config', options.kindConfig);
  if (options.image) args.push('--image', options.image);
  // kind's progress goes straight to the terminal: creating a cluster takes a minute or two.
  const created = await untilSignal(execa('kind', args, { ...spawnOptions(options.env, KIND_TIMEOUT_MS), stderr: 'inherit', stdout: 'inherit' }));
  if (created.interrupted) return { code: 130, out: [], error: `interrupted: kind create cluster was stopped; \`istio-doctest cluster down --name ${options.name}\` removes what it made` };
  if (created.exitCode !== 0) return { code: 1, out: [], error: `kind create cluster --name ${options.name} ${failure(created)}` };
  const context = kindContext(options.name);
  const server = await serverVersion(context, options.env);
  if (!server.ok) return { code: 1, out: [], error: `cluster "${options.name}" was created but kubectl cannot reach context ${context}: ${server.why}` };
  return { code: 0, out: [`cluster "${options.name}" is up: context ${context}, Kubernetes ${server.version}`] };
}

/** `cluster down`: `kind delete cluster --name`; a cluster that does not exist is nothing to do. */
export async function clusterDown(options: ClusterOptions): Promise<ClusterOutcome> {
  const missing = missingTool(['kind'], options.env);
  if (missing) return { code: 2, out: [], error: missing };
  const listed = await execa('kind', ['get', 'clusters'], spawnOptions(options.env, KUBECTL_TIMEOUT_MS));
  if (listed.exitCode !== 0) return { code: 1, out: [], error: `kind get clusters ${failure(listed)}` };
  if (!String(listed.stdout).split('\n').includes(options.name)) return { code: 0, out: [`no kind cluster "${options.name}": nothing to delete`] };
  const deleted = await untilSignal(execa('kind', ['delete', 'cluster', '--name', options.name], spawnOptions(options.env, KIND_TIMEOUT_MS)));
  if (deleted.interrupted) return { code: 130, out: [], error: `interrupted: kind delete cluster was stopped; run \`istio-doctest cluster down --name ${options.name}\` again` };
  if (deleted.exitCode !== 0) return { code: 1, out: [], error: `kind delete cluster --name ${options.name} ${failure(deleted)}` };
  return { code: 0, out: [`cluster "${options.name}" deleted`] };
}

/** `cluster status`: the current context, the Kubernetes server version, and the Istio control plane (or none). */
export async function clusterStatus(options: Pick<ClusterOptions, 'env'>): Promise<ClusterOutcome> {
  const missing = missingTool(['kubectl'], options.env);
  if (missing) return { code: 2, out: [], error: missing };
  const current = await execa('kubectl', ['config', 'current-context'], spawnOptions(options.env, KUBECTL_TIMEOUT_MS));
  const context = String(current.stdout ?? '').trim();
  if (current.exitCode !== 0 || context === '') {
    return { code: 1, out: ['context: none'], error: `no current kube context (${firstLine(current.stderr) || `exit code ${current.exitCode}`}); create a cluster with \`istio-doctest cluster up\`` };
  }
  const out = [`context: ${context}`];
  const server = await serverVersion(context, options.env);
  if (!server.ok) return { code: 1, out: [...out, 'kubernetes: unreachable'], error: `kubectl cannot reach context ${context}: ${server.why}` };
  out.push(`kubernetes: ${server.version}`);
  const istio = await istioInstalls(context, options.env);
  if (!istio.ok) return { code: 1, out: [...out, 'istio: unknown'], error: `cannot list istiod deployments in istio-system: ${istio.why}` };
  if (istio.installs.length === 0) out.push('istio: none');
  for (const install of istio.installs) out.push(`istio: ${install.version} (revision ${install.revision}, deployment istio-system/${install.deployment})`);
  if (istio.installs.length > 0) {
    const components = await istioComponents(context, options.env);
    out.push(components.ok ? `istio profile: ${profileOf(components.names)} (from the components in istio-system: ${components.names.join(', ')})` : 'istio profile: unknown');
  }
  return { code: 0, out };
}

/**
 * The install profile istio-system's components point to, as istioctl's profiles differ: ztunnel → ambient, an
 * egress gateway → demo, an ingress gateway → default, istiod alone → minimal. istiod records no profile itself.
 */
export function profileOf(components: string[]): string {
  const has = (name: string) => components.includes(name);
  if (has('ztunnel')) return 'ambient';
  if (has('istio-egressgateway')) return 'demo';
  if (has('istio-ingressgateway')) return 'default';
  return 'minimal';
}

// The names of istio-system's deployments and daemonsets (istiod, gateways, ztunnel, istio-cni-node), sorted.
async function istioComponents(context: string, env: NodeJS.ProcessEnv | undefined): Promise<{ ok: true; names: string[] } | { ok: false }> {
  const names: string[] = [];
  for (const kind of ['deployments', 'daemonsets']) {
    const result = await execa('kubectl', ['--context', context, 'get', kind, '-n', 'istio-system', '-o', 'name'], spawnOptions(env, KUBECTL_TIMEOUT_MS));
    if (result.exitCode !== 0) return { ok: false };
    for (const line of String(result.stdout ?? '').split('\n')) if (line.trim()) names.push(line.trim().slice(line.trim().lastIndexOf('/') + 1));
  }
  return { ok: true, names: names.sort() };
}

// The server version kubectl reports for a context, or why it could not get one.
async function serverVersion(context: string, env: NodeJS.ProcessEnv | undefined): Promise<{ ok: true; version: string } | { ok: false; why: string }> {
  const result = await execa('kubectl', ['--context', context, 'version'], spawnOptions(env, KUBECTL_TIMEOUT_MS));
  const version = /^Server Version: (\S+)/m.exec(String(result.stdout ?? ''))?.[1];
  if (result.exitCode === 0 && version) return { ok: true, version };
  return { ok: false, why: failure(result).replace(/^failed \((.*)\)$/, '$1') };
}

// The istiod deployments of istio-system (label app=istiod), read as JSON.
async function istioInstalls(context: string, env: NodeJS.ProcessEnv | undefined): Promise<{ ok: true; installs: IstioInstall[] } | { ok: false; why: string }> {
  const args = ['--context', context, 'get', 'deployments', '-n', 'istio-system', '-l', 'app=istiod', '-o', 'json'];
  const result = await execa('kubectl', args, spawnOptions(env, KUBECTL_TIMEOUT_MS));
  if (result.exitCode !== 0) return { ok: false, why: failure(result) };
  try {
    return { ok: true, installs: parseIstiodList(String(result.stdout)) };
  } catch (error) {
    return { ok: false, why: `kubectl printed no JSON list (${(error as Error).message})` };
  }
}

type DeploymentJson = {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { template?: { spec?: { containers?: { name?: string; image?: string }[] } } };
};

/** Reads istiod deployments (a `kubectl get -o json` List) into revision and version, sorted by revision. */
export function parseIstiodList(json: string): IstioInstall[] {
  const list = JSON.parse(json) as { items?: DeploymentJson[] };
  if (!Array.isArray(list.items)) throw new Error('no items');
  return list.items
    .map((item) => {
      const containers = item.spec?.template?.spec?.containers ?? [];
      const image = (containers.find((c) => c.name === 'discovery') ?? containers[0])?.image ?? '';
      return { deployment: item.metadata?.name ?? '?', revision: item.metadata?.labels?.['istio.io/rev'] ?? 'default', version: imageTag(image) };
    })
    .sort((a, b) => a.revision.localeCompare(b.revision));
}

// The tag of an image reference (`docker.io/istio/pilot:1.26.0` → `1.26.0`); a registry port is not a tag.
function imageTag(image: string): string {
  const name = image.split('@')[0];
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : 'unknown';
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

// Waits for a long kind call; SIGINT/SIGTERM/SIGHUP meanwhile stop kind too (never left running alone) and mark it interrupted.
async function untilSignal<R extends object>(child: PromiseLike<R> & { kill(signal?: NodeJS.Signals): boolean }): Promise<R & { interrupted: boolean }> {
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    child.kill('SIGTERM');
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  try {
    return Object.assign(await child, { interrupted });
  } finally {
    for (const name of SIGNALS) process.off(name, onSignal);
  }
}

// How every tool is spawned: never throws, no stdin, a time limit, the given environment.
function spawnOptions(env: NodeJS.ProcessEnv | undefined, timeout: number) {
  return { env, extendEnv: env === undefined, reject: false, timeout, stdin: 'ignore' as const };
}

// Why a spawned tool failed, in a few words: time-out, exit code and its first line of stderr.
function failure(result: { exitCode?: number; timedOut?: boolean; stderr?: unknown; stdout?: unknown }): string {
  if (result.timedOut) return 'failed (timed out)';
  const line = firstLine(result.stderr) || firstLine(result.stdout);
  return `failed (exit code ${result.exitCode}${line ? `: ${line}` : ''})`;
}

// The first non-empty line of a tool's output.
function firstLine(text: unknown): string {
  return String(text ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
}
