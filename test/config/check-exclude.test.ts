// `check.exclude` in doctest.yaml: the site's own file (beside content/) leaves out a folder of pages that are wrong on
// purpose (istio.io's content/en/test/tb, whose redirection block never closes its heredoc), a page's file leaves out
// one rule; `check` prints each with its reason and line, the summary counts what it left out, and a bad entry is a
// positioned spec error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliIn } from '../cli-harness.js';
import { writeTree } from '../istio/script-site.js';

// A page with istio.io's test page's block: a heredoc that never reaches its EOF line before the block ends.
const unterminated = (title: string) => `---
title: ${title}
---
Bash text block with redirection

{{< text bash >}}
$ kubectl apply -f - <<EOF
apiVersion: networking.istio.io/v1
kind: ServiceEntry
{{< /text >}}
`;

let site: string;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'doctest-exclude-'));
  writeTree(site, {
    'content/en/test/tb/index.md': unterminated('Text Blocks'),
    'content/en/docs/partial/index.md': unterminated('Partial'),
    'content/en/docs/clean/index.md': '---\ntitle: Clean\n---\n{{< text bash >}}\n$ echo hi\nhi\n{{< /text >}}\n',
  });
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('check with check.exclude', () => {
  test('without exclusions the intentional errors fail the check', async () => {
    const { code, stdout } = await cliIn(site, ['check', '--no-drift', 'content/en']);
    expect(stdout).toMatch(/3 pages, .*: 2 errors, 0 warnings\n$/);
    expect(code).toBe(1);
  });

  test("the site's doctest.yaml leaves out a folder, a page's leaves out a rule: both printed with their reasons, and the check passes", async () => {
    writeFileSync(join(site, 'doctest.yaml'), "check:\n  exclude:\n    - path: content/en/test\n      reason: istio.io's shortcode test pages, wrong on purpose\n");
    writeFileSync(join(site, 'content/en/docs/partial/doctest.yaml'), 'check:\n  exclude:\n    - rule: heredoc-unterminated\n      reason: the page shows a cut-down manifest\n');
    const { code, stdout } = await cliIn(site, ['check', '--no-drift', 'content/en']);
    expect(stdout).toContain("excluded content/en/test/tb/index.md: istio.io's shortcode test pages, wrong on purpose (doctest.yaml:3)\n");
    expect(stdout).toContain('excluded [heredoc-unterminated] (1 problem under content/en/docs/partial): the page shows a cut-down manifest (content/en/docs/partial/doctest.yaml:3)\n');
    expect(stdout).not.toContain('content/en/test/tb/index.md  [en]');
    expect(stdout).toMatch(/2 pages, .*: 0 errors, 0 warnings; 1 page excluded\n$/);
    expect(code).toBe(0);
    const json = JSON.parse((await cliIn(site, ['check', '--no-drift', '--json', 'content/en'])).stdout);
    expect(json.excluded).toEqual([
      { file: 'content/en/test/tb/index.md', reason: "istio.io's shortcode test pages, wrong on purpose", spec: expect.stringMatching(/doctest\.yaml$/), line: 3 },
      { rule: 'heredoc-unterminated', problems: 1, reason: 'the page shows a cut-down manifest', spec: expect.stringMatching(/partial[\\/]doctest\.yaml$/), line: 3 },
    ]);
    expect(json.summary).toMatchObject({ pages: 2, errors: 0, excluded: 1 });
  });

  test('an entry without a reason is a spec error at its line, and nothing is left out', async () => {
    writeFileSync(join(site, 'doctest.yaml'), 'check:\n  exclude:\n    - path: content/en/test\n');
    const { code, stdout } = await cliIn(site, ['check', '--no-drift', 'content/en']);
    expect(stdout).toMatch(/doctest\.yaml:3:\d+ error `check\.exclude\.0\.reason`: missing: expected a text \[spec-invalid\]/);
    expect(stdout).not.toContain('excluded');
    expect(code).toBe(1);
  });
});
