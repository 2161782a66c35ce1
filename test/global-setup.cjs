// Jest's global setup for the e2e project (the tests that spawn): dist/ built once (build-dist.cjs), and the resident
// fake cluster (fixtures/fake-cluster/lib/server.mjs) that every fake kubectl, istioctl and kind of the run talks to,
// named by FAKE_CLUSTER_SERVER to the workers, to the CLIs they start and to those CLIs' shells.
const { spawn } = require('node:child_process');
const { join, resolve } = require('node:path');
const { createInterface } = require('node:readline');
const { buildIfStale } = require('./build-dist.cjs');

const SERVER = join(resolve(__dirname, '..'), 'fixtures', 'fake-cluster', 'lib', 'server.mjs');

/** Starts the resident fake cluster; resolves with it and its address once it listens. */
function startFakeCluster() {
  const child = spawn(process.execPath, [SERVER], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    const early = (code, signal) => fail(new Error(`the resident fake cluster ended before it listened (${signal ?? code})`));
    child.once('error', fail);
    child.once('exit', early);
    createInterface({ input: child.stdout }).once('line', (line) => {
      const [port, token] = line.split(' ');
      child.removeListener('exit', early);
      done({ child, address: `127.0.0.1:${port}:${token}` });
    });
  });
}

module.exports = async function globalSetup() {
  buildIfStale();
  // Setup and teardown run in Jest's main process: the teardown finds the server here.
  if (globalThis.fakeClusterServer) return;
  const { child, address } = await startFakeCluster();
  globalThis.fakeClusterServer = child;
  process.env.FAKE_CLUSTER_SERVER = address;
};
