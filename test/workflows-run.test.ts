// The shipped istio.io workflows, executed: every step of the translations workflow (with this repository's action
// expanded into its steps) runs in a git copy of a page of the istio.io snapshot, for the pull requests a translator
// and a maintainer make, and each ends as the workflow's header says.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { corpus, corpusPresent } from './corpus.js';
import { fakeCluster, readEvents } from './run/harness.js';
import { runJob, type JobRun } from './workflow-runner.js';

const ROOT = join(__dirname, '..');
const CORPUS = corpusPresent('the translations workflow test') ? corpus : undefined;
const PAGE = 'docs/tasks/traffic-management/request-routing/index.md';
const LONE = 'docs/ops/best-practices/deployment/index.md';
const describeWithCorpus = CORPUS ? describe : describe.skip;

// Runs git in the site.
function git(site: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: site, encoding: 'utf8' }).trim();
}

// Copies a file of the corpus into the site.
function copy(site: string, path: string): void {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  cpSync(join(CORPUS!, path), join(site, path), { recursive: true });
}

// Edits a file of the site and checks the edit happened.
function edit(site: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(site, path), 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no '${from}'`);
  writeFileSync(join(site, path), text.replace(from, to));
}

describeWithCorpus('the translations workflow, executed on pull requests', () => {
  let work: string;
  let site: string;
  let base: string;
  let records: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'doctest-workflow-'));
    site = join(work, 'site');
    mkdirSync(site);
    copy(site, 'data/args.yml');
    for (const lang of ['en', 'uk', 'zh']) {
      copy(site, `content/${lang}/boilerplates`);
      copy(site, `content/${lang}/${PAGE}`);
    }
    copy(site, `content/en/${LONE}`);
    writeFileSync(join(site, 'README.md'), 'istio.io\n');
    git(site, 'init', '-q', '-b', 'master');
    git(site, 'add', '.');
    git(site, 'commit', '-qm', 'base');
    base = git(site, 'rev-parse', 'HEAD');
    // The doc-test run's record of the English page: what a passing run printed is what the page shows.
    records = join(work, 'records');
    mkdirSync(records);
    const extracted = JSON.parse(execFileSync('node', [join(ROOT, 'bin/istio-doctest.js'), 'extract', `content/en/${PAGE}`], { cwd: site, encoding: 'utf8' })) as { pages: { blocks: { id: string; steps: { command: string; line: number; expected: string }[] }[] }[] };
    const header = { type: 'record', version: 1, date: new Date().toISOString(), tool: 'test', kubernetes: 'v1.33.1', istio: '1.27.0' };
    const steps = extracted.pages[0].blocks.flatMap((block) => block.steps.map((step, i) => ({ type: 'step', page: PAGE, lang: 'en', id: block.id, occurrence: i + 1, file: `content/en/${PAGE}`, line: step.line, command: step.command, status: 'passed', exitCode: 0, output: step.expected, setup: 'profile=default' })));
    writeFileSync(join(records, 'record-default-1.jsonl'), [header, ...steps].map((line) => `${JSON.stringify(line)}\n`).join(''));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // Makes a pull request on a branch from the base commit, then runs the workflow's job on it; `runId` is the newest
  // doc-test run of the default branch, whose artifact holds the record of the English page.
  function pullRequest(branch: string, change: () => void, runId = ''): JobRun {
    git(site, 'checkout', '-q', '-B', branch, base);
    change();
    git(site, 'commit', '-qam', branch);
    return runJob(join(ROOT, 'docs/istio.io-workflows/translations.yml'), 'translations', {
      workspace: site,
      github: { event: { pull_request: { base: { sha: base } }, repository: { default_branch: 'master' } }, token: 'token' },
      path: [join(ROOT, 'fixtures/fake-npm'), join(ROOT, 'fixtures/fake-gh')],
      env: { FAKE_NPM_ISTIO_DOCTEST: ROOT, FAKE_GH_RUN_ID: runId, GITHUB_REPOSITORY: 'istio/istio.io' },
      runArtifacts: { '4242': { 'doctests-none-1': records } },
      actionRepo: ROOT,
    });
  }

  // The step of the job whose name starts with the given words (the last one, with `last`).
  const step = (run: JobRun, name: string, last = false) => (last ? [...run.steps].reverse() : run.steps).find((s) => s.name.startsWith(name))!;

  test('an English edit of prose only: the translations of the page are compared, named with the change, and pass', () => {
    const run = pullRequest('en-prose', () => edit(site, `content/en/${PAGE}`, 'This task shows you how to', 'This task shows you, step by step, how to'));
    const drift = step(run, 'istio-doctest drift');
    expect(drift.stdout).toContain(`content/zh/${PAGE}: compared because its reference page content/en/${PAGE} changed`);
    expect(drift.stdout).toContain(`content/uk/${PAGE}: compared because its reference page content/en/${PAGE} changed`);
    expect(drift.exitCode).toBe(0);
    expect(step(run, 'istio-doctest check').exitCode).toBe(0);
    expect(run.status).toBe('success');
    expect(run.summary).toContain('|');
  }, 90000);

  test('an English command change leaves uk and zh stale: drift fails and says which English change did it', () => {
    const run = pullRequest('en-command', () => edit(site, `content/en/${PAGE}`, 'virtual-service-all-v1.yaml', 'virtual-service-all-v2.yaml'));
    const drift = step(run, 'istio-doctest drift');
    expect(drift.exitCode).toBe(1);
    expect(drift.stdout).toContain(`content/zh/${PAGE}: compared because its reference page content/en/${PAGE} changed`);
    expect(drift.stdout).toMatch(new RegExp(`::error file=content/zh/${PAGE.replace(/[.]/g, '\\.')},line=\\d+`));
    expect(run.status).toBe('failure');
  }, 90000);

  test('a translation pull request that changes a command fails at the translated line', () => {
    const run = pullRequest('zh-command', () => edit(site, `content/zh/${PAGE}`, 'virtual-service-all-v1.yaml', 'virtual-service-all-v9.yaml'));
    const drift = step(run, 'istio-doctest drift');
    expect(drift.exitCode).toBe(1);
    expect(drift.stdout).not.toContain('compared because');
    expect(drift.stdout).toMatch(new RegExp(`::error file=content/zh/${PAGE.replace(/[.]/g, '\\.')},line=\\d+.*title=drift-command`));
  }, 90000);

  test('an English page with no translation: drift has nothing to compare, says so in one line and passes', () => {
    const run = pullRequest('en-lone', () => edit(site, `content/en/${LONE}`, '---\n', '---\n# edited\n'));
    const drift = step(run, 'istio-doctest drift');
    expect(drift.exitCode).toBe(0);
    expect(drift.stdout).toContain('drift: no translation to compare in the change set (1 changed page, 0 translations of changed reference pages, 0 other paths)');
    expect(run.status).toBe('success');
  }, 90000);

  test('a pull request touching no page: both steps say so in one line and pass', () => {
    const run = pullRequest('no-docs', () => writeFileSync(join(site, 'README.md'), 'istio.io docs\n'));
    expect(step(run, 'istio-doctest check').stdout).toContain('check: no page in the change set (0 changed pages');
    expect(step(run, 'istio-doctest drift').stdout).toContain('drift: no translation to compare in the change set (0 changed pages');
    expect(run.status).toBe('success');
  }, 90000);

  test('a translation that translates an expected output fails against the newest recorded run, at its line', () => {
    const zh = `content/zh/${PAGE}`;
    let changedLine = 0;
    const run = pullRequest('zh-output', () => {
      // The first expected output of a block the run takes (no tab, or the first tab of its tabset).
      const page = (JSON.parse(execFileSync('node', [join(ROOT, 'bin/istio-doctest.js'), 'extract', zh], { cwd: site, encoding: 'utf8' })) as { pages: { blocks: { tab: { value: string } | null; steps: { command: string; line: number; expected: string }[] }[] }[] }).pages[0];
      const first = page.blocks.filter((b) => !b.tab || b.tab.value === 'istio-apis').flatMap((b) => b.steps).find((st) => st.expected.trim() !== '')!;
      changedLine = first.line + first.command.split('\n').length;
      const lines = readFileSync(join(site, zh), 'utf8').split('\n');
      expect(lines[changedLine - 1].trim()).toBe(first.expected.split('\n')[0].trim());
      lines[changedLine - 1] = `${lines[changedLine - 1]} 已翻译`;
      writeFileSync(join(site, zh), lines.join('\n'));
    }, '4242');
    const against = step(run, 'istio-doctest check', true);
    expect(step(run, 'The newest doc-test run').exitCode).toBe(0);
    expect(against.exitCode).toBe(1);
    expect(against.stdout).toMatch(new RegExp(`::error file=${zh.replace(/[.]/g, '\\.')},line=${changedLine},.*title=would-fail`));
    expect(against.stdout).toContain('--against istio-doctest-records/record-default-1.jsonl');
    expect(run.status).toBe('failure');
  }, 90000);

  test('without a doc-test run of the default branch, the record steps say so and are skipped', () => {
    const run = pullRequest('no-record', () => edit(site, `content/en/${PAGE}`, 'This task shows you how to', 'This task shows how to'));
    expect(step(run, 'The newest doc-test run').stdout).toContain('no doc-test run of master yet');
    expect(step(run, 'Its run records').skipped).toBe(true);
    expect(run.status).toBe('success');
  }, 90000);

  test('the action installs the pinned version, once per step that uses it', () => {
    const log = join(work, 'npm.log');
    git(site, 'checkout', '-q', '-B', 'log', base);
    runJob(join(ROOT, 'docs/istio.io-workflows/translations.yml'), 'translations', {
      workspace: site,
      github: { event: { pull_request: { base: { sha: base } } } },
      path: [join(ROOT, 'fixtures/fake-npm'), join(ROOT, 'fixtures/fake-gh')],
      env: { FAKE_NPM_ISTIO_DOCTEST: ROOT, FAKE_NPM_LOG: log, FAKE_GH_RUN_ID: '' },
      actionRepo: ROOT,
    });
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(new RegExp(`^npm install --prefix \\S+ .*istio-doctest@${version.replace(/\./g, '\\.')}$`));
  }, 90000);
});

describe('the doctests workflow, executed on a fake cluster', () => {
  test('each shard job downloads Istio, runs its slice of the pages and uploads its reports; the report job turns them into one HTML report and one JUnit check', () => {
    const cluster = fakeCluster();
    const site = join(cluster.dir, 'site');
    for (const lang of ['en', 'zh']) {
      mkdirSync(join(site, `content/${lang}/docs/pass`), { recursive: true });
      cpSync(join(ROOT, 'fixtures/jest/pass/index.md'), join(site, `content/${lang}/docs/pass/index.md`));
    }
    const workflow = join(ROOT, 'docs/istio.io-workflows/doctests.yml');
    const env = { ...cluster.env, FAKE_NPM_ISTIO_DOCTEST: ROOT, FAKE_CLUSTER_BIN: join(ROOT, 'fixtures/fake-cluster/bin'), FAKE_ISTIO_SAMPLES: join(ROOT, 'fixtures/istio/samples') };
    const path = [join(ROOT, 'fixtures/fake-npm'), join(ROOT, 'fixtures/fake-curl'), join(ROOT, 'fixtures/fake-cluster/bin')];
    const artifacts: Record<string, string> = {};
    const ran: string[] = [];
    for (const shard of [1, 2, 3]) {
      const job = runJob(workflow, 'doctests', { workspace: site, github: {}, matrix: { setup: 'profile=none', shard }, path, env, actionRepo: ROOT });
      expect(job.steps.filter((s) => !s.skipped && s.exitCode !== 0).map((s) => `${s.name}: ${s.stdout}${s.stderr}`)).toEqual([]);
      expect(job.steps.find((s) => s.name.startsWith('Download Istio'))!.stdout).toContain('Istio 1.27.0 download complete!');
      const run = job.steps.find((s) => s.name === 'istio-doctest run')!;
      expect(run.stdout).toContain(`--setup only=profile=none --shard ${shard}/3`);
      expect(run.stdout).toContain('--record istio-doctest-reports/record-none-' + shard + '.jsonl');
      Object.assign(artifacts, job.artifacts);
      ran.push(...readEvents(join(site, `istio-doctest-reports/events-none-${shard}.jsonl`)).filter((e) => e.type === 'page' && e.status === 'passed').map((e) => e.file as string));
      rmSync(join(site, 'istio-doctest-reports'), { recursive: true });
    }
    // The shards together ran every page once.
    expect(ran.sort()).toEqual(['content/en/docs/pass/index.md', 'content/zh/docs/pass/index.md']);
    expect(Object.keys(artifacts).sort()).toEqual(['doctests-none-1', 'doctests-none-2', 'doctests-none-3']);
    expect(cluster.leftovers()).toBe('');

    const report = runJob(workflow, 'report', { workspace: site, github: {}, path, env, artifacts, actionRepo: ROOT });
    expect(report.steps.filter((s) => s.exitCode !== 0).map((s) => `${s.name}: ${s.stderr}`)).toEqual([]);
    const html = readFileSync(join(report.artifacts['doctests-report'], 'report.html'), 'utf8');
    expect(html).toContain('docs/pass/index.md');
    expect(html).toMatch(/passed/);
    // Against the shards' run records: the pages ran as recorded, so none would fail.
    expect(report.steps.find((s) => s.name === 'istio-doctest report')!.stdout).toContain('--against istio-doctest-reports/record-none-1.jsonl');
    expect(html).not.toMatch(/would fail \(/);
    expect(report.artifacts['check:doctests'].split('\n').sort()).toEqual(['istio-doctest-reports/junit-none-1.xml', 'istio-doctest-reports/junit-none-2.xml', 'istio-doctest-reports/junit-none-3.xml']);
  }, 300000);
});
