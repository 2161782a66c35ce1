// Jest's global setup for the docs project (and part of the e2e one's): dist/ built once for the whole run, and only
// when it is missing or a source is newer; the CLI and the Jest runner the tests start are the compiled ones.
// (CommonJS without a transform: the docs project compiles nothing.)
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');

/** Newest modification time of the sources dist/ is built from. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/ is missing or older than a source. */
function isStale() {
  const cli = join(ROOT, 'dist', 'cli.js');
  return !existsSync(cli) || statSync(cli).mtimeMs < newestSource(join(ROOT, 'src'));
}

/** Builds dist/ when stale (tsc writes the JavaScript even when it reports type errors: `npm run typecheck` is there
 * to catch those). */
function buildIfStale() {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!isStale()) return;
  const started = Date.now();
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    if (!existsSync(cli)) throw error;
  }
  process.stderr.write(`\njest global setup: built dist/ (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

module.exports = async function globalSetup() {
  buildIfStale();
};
module.exports.buildIfStale = buildIfStale;
module.exports.isStale = isStale;
