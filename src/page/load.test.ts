import { join, relative } from 'node:path';
import { findPages, loadPage } from './load.js';

const site = relative(process.cwd(), join(__dirname, '../../fixtures/site'));

describe('boilerplate includes', () => {
  test('a boilerplate resolves to content/<lang>/boilerplates/NAME.md and nested includes are followed', () => {
    const page = loadPage(join(site, 'content/en/docs/demo/index.md'));
    const first = page.includes.find((i) => i.name === 'first')!;
    expect(first.file).toBe(join(site, 'content/en/boilerplates/first.md'));
    expect(first.page!.includes[0].page!.blocks[0].steps![0].command).toBe('echo second');
  });

  test('an unknown boilerplate is an error naming the file looked for', () => {
    const page = loadPage(join(site, 'content/en/docs/demo/index.md'));
    const unknown = page.diagnostics.find((d) => d.ruleId === 'boilerplate-unknown')!;
    expect(unknown.line).toBe(15);
    expect(unknown.message).toContain('missing-one.md');
  });

  test('a cycle of boilerplates is reported with the whole chain, and loading ends', () => {
    const page = loadPage(join(site, 'content/en/boilerplates/loop-a.md'));
    const loopB = page.includes[0].page!;
    expect(loopB.diagnostics).toEqual([expect.objectContaining({ ruleId: 'boilerplate-cycle', line: 3 })]);
    expect(loopB.diagnostics[0].message).toMatch(/loop-a\.md → .*loop-b\.md → .*loop-a\.md/);
  });

  test('a translation without its own boilerplate falls back to the English one with a warning', () => {
    const page = loadPage(join(site, 'content/es/docs/demo/index.md'));
    const first = page.includes[0].page!;
    expect(first.file).toBe(join(site, 'content/es/boilerplates/first.md'));
    expect(first.diagnostics).toEqual([expect.objectContaining({ ruleId: 'boilerplate-fallback', severity: 'warning' })]);
    expect(first.includes[0].file).toBe(join(site, 'content/en/boilerplates/second.md'));
  });

  test('a file that cannot be read is a diagnostic, not an exception', () => {
    const page = loadPage(join(site, 'content/en/docs/nowhere.md'));
    expect(page.diagnostics).toEqual([expect.objectContaining({ ruleId: 'file-unreadable', severity: 'error' })]);
  });
});

describe('finding pages', () => {
  test('folders are searched for markdown files in sorted order, and missing paths are listed', () => {
    const { files, missing } = findPages([join(site, 'content/es'), 'no/such/path']);
    expect(files).toEqual([join(site, 'content/es/boilerplates/first.md'), join(site, 'content/es/docs/demo/index.md')]);
    expect(missing).toEqual(['no/such/path']);
  });
});
