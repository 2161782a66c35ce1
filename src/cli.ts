// The `istio-doctest` command line: one sub-command per file under cli/, loaded only when used.
import { INTERNAL_ERROR, usageError } from './cli/usage.js';

type Command = { summary: string; load: () => Promise<{ main(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  check: { summary: 'parse pages, print their blocks, diagnostics and drift', load: () => import('./cli/check.js') },
  extract: { summary: 'print the blocks and steps of pages as JSON or istio.io snips.sh', load: () => import('./cli/extract.js') },
  drift: { summary: 'compare translated pages with their reference page, block by block', load: () => import('./cli/drift.js') },
  match: { summary: 'compare an actual output with an expected one, as the runner does', load: () => import('./cli/match.js') },
  sync: { summary: 'bring translated pages up to date with their reference page, block by block', load: () => import('./cli/sync.js') },
  report: { summary: 'write the translation status (and run results) of pages as one HTML file', load: () => import('./cli/report.js') },
  run: { summary: 'run pages against a disposable cluster: steps in order, outputs matched, cleanup always', load: () => import('./cli/run.js') },
  cluster: { summary: 'create, delete or describe a local kind cluster to run pages against (up, down, status)', load: () => import('./cli/cluster.js') },
};

// Help text listing every sub-command, so `--help` stays true to what exists.
export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: istio-doctest <command> [options] PATH...',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `istio-doctest <command> --help` (or `istio-doctest help <command>`) for the options of a command.',
    'Exit codes: 0 ok, 1 findings (errors, failed steps, drift), 2 bad usage, 70 internal error, 130 interrupted.',
    '',
  ].join('\n');
}

/**
 * Runs one sub-command and returns the process exit code (0 ok, 1 findings, 2 usage, 70 internal error). An error
 * nothing expected is one line asking for a report, never a stack trace (unless DEBUG is set).
 */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    return internalError(error);
  }
}

/** Reports an error istio-doctest did not expect (a bug) in one line, with the stack only under DEBUG; returns 70. */
export function internalError(error: unknown): number {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message.split('\n')[0]}` : String(error);
  process.stderr.write(`istio-doctest: internal error: ${message}; please report it (set DEBUG=1 for the stack trace)\n`);
  if (process.env.DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return INTERNAL_ERROR;
}

// Finds the sub-command and runs it.
async function dispatch(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest.length > 0) {
    const wanted = commands[rest[0]];
    if (!wanted) return usageError(`unknown command '${rest[0]}'`);
    return (await wanted.load()).main(['--help']);
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    process.stdout.write('istio-doctest 0.1.0\n');
    return 0;
  }
  const command = commands[name];
  if (!command) return usageError(`unknown command '${name}' (${Object.keys(commands).join(', ')})`);
  const module = await command.load();
  return module.main(rest);
}
