// Verify and wait calls inside compound statements of an istio.io test script, through the real CLI on the fake
// cluster: each call that runs is a step of its own at its markdown line (in the run's language) with its attempts,
// in a branch, a loop or a script function; a branch not taken is a skipped step naming its condition; the GATEWAY_API
// variant (`gtwapi_test.sh` sourcing the folder's test.sh after tests/util/gateway-api.sh) takes the other branch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli } from '../run/harness.js';
import { writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

// The page; `extra` is a paragraph a translation adds before each block, so its lines differ from the English ones.
const page = (title: string, extra: string) => `---
title: ${title}
test: yes
---
## Deploy {#deploy}
${extra}
{{< text bash >}}
$ kubectl create namespace nest
namespace/nest created
{{< /text >}}
${extra}
{{< text bash >}}
$ kubectl apply -n nest -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: example/web}
EOF
deployment.apps/web created
{{< /text >}}

## Gateway {#gateway}
${extra}
{{< text bash >}}
$ echo "gateway api"
gateway api
{{< /text >}}

## Ingress {#ingress}
${extra}
{{< text bash >}}
$ echo "ingress"
ingress
{{< /text >}}

## Count {#count}
${extra}
{{< text bash >}}
$ printf 'one\\ntwo\\n'
one
two
{{< /text >}}

## Cleanup {#cleanup}
${extra}
{{< text bash >}}
$ kubectl delete namespace nest
namespace "nest" deleted
{{< /text >}}
`;

const script = `#!/usr/bin/env bash
# @setup profile=none
set -e
set -u
source "tests/util/samples.sh"
snip_deploy_1
snip_deploy_2
if [ "$GATEWAY_API" == "true" ]; then
  _verify_same snip_gateway_1 "$snip_gateway_1_out"
else
  _verify_same snip_ingress_1 "$snip_ingress_1_out"
  _wait_for_deployment nest web
fi
for i in 1 2; do
  _verify_contains snip_count_1 "\${EXPECT_COUNT:-two}"
done
check_count() {
  _verify_lines snip_count_1 "
+ one
+ two
"
}
check_count

# @cleanup
snip_cleanup_1
`;

const gtwapi = `source "tests/util/gateway-api.sh"
install_gateway_api_crds

# @setup profile=none
source "content/en/docs/nest/test.sh"

# @cleanup
remove_gateway_api_crds
`;

let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'doctest-nested-'));
  writeTree(site, {
    'content/en/docs/nest/index.md': page('Nest', ''),
    'content/zh/docs/nest/index.md': page('嵌套', '\n一段译文。\n'),
    'content/en/docs/nest/test.sh': script,
    'content/en/docs/nest/gtwapi_test.sh': gtwapi,
    'tests/util/verify.sh': '',
    'tests/util/debug.sh': '',
    // istio.io's helper: a wait that fails ends the script.
    'tests/util/helpers.sh': '_wait_for_deployment() {\n  if ! kubectl -n "$1" rollout status deployment "$2" --timeout 5m; then\n    echo "Failed rollout of deployment $2 in namespace $1"\n    exit 1\n  fi\n}\n',
    'tests/util/samples.sh': 'GATEWAY_API="${GATEWAY_API:-false}"\n',
    'tests/util/gateway-api.sh': 'GATEWAY_API="true"\ninstall_gateway_api_crds() { echo "CRDs installed"; }\nremove_gateway_api_crds() { echo "CRDs removed"; }\n',
  });
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const rel = (path: string) => relative(ROOT, join(site, path));
type Step = { type: string; file: string; line: number; id: string; status: string; attempts: number; message?: string; diff?: string; lang: string; page: string; script?: string; scriptLine?: number; nestedIn?: { scriptLine: number; conditions: string[] } };
const stepsOf = (json: string) => (readEvents(json) as unknown as Step[]).filter((e) => e.type === 'step');

