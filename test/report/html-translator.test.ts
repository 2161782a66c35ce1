/// <reference lib="dom" />
// The HTML report as a translator works from it, in Debian's Chromium through playwright-core, on a small site of
// en, uk and zh pages with a run's events: multi-select standing filters (and the "needs work" preset) applied to the
// table and the drill-downs, next steps first in a drill-down, a long changed command wrapped so its change is seen,
// a deleted one-character quote visibly marked in light and dark mode, run status only where runs were given, "—"
// where a page does not exist, a failed step on a block the same as the reference's, a phone-width screen, CJK text.
// Screenshots go to test-output/report/ (CI keeps them as artifacts).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureBuilt, ROOT, runCli } from '../run/harness.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-output', 'report');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stdout.write(`skipping the translator's HTML report test: ${CHROMIUM} is absent (apt-get install chromium fonts-noto-cjk)\n`);

const LONG = (end: string) =>
  `$ kubectl exec "$SOURCE_POD" -c istio-proxy -- sh -c 'tail -f /var/log/envoy/access.log | grep --line-buffered --color=never "outbound|443||edition.cnn.com" | head -n 5 && echo ${end}'`;
const page = (title: string, test: string, headings: [string, string], comment: string, long: string, curl: string) => [
  '---', `title: ${title}`, `test: ${test}`, '---', '', `## ${headings[0]}`, '',
  '{{< text bash >}}', long, '{{< /text >}}', '',
  '{{< text bash >}}', curl, '{{< /text >}}', '',
  `## ${headings[1]}`, '',
  '{{< text bash >}}', `$ kubectl get svc -n demo # ${comment}`, 'NAME      TYPE        CLUSTER-IP', 'httpbin   ClusterIP   10.96.0.10', '{{< /text >}}', '',
].join('\n');

