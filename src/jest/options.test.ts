import { readJestOptions } from './options.js';

describe('the Jest runner options', () => {
  test('come from globals.doctest, with the defaults of istio-doctest run', () => {
    const read = readJestOptions({ istioDir: '/opt/istio', tabs: { 'config-api': 'gateway-api' }, retryTimeout: '30s', stepTimeout: 90000 }, {});
    expect(read).toEqual({ ok: true, options: expect.objectContaining({ istioDir: '/opt/istio', tabs: { 'config-api': 'gateway-api' }, retryTimeoutMs: 30000, stepTimeoutMs: 90000, reference: 'en', setup: 'manage', setupOnly: undefined, scripts: 'auto', snapshot: true, keepGoing: false, wait: true, skipUnlessCluster: false }) });
  });

  test('are overridden by the environment', () => {
    const read = readJestOptions({ istioDir: '/opt/istio', retryTimeout: '30s' }, { ISTIO_DIR: '/tmp/istio-1.27.0', ISTIO_DOCTEST_RETRY_TIMEOUT: '2s', ISTIO_DOCTEST_TABS: 'config-api=gateway-api,os=linux', ISTIO_DOCTEST_REFERENCE: 'zh' });
    expect(read.ok && read.options).toMatchObject({ istioDir: '/tmp/istio-1.27.0', retryTimeoutMs: 2000, tabs: { 'config-api': 'gateway-api', os: 'linux' }, reference: 'zh' });
  });

  test('setup and scripts take what run --setup and --scripts take', () => {
    expect(readJestOptions({ setup: 'keep', scripts: 'off' }, {})).toMatchObject({ ok: true, options: { setup: 'keep', setupOnly: undefined, scripts: 'off' } });
    expect(readJestOptions({ setup: 'keep' }, { ISTIO_DOCTEST_SETUP: 'only=profile=demo', ISTIO_DOCTEST_SCRIPTS: 'only', ISTIO_DOCTEST_REPO_ROOT: '/src/istio.io' })).toMatchObject({ ok: true, options: { setup: 'manage', setupOnly: 'profile=demo', scripts: 'only', repoRoot: '/src/istio.io' } });
    expect(readJestOptions({ snapshot: false }, {})).toMatchObject({ ok: true, options: { setup: 'manage', scripts: 'auto', snapshot: false } });
  });

  test('a bad value or an unknown key is one message naming it, never a throw', () => {
    expect(readJestOptions({ retryTimeout: 'soon' }, {})).toEqual({ ok: false, message: 'globals.doctest.retryTimeout (or ISTIO_DOCTEST_RETRY_TIMEOUT): expected a duration such as 30s or 2m (or milliseconds as a number), got "soon"' });
    expect(readJestOptions({ istioDirr: '/opt' }, {})).toMatchObject({ ok: false, message: expect.stringMatching(/^globals\.doctest: unknown option 'istioDirr' \(known: istioDir, /) });
    expect(readJestOptions({}, { ISTIO_DOCTEST_TABS: 'gateway-api' })).toMatchObject({ ok: false, message: expect.stringContaining('globals.doctest.tabs (or ISTIO_DOCTEST_TABS): expected an object of strings') });
    expect(readJestOptions({ setup: 'ambient' }, {})).toEqual({ ok: false, message: "globals.doctest.setup (or ISTIO_DOCTEST_SETUP): expected keep or only=CONFIG (e.g. only=profile=default), got 'ambient'" });
    expect(readJestOptions({}, { ISTIO_DOCTEST_SCRIPTS: 'sometimes' })).toEqual({ ok: false, message: 'globals.doctest.scripts (or ISTIO_DOCTEST_SCRIPTS): expected one of auto, only, off, got "sometimes"' });
    expect(readJestOptions('yes', {})).toMatchObject({ ok: false });
  });
});
