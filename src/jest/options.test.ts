import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJestOptions } from './options.js';

const istio = mkdtempSync(join(tmpdir(), 'istio-doctest-options-'));
const other = mkdtempSync(join(tmpdir(), 'istio-doctest-options-'));

describe('the Jest runner options', () => {
  test('come from globals.doctest, with the defaults of istio-doctest run', () => {
    const read = readJestOptions({ istioDir: istio, tabs: { 'config-api': 'gateway-api' }, retryTimeout: '30s', stepTimeout: 90000 }, {});
    expect(read).toEqual({ ok: true, options: expect.objectContaining({ istioDir: istio, tabs: { 'config-api': 'gateway-api' }, retryTimeout: 30000, stepTimeout: 90000, reference: 'en', setup: { mode: 'manage' }, scripts: 'auto', snapshot: true, keepGoing: false, wait: true, skipUnlessCluster: false }) });
  });

  test('are overridden by the environment', () => {
    const read = readJestOptions({ istioDir: istio, retryTimeout: '30s' }, { ISTIO_DIR: other, ISTIO_DOCTEST_RETRY_TIMEOUT: '2s', ISTIO_DOCTEST_TABS: 'config-api=gateway-api,os=linux', ISTIO_DOCTEST_REFERENCE: 'zh' });
    expect(read.ok && read.options).toMatchObject({ istioDir: other, retryTimeout: 2000, tabs: { 'config-api': 'gateway-api', os: 'linux' }, reference: 'zh' });
  });

  test('setup and scripts take what run --setup and --scripts take', () => {
    expect(readJestOptions({ setup: 'keep', scripts: 'off' }, {})).toMatchObject({ ok: true, options: { setup: { mode: 'keep' }, scripts: 'off' } });
    expect(readJestOptions({ setup: 'keep' }, { ISTIO_DOCTEST_SETUP: 'only=profile=demo', ISTIO_DOCTEST_SCRIPTS: 'only', ISTIO_DOCTEST_REPO_ROOT: other })).toMatchObject({ ok: true, options: { setup: { mode: 'manage', only: 'profile=demo' }, scripts: 'only', repoRoot: other } });
    expect(readJestOptions({ snapshot: false }, {})).toMatchObject({ ok: true, options: { setup: { mode: 'manage' }, scripts: 'auto', snapshot: false } });
  });

  test('a bad value or an unknown key is one message naming it, never a throw', () => {
    expect(readJestOptions({ retryTimeout: 'soon' }, {})).toEqual({ ok: false, message: "globals.doctest.retryTimeout (or ISTIO_DOCTEST_RETRY_TIMEOUT): expected a duration such as 30s, 2m or 1h, got 'soon'" });
    expect(readJestOptions({ istioDirr: '/opt' }, {})).toMatchObject({ ok: false, message: expect.stringMatching(/^globals\.doctest: unknown option 'istioDirr' \(known: /) });
    expect(readJestOptions({}, { ISTIO_DOCTEST_TABS: 'gateway-api' })).toEqual({ ok: false, message: "globals.doctest.tabs (or ISTIO_DOCTEST_TABS): expected CATEGORY=VALUE (e.g. config-api=gateway-api), got 'gateway-api'" });
    expect(readJestOptions({ setup: 'ambient' }, {})).toEqual({ ok: false, message: "globals.doctest.setup (or ISTIO_DOCTEST_SETUP): expected keep or only=CONFIG (e.g. only=profile=default), got 'ambient'" });
    expect(readJestOptions({}, { ISTIO_DOCTEST_SCRIPTS: 'sometimes' })).toEqual({ ok: false, message: "globals.doctest.scripts (or ISTIO_DOCTEST_SCRIPTS): expected one of auto, only, off, got 'sometimes'" });
    expect(readJestOptions('yes', {})).toMatchObject({ ok: false });
  });
});
