// `_verify_*` calls nested in a script's functions ask the runner's matcher over its FIFO, not a new CLI per attempt:
// same verdicts and diffs as `istio-doctest match`, retries as verify.sh's, and the CLI only when there is no FIFO.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyFunctionsScript, VERIFY_CLI_VAR, VERIFY_LOG_VAR, VERIFY_MATCH_FIFO_VAR } from '../../src/istio/verify-functions.js';
import { startMatchServer, type MatchServer } from '../../src/run/match-server.js';
import { Session } from '../../src/shell/session.js';
import { makeWorkdir, removeWorkdir, type Workdir } from '../../src/shell/workdir.js';

let dir: Workdir;
let session: Session;
let server: MatchServer;

beforeEach(async () => {
  dir = makeWorkdir();
  server = startMatchServer(dir.ctl);
  // A CLI that does not exist: a call that started it instead of asking the FIFO would fail.
  const env = { [VERIFY_MATCH_FIFO_VAR]: server.fifo, [VERIFY_CLI_VAR]: join(dir.root, 'no-such-cli.js'), [VERIFY_LOG_VAR]: join(dir.ctl, 'verify.log'), VERIFY_DELAY: '0.2', VERIFY_TIMEOUT: '1' };
  session = await Session.start({ cwd: dir.work, ctlDir: dir.ctl, token: randomBytes(8).toString('hex'), env });
  await run(verifyFunctionsScript());
  await run(
    [
      'snip_pods() { printf "NAME                     READY   STATUS    RESTARTS   AGE\\ncurl-5b549b49b8-mn2ql    1/1     Running   0          %ss\\n" "$RANDOM"; }',
      "snip_status() { echo 'HTTP/1.1 200 OK'; echo 'server: istio-envoy'; }",
      'check_all() { _verify_like snip_pods "$1"; _verify_contains snip_status "200 OK"; _verify_not_contains snip_status "503"; }',
    ].join('\n'),
  );
});

afterEach(async () => {
  await session.close();
  server.close();
  removeWorkdir(dir);
});

const run = (command: string) => session.run(command, { timeoutMs: 20000 });
const pods = 'NAME                     READY   STATUS    RESTARTS   AGE\ncurl-5b549b49b8-xxxxx    1/1     Running   0          12s';

describe('nested verify calls served by the runner', () => {
  test('pass when the matcher says so, in every mode, without starting the CLI', async () => {
    const result = await run(`check_all '${pods}' && echo all passed`);
    expect(result.output).toBe('all passed\n');
    expect(readFileSync(join(dir.ctl, 'verify.log'), 'utf8')).toBe('passed\tlike\tsnip_pods\t1\npassed\tcontains\tsnip_status\t1\npassed\tnot-contains\tsnip_status\t1\n');
  });

  test("fail after verify.sh's retries with the matcher's diff", async () => {
    const result = await run(`f() { _verify_same snip_status 'HTTP/1.1 503 Service Unavailable'; }; f; echo "returned $?"`);
    expect(result.output).toMatch(/^VERIFY FAILED snip_status \(timeout after 1s, \d+ attempts, same\):\n/);
    expect(result.output).toContain('503 Service Unavailable');
    expect(result.output).toContain('200 OK');
    expect(result.output).toMatch(/returned 1\n$/);
  });

  test('start the CLI instead when the runner serves no matcher', async () => {
    server.close();
    expect(existsSync(server.fifo)).toBe(false);
    const result = await run(`_verify_contains snip_status "200 OK"; echo "returned $?"`);
    // The CLI of this test does not exist: node says so, and the call fails.
    expect(result.output).toContain('no-such-cli.js');
    expect(result.output).toMatch(/returned 1\n$/);
  });
});