describe('verify and wait calls nested in a script statement', () => {
  test.each([
    ['en', { gateway: 32, ingress: 39, count: 46 }],
    ['zh', { gateway: 38, ingress: 47, count: 56 }],
  ] as const)('in %s each is a step at its markdown line; the branch not taken is skipped with its condition; gtwapi_test.sh takes the other', async (lang, lines) => {
    const cluster = fakeCluster({ readySeconds: 0 });
    const json = join(cluster.dir, 'events.jsonl');
    const { code } = await runCli(['run', '--repo-root', site, '--json', json, rel(`content/${lang}/docs/nest/index.md`)], { ...cluster.env, VERIFY_TIMEOUT: '5' }, 120000);
    const steps = stepsOf(json);
    const md = `/content/${lang}/docs/nest/index.md`;
    const sh = '/content/en/docs/nest/test.sh';
    const ifTrue = 'if [ "$GATEWAY_API" == "true" ]';
    const orElse = `else of ${ifTrue}`;
    const nested = steps.filter((s) => s.nestedIn).map((s) => [`${s.file.replace(rel(''), '')}:${s.line}`, s.id, s.status, s.nestedIn!.conditions, s.message ?? '']);
    expect(nested).toEqual([
      // gtwapi_test.sh (GATEWAY_API=true from gateway-api.sh), with the test.sh it sources run in place
      [`${md}:${lines.gateway}`, 'snip_gateway_1', 'passed', [ifTrue], ''],
      [`${md}:${lines.ingress}`, 'snip_ingress_1', 'skipped', [orElse], `not run: its branch was not taken (${orElse})`],
      [`${sh}:12`, '_wait_for_deployment nest web', 'skipped', [orElse], `not run: its branch was not taken (${orElse})`],
      [`${md}:${lines.count}`, 'snip_count_1', 'passed', ['for i in 1 2'], ''],
      [`${md}:${lines.count}`, 'snip_count_1', 'passed', ['for i in 1 2'], ''],
      [`${md}:${lines.count}`, 'snip_count_1', 'passed', ['in function check_count'], ''],
      // test.sh (GATEWAY_API=false from samples.sh)
      [`${md}:${lines.ingress}`, 'snip_ingress_1', 'passed', [orElse], ''],
      [`${sh}:12`, '_wait_for_deployment nest web', 'passed', [orElse], ''],
      [`${md}:${lines.gateway}`, 'snip_gateway_1', 'skipped', [ifTrue], `not run: its branch was not taken (${ifTrue})`],
      [`${md}:${lines.count}`, 'snip_count_1', 'passed', ['for i in 1 2'], ''],
      [`${md}:${lines.count}`, 'snip_count_1', 'passed', ['for i in 1 2'], ''],
      [`${md}:${lines.count}`, 'snip_count_1', 'passed', ['in function check_count'], ''],
    ]);
    // Every step says its page and language; a nested one names the script line it is written at.
    expect(new Set(steps.filter((s) => s.nestedIn).map((s) => s.lang))).toEqual(new Set([lang]));
    expect(steps.find((s) => s.id === '_wait_for_deployment nest web' && s.status === 'passed')).toMatchObject({ script: rel(sh), scriptLine: 12, attempts: 1 });
    expect(steps.filter((s) => s.status === 'failed')).toEqual([]);
    expect(code).toBe(0);
    expect(cluster.leftovers()).toBe('');
  }, 150000);

  test("a nested call that fails is a failed step at its markdown line with its attempts and the matcher's diff", async () => {
    const cluster = fakeCluster({ readySeconds: 0 });
    const json = join(cluster.dir, 'events.jsonl');
    const { code } = await runCli(['run', '--repo-root', site, '--json', json, rel('content/en/docs/nest/index.md')], { ...cluster.env, VERIFY_TIMEOUT: '1', EXPECT_COUNT: 'three' }, 120000);
    const failed = stepsOf(json).filter((s) => s.nestedIn && s.status === 'failed');
    // One per script: the first iteration fails, and `set -e` ends the script there.
    expect(failed).toHaveLength(2);
    for (const s of failed) {
      expect(s).toMatchObject({ file: rel('content/en/docs/nest/index.md'), line: 46, id: 'snip_count_1', nestedIn: { conditions: ['for i in 1 2'] } });
      expect(s.attempts).toBeGreaterThan(1);
      expect(s.diff).toContain('three');
      expect(s.message).toContain('(for i in 1 2)');
    }
    expect(code).toBe(1);
    expect(cluster.leftovers()).toBe('');
  }, 150000);
});
