// Every snippet verify call of istio.io's profile scripts is planned, nested ones included (inside if/else, loops,
// `&&` chains and script functions, and those of a `test.sh` a GATEWAY_API variant sources), each at its markdown line
// in the page of the run's language with the conditions it sits under. The held-out figure: 316 calls in 106 scripts,
// counted here from the scripts' own text and from the plan.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpus, corpusPresent } from '../corpus.js';
import { ensureBuilt, fakeCluster, runCli } from '../run/harness.js';

const present = corpusPresent('the nested verify calls of istio.io scripts');
const maybe = present ? describe : describe.skip;

beforeAll(() => ensureBuilt(), 120000);

type PlanLine = { page: string; lang: string; file: string; line: number; id: string; script?: string; scriptLine?: number; verify: string; setup?: string; nestedIn?: number; conditions?: string[] };

// The `_verify_X snip_y` calls a profile script writes (comments left out), by `script:line`.
function writtenCalls(): Set<string> {
  const calls = new Set<string>();
  const root = join(corpus, 'content/en');
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    if (!name.endsWith('test.sh')) continue;
    const file = join(root, name);
    const text = readFileSync(file, 'utf8');
    if (!/^# @setup profile=/m.test(text)) continue;
    text.split('\n').forEach((line, i) => {
      if (/^\s*[^#\s]*\s*_verify_\w+ +snip_\w+/.test(line) && !/^\s*#/.test(line)) calls.add(`${resolve(file)}:${i + 1}`);
    });
  }
  return calls;
}

maybe('nested verify calls of the istio.io snapshot', () => {
  test('run --dry-run --json plans all 316 snippet verify calls of the 106 profile scripts, each at a markdown line', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'plan.jsonl');
    const { code, stderr } = await runCli(['run', '--dry-run', '--scripts', 'only', '--json', json, join(corpus, 'content/en/docs')], cluster.env, 300000);
    expect(stderr).not.toMatch(/TypeError|at .*\.js:\d+/);
    expect(code).toBe(0);
    const lines: PlanLine[] = readFileSync(json, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const profile = lines.filter((l) => /^profile=/.test(l.setup ?? ''));
    const scripts = new Set(profile.map((l) => resolve(l.script ?? '')));
    const verifies = profile.filter((l) => l.verify !== 'none' && /^snip_/.test(l.id) && l.script);
    const planned = new Map(verifies.map((l) => [`${resolve(l.script!)}:${l.scriptLine}`, l]));
    const nested = [...planned.values()].filter((l) => l.nestedIn !== undefined);
    const written = writtenCalls();
    process.stdout.write(`profile scripts planned: ${scripts.size}; snippet verify calls written: ${written.size}, planned: ${planned.size} (${nested.length} nested in a compound statement)\n`);
    expect(scripts.size).toBe(106);
    expect(written.size).toBe(316);
    expect([...planned.keys()].sort()).toEqual([...written].sort());
    expect(nested.length).toBe(44);
    // Each one is at its snippet's line in the English page, with the page and language of its plan.
    for (const l of planned.values()) expect([l.file.endsWith('.md'), l.line > 0, l.lang]).toEqual([true, true, 'en']);
    // bookinfo's GATEWAY_API branch: the call is at the page's line, under its condition.
    const gateway = nested.find((l) => l.id === 'snip_determine_the_ingress_ip_and_port_3' && /examples\/bookinfo\/test\.sh$/.test(l.script!));
    expect(gateway).toMatchObject({ file: expect.stringMatching(/content\/en\/docs\/examples\/bookinfo\/index\.md$/), conditions: ['if [ "$GATEWAY_API" == "true" ]'] });
  }, 320000);

  test('in zh the nested calls of the English script are at the zh page\'s lines', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'plan.jsonl');
    await runCli(['run', '--dry-run', '--scripts', 'only', '--json', json, join(corpus, 'content/zh/docs/tasks/traffic-management/request-routing')], cluster.env, 120000);
    const lines: PlanLine[] = readFileSync(json, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const call = lines.find((l) => l.id === 'snip_route_to_version_1_5' && l.nestedIn !== undefined && /\/test\.sh$/.test(l.script ?? ''));
    expect(call).toMatchObject({ lang: 'zh', file: expect.stringMatching(/content\/zh\/docs\/tasks\/traffic-management\/request-routing\/index\.md$/), conditions: ['if [ "$GATEWAY_API" == "true" ]'] });
    expect(call!.line).toBeGreaterThan(0);
  }, 150000);
});
