// The preflight names everything a run would miss, before any step runs.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadPage } from '../../src/page/load.js';
import { diagnosticLine } from '../../src/report/diagnostic-line.js';
import { blockedReason, preflight, which, type Preflight } from '../../src/run/preflight.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import type { RunPlan } from '../../src/plan/plan.js';
import { FAKE_BIN, ISTIO_DIR, SEED } from './harness.js';

let bin: string;
let page: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-preflight-'));
  bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const program of ['kubectl', 'grep']) {
    writeFileSync(join(bin, program), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, program), 0o755);
  }
  writeFileSync(join(bin, 'istioctl'), 'not executable');
  page = join(dir, 'page.md');
  writeFileSync(
    page,
    '---\ntitle: t\ntest: yes\n---\n\n## Steps\n\n{{< text bash >}}\n$ kubectl apply -f @samples/bookinfo/platform/kube/bookinfo.yaml@\n$ helm install istio-base istio/base -n istio-system\n$ ./scripts/made-by-the-page.sh\n{{< /text >}}\n',
  );
  return () => rmSync(dir, { recursive: true, force: true });
});

const seed = () => buildPlan(loadPage(SEED('es')));
// The problems of the pages the preflight leaves out, one `file:line:column severity message [rule]` line each.
const lines = (result: Preflight) => result.blocked.flatMap((b) => b.problems.map(diagnosticLine));

// A page with one block, written beside the other test files, planned; `setup` makes it a script page of that config.
function planned(name: string, command: string, setup?: string): RunPlan {
  const file = join(dirname(page), `${name}.md`);
  writeFileSync(file, `---\ntitle: ${name}\ntest: yes\n---\n\n## Steps\n\n{{< text bash >}}\n$ ${command}\n{{< /text >}}\n`);
  const plan = buildPlan(loadPage(file));
  return setup ? Object.assign(plan, { kind: 'script' as const, script: { file: join(dirname(page), `${name}-test.sh`), setup, setupLine: 2 } }) : plan;
}

// A folder holding just these programs (scripts that exit 0).
function binWith(...programs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-preflight-bin-'));
  for (const program of programs) {
    writeFileSync(join(dir, program), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, program), 0o755);
  }
  return dir;
}

describe('preflight of setup groups', () => {
  test('without kubectl, groups that install Istio and profile=none pages that use the cluster are left out, with one line for kubectl; pages without the cluster run', () => {
    const path = binWith('istioctl', 'helm');
    const plans = [planned('helm-only', 'helm version'), planned('echo-only', 'echo hello'), planned('demo', 'echo demo', 'profile=demo'), planned('kube', 'kubectl get pods')];
    const result = preflight(plans, { setup: 'manage', path });
    expect(result.ready.map((p) => p.page.file)).toEqual([plans[1].page.file]);
    expect(result.blocked.map((b) => b.problems.map(diagnosticLine))).toEqual([
      [expect.stringMatching(/helm-only\.md:1:1 error setup profile=none is brought up with kubectl, which is not on PATH: install kubectl \(https:\/\/kubernetes\.io\/docs\/tasks\/tools\/\)/)],
      [expect.stringMatching(/demo-test\.sh:2:1 error setup profile=demo is brought up with kubectl, which is not on PATH: install kubectl/)],
      // A page that calls kubectl itself says so at its own line, once.
      [expect.stringMatching(/kube\.md:9:1 error kubectl is not on PATH: install kubectl/)],
    ]);
    expect(result.setupProblems).toEqual([
      'kubectl is missing (not on PATH): it brings up the setups profile=none, profile=demo, so their 3 pages are skipped; install kubectl (https://kubernetes.io/docs/tasks/tools/) and create a disposable cluster, e.g. with kind (https://kind.sigs.k8s.io: `kind create cluster`)',
    ]);
    // --setup keep brings nothing up: only the page's own kubectl is missing.
    const kept = preflight(plans, { setup: 'keep', path });
    expect(kept.ready.map((p) => p.page.file)).toEqual([plans[0], plans[1], plans[2]].map((p) => p.page.file));
    expect(kept.setupProblems).toEqual([]);
    rmSync(path, { recursive: true, force: true });
  });

  test('istioctl is looked for in the --istio-dir release\'s bin/ first, then on PATH; a group that installs Istio without either is left out at its @setup line', () => {
    const path = binWith('kubectl');
    const release = binWith();
    const demo = planned('demo', 'echo demo', 'profile=demo');
    const none = planned('plain', 'kubectl get pods');
    const missing = preflight([demo, none], { setup: 'manage', path, istioDir: release });
    expect(missing.ready).toEqual([none]);
    expect(missing.blocked.map((b) => blockedReason(b.problems))).toEqual([
      expect.stringMatching(new RegExp(`^preflight: setup profile=demo installs Istio with istioctl, which is not in ${release}/bin nor on PATH: download an Istio release .* at .*demo-test\\.sh:2$`)),
    ]);
    expect(missing.setupProblems).toEqual([expect.stringMatching(new RegExp(`^istioctl is missing \\(not in ${release}/bin nor on PATH\\): it installs Istio for the setup profile=demo, so its page is skipped; download an Istio release`))]);
    mkdirSync(join(release, 'bin'));
    writeFileSync(join(release, 'bin', 'istioctl'), '#!/bin/sh\nexit 0\n');
    // The setup would run the release's istioctl: one that is not executable is named, even with another on PATH.
    const withPath = `${path}:${binWith('istioctl')}`;
    expect(preflight([demo], { setup: 'manage', path: withPath, istioDir: release }).setupProblems).toEqual([expect.stringMatching(new RegExp(`^istioctl is missing \\(${release}/bin/istioctl is not executable\\): it installs Istio for the setup profile=demo`))]);
    chmodSync(join(release, 'bin', 'istioctl'), 0o755);
    expect(preflight([demo, none], { setup: 'manage', path, istioDir: release })).toEqual({ ready: [demo, none], blocked: [], setupProblems: [], programLines: [] });
    rmSync(path, { recursive: true, force: true });
    rmSync(release, { recursive: true, force: true });
  });
});

