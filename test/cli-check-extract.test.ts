import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli-harness.js';

const esPage = 'content/es/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';

describe('istio-doctest check', () => {
  test('prints each seed page with its language, title, test flag and counts, and a summary', async () => {
    const { code, stdout } = await cli(['check', 'content/es', 'content/uk', 'content/zh']);
    expect(stdout).toContain(`${esPage}  [es] "Services de Kubernetes para Tráfico de Salida"  test: yes  22 blocks, 25 commands, boilerplates: before-you-begin-egress`);
    expect(stdout).toMatch(/^6 pages, 75 blocks, 84 commands: 0 errors/m);
    expect(code).toBe(0);
  });

  test('exits 1 with a clear "not a Hugo page" message on the rendered and reStructuredText seeds', async () => {
    const { code, stdout } = await cli(['check', 'fixtures/seeds/003-rendered-es-page.txt', 'fixtures/seeds/004-restructuredtext-en-page.txt']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}fixtures\/seeds\/003-rendered-es-page\.txt:1:1 error not a Hugo page: .*rendered web page.* \[not-hugo-page\]$/m);
    expect(stdout).toMatch(/^ {2}fixtures\/seeds\/004-restructuredtext-en-page\.txt:1:1 error not a Hugo page: .*reStructuredText.* \[not-hugo-page\]$/m);
  });

  test('a bad page is reported as file:line:column severity message [rule] and the other pages are still checked', async () => {
    const { code, stdout } = await cli(['check', 'fixtures/pages']);
    expect(code).toBe(1);
    expect(stdout).toContain('fixtures/pages/bad/unterminated.md:8:1 error the `{{< text >}}` block opened on line 8 is never closed with `{{< /text >}}` [text-unterminated]');
    expect(stdout).toContain('fixtures/pages/constructs.md  [en] "Every construct"');
  });

  test('a missing path and an unknown option are usage errors (exit 2): one line and where the help is, no stack trace', async () => {
    const missing = await cli(['check', 'no/such/dir']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'istio-doctest: no/such/dir: no such file or folder\nRun `istio-doctest check --help` for usage.\n' });
    const usage = await cli(['check', '--frobnicate', 'content']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^istio-doctest: Unknown option '--frobnicate'.*\nRun `istio-doctest check --help` for usage\.\n$/);
  });

  test('with GITHUB_ACTIONS=true, problems are also printed as workflow annotations', async () => {
    process.env.GITHUB_ACTIONS = 'true';
    try {
      const { stdout } = await cli(['check', 'fixtures/pages/bad/exec-it.md']);
      expect(stdout).toContain('::error file=fixtures/pages/bad/exec-it.md,line=7,col=1,title=kubectl-exec-it::');
    } finally {
      delete process.env.GITHUB_ACTIONS;
    }
  });
});

