// The `regex` mode's engine: RE2 syntax matched in time linear in the output (re2js), so no pattern a page or a
// doctest.yaml brings can stall the process (JavaScript's backtracking RegExp takes minutes on `^(a+)+$`, with
// timers and signals waiting behind it).
import { RE2JS } from 're2js';

export type CompiledPattern = { ok: true; test: (text: string) => boolean } | { ok: false; problem: string };

// Compiles a pattern in multi-line mode (`^`/`$` at each line); a construct RE2 lacks is a problem naming its place.
export function compilePattern(source: string): CompiledPattern {
  try {
    const pattern = RE2JS.compile(source, RE2JS.MULTILINE);
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
