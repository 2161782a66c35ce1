import { coveredPages, ownPageOf, pageOfSnips, sourcedPaths } from './coverage.js';

// A checkout in the shapes istio.io has: a folder test sourcing its sub-pages' snips, scripts sharing a common.sh that
// sources two sub-pages, a gtwapi variant sourcing its sibling test.sh, and helpers sourcing each other in a cycle.
const files: Record<string, string> = {
  'content/en/docs/ambient/getting-started/test.sh': [
    '# @setup profile=ambient',
    'source "content/en/boilerplates/snips/gateway-api-remove-crds.sh"',
    'source "content/en/docs/ambient/getting-started/deploy-sample-app/snips.sh"',
    'source "content/en/docs/ambient/getting-started/cleanup/snips.sh"',
    'snip_deploy_1',
    '# @cleanup',
    'snip_cleanup_1',
  ].join('\n'),
  'content/en/docs/lb/failover/test.sh': '# @setup profile=default\nsource content/en/docs/lb/common.sh\nsnip_failover_1\n# @cleanup\nsource content/en/docs/lb/common.sh\n',
  'content/en/docs/lb/common.sh': 'source content/en/docs/lb/before-you-begin/snips.sh\nsource content/en/docs/lb/cleanup/snips.sh # for cleanup\nsource "tests/util/loop-a.sh"\n',
  'tests/util/loop-a.sh': '. tests/util/loop-b.sh\n',
  'tests/util/loop-b.sh': 'source "tests/util/loop-a.sh" || true\n',
  'content/en/docs/routing/test.sh': '# @setup profile=default\nsnip_route_1\n# @cleanup\nsnip_cleanup_1\n',
  'content/en/docs/routing/gtwapi_test.sh': '# @setup profile=default\nsource "tests/util/gateway-api.sh"\nsource "content/en/docs/routing/test.sh"\n# @cleanup\n',
  // A path built from a variable cannot be followed, and is not guessed.
  'content/en/docs/dynamic/test.sh': '# @setup profile=none\nsource "$DIR/snips.sh"\n# @cleanup\n',
};
const read = (path: string) => files[path];

describe('coveredPages', () => {
  const scripts = Object.keys(files).filter((f) => f.endsWith('test.sh'));
  const covered = coveredPages(scripts, read);

  test("a script covers its own page, and the pages whose snips it sources, directly or through helpers at any depth", () => {
    expect(covered.get('docs/ambient/getting-started/deploy-sample-app/index.md')).toEqual(['content/en/docs/ambient/getting-started/test.sh']);
    expect(covered.get('docs/ambient/getting-started/cleanup/index.md')).toEqual(['content/en/docs/ambient/getting-started/test.sh']);
    expect(covered.get('docs/lb/before-you-begin/index.md')).toEqual(['content/en/docs/lb/failover/test.sh']);
    expect(covered.get('docs/lb/cleanup/index.md')).toEqual(['content/en/docs/lb/failover/test.sh']);
    expect(covered.get('docs/lb/failover/index.md')).toEqual(['content/en/docs/lb/failover/test.sh']);
    expect(covered.get('boilerplates/gateway-api-remove-crds.md')).toEqual(['content/en/docs/ambient/getting-started/test.sh']);
  });

  test('a variant sourcing its sibling test.sh covers the same page, each script once', () => {
    expect(covered.get('docs/routing/index.md')).toEqual(['content/en/docs/routing/test.sh', 'content/en/docs/routing/gtwapi_test.sh']);
  });

  test("a script covers its folder's page whatever it sources; a path built from a variable is not followed", () => {
    expect(covered.get('docs/dynamic/index.md')).toEqual(['content/en/docs/dynamic/test.sh']);
    expect([...covered.keys()].some((k) => k.includes('$'))).toBe(false);
  });
});

describe('the paths', () => {
  test('snips files stand for their pages; other files for none', () => {
    expect(pageOfSnips('content/en/docs/x/y/snips.sh')).toBe('docs/x/y/index.md');
    expect(pageOfSnips('content/zh/boilerplates/snips/args.sh')).toBe('boilerplates/args.md');
    expect(pageOfSnips('content/en/docs/x/common.sh')).toBeUndefined();
    expect(pageOfSnips('tests/util/samples.sh')).toBeUndefined();
    expect(ownPageOf('content/en/docs/x/gtwapi_test.sh')).toBe('docs/x/index.md');
  });

  test('only literal source lines, with what may follow them', () => {
    expect(sourcedPaths('source "a/b.sh"\n  . c.sh || exit 1\nsource "$X/d.sh"\necho source e.sh\nsource f.sh # why\n')).toEqual(['a/b.sh', 'c.sh', 'f.sh']);
  });
});
