// `istio-doctest cluster up|down|status`: a local kind cluster to run pages against, and what is installed on it.
import { existsSync, statSync } from 'node:fs';
import { clusterDown, clusterStatus, clusterUp, DEFAULT_CLUSTER_NAME, type ClusterOutcome } from '../run/cluster.js';
import { parseOptions, usageError } from './usage.js';

const ACTIONS = ['up', 'down', 'status'] as const;
type Action = (typeof ACTIONS)[number];

const help = `Usage: istio-doctest cluster up|down|status [options]

Manages a local kind cluster (https://kind.sigs.k8s.io) to run pages against.
  up       kind create cluster, then checks kubectl reaches its context kind-NAME
  down     kind delete cluster (nothing to do when it does not exist)
  status   the current kube context, the Kubernetes server version, and the Istio
           control plane installed (version and revision of each istiod), or none

Options:
  --name NAME          the kind cluster (default ${DEFAULT_CLUSTER_NAME}; context kind-NAME)
  --kind-config FILE   a kind configuration file, for up
  --image IMAGE        the node image, for up (e.g. kindest/node:v1.33.1)
  -h, --help           show this help

Needs kind and docker or podman (up), kind (down), kubectl (up, status).
Exit status: 0 done, 1 kind or kubectl failed (or status found no reachable cluster), 2 bad usage or a missing tool.
`;

const options = {
  name: { type: 'string' },
  'kind-config': { type: 'string' },
  image: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// Whether a word is one of the actions.
function isAction(word: string | undefined): word is Action {
  return (ACTIONS as readonly (string | undefined)[]).includes(word);
}

// Runs the command and returns its exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, options);
  if (!parsed.ok) return usageError(parsed.message, 'cluster');
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const [action, ...extra] = positionals;
  if (!isAction(action)) return usageError(action === undefined ? `an action is required (${ACTIONS.join(', ')})` : `unknown action '${action}' (${ACTIONS.join(', ')})`, 'cluster');
  if (extra.length > 0) return usageError(`unexpected argument '${extra[0]}'`, 'cluster');
  const name = values.name ?? DEFAULT_CLUSTER_NAME;
  // kind's own rule for names (lower-case DNS labels); checked here so a bad one is a usage error, not kind's.
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return usageError(`--name '${name}' is not a valid kind cluster name (lower-case letters, digits and -)`, 'cluster');
  if (action !== 'up' && (values['kind-config'] !== undefined || values.image !== undefined)) {
    return usageError(`--${values['kind-config'] !== undefined ? 'kind-config' : 'image'} applies to cluster up only`, 'cluster');
  }
  if (action === 'status' && values.name !== undefined) return usageError('--name applies to cluster up and down only (status describes the current context)', 'cluster');
  const config = values['kind-config'];
  if (config !== undefined && !(existsSync(config) && statSync(config).isFile())) return usageError(`--kind-config ${config}: no such file`, 'cluster');
  if (values.image === '') return usageError('--image needs a node image', 'cluster');
  const outcome = action === 'up' ? await clusterUp({ name, kindConfig: config, image: values.image }) : action === 'down' ? await clusterDown({ name }) : await clusterStatus({});
  return print(outcome);
}

// Prints what the cluster command did, its error as one line, and returns its exit code.
function print(outcome: ClusterOutcome): number {
  for (const line of outcome.out) process.stdout.write(`${line}\n`);
  if (outcome.error) process.stderr.write(`istio-doctest: ${outcome.error}\n`);
  return outcome.code;
}