let browser: Browser | undefined;
let dir = '';
let out = '';
beforeAll(async () => {
  ensureBuilt();
  if (!hasChromium) return;
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'doctest-report-tr-'));
  const write = (lang: string, path: string, text: string) => {
    mkdirSync(join(dir, 'content', lang, path), { recursive: true });
    writeFileSync(join(dir, 'content', lang, path, 'index.md'), text);
  };
  const curl = '$ curl -sS "http://httpbin:8000/headers"';
  write('en', 'docs/demo', page('Demo', 'yes', ['Install', 'Check'], 'list the services', LONG('done'), curl));
  // zh: the long command changed at its very end, one quote deleted, a translated comment, a translated test flag.
  write('zh', 'docs/demo', page('演示', '是', ['安装', '检查'], '列出服务', LONG('finished'), '$ curl -sS "http://httpbin:8000/headers'));
  // uk: only a translated comment: fine.
  write('uk', 'docs/demo', page('Демо', 'yes', ['Встановлення', 'Перевірка'], 'перелік сервісів', LONG('done'), curl));
  write('zh', 'docs/only-zh', page('仅中文', 'no', ['安装', '检查'], '列出服务', LONG('done'), curl));
  // A run of the uk page whose last step failed: that block is the same as the English one.
  const uk = join(dir, 'content/uk/docs/demo/index.md');
  const events = join(dir, 'events.jsonl');
  writeFileSync(
    events,
    [
      { type: 'page-start', file: uk, lang: 'uk', steps: 3 },
      { type: 'step', page: uk, file: uk, line: 19, id: 'snip_check_1', status: 'failed', message: 'the output does not match', diff: '-httpbin   ClusterIP   10.96.0.10\n+httpbin   ClusterIP   10.96.0.11', attempts: 1, durationMs: 10 },
      { type: 'page', file: uk, lang: 'uk', status: 'failed', durationMs: 30 },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n'),
  );
  out = join(dir, 'report.html');
  const made = await runCli(['report', '--html', out, '--runs', events, join(dir, 'content')], {});
  expect(made.code).toBe(0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 300000);
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Opens the report in a fresh page with a colour scheme and a width.
async function open(scheme: 'light' | 'dark', width: number, hash = ''): Promise<Page> {
  const context = await browser!.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
  const p = await context.newPage();
  await p.goto(`file://${out}${hash}`);
  return p;
}

const cellText = async (p: Page, path: string, lang: string) => (await p.locator(`tr[data-path="${path}"] td[data-lang="${lang}"]`).innerText()).replace(/\s+/g, ' ').trim();
const visibleDetails = (p: Page) => p.locator('details[data-path]').evaluateAll((els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => `${e.getAttribute('data-lang')} ${e.getAttribute('data-path')}`));

(hasChromium ? describe : describe.skip)("the HTML report for a translator, in Chromium", () => {
  test('standings, run status only where runs were given, "—" where a page does not exist, filters on table and details', async () => {
    const p = await open('light', 1280);
    expect(await cellText(p, 'docs/demo/index.md', 'en')).toBe('reference');
    expect(await cellText(p, 'docs/demo/index.md', 'uk')).toBe('comments translated failed');
    expect(await cellText(p, 'docs/demo/index.md', 'zh')).toBe('drifted commands');
    expect(await cellText(p, 'docs/only-zh/index.md', 'en')).toBe('—');
    expect(await cellText(p, 'docs/only-zh/index.md', 'uk')).toBe('—');
    expect(await cellText(p, 'docs/only-zh/index.md', 'zh')).toBe('no reference');
    expect(await p.locator('table.counts').innerText()).not.toMatch(/no reference\s+1\s+1/);
    expect((await visibleDetails(p)).sort()).toEqual(['uk docs/demo/index.md', 'zh docs/demo/index.md']);

    // "needs work": the zh page only, in the table and below it.
    await p.click('button[name=needs-work]');
    await expect(p.locator('#shown').innerText()).resolves.toBe('1 of 2 pages shown, 1 of 2 details');
    expect(await visibleDetails(p)).toEqual(['zh docs/demo/index.md']);
    expect(await p.locator('input[name=status][value=commands]').isChecked()).toBe(true);
    expect(await p.locator('input[name=status][value=comments]').isChecked()).toBe(false);
    // Two standings at once: drifted commands or comments translated.
    await p.click('button[name=any]');
    await p.check('input[name=status][value=commands]');
    await p.check('input[name=status][value=comments]');
    expect((await visibleDetails(p)).sort()).toEqual(['uk docs/demo/index.md', 'zh docs/demo/index.md']);
    // With a language too: uk's only.
    await p.selectOption('select[name=lang]', 'uk');
    expect(await visibleDetails(p)).toEqual(['uk docs/demo/index.md']);
    await expect(p.locator('#shown').innerText()).resolves.toBe('1 of 2 pages shown, 1 of 2 details');
    await p.screenshot({ path: join(SHOTS, 'translator-filters-light.png'), fullPage: true });
    await p.context().close();
  }, 120000);

  test('a drill-down starts with its next steps; the long command wraps so its change is seen; a deleted quote is marked', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const p = await open(scheme, 1280, '#' + (await idOf('zh')));
      const details = p.locator('details[open]');
      const first = details.locator('.body > *').first();
      expect(await first.getAttribute('class')).toBe('next');
      const next = await first.innerText();
      expect(next).toContain('run istio-doctest sync ');
      expect(next).toContain('edit 1 by hand');
      expect(next).toContain('write test: yes on line 3 as the reference has it');
      // The long command's change, at its very end, is inside the visible box (wrapped, not cut off).
      const ins = details.locator('ins', { hasText: 'finished' });
      const box = await ins.boundingBox();
      const pre = await ins.evaluate((el) => {
        const r = el.closest('pre')!.getBoundingClientRect();
        return { right: r.right, left: r.left, scroll: el.closest('pre')!.scrollWidth, client: el.closest('pre')!.clientWidth };
      });
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(pre.right);
      expect(pre.scroll).toBeLessThanOrEqual(pre.client + 1);
      // The deleted one-character quote: a framed mark some pixels wide, not a sliver.
      const quote = details.locator('del.small');
      expect(await quote.innerText()).toBe('"');
      const mark = await quote.evaluate((el) => {
        const style = getComputedStyle(el);
        return { width: el.getBoundingClientRect().width, outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth), color: style.outlineColor, background: style.backgroundColor };
      });
      expect(mark.width).toBeGreaterThanOrEqual(10);
      expect(mark.outline).toBe('solid');
      expect(mark.outlineWidth).toBeGreaterThanOrEqual(2);
      expect(mark.color).not.toBe(mark.background);
      await details.screenshot({ path: join(SHOTS, `translator-drilldown-${scheme}.png`) });
      await p.context().close();
    }
  }, 120000);

  test('a failed step on a block the same as the reference says the reference expects the same output, at its line', async () => {
    const p = await open('light', 1280, '#' + (await idOf('uk')));
    const text = await p.locator('details[open]').innerText();
    expect(text).toContain('The en page expects the same output here');
    expect(text).toMatch(/content\/en\/docs\/demo\/index\.md:19\): not a translation problem/);
    await p.context().close();
  }, 60000);

  test('on a phone: nothing but the tables scrolls sideways, the sides stack, Chinese text has real glyphs', async () => {
    const p = await open('dark', 390, '#' + (await idOf('zh')));
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await p.locator('details[open]').innerText()).toContain('# 列出服务');
    const width = await p.evaluate(() => {
      const probe = document.createElement('span');
      probe.textContent = '安装检查';
      document.body.append(probe);
      const w = probe.getBoundingClientRect().width;
      probe.remove();
      return w;
    });
    expect(width).toBeGreaterThan(30);
    await p.screenshot({ path: join(SHOTS, 'translator-phone-dark.png'), fullPage: false });
    await p.context().close();
  }, 60000);
});

// The id of a language's drill-down of the demo page, read from the table's link.
async function idOf(lang: string): Promise<string> {
  const p = await open('light', 1280);
  const href = await p.locator(`tr[data-path="docs/demo/index.md"] td[data-lang="${lang}"] a`).getAttribute('href');
  await p.context().close();
  return href!.slice(1);
}
