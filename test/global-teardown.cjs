// Jest's global teardown for the e2e project: ends the resident fake cluster the global setup started (closing its
// stdin ends it; it would also end by itself once Jest's process is gone).
module.exports = async function globalTeardown() {
  const child = globalThis.fakeClusterServer;
  globalThis.fakeClusterServer = undefined;
  delete process.env.FAKE_CLUSTER_SERVER;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((resolve) => child.once('exit', resolve));
  child.stdin.end();
  child.stdout.destroy();
  await ended;
};