describe('preflight', () => {
  test('the es seed page passes with the fake Istio release and its programs on PATH', () => {
    const result = preflight([seed()], { istioDir: ISTIO_DIR, path: `${FAKE_BIN}:/usr/bin:/bin` });
    expect(result.blocked).toEqual([]);
    expect(result.ready).toHaveLength(1);
  });

  test('without --istio-dir or ISTIO_DIR it says, at the line of the first file (in the included boilerplate), which files need a release and how to give one', () => {
    expect(lines(preflight([seed()], { path: `${FAKE_BIN}:/usr/bin:/bin` }))).toEqual([
      expect.stringMatching(
        /^content\/es\/boilerplates\/before-you-begin-egress\.md:13:1 error uses files of an Istio release \(samples\/curl\/curl\.yaml\): give one with --istio-dir DIR or ISTIO_DIR=DIR \(a release from https:\/\/istio\.io\/downloadIstio or a checkout of istio\/istio\) \[istio-dir-missing\]$/,
      ),
    ]);
  });

  test('each missing file and each missing program is a diagnostic at the line that needs it, with where to get the program', () => {
    const problems = lines(preflight([buildPlan(loadPage(page))], { istioDir: ISTIO_DIR, path: bin }));
    expect(problems).toEqual([
      expect.stringMatching(/page\.md:9:1 error uses @samples\/bookinfo\/platform\/kube\/bookinfo\.yaml@, which is not in .*fixtures\/istio \[istio-file-missing\]$/),
      expect.stringMatching(/page\.md:10:1 error helm is not on PATH: install helm \(https:\/\/helm\.sh\/docs\/intro\/install\/\) \[program-missing\]$/),
    ]);
  });

  test('a program several pages call and PATH lacks is one line for the run, counting them and naming the first use', () => {
    const plans = [buildPlan(loadPage(page)), buildPlan(loadPage(page))];
    expect(preflight(plans, { istioDir: ISTIO_DIR, path: bin }).programLines).toEqual([
      expect.stringMatching(/^helm is not on PATH: the 2 pages that call it are skipped \(first called at .*page\.md:10\); install helm \(https:\/\/helm\.sh\/docs\/intro\/install\/\)$/),
    ]);
  });

  test('a program that is on PATH but not executable counts as missing, with the istioctl download hint', () => {
    expect(which('istioctl', bin)).toBeUndefined();
    expect(lines(preflight([seed()], { istioDir: ISTIO_DIR, path: bin }))).toEqual([
      expect.stringMatching(/^content\/es\/boilerplates\/before-you-begin-egress\.md:19:1 error istioctl is not on PATH: download an Istio release \(`curl -L https:\/\/istio\.io\/downloadIstio \| sh -`\)/),
    ]);
  });

  test('error diagnostics of a page stop that page', () => {
    const plan = buildPlan(loadPage('fixtures/pages/bad/unterminated.md'));
    expect(lines(preflight([plan], { path: `${bin}:/usr/bin:/bin` }))[0]).toMatch(/^fixtures\/pages\/bad\/unterminated\.md:8:1 error .*never closed.*\[text-unterminated\]$/);
  });

  test('a page that cannot run does not stop the others: it is left out with its reason, they are ready', () => {
    const result = preflight([buildPlan(loadPage(page)), seed()], { istioDir: ISTIO_DIR, path: `${FAKE_BIN}:/usr/bin:/bin` });
    expect(result.ready.map((p) => p.page.file)).toEqual([SEED('es')]);
    expect(result.blocked.map((b) => blockedReason(b.problems))).toEqual([
      expect.stringMatching(/^preflight: uses @samples\/bookinfo\/platform\/kube\/bookinfo\.yaml@, which is not in .*fixtures\/istio at .*page\.md:9 \(and 1 more problem\)$/),
    ]);
  });
});
