// The shipped istio.io workflows, executed: every step of the translations workflow (with this repository's action
// expanded into its steps) runs in a git copy of a page of the istio.io snapshot, for the pull requests a translator
// and a maintainer make, and each ends as the workflow's header says.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { corpus, corpusPresent } from './corpus.js';
import { fakeCluster } from './run/harness.js';
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
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // Makes a pull request on a branch from the base commit, then runs the workflow's job on it.
  function pullRequest(branch: string, change: () => void): JobRun {
    git(site, 'checkout', '-q', '-B', branch, base);
    change();
    git(site, 'commit', '-qam', branch);
    return runJob(join(ROOT, 'docs/istio.io-workflows/translations.yml'), 'translations', {
      workspace: site,
      github: { event: { pull_request: { base: { sha: base } } } },
      path: [join(ROOT, 'fixtures/fake-npm')],
      env: { FAKE_NPM_ISTIO_DOCTEST: ROOT },
      actionRepo: ROOT,
    });
  }

  // The step of the job whose name starts with the given words.
  const step = (run: JobRun, name: string) => run.steps.find((s) => s.name.startsWith(name))!;

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

  test('the action installs the pinned version, once per step that uses it', () => {
    const log = join(work, 'npm.log');
    git(site, 'checkout', '-q', '-B', 'log', base);
    runJob(join(ROOT, 'docs/istio.io-workflows/translations.yml'), 'translations', {
      workspace: site,
      github: { event: { pull_request: { base: { sha: base } } } },
      path: [join(ROOT, 'fixtures/fake-npm')],
      env: { FAKE_NPM_ISTIO_DOCTEST: ROOT, FAKE_NPM_LOG: log },
      actionRepo: ROOT,
    });
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(new RegExp(`^npm install --prefix \\S+ .*istio-doctest@${version.replace(/\./g, '\\.')}$`));
  }, 90000);
});

describe('the doctests workflow\'s report job, executed on the reports of a run', () => {
  test('turns every job\'s JSON events into one HTML report artifact and publishes the JUnit files', async () => {
    const cluster = fakeCluster();
    const site = join(cluster.dir, 'site');
    for (const lang of ['en', 'zh']) {
      mkdirSync(join(site, `content/${lang}/docs/pass`), { recursive: true });
      cpSync(join(ROOT, 'fixtures/jest/pass/index.md'), join(site, `content/${lang}/docs/pass/index.md`));
    }
    const reports = join(cluster.dir, 'job-reports');
    mkdirSync(reports);
    const run = await execa('node', [join(ROOT, 'bin/istio-doctest.js'), 'run', '--keep-going', '--retry-timeout', '2s', '--json', join(reports, 'events-none-1.jsonl'), '--junit', join(reports, 'junit-none-1.xml'), 'content'], { cwd: site, env: cluster.env, extendEnv: true, reject: false });
    expect(run.exitCode).toBe(0);
    const job = runJob(join(ROOT, 'docs/istio.io-workflows/doctests.yml'), 'report', {
      workspace: site,
      github: {},
      path: [join(ROOT, 'fixtures/fake-npm')],
      env: { FAKE_NPM_ISTIO_DOCTEST: ROOT },
      artifacts: { 'doctests-none-1': reports },
      actionRepo: ROOT,
    });
    expect(job.steps.filter((s) => s.exitCode !== 0).map((s) => `${s.name}: ${s.stderr}`)).toEqual([]);
    const html = readFileSync(join(job.artifacts['doctests-report'], 'report.html'), 'utf8');
    expect(html).toContain('docs/pass/index.md');
    expect(html).toMatch(/passed/);
    expect(job.artifacts['check:doctests']).toBe('istio-doctest-reports/junit-none-1.xml');
  }, 120000);
});