describe('istio-doctest extract', () => {
  test('--format json gives blocks with ids, lines, sections and steps', async () => {
    const { code, stdout } = await cli(['extract', esPage]);
    expect(code).toBe(0);
    const { pages } = JSON.parse(stdout);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ file: esPage, lang: 'es', test: 'yes', diagnostics: [] });
    expect(pages[0].blocks).toHaveLength(22);
    const svc = pages[0].blocks.find((b: { steps?: { command: string }[] }) => b.steps?.[0]?.command === 'kubectl get svc my-httpbin');
    expect(svc).toMatchObject({ line: 84, endLine: 88, syntax: 'bash', outputSyntax: null, tab: null });
    expect(svc.steps[0]).toEqual({
      command: 'kubectl get svc my-httpbin',
      line: 85,
      expected: 'NAME         TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nmy-httpbin   ExternalName   <none>       httpbin.org   80/TCP    4s',
    });
  });

  test('--format snips writes snips.sh files under --out-dir, with the boilerplate sourced first', async () => {
    const out = mkdtempSync(join(tmpdir(), 'snips-'));
    const { code } = await cli(['extract', '--format', 'snips', '--out-dir', out, 'fixtures/site/content/en/docs/demo/index.md', 'fixtures/pages/constructs.md']);
    expect(code).toBe(0);
    const demo = readFileSync(join(out, 'content/en/docs/demo/snips.sh'), 'utf8');
    expect(demo).toContain('source "content/en/boilerplates/snips/first.sh"\n\nsnip_steps_1() {\necho "demo 1.27"\n}\n\n! IFS=$\'\\n\' read -r -d \'\' snip_steps_1_out <<\\ENDSNIP\ndemo 1.27\nENDSNIP\n');
    const constructs = readFileSync(join(out, 'fixtures/pages/constructs.md_snips.sh'), 'utf8');
    expect(constructs).toContain('\nsnip_custom_name() {\nkubectl apply -f samples/httpbin/httpbin.yaml\n');
    expect(constructs).not.toContain('not a snippet');
  });

  test("a snips file starts with istio.io's generated header byte for byte (its markdown path relative to content/en), so regenerating istio.io's snips changes no header", async () => {
    const out = mkdtempSync(join(tmpdir(), 'snips-'));
    const { code } = await cli(['extract', '--format', 'snips', '--out-dir', out, 'fixtures/site/content/en/docs/demo/index.md']);
    expect(code).toBe(0);
    // The first 21 lines of istio.io's content/en/docs/tasks/security/authentication/mtls-migration/snips.sh, with this
    // page's path, then at once the body: its `source` line (a page without one has a blank line there).
    const istio = [
      '#!/bin/bash',
      '# shellcheck disable=SC2034,SC2153,SC2155,SC2164',
      '',
      '# Copyright Istio Authors. All Rights Reserved.',
      '#',
      '# Licensed under the Apache License, Version 2.0 (the "License");',
      '# you may not use this file except in compliance with the License.',
      '# You may obtain a copy of the License at',
      '#',
      '#    http://www.apache.org/licenses/LICENSE-2.0',
      '#',
      '# Unless required by applicable law or agreed to in writing, software',
      '# distributed under the License is distributed on an "AS IS" BASIS,',
      '# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.',
      '# See the License for the specific language governing permissions and',
      '# limitations under the License.',
      '',
      '####################################################################################################',
      '# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:',
      '#          docs/demo/index.md',
      '####################################################################################################',
      'source "content/en/boilerplates/snips/first.sh"',
      '',
      'snip_steps_1() {',
    ].join('\n');
    expect(readFileSync(join(out, 'content/en/docs/demo/snips.sh'), 'utf8').startsWith(istio)).toBe(true);
    // A boilerplate's file names the boilerplate; a page with no `source` line has a blank line after the banner.
    expect(readFileSync(join(out, 'content/en/boilerplates/snips/first.sh'), 'utf8')).toContain('\n#          boilerplates/first.md\n' + '#'.repeat(100) + '\nsource "content/en/boilerplates/snips/second.sh"\n\nbpsnip_first__1() {\n');
    expect(readFileSync(join(out, 'content/en/boilerplates/snips/second.sh'), 'utf8')).toContain('\n#          boilerplates/second.md\n' + '#'.repeat(100) + '\n\nbpsnip_second_');
  });

  test('snips written with --out-dir can be sourced from that folder, the boilerplates they include with them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'snips-'));
    const { code } = await cli(['extract', '--format', 'snips', '--out-dir', out, 'fixtures/site/content/en/docs/demo/index.md']);
    expect(code).toBe(0);
    expect(existsSync(join(out, 'content/en/boilerplates/snips/first.sh'))).toBe(true);
    expect(existsSync(join(out, 'content/en/boilerplates/first.md_snips.sh'))).toBe(false);
    // A boilerplate's snippets are named as istio.io names them: bpsnip_<boilerplate>_<id without snip_>.
    const script = 'set -e; source content/en/docs/demo/snips.sh; snip_steps_1; bpsnip_first__1; type -t bpsnip_first__1';
    const bash = spawnSync('bash', ['-c', script], { cwd: out, encoding: 'utf8' });
    expect(bash.stderr).toBe('');
    expect(bash.stdout).toBe('demo 1.27\nfirst\nfunction\n');
  });

  test('`kubectl exec -it` is reported on standard error, and the message says the line is written as it is', async () => {
    const { stdout, stderr } = await cli(['extract', '--format', 'snips', 'fixtures/pages/bad/exec-it.md']);
    expect(stderr).toContain('fixtures/pages/bad/exec-it.md:7:1 error');
    expect(stderr).toContain('written to the snippet as it is');
    expect(stderr).not.toContain('left out');
    expect(stdout).toContain('kubectl exec -it "$SOURCE_POD" -c curl -- sh\n}');
    expect(stdout).not.toContain('>>>');
  });

  test('an unknown format is a usage error with exit code 2', async () => {
    const { code, stderr } = await cli(['extract', '--format', 'xml', esPage]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown --format 'xml' (json or snips)");
  });
});
