// istio.io's scripts run under `set -u` (98 of the snapshot's 117): an unbound variable ends the script in bash, and
// so fails its step here; the cleanup part runs in a new bash for the framework, so without the test part's `set -u`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, runCli } from '../run/harness.js';
import { writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const page = `---
title: Greeting
test: yes
---
## Greet {#greet}

{{< text bash >}}
$ echo "hello \${GREETED}"
hello world
{{< /text >}}
`;

const script = `# @setup profile=none
set -e
set -u
set -o pipefail
export GREETED=world
_verify_same snip_greet_1 "$snip_greet_1_out"
echo "$GATEWAY_URL_NEVER_SET"
echo "never reached"
# @cleanup
echo "cleanup of \${GREETED} with \${NOT_SET_IN_CLEANUP}"
`;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'doctest-script-nounset-'));
  writeTree(root, {
    'tests/util/verify.sh': '',
    'tests/util/debug.sh': '',
    'tests/util/helpers.sh': '',
    'content/en/docs/greeting/index.md': page,
    'content/en/docs/greeting/test.sh': script,
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('under set -u an unbound variable fails its statement and stops the test part; the cleanup part runs without set -u', async () => {
  const cluster = fakeCluster();
  const json = join(cluster.dir, 'events.jsonl');
  const { code, stdout } = await runCli(['run', '--json', json, join(root, 'content/en/docs/greeting/index.md')], cluster.env);
  const events = readEvents(json);
  const commands = new Map(events.filter((e) => e.type === 'step-start').map((e) => [e.index, e.command]));
  const steps = events.filter((e) => e.type === 'step');
  expect(steps.map((s) => `${s.index} ${s.status}${s.cleanup ? ' cleanup' : ''} ${commands.get(s.index) ?? '(not started)'}`)).toEqual([
    '1 passed set -e',
    '2 passed set -u',
    '3 passed set -o pipefail',
    '4 passed export GREETED=world',
    '5 passed echo "hello ${GREETED}"',
    '6 failed echo "$GATEWAY_URL_NEVER_SET"',
    '7 skipped (not started)',
    '8 passed cleanup echo "cleanup of ${GREETED} with ${NOT_SET_IN_CLEANUP}"',
  ]);
  expect(stdout).toContain('GATEWAY_URL_NEVER_SET: unbound variable');
  expect(code).toBe(1);
}, 120000);
