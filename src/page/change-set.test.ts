import { changedPaths, changeSet } from './change-set.js';

// A checkout as a set of files and its language folders.
function site(files: string[], langs: Record<string, string[]>) {
  const set = new Set(files);
  return { exists: (file: string) => set.has(file), languages: (root: string) => langs[root] ?? [] };
}

describe('changeSet', () => {
  const files = [
    'content/en/docs/a/index.md', 'content/zh/docs/a/index.md', 'content/uk/docs/a/index.md',
    'content/en/docs/b/index.md', 'content/zh/docs/c/index.md',
  ];
  const source = site(files, { '': ['en', 'uk', 'zh'] });

  test('a changed English page brings its existing translations, each naming the change', () => {
    const set = changeSet(['content/en/docs/a/index.md'], 'en', source);
    expect(set.changed).toEqual(['content/en/docs/a/index.md']);
    expect(set.stale).toEqual([
      { file: 'content/uk/docs/a/index.md', reference: 'content/en/docs/a/index.md' },
      { file: 'content/zh/docs/a/index.md', reference: 'content/en/docs/a/index.md' },
    ]);
  });

  test('a translation changed in the same change set is changed, not stale', () => {
    const set = changeSet(['content/en/docs/a/index.md', 'content/zh/docs/a/index.md'], 'en', source);
    expect(set.changed).toEqual(['content/en/docs/a/index.md', 'content/zh/docs/a/index.md']);
    expect(set.stale.map((s) => s.file)).toEqual(['content/uk/docs/a/index.md']);
  });

  test('an English page without translations, removed pages, other files and paths outside content/<lang>/ are no pages', () => {
    const set = changeSet(['content/en/docs/b/index.md', 'content/zh/docs/gone/index.md', 'README.md', 'content/en/docs/a/snips.sh', 'src/x.md'], 'en', source);
    expect(set.changed).toEqual(['content/en/docs/b/index.md']);
    expect(set.stale).toEqual([]);
    expect(set.ignored).toEqual(['content/zh/docs/gone/index.md', 'README.md', 'content/en/docs/a/snips.sh', 'src/x.md']);
  });

  test('a site below a folder keeps its root when looking for translations', () => {
    const nested = site(['web/content/en/x.md', 'web/content/zh/x.md'], { web: ['en', 'zh'] });
    expect(changeSet(['web/content/en/x.md'], 'en', nested).stale).toEqual([{ file: 'web/content/zh/x.md', reference: 'web/content/en/x.md' }]);
  });
});

describe('changedPaths', () => {
  test('reads git diff --name-only output: one path a line, blanks and ./ dropped', () => {
    expect(changedPaths('content/en/a.md\r\n\n  ./content/zh/a.md \n')).toEqual(['content/en/a.md', 'content/zh/a.md']);
  });
});
