// The `regex` mode's engine: RE2 syntax matched in time linear in the output (re2js), so no pattern a page or a
// doctest.yaml brings can stall the process (JavaScript's backtracking RegExp takes minutes on `^(a+)+$`, with
// timers and signals waiting behind it). re2js is required on the first pattern compiled: a run with no regex step
// does not load it at start-up.
import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

let engine: typeof RE2JSClass | undefined;

// The RE2JS class, loaded once when first needed.
function re2(): typeof RE2JSClass {
  engine ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JSClass }).RE2JS;
  return engine;
}

export type CompiledPattern = { ok: true; test: (text: string) => boolean } | { ok: false; problem: string };

// Compiles a pattern in multi-line mode (`^`/`$` at each line); a construct RE2 lacks is a problem naming its place.
export function compilePattern(source: string): CompiledPattern {
  try {
    const pattern = re2().compile(source, re2().MULTILINE);
    return { ok: true, test: (text) => pattern.test(text) };
  } catch (error) {
    return { ok: false, problem: describeSyntaxError(source, error) };
  }
}

// re2js says `error parsing regexp: invalid escape sequence: \`\1\``; this adds the character it starts at (re2js
// shows the multi-line flag as a `(?m)` prefix the page never wrote, which is taken off).
function describeSyntaxError(source: string, error: unknown): string {
  const { message, input } = error as { message?: string; input?: unknown };
  const fragment = typeof input === 'string' ? input.replace(/^\(\?m\)/, '') : '';
  const what = String(message ?? error)
    .replace(/^error parsing regexp: /, '')
    .replace(`\`${String(input)}\``, `\`${fragment}\``);
  const at = fragment !== '' ? source.indexOf(fragment) : -1;
  const hint = /\(\?(=|!|<=|<!)|\\[1-9]/.test(source) ? ' (RE2 syntax: no lookaround, no backreferences)' : '';
  return `${what}${at >= 0 ? ` at character ${at + 1}` : ''}${hint}`;
}
