// The preflight names everything a run would miss, before any step runs.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPage } from '../../src/page/load.js';
import { diagnosticLine } from '../../src/report/diagnostic-line.js';
import { blockedReason, preflight, which, type Preflight } from '../../src/run/preflight.js';
import { buildPlan } from '../../src/plan/build-plan.js';
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
