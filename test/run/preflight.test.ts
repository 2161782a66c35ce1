// The preflight names everything a run would miss, before any step runs.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPage } from '../../src/page/load.js';
import { preflight, which } from '../../src/run/preflight.js';
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

describe('preflight', () => {
  test('the es seed page passes with the fake Istio release and its programs on PATH', () => {
    expect(preflight([seed()], { istioDir: ISTIO_DIR, path: `${FAKE_BIN}:/usr/bin:/bin` })).toEqual([]);
  });

  test('without --istio-dir or ISTIO_DIR it says which file needs a release and how to give one', () => {
    const problems = preflight([seed()], { path: `${FAKE_BIN}:/usr/bin:/bin` });
    expect(problems).toEqual([
      'content/es/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md uses files of an Istio release (samples/curl/curl.yaml): give one with --istio-dir DIR or ISTIO_DIR=DIR (a release from https://istio.io/downloadIstio or a checkout of istio/istio)',
    ]);
  });

  test('each missing file and each missing program is named, with where to get the program', () => {
    const problems = preflight([buildPlan(loadPage(page))], { istioDir: ISTIO_DIR, path: bin });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/page\.md uses @samples\/bookinfo\/platform\/kube\/bookinfo\.yaml@, which is not in .*fixtures\/istio$/);
    expect(problems[1]).toMatch(/^helm is not on PATH \(called by .*page\.md\): install helm \(https:\/\/helm\.sh\/docs\/intro\/install\/\)$/);
  });

  test('a program that is on PATH but not executable counts as missing, with the istioctl download hint', () => {
    expect(which('istioctl', bin)).toBeUndefined();
    const problems = preflight([seed()], { istioDir: ISTIO_DIR, path: bin });
    expect(problems).toEqual([expect.stringMatching(/^istioctl is not on PATH \(called by content\/es\/.*index\.md\): download an Istio release \(`curl -L https:\/\/istio\.io\/downloadIstio \| sh -`\)/)]);
  });

  test('an Istio directory that does not exist is reported once, not once per file', () => {
    expect(preflight([seed()], { istioDir: '/no/such/istio', path: `${FAKE_BIN}:/usr/bin:/bin` })).toEqual(['--istio-dir /no/such/istio: no such folder']);
  });

  test('error diagnostics of a page stop the run', () => {
    const plan = buildPlan(loadPage('fixtures/pages/bad/unterminated.md'));
    const problems = preflight([plan], { path: `${bin}:/usr/bin:/bin` });
    expect(problems[0]).toMatch(/^fixtures\/pages\/bad\/unterminated\.md:8:1 .*never closed.*\[text-unterminated\] \(fix the page before running it\)$/);
  });
});
