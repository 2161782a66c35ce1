// `istio-doctest match`: compares an actual output with an expected one, as the runner does for each step.
import { readFileSync } from 'node:fs';
import { readRegularFile } from '../page/regular-file.js';
import { match, MATCH_MODES, type MatchMode } from '../match/index.js';
import { needsArg } from '../match/types.js';
import { parseOptions, usageError } from './usage.js';

const help = `Usage: istio-doctest match --expected FILE --actual FILE [--mode MODE] [--arg TEXT] [--json]

Compares the output a command printed (--actual) with the output a page shows (--expected).
A FILE of - reads standard input (for one of the two).

Options:
  --expected FILE   the expected output, as the page shows it
  --actual FILE     the output the command printed
  --mode MODE       ${MATCH_MODES.join(', ')} (default auto)
  --arg TEXT        TEXT of contains/not-contains, PATTERN of regex
  --json            print the result as JSON
  -h, --help        show this help

Exit status: 0 when the outputs match, 1 when they do not (the diff is printed), 2 on bad usage.
`;

const options = {
  expected: { type: 'string' },
  actual: { type: 'string' },
  mode: { type: 'string' },
  arg: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// Reads one input file (a regular one, or standard input for `-`), turning failures into a one-line message.
function readInput(flag: string, path: string): { ok: true; text: string } | { ok: false; message: string } {
  if (path !== '-') {
    const read = readRegularFile(path);
    return read.ok ? read : { ok: false, message: `cannot read ${flag} ${path}: ${read.code === 'EISDIR' || read.reason === 'not a regular file (a folder)' ? 'is a directory' : read.reason}` };
  }
  try {
    return { ok: true, text: readFileSync(0, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, message: `cannot read ${flag} ${path}: ${why}` };
  }
}

// Whether a --mode value is one of the matcher's modes.
function isMatchMode(mode: string): mode is MatchMode {
  return (MATCH_MODES as readonly string[]).includes(mode);
}

// Runs the command and returns its exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, options);
  if (!parsed.ok) return usageError(parsed.message, 'match');
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length > 0) return usageError(`unexpected argument '${positionals[0]}'`, 'match');
  const { expected: expectedPath, actual: actualPath, arg } = values;
  if (expectedPath === undefined) return usageError('--expected FILE is required', 'match');
  if (actualPath === undefined) return usageError('--actual FILE is required', 'match');
  if (expectedPath === '-' && actualPath === '-') return usageError('only one of --expected and --actual can read standard input', 'match');
  const mode = values.mode ?? 'auto';
  if (!isMatchMode(mode)) return usageError(`unknown mode '${mode}' (one of ${MATCH_MODES.join(', ')})`, 'match');
  if (needsArg(mode) && arg === undefined) {
    return usageError(`--mode ${mode} needs --arg ${mode === 'regex' ? 'PATTERN' : 'TEXT'}`, 'match');
  }
  const expected = readInput('--expected', expectedPath);
  if (!expected.ok) {
    process.stderr.write(`istio-doctest match: ${expected.message}\n`);
    return 2;
  }
  const actual = readInput('--actual', actualPath);
  if (!actual.ok) {
    process.stderr.write(`istio-doctest match: ${actual.message}\n`);
    return 2;
  }
  const result = match(expected.text, actual.text, mode, arg);
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) process.stdout.write(`match (${mode})\n`);
  else process.stdout.write(result.diff);
  return result.ok ? 0 : 1;
}
