#!/usr/bin/env node
// Entry point of the `istio-doctest` command: the compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('istio-doctest: dist/cli.js is missing; run `npm ci` (or `npm run build`) first.\n');
  process.exit(2);
}
const { main, internalError } = await import(cli.href);
// An error thrown outside the command's own flow (an event handler, a stream) is reported like one inside it.
process.on('uncaughtException', (error) => process.exit(internalError(error)));
process.exitCode = await main(process.argv.slice(2));
