// A resident istio-doctest for one test file (forked by test/run/harness.ts): it loads dist/cli.js once and runs its
// main() for each request, one at a time, with the request's argv, environment and folder, as
// `node bin/istio-doctest.js ARGS...` would run it. Node's start-up and the loading of dist/ (0.5 s a call idle,
// seconds on a loaded machine) are paid once per test file instead of once per call.
//
// Requests come over the IPC channel: { args, env, cwd, end }. What the call writes goes to this process's stdout and
// stderr (pipes the harness reads), with what the programs it starts write there; when main() returns, the `end` mark
// is written to both, then the answer { code } is sent: the harness takes the output up to the marks as the call's.
// The server ends when the channel closes (the test file is done). An error thrown outside the command's flow is
// reported as bin/istio-doctest.js reports it (exit 70), and then this server ends: the next call starts a new one.
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/istio-doctest.js', import.meta.url));
const { main, internalError } = await import(new URL('../dist/cli.js', import.meta.url).href);
// The CLI hands its own path to the shells it starts (their nested verify calls run it): the real entry point's.
process.argv[1] = bin;

let current;

// Ends the current call: its marks after its output, then its exit code.
function answer(code) {
  const { end } = current;
  current = undefined;
  process.stdout.write(end);
  process.stderr.write(end);
  process.send({ code });
}

process.on('uncaughtException', (error) => {
  if (!current) throw error;
  answer(internalError(error));
  process.disconnect();
});

process.on('message', async ({ args, env, cwd, end }) => {
  current = { end };
  // A fresh process's state for each call: its environment, its folder, no listener left by the call before.
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
  process.chdir(cwd);
  process.exitCode = undefined;
  const listeners = process.stdout.listeners('error');
  let code;
  try {
    code = await main(args);
  } catch (error) {
    code = internalError(error);
  }
  for (const listener of process.stdout.listeners('error')) if (!listeners.includes(listener)) process.stdout.removeListener('error', listener);
  if (current) answer(code);
});
process.on('disconnect', () => process.exit(0));
