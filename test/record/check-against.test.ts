// Translations checked against a recorded run, without a cluster: the seed English page runs on the fake cluster with
// `--record`, its translations are checked with `check --against` and no cluster on PATH, and then the translations
// run for real on the same cluster, which shows that every step the real run fails is reported (as would fail, or
// not comparable where the command drifted) and that no step the real run passes is reported as would fail.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, ROOT, SEED } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 120000);

const LANGS = ['es', 'uk', 'zh'];
const TITLE = '<title>Wikipedia, the free encyclopedia</title>';

// The real CLI in the site folder, with the given environment only (PATH included).
function cli(site: string, args: string[], env: Record<string, string>) {
  return execa('node', [join(ROOT, 'bin/istio-doctest.js'), ...args], { cwd: site, env, extendEnv: false, reject: false, stdin: 'ignore' });
}

describe('check --against a run record', () => {
  // Four pages of 28 steps run on the fake cluster: minutes on a loaded machine, with nothing to wait for but the work.
  test('reports, without a cluster, what the real runs of the translations fail, and nothing they pass', async () => {
    const cluster = fakeCluster({ readySeconds: 0 });
    const site = join(cluster.dir, 'site');
    for (const lang of ['en', ...LANGS]) {
      cpSync(join(ROOT, 'content', lang), join(site, 'content', lang), { recursive: true });
    }
    // A translator's slip the record can catch: zh translates the title a command prints (the command is the English one).
    const zh = join(site, SEED('zh'));
    const text = readFileSync(zh, 'utf8');
    const translated = text.replace(`    ${TITLE}\n    {{< /text >}}\n\n`, '    <title>维基百科，自由的百科全书</title>\n    {{< /text >}}\n\n');
    expect(translated).not.toBe(text);
    writeFileSync(zh, translated);
    const env = { ...process.env, ...cluster.env } as Record<string, string>;

    const recorded = await cli(site, ['run', '--no-snapshot', '--istio-dir', ISTIO_DIR, '--retry-timeout', '3s', '--record', 'record.jsonl', SEED('en')], env);
    expect(recorded.exitCode).toBe(0);
    const record = readFileSync(join(site, 'record.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(record[0]).toMatchObject({ type: 'record', version: 1, kubernetes: expect.stringMatching(/^v\d+\.\d+/), istio: expect.stringMatching(/^\d+\.\d+/) });
    expect(record.slice(1).every((s) => s.lang === 'en' && s.page === SEED('en').replace('content/en/', ''))).toBe(true);
    expect(record.length).toBeGreaterThan(20);

    // No cluster: PATH without the fake's kubectl (nor a real one), and no kubeconfig.
    const noCluster = { PATH: '/usr/bin:/bin', HOME: cluster.dir, NO_COLOR: '1' };
    const check = await cli(site, ['check', '--no-drift', '--json', '--against', 'record.jsonl', ...LANGS.map(SEED)], noCluster);
    expect(check.stderr).toBe('');
    const report = JSON.parse(check.stdout) as { against: { steps: { file: string; line: number; commandLine: number; id: string; kind: string; message: string }[] } };
    const steps = report.against.steps;

    const run = await cli(site, ['run', '--no-snapshot', '--istio-dir', ISTIO_DIR, '--retry-timeout', '3s', '--keep-going', '--json', 'translations.jsonl', ...LANGS.map(SEED)], env);
    expect(run.exitCode).toBe(1);
    const results = readEvents(join(site, 'translations.jsonl')).filter((e) => e.type === 'step' && !e.hidden);
    const failed = results.filter((e) => e.status === 'failed' || e.status === 'timeout');
    const passed = results.filter((e) => e.status === 'passed');
    expect(failed.length).toBeGreaterThan(0);
    const standing = (e: Record<string, any>) => steps.find((s) => s.file === e.file && s.commandLine === e.line)?.kind ?? 'none';

    // Every failure of the real runs is reported: would fail where the command is the recorded one, else not comparable.
    for (const e of failed) expect(`${e.file}:${e.line} ${standing(e)}`).toMatch(/ (would-fail|not-comparable|after-drift)$/);
    // zh's translated title: the same command as recorded, so the record knows it fails.
    const zhTitle = failed.filter((e) => e.file === SEED('zh'));
    expect(zhTitle.map((e) => standing(e))).toEqual(['would-fail']);
    expect(steps.find((s) => s.kind === 'would-fail' && s.file === SEED('zh'))?.message).toMatch(/^the output does not match \(auto: line 1: expected "<title>维基百科/);
    // es ran other commands than the recorded English page (curl for sleep): its failures are not comparable, not guessed.
    expect(failed.filter((e) => e.file === SEED('es')).map((e) => standing(e)).every((k) => k === 'not-comparable' || k === 'after-drift')).toBe(true);
    // Nothing the real runs pass is reported as would fail.
    expect(passed.filter((e) => standing(e) === 'would-fail').map((e) => `${e.file}:${e.line}`)).toEqual([]);
    // And the check itself fails on the would-be failure, at its line, in text form too.
    const text2 = await cli(site, ['check', '--no-drift', '--against', 'record.jsonl', SEED('zh')], noCluster);
    expect(text2.exitCode).toBe(1);
    expect(text2.stdout).toMatch(new RegExp(`${SEED('zh').replace(/[.]/g, '\\.')}:\\d+:1 error snip_\\w+: would fail against the run of .* \\[would-fail\\]`));
    // At the line the real run's failure names (the expected output line that differs), not the block's first line.
    expect(zhTitle[0].failure?.line).toBeGreaterThan(0);
    expect(text2.stdout).toContain(`${SEED('zh')}:${zhTitle[0].failure.line}:1 error snip_`);
    expect(text2.stdout).toContain('+<title>Wikipedia, the free encyclopedia</title>');
    expect(text2.stdout).toMatch(/^against record\.jsonl, the run of .*: \d+ steps compared: \d+ would pass, 1 would fail;/m);
    // The HTML report says it in the page's cell and lists the step with its diff.
    const html = await cli(site, ['report', '--html', 'report.html', '--against', 'record.jsonl', 'content'], noCluster);
    expect(html.exitCode).toBe(0);
    const page = readFileSync(join(site, 'report.html'), 'utf8');
    expect(page.match(/would fail \(\d+\)/g)).toEqual(['would fail (1)']);
    expect(page).toMatch(/<h3>Would fail against the run of [^<]*Istio/);
  }, 900000);

  test('a record that is not one, of another version, or stale is said in one line', async () => {
    const cluster = fakeCluster();
    const site = join(cluster.dir, 'site');
    cpSync(join(ROOT, 'content', 'zh'), join(site, 'content', 'zh'), { recursive: true });
    mkdirSync(join(site, 'data'));
    writeFileSync(join(site, 'data/args.yml'), 'version: "1.28"\nfull_version: "1.28.0"\nprevious_version: "1.27"\n');
    const env = { PATH: process.env.PATH!, NO_COLOR: '1' };
    writeFileSync(join(site, 'bad.jsonl'), '{"type":"run","status":"started"}\n');
    const bad = await cli(site, ['check', '--against', 'bad.jsonl', SEED('zh')], env);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(/^istio-doctest: --against bad\.jsonl:1: not a run record/);
    writeFileSync(join(site, 'v9.jsonl'), '{"type":"record","version":9}\n');
    expect((await cli(site, ['check', '--against', 'v9.jsonl', SEED('zh')], env)).stderr).toContain('a run record of version 9; this istio-doctest reads version 1');
    writeFileSync(join(site, 'old.jsonl'), `${JSON.stringify({ type: 'record', version: 1, date: '2026-01-02T03:04:05.000Z', tool: '0.2.0', kubernetes: 'v1.33.1', istio: '1.27.0' })}\n`);
    const old = await cli(site, ['check', '--no-drift', '--against', 'old.jsonl', '--max-age', '7', SEED('zh')], env);
    const stale = old.stdout.split('\n').filter((line) => line.includes('[record-stale]'));
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatch(/old\.jsonl:1:1 warning the record is stale: it was recorded \d+ days ago \(2026-01-02\), more than --max-age allows; it ran Istio 1\.27\.0, and data\/args\.yml describes 1\.28 \[record-stale\]/);
    expect(old.stdout).toMatch(/0 steps compared: .* \d+ without a record/);
    expect(old.exitCode).toBe(0);
  }, 60000);
});
