// Shared handling of command-line usage errors: one line on stderr, the help, exit code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

// Prints a usage error the same way for every sub-command.
export function usageError(message: string, help: string): number {
  process.stderr.write(`istio-doctest: ${message}\n\n${help}`);
  return 2;
}

// Parses options with node:util, turning its exceptions into a usage message instead of a stack trace.
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
): { ok: true; values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } | { ok: false; message: string } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { ok: true, values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0] };
  }
}
