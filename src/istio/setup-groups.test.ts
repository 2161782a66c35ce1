import { PAGE_SETUPS } from '../config/spec.js';
import { groupBySetup, setupAction, setupOfPlan } from './setup-groups.js';

describe('setup configs', () => {
  test('groups pages by setup, none first then the profiles in their order, pages keeping their order inside a group', () => {
    const pages = [['a', 'profile=demo'], ['b', 'profile=none'], ['c', 'profile=default'], ['d', 'profile=demo'], ['e', 'multicluster'], ['f', 'profile=ambient']];
    const groups = groupBySetup(pages, (p) => p[1]);
    expect(groups.map((g) => [g.setup, g.items.map((p) => p[0])])).toEqual([
      ['profile=none', ['b']], ['profile=default', ['c']], ['profile=demo', ['a', 'd']], ['profile=ambient', ['f']], ['multicluster', ['e']],
    ]);
  });

  test('a profile installs with the values its doc_test.go sets and waits for istiod (and ztunnel and cni for ambient)', () => {
    expect(setupAction('profile=default')).toEqual({
      kind: 'install', profile: 'default',
      args: ['install', '--set', 'profile=default', '--set', 'values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=false', '-y'],
      waits: [{ kind: 'deployment', name: 'istiod' }],
    });
    const ambient = setupAction('profile=ambient');
    expect(ambient.kind === 'install' && ambient.args).toContain('components.ingressGateways[0].enabled=false');
    expect(ambient.kind === 'install' && ambient.waits.map((w) => w.name)).toEqual(['istiod', 'ztunnel', 'istio-cni-node']);
    expect(setupAction('profile=none')).toEqual({ kind: 'none' });
  });

  test('multicluster, dualstack and unknown configs are skipped with the reason', () => {
    expect(setupAction('multicluster')).toMatchObject({ kind: 'skip', reason: expect.stringContaining('several clusters') });
    expect(setupAction('dualstack')).toMatchObject({ kind: 'skip', reason: expect.stringContaining('dual-stack') });
    expect(setupAction('profile=preview')).toMatchObject({ kind: 'skip', reason: expect.stringContaining('not one istio-doctest knows') });
  });

  test('a script plan needs its # @setup, a page plan its doctest.yaml page.setup, else profile=none', () => {
    expect(setupOfPlan({ kind: 'script', script: { file: 'test.sh', setup: 'profile=demo', setupLine: 3 } })).toBe('profile=demo');
    expect(setupOfPlan({ kind: 'page', setup: 'profile=ambient' })).toBe('profile=ambient');
    expect(setupOfPlan({ kind: 'page' })).toBe('profile=none');
  });

  test('every config page.setup accepts is one the runner installs, or skips with a reason it knows', () => {
    for (const config of PAGE_SETUPS) expect(setupAction(config)).not.toMatchObject({ reason: expect.stringContaining('not one istio-doctest knows') });
  });
});
