// sync's to-do list through the CLI on a small site: a missing block is placed after the end line of the aligned block
// before it, under its heading, on the first run (in the text sync wrote) and on every later run; the counts equal
// the items listed; a translated banner in a `plain` block is program output, not a comment to translate again; the
// list can be written as a Markdown checklist.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliIn } from '../cli-harness.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// Writes `content/<lang>/docs/demo/index.md` for each language.
function site(pages: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'sync-todo-'));
  dirs.push(root);
  for (const [lang, lines] of Object.entries(pages)) {
    mkdirSync(join(root, 'content', lang, 'docs', 'demo'), { recursive: true });
    writeFileSync(join(root, 'content', lang, 'docs', 'demo', 'index.md'), `${lines.join('\n')}\n`);
  }
  return root;
}

const en = [
  '---', 'title: Demo', 'test: yes', '---', '', '## Install', '',
  '{{< text bash >}}', '$ kubectl create namespace demo', '$ kubectl label namespace demo istio-injection=enabled', '$ kubectl apply -n demo -f app.yaml', '{{< /text >}}', '',
  '{{< text bash >}}', '$ kubectl get pods -n demo', '{{< /text >}}', '',
  '## Welcome', '',
  '{{< text plain >}}', '#####################', '###   Welcome!    ###', '#####################', 'Console: http://192.168.0.2:30880', 'Account: admin', 'Password: P@88w0rd', '#####################', '{{< /text >}}', '',
  '{{< text bash >}}', '$ kubectl get svc -n demo', '{{< /text >}}', '',
];
const zh = [
  '---', 'title: 演示', 'test: 是', '---', '', '## 安装', '',
  '{{< text bash >}}', '$ kubectl create namespace demo', '$ kubectl label namespace demo istio-injection=enabled', '{{< /text >}}', '',
  '先看一下：', '',
  '## 欢迎', '',
  '{{< text plain >}}', '#####################', '###   欢迎！    ###', '#####################', 'Console: http://192.168.0.2:30880', 'Account: admin', 'Password: P@88w0rd', '#####################', '{{< /text >}}', '',
  '{{< text bash >}}', '$ kubectl get svc -n demo', '{{< /text >}}', '',
];

describe('sync to-do list', () => {
  test('a missing block goes after the aligned block before it, on the first and the second run; counts equal the items', async () => {
    const root = site({ en, zh });
    const page = 'content/zh/docs/demo/index.md';
    const first = await cliIn(root, ['sync', '--todo-markdown', 'todo.md', 'content/zh']);
    expect(first.code).toBe(0);
    const synced = readFileSync(join(root, page), 'utf8').split('\n');
    // The first block took the reference's three commands: its closer moved from line 11 to line 12.
    expect(synced.slice(7, 12)).toEqual(['{{< text bash >}}', '$ kubectl create namespace demo', '$ kubectl label namespace demo istio-injection=enabled', '$ kubectl apply -n demo -f app.yaml', '{{< /text >}}']);
    const missing = `${page}:12: missing block snip_install_2 (content/en/docs/demo/index.md:14): insert the block from line 14 of the en page after line 12, under the heading '安装', and translate its prose`;
    const flag = `${page}:3: test flag: 是 here, yes on content/en/docs/demo/index.md — write \`test: yes\` on line 3 as the reference has it`;
    const items = (text: string) => text.split('\n').filter((l) => l.startsWith(`${page}:`) && !l.endsWith(': synced'));
    expect(items(first.stdout)).toEqual([missing, flag]);
    // The banner is program output: synced as output, never "translate it again".
    expect(synced).toContain('###   Welcome!    ###');
    expect(first.stdout).not.toMatch(/translate it again/);
    expect(first.stdout).toContain('sync against en: 1 translated page, 3 drifted blocks: 2 synced, 1 left to translators; 1 file changed\n');
    expect(first.stdout).toContain('to do: 2 items listed above: 1 block left, 1 test flag\n');
    expect(readFileSync(join(root, 'todo.md'), 'utf8')).toBe(
      [
        '### Left to translate after `istio-doctest sync` (against en)',
        '',
        `**${page}**`,
        '',
        `- [ ] line 12: ${missing.slice(`${page}:12: `.length)}`,
        `- [ ] line 3: ${flag.slice(`${page}:3: `.length)}`,
        '',
      ].join('\n'),
    );

    const second = await cliIn(root, ['sync', 'content/zh']);
    expect(items(second.stdout)).toEqual([missing, flag]);
    expect(second.stdout).toContain('1 drifted block: 0 synced, 1 left to translators; 0 files changed\n');
    expect(second.stdout).toContain('to do: 2 items listed above: 1 block left, 1 test flag\n');
  });
});
