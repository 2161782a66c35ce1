/// <reference lib="dom" />
// The HTML report in a real browser (Debian's Chromium driven by playwright-core): the matrix cells of the seed pages
// with a real run's results, a drill-down opened from the keyboard, a corpus sample, and screenshots (light, dark,
// phone width) under test-output/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { corpus, corpusPresent } from '../corpus.js';
import { ensureBuilt, fakeCluster, ISTIO_DIR, ROOT, runCli } from '../run/harness.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-output', 'report');
const SEED = 'docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stdout.write(`skipping the HTML report browser test: ${CHROMIUM} is absent (apt-get install chromium fonts-noto-cjk)\n`);
const browserTest = hasChromium ? test : test.skip;

let browser: Browser | undefined;
const dirs: string[] = [];
beforeAll(async () => {
  ensureBuilt();
  if (!hasChromium) return;
  mkdirSync(SHOTS, { recursive: true });
  // launch() gives every run a fresh, temporary user-data-dir of its own.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120000);
afterAll(async () => {
  await browser?.close();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

// Opens a report file in a fresh page with the given colour scheme and width; no request may leave the file.
async function open(file: string, scheme: 'light' | 'dark', width: number): Promise<{ page: Page; requests: string[] }> {
  const context = await browser!.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  await page.goto(`file://${file}`);
  return { page, requests };
}

// The text of the matrix cell of a page path and a language.
async function cell(page: Page, path: string, lang: string): Promise<string> {
  return (await page.locator(`tr[data-path="${path}"] td[data-lang="${lang}"]`).innerText()).replace(/\s+/g, ' ').trim();
}

describe('istio-doctest report --html in Chromium', () => {
  browserTest('the seed pages with a real run: matrix cells, filters, a drill-down opened from the keyboard, light and dark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-report-'));
    dirs.push(dir);
    const cluster = fakeCluster();
    const events = join(dir, 'events.jsonl');
    const ran = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', events, 'fixtures/run/failure/index.md'], cluster.env);
    expect(ran.code).toBe(1);
    const out = join(dir, 'report.html');
    const made = await runCli(['report', '--html', out, '--runs', events, 'content', 'fixtures/run/failure/index.md'], {});
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^report: .*report\.html: 3 pages in 4 languages, 3 translations with drifted blocks, with run results$/);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);

    const { page, requests } = await open(out, 'light', 1280);
    // Run status only where the runs name the page: the seed pages were not in this run.
    expect(await cell(page, SEED, 'en')).toBe('reference');
    expect(await cell(page, SEED, 'es')).toBe('drifted commands');
    expect(await cell(page, SEED, 'zh')).toBe('same');
    expect(await cell(page, 'boilerplates/before-you-begin-egress.md', 'uk')).toBe('same');
    expect(await cell(page, 'fixtures/run/failure/index.md', 'en')).toBe('reference failed');
    await page.screenshot({ path: join(SHOTS, 'seed-light.png'), fullPage: true });

    // Filters: only pages whose zh translation drifted: none; any page with a failed run: the fixture.
    await page.selectOption('select[name=lang]', 'zh');
    await page.check('input[name=status][value=commands]');
    await expect(page.locator('#shown').innerText()).resolves.toMatch(/^0 of 3 pages shown/);
    await page.selectOption('select[name=lang]', '');
    await page.uncheck('input[name=status][value=commands]');
    await page.check('input[name=status][value=failed]');
    await expect(page.locator('#shown').innerText()).resolves.toMatch(/^1 of 3 pages shown/);
    await page.fill('input[name=q]', 'egress');
    await expect(page.locator('#shown').innerText()).resolves.toMatch(/^0 of 3 pages shown/);

    // The es cell's link, reached with the keyboard, opens the drill-down: both blocks, numbered, changed words marked.
    await page.fill('input[name=q]', '');
    await page.click('button[name=any]');
    const link = page.locator(`tr[data-path="${SEED}"] td[data-lang="es"] a`);
    await link.focus();
    await page.keyboard.press('Enter');
    const details = page.locator('details[open]');
    await expect(details.count()).resolves.toBe(1);
    const text = await details.innerText();
    expect(text).toContain('reference (en)');
    expect(text).toContain('translation (es)');
    expect(await details.locator('del').first().innerText()).toBe('sleep');
    expect(await details.locator('ins').first().innerText()).toBe('curl');
    expect(await details.locator('.n').first().innerText()).toBe('47');
    expect(await details.locator('summary').evaluate((el) => el === document.activeElement)).toBe(true);
    await details.screenshot({ path: join(SHOTS, 'seed-drilldown-light.png') });

    // The failing step of the run, with the matcher's diff.
    const failedLink = page.locator('tr[data-path="fixtures/run/failure/index.md"] td[data-lang="en"] a');
    const target = (await failedLink.getAttribute('href'))!.slice(1);
    await failedLink.click();
    const failed = page.locator(`details[id="${target}"]`);
    expect(await failed.getAttribute('open')).toBe('');
    // The failure's one line, read back from the run's events, as the run's console and annotations show it.
    expect(await failed.innerText()).toContain('fixtures/run/failure/index.md:19: line-differs: column STATUS: expected "Terminating", got "Active" (command at line 17)');
    expect(await failed.locator('pre.diff .rem').first().innerText()).toContain('Terminating');
    expect(requests).toEqual([]);
    await page.context().close();

    const dark = await open(out, 'dark', 390);
    const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(13, 17, 23)');
    // On a phone the two sides stack and nothing but the tables scrolls sideways.
    expect(await dark.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await dark.page.screenshot({ path: join(SHOTS, 'seed-dark-phone.png'), fullPage: false });
    await dark.page.goto(`file://${out}#d--1--es`);
    await dark.page.locator('details[open]').screenshot({ path: join(SHOTS, 'seed-drilldown-dark-phone.png') });
    await dark.page.context().close();
  }, 300000);

  const withCorpus = hasChromium && corpusPresent('the HTML report of a corpus sample');
  (withCorpus ? test : test.skip)('a corpus sample (traffic management in en, uk, zh): one row per page, Chinese text rendered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-report-'));
    dirs.push(dir);
    const out = join(dir, 'corpus.html');
    const area = 'docs/tasks/traffic-management';
    const made = await runCli(['report', '--html', out, ...['en', 'uk', 'zh'].map((lang) => join(corpus, 'content', lang, area))], {});
    expect(made.code).toBe(0);
    const { page } = await open(out, 'light', 1280);
    const rows = await page.locator('table.matrix tbody tr').count();
    expect(rows).toBeGreaterThan(20);
    const statuses = await page.locator('table.matrix td[data-lang="zh"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
    expect(statuses).toContain('same');
    expect(statuses.some((s) => s === 'commands' || s === 'outputs' || s === 'translated' || s === 'missing')).toBe(true);
    // A zh drill-down shows its Chinese text with real glyphs (a CJK font is installed), not empty boxes.
    const zhLink = page.locator('table.matrix td[data-lang="zh"] a').first();
    await zhLink.click();
    const summary = await page.locator('details[open] summary').innerText();
    expect(summary).toMatch(/^zh · /);
    const glyphWidth = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.textContent = '流量管理';
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width;
    });
    expect(glyphWidth).toBeGreaterThan(30);
    await page.screenshot({ path: join(SHOTS, 'corpus-light.png') });
    await page.context().close();
  }, 300000);
});
