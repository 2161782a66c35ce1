// Shared handling of the command line: typed option parsing, and usage errors as one line plus where the help is.
import { LANGUAGE } from '../page/site-path.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type Config<T extends OptionsConfig> = { args: string[]; options: T; allowPositionals: true; strict: true };

/** The values `parseArgs` gives for an options table: strings, booleans and lists typed per option. */
export type OptionValues<T extends OptionsConfig> = ReturnType<typeof parseArgs<Config<T>>>['values'];

/** Exit code of bad usage: an unknown option, a bad value, a missing PATH or --vars file, no pages to work on. */
export const USAGE = 2;

/** Exit code of an internal error (a bug in istio-doctest), apart from every outcome of the work itself. */
export const INTERNAL_ERROR = 70;

/** Parses options with node:util, typed by the table; its exceptions become a one-line usage message. */
export function parseOptions<const T extends OptionsConfig>(
  argv: string[],
  options: T,
): { ok: true; values: OptionValues<T>; positionals: string[] } | { ok: false; message: string } {
  try {
    const { values, positionals, tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
    const repeated = repeatedOption(tokens, options);
    if (repeated) return { ok: false, message: repeated };
    return { ok: true, values: values as OptionValues<T>, positionals };
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0] };
  }
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

// An option that takes one value given twice (`--setup keep --setup only=profile=default`) would silently keep the
// last: which one the user meant is theirs to say. A switch given twice (`--all --all`) says the same thing twice,
// and options declared `multiple` (`--tab`) collect their values.
function repeatedOption(tokens: Token[], options: OptionsConfig): string | undefined {
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || options[token.name]?.type !== 'string' || options[token.name]?.multiple) continue;
    const value = token.value ?? '';
    const first = seen.get(token.name);
    if (first !== undefined) return `--${token.name} given twice ('${first}', then '${value}'): it takes one value; give it once`;
    seen.set(token.name, value);
  }
  return undefined;
}

/** Prints a usage error the same way for every sub-command: the problem, then where the help is; returns exit code 2. */
export function usageError(message: string, command?: string): number {
  process.stderr.write(`istio-doctest: ${message}\nRun \`istio-doctest ${command ? `${command} ` : ''}--help\` for usage.\n`);
  return USAGE;
}

/**
 * Why a `--reference` value cannot be used, or undefined: a language folder name (`en`, `pt-br`), or `none` where the
 * command can do without a reference (the pages keep their own ids).
 */
export function referenceProblem(value: string, allowNone: boolean): string | undefined {
  if (LANGUAGE.test(value) || (allowNone && value === 'none')) return undefined;
  return `--reference needs a language such as en${allowNone ? ' (or none)' : ''}, not '${value}'`;
}
