// Which page and language a planned or reported step belongs to, through the real CLI: one English script planned for
// en and uk is two sets of plan lines that say which; step events name their language; JUnit names a script's
// statements by their line and command, and its suites by page, language and script.
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli } from '../run/harness.js';
import { makeScriptSite } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

let site: string;
beforeAll(() => {
  site = makeScriptSite();
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = (lang: string) => relative(ROOT, join(site, 'content', lang, 'docs', 'demo', 'index.md'));
const script = () => relative(ROOT, join(site, 'content', 'en', 'docs', 'demo', 'test.sh'));

describe('plan and report identity', () => {
  test('every plan line of --dry-run --json names its page and language, so one script planned in en and uk is no two identical lines', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'plan.jsonl');
    const { code } = await runCli(['run', '--dry-run', '--scripts', 'only', '--json', json, page('en'), page('uk')], cluster.env);
    const lines = readFileSync(json, 'utf8').trim().split('\n');
    const plans = lines.map((l) => JSON.parse(l));
    expect(new Set(lines).size).toBe(lines.length);
    expect(plans.every((p) => typeof p.page === 'string' && typeof p.lang === 'string')).toBe(true);
    // The script's `set -e` at test.sh:4, once per language, each naming the page of its language.
    expect(plans.filter((p) => p.id === 'test.sh:4' && !p.cleanup).map((p) => [p.page, p.lang, p.file])).toEqual([
      [page('en'), 'en', script()],
      [page('uk'), 'uk', script()],
    ]);
    expect(code).toBe(0);
  }, 120000);

  test("step events carry the page's language; JUnit names a script's statement by line and command and its suite by page, language and script", async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const junit = join(cluster.dir, 'junit.xml');
    const { code } = await runCli(['run', '--keep-going', '--json', json, '--junit', junit, page('uk')], { ...cluster.env, VERIFY_TIMEOUT: '1' });
    const events = readEvents(json).filter((e) => e.type === 'step' || e.type === 'step-start');
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.page === page('uk')).every((e) => e.lang === 'uk')).toBe(true);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain(`<testsuite name="${page('uk')} [uk] via ${script()}"`);
    expect(xml).toContain(`<testcase name="test.sh:4 set -e" classname="${page('uk')}" file="${script()}" line="4"`);
    // A multi-line statement (a function definition) is its first line, marked as cut.
    expect(xml).toContain('<testcase name="test.sh:6 check_count() {…"');
    // Snippet steps keep their block id.
    expect(xml).toContain(`<testcase name="snip_greet_1" classname="${page('uk')}" file="${page('uk')}"`);
    expect(code).toBe(1);
  }, 120000);
});
