// The facts of a command simple enough to read without a shell parser: one line of plain words joined by `|`, `||`,
// `&&` and `;`, with no quoting, expansion, redirection, glob, comment, keyword or definition. Most steps of a page are
// such lines (`kubectl get pods -n foo`), and reading them this way spares loading mvdan-sh for a run that needs no
// more. Anything else is left to the parser (undefined), so the answer is the parser's wherever one is given.
import type { ShellFacts } from './shell-facts.js';

// Only these characters: letters, digits and `_ - . / : = , @ % +`, blanks, and the `|`, `&`, `;` of the operators.
const PLAIN = /^[\w\-./:=,@%+ \t|&;]*$/;
// Bash's reserved words: in command position they start compound commands, which the parser reads.
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', 'coproc']);
const ASSIGNMENT = /^[A-Za-z_]\w*\+?=/;

/** What a plain one-line command calls, or undefined when it is not plain (the parser must read it). `known` says
 * which names are builtins, which builtins run other commands, and which names can be programs, as the parser's walk
 * decides them. */
export function simpleFacts(command: string, known: { builtins: ReadonlySet<string>; runsOthers: ReadonlySet<string>; isProgramName: (name: string) => boolean; calledAt: (words: string[]) => number }): ShellFacts | undefined {
  if (!PLAIN.test(command) || command.replace(/&&/g, '').includes('&')) return undefined;
  const facts: ShellFacts = { calls: [], functions: [], aliases: [], unparsed: false, opaque: false };
  const calls = new Set<string>();
  for (const segment of command.split(/\|\||&&|\||;/)) {
    const words = segment.split(/[ \t]+/).filter(Boolean);
    if (words.length === 0) return undefined;
    let first = 0;
    while (first < words.length && ASSIGNMENT.test(words[first])) first++;
    const args = words.slice(first);
    if (args.length === 0) continue;
    if (RESERVED.has(args[0]) || args[0] === 'alias') return undefined;
    const at = known.calledAt(args);
    if (at >= args.length) continue;
    const name = args[at];
    if (known.runsOthers.has(name)) facts.opaque = true;
    if (!known.builtins.has(name) && known.isProgramName(name)) calls.add(name);
  }
  facts.calls = [...calls];
  return facts;
}
