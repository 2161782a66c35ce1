import { join, resolve } from 'node:path';
import { inLanguage, sitePathOf } from './site-path.js';

describe('where a page sits in its site', () => {
  test.each<[string, { siteRoot: string; lang: string; inSite: string } | undefined]>([
    ['content/en/docs/a/index.md', { siteRoot: '', lang: 'en', inSite: 'docs/a/index.md' }],
    ['site/content/zh/docs/a/index.md', { siteRoot: 'site', lang: 'zh', inSite: 'docs/a/index.md' }],
    ['/srv/content/en/mirror/content/zh/docs/a/index.md', { siteRoot: '/srv/content/en/mirror', lang: 'zh', inSite: 'docs/a/index.md' }],
    ['/srv/site/content/pt-br/boilerplates/x.md', { siteRoot: '/srv/site', lang: 'pt-br', inSite: 'boilerplates/x.md' }],
    ['/srv/site/content/en/docs/content/notes/index.md', { siteRoot: '/srv/site', lang: 'en', inSite: 'docs/content/notes/index.md' }],
    ['../site/content/uk/docs/x.md', { siteRoot: '../site', lang: 'uk', inSite: 'docs/x.md' }],
    ['/content/en/x.md', { siteRoot: '/', lang: 'en', inSite: 'x.md' }],
    ['/srv/pages/index.md', undefined],
  ])('%s', (file, expected) => expect(sitePathOf(file)).toEqual(expected));

  test('a relative path outside content/<lang>/ is looked at from the working folder', () => {
    const cwd = process.cwd();
    process.chdir(join(__dirname, '../../content/es'));
    try {
      expect(sitePathOf('docs/tasks/x/index.md')).toEqual({ siteRoot: resolve(cwd), lang: 'es', inSite: 'docs/tasks/x/index.md' });
    } finally {
      process.chdir(cwd);
    }
  });

  test('the same page in another language swaps the last content/<lang>/ only', () => {
    expect(inLanguage('/srv/content/en/mirror/content/zh/docs/a/index.md', 'en')).toBe('/srv/content/en/mirror/content/en/docs/a/index.md');
    expect(inLanguage('content/zh/docs/a/index.md', 'en')).toBe('content/en/docs/a/index.md');
    expect(inLanguage('/srv/pages/index.md', 'en')).toBeUndefined();
  });
});

describe('every stage reads a nested path the same way', () => {
  const nested = '/srv/content/en/mirror/content/zh/docs/a/index.md';
  test('language, content root, site root, reference page, spec, boilerplate and summary language agree on the innermost site', async () => {
    const { languageOf } = await import('./parse.js');
    const { contentRoot } = await import('./load.js');
    const { siteRootOf } = await import('../config/vars.js');
    expect(languageOf(nested)).toBe('zh');
    expect(contentRoot(nested)).toBe('/srv/content/en/mirror/content');
    expect(siteRootOf(nested)).toBe('/srv/content/en/mirror');
    expect(inLanguage(nested, 'en')).toBe('/srv/content/en/mirror/content/en/docs/a/index.md');
    expect(languageOf('/srv/site/content/en/docs/content/notes/index.md')).toBe('en');
  });
});
