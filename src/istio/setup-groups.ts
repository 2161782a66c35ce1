// istio.io's setup configs (`# @setup CONFIG`): which Istio install each needs, and pages grouped by config in a stable
// order, as istio.io's framework runs one Go test package per config (tests/setup/*/doc_test.go). Pure: no processes.

import { INSTALL_PROFILES, UNSUPPORTED_SETUPS, type InstallProfile } from '../config/setup-configs.js';
import type { PagePlan, ScriptPlan } from '../plan/plan.js';

export { INSTALL_PROFILES, UNSUPPORTED_SETUPS, type InstallProfile };

/** What to do to the cluster before a group: nothing (no Istio), install a profile, or skip the group. */
export type SetupAction =
  | { kind: 'none' }
  | { kind: 'install'; profile: InstallProfile; args: string[]; waits: { kind: 'deployment' | 'daemonset'; name: string }[] }
  | { kind: 'skip'; reason: string };

// The control-plane values tests/setup/profile-*/doc_test.go sets besides the profile, as `--set` arguments.
const noAlphaGatewayApi = ['--set', 'values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=false'];
const noGateways = [
  '--set', 'components.egressGateways[0].name=istio-egressgateway', '--set', 'components.egressGateways[0].enabled=false',
  '--set', 'components.ingressGateways[0].name=istio-ingressgateway', '--set', 'components.ingressGateways[0].enabled=false',
];
const VALUES: Record<InstallProfile, string[]> = {
  default: noAlphaGatewayApi,
  demo: noAlphaGatewayApi,
  minimal: [...noAlphaGatewayApi, ...noGateways],
  ambient: [...noAlphaGatewayApi, ...noGateways],
};

/** The cluster state a setup config asks for: `profile=none`, an install with its values and what to wait for, or a skip. */
export function setupAction(config: string): SetupAction {
  if (config === 'profile=none') return { kind: 'none' };
  const unsupported = (UNSUPPORTED_SETUPS as Record<string, string>)[config];
  if (unsupported) return { kind: 'skip', reason: unsupported };
  const profile = /^profile=(.+)$/.exec(config)?.[1];
  if (!profile || !isInstallProfile(profile)) {
    return { kind: 'skip', reason: `setup ${config || '(none)'} is not one istio-doctest knows (profile=none, ${INSTALL_PROFILES.map((p) => `profile=${p}`).join(', ')})` };
  }
  const waits: { kind: 'deployment' | 'daemonset'; name: string }[] = [{ kind: 'deployment', name: 'istiod' }];
  if (profile === 'ambient') waits.push({ kind: 'daemonset', name: 'ztunnel' }, { kind: 'daemonset', name: 'istio-cni-node' });
  return { kind: 'install', profile, args: ['install', '--set', `profile=${profile}`, ...VALUES[profile], '-y'], waits };
}

// Whether a word is one of the profiles we install.
function isInstallProfile(word: string): word is InstallProfile {
  return (INSTALL_PROFILES as readonly string[]).includes(word);
}

/** A run of consecutive items that need the same setup config. */
export interface SetupGroup<T> {
  setup: string;
  items: T[];
}

// Rank of a config in the run order: none first, then the profiles as listed, then anything else by name.
function rank(config: string): number {
  if (config === 'profile=none') return 0;
  const i = (INSTALL_PROFILES as readonly string[]).indexOf(config.replace(/^profile=/, ''));
  return i >= 0 && config.startsWith('profile=') ? 1 + i : 1 + INSTALL_PROFILES.length;
}

/** Items grouped by their setup config, groups in a stable order (profile=none, default, demo, minimal, ambient, others by
 * name), items in their given order inside a group. */
export function groupBySetup<T>(items: T[], setupOf: (item: T) => string): SetupGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const config = setupOf(item);
    groups.set(config, [...(groups.get(config) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([setup, grouped]) => ({ setup, items: grouped }))
    .sort((a, b) => rank(a.setup) - rank(b.setup) || (a.setup < b.setup ? -1 : a.setup > b.setup ? 1 : 0));
}

/** The setup config a plan needs: its script's `# @setup`, else its doctest.yaml's `page.setup`, else profile=none. */
export function setupOfPlan(plan: Pick<PagePlan, 'kind' | 'setup'> | Pick<ScriptPlan, 'kind' | 'script'>): string {
  if (plan.kind === 'script') return plan.script.setup;
  return plan.setup ?? 'profile=none';
}
