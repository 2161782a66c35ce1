import { snipsPath } from './snips.js';

describe('where a page snips file goes', () => {
  test.each<[string, string, string]>([
    ['a page of a site', 'content/en/docs/tasks/traffic/index.md', 'content/en/docs/tasks/traffic/snips.sh'],
    ['a named page', '/src/istio.io/content/zh/docs/setup/getting-started.md', 'content/zh/docs/setup/getting-started.md_snips.sh'],
    ['a boilerplate', 'site/content/uk/boilerplates/before-you-begin-egress.md', 'content/uk/boilerplates/snips/before-you-begin-egress.sh'],
    // A checkout kept in a folder named content/ (git clone into ~/content): the site is the innermost content/<lang>/.
    ['a site inside a folder named content', '/home/me/content/istio.io/content/zh/docs/x/index.md', 'content/zh/docs/x/snips.sh'],
    // `content/istio.io/` is no language folder: outside a site, the path as given.
    ['a content folder that holds no language', 'content/istio.io/notes/index.md', 'content/istio.io/notes/snips.sh'],
    ['outside a site', '../drafts/page.md', 'drafts/page.md_snips.sh'],
    ['outside a site, under a content folder that holds no language', '/srv/content/istio.io/docs/index.md', 'srv/content/istio.io/docs/snips.sh'],
  ])('%s', (_name, file, expected) => {
    expect(snipsPath(file)).toBe(expected);
  });
});
