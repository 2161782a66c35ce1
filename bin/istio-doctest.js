#!/usr/bin/env node
// Entry point of the `istio-doctest` command: the compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('istio-doctest: dist/cli.js is missing; run `npm ci` (or `npm run build`) first.\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
