// The programs a command calls, for the runner's preflight: `kubectl`, `istioctl`, `curl`, `helm`... found with a
// real bash parser (mvdan/sh), so quoted text, heredoc bodies, SQL and placeholders are never taken for programs.
import type { ShNode } from 'mvdan-sh';
import { shSyntax } from './shell-syntax.js';
import type { ShellFacts } from './shell-facts.js';
import { simpleFacts } from './simple-command.js';

export type { ShellFacts };

/** Bash builtins: always there, never looked up on PATH. */
export const BASH_BUILTINS = [
  '.', ':', '[', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete', 'compopt',
  'continue', 'declare', 'dirs', 'disown', 'echo', 'enable', 'eval', 'exec', 'exit', 'export', 'false', 'fc', 'fg',
  'getopts', 'hash', 'help', 'history', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd', 'printf', 'pushd',
  'pwd', 'read', 'readarray', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'times', 'trap',
  'true', 'type', 'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
] as const;
const builtins = new Set<string>(BASH_BUILTINS);


/** Builtins that run commands `calls` cannot see, or wait for ones it saw elsewhere. */
const RUNS_OTHERS = new Set(['eval', 'source', '.', 'exec', 'command', 'builtin', 'trap', 'fg', 'bg', 'wait']);

/**
 * Programs that never reach a cluster or a network: they print, transform or move local text and files. A step made
 * only of these (and of builtins that run nothing else) prints the same output however long one waits, so it is not
 * retried (doctest.yaml's `retry:` of its block says otherwise).
 */
export const LOCAL_PROGRAMS: readonly string[] = [
  'awk', 'base64', 'basename', 'cat', 'chmod', 'column', 'cp', 'cut', 'diff', 'dirname', 'egrep', 'envsubst', 'expr',
  'fgrep', 'fold', 'grep', 'gzip', 'gunzip', 'head', 'jq', 'ln', 'ls', 'md5sum', 'mkdir', 'mktemp', 'mv', 'nl', 'paste',
  'realpath', 'rev', 'rm', 'sed', 'seq', 'sha256sum', 'sleep', 'sort', 'tail', 'tar', 'tee', 'touch', 'tr', 'uniq',
  'wc', 'xxd', 'yq',
];
const local = new Set(LOCAL_PROGRAMS);

/** The programs of a command when they are all local ones (none at all counts: `echo`, `printf`), else undefined. */
export function localOnly(command: string): string[] | undefined {
  const facts = shellFacts(command);
  if (facts.unparsed || facts.opaque || !facts.calls.every((name) => local.has(name))) return undefined;
  return facts.calls;
}

// One parser, made on the first command parsed (creating one through the GopherJS bridge is not free).
let parser: ReturnType<ReturnType<typeof shSyntax>['NewParser']> | undefined;
const cache = new Map<string, ShellFacts>();

/** Parses a command and walks it once, collecting what it calls and what it defines; a parse error yields no calls. */
export function shellFacts(command: string): ShellFacts {
  const known = cache.get(command);
  if (known) return known;
  const facts = simpleFacts(command, SIMPLE_RULES) ?? parse(command);
  // Translations repeat the English commands: each distinct text is parsed once per process.
  if (cache.size > 50000) cache.clear();
  cache.set(command, facts);
  return facts;
}

/** The facts of a command as the parser reads it, with no shortcut (the plain-line reading is checked against it). */
export function parsedFacts(command: string): ShellFacts {
  return parse(command);
}

// Parses and walks one command.
function parse(command: string): ShellFacts {
  const facts: ShellFacts = { calls: [], functions: [], aliases: [], unparsed: false, opaque: false };
  let file: ShNode;
  try {
    parser ??= shSyntax().NewParser();
    file = parser.Parse(command, 'step');
  } catch {
    return { ...facts, unparsed: true };
  }
  const calls = new Set<string>();
  walkTree(file, (type, node) => {
    if (type === 'FuncDecl') facts.functions.push(String(node.Name.Value));
    if (type !== 'CallExpr') return;
    const words = items(node.Args).map(literal);
    const at = calledAt(words);
    const name = at < words.length ? words[at] : undefined;
    if (at < words.length && (name === undefined || RUNS_OTHERS.has(name))) facts.opaque = true;
    if (words[0] === 'alias') {
      // `alias k=kubectl`: k is no program, but what it stands for is called wherever k is.
      for (const word of words.slice(1)) {
        if (!word?.includes('=')) continue;
        facts.aliases.push(word.slice(0, word.indexOf('=')));
        for (const called of parse(word.slice(word.indexOf('=') + 1)).calls) calls.add(called);
      }
    }
    if (name && !builtins.has(name) && isProgramName(name)) calls.add(name);
  });
  facts.calls = [...calls];
  return facts;
}

/**
 * Visits every node of a parsed script with its type (`CallExpr`, `FuncDecl`, `Lit`...). mvdan-sh's own Walk and
 * field getters convert every Go value to JavaScript on each access (about 0.2 ms a field: seconds per page); the
 * GopherJS object under `__internal_object__` holds the same tree as plain fields, so it is walked directly, and
 * the slow way is kept for a build that does not expose it.
 */
function walkTree(file: ShNode, visit: (type: string, node: ShNode) => void): void {
  const raw = file.__internal_object__ as ShNode | undefined;
  if (!raw || goType(raw) === undefined) {
    shSyntax().Walk(file, (node) => {
      if (node) visit(shSyntax().NodeType(node), node);
      return true;
    });
    return;
  }
  const stack: ShNode[] = [raw];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(goType(node)!.slice('*syntax.'.length), node);
    // Children in source order, pushed last first, so they are visited in the order they are written.
    const children: ShNode[] = [];
    for (const key of Object.keys(node)) {
      if (key === '$val') continue;
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      if (value.$array !== undefined) {
        for (let i = 0; i < value.$length; i++) {
          const item = value.$array[value.$offset + i];
          if (isNode(item)) children.push(item);
        }
      } else if (isNode(value)) children.push(value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

// The Go type of a raw GopherJS value (`*syntax.CallExpr`), which GopherJS keeps on its constructor.
function goType(value: ShNode): string | undefined {
  const type = (value.constructor as unknown as { string?: unknown } | undefined)?.string;
  return typeof type === 'string' ? type : undefined;
}

// Whether a raw GopherJS value is a non-nil pointer to a syntax node.
function isNode(value: ShNode | null | undefined): value is ShNode {
  if (value === null || typeof value !== 'object') return false;
  return goType(value)?.startsWith('*syntax.') === true && value !== (value.constructor as unknown as { nil?: unknown }).nil;
}

// The elements of a Go slice, raw (`$array`/`$offset`/`$length`) or already converted to a JavaScript array.
function items(slice: ShNode): ShNode[] {
  if (Array.isArray(slice)) return slice;
  const list: ShNode[] = [];
  for (let i = 0; i < slice.$length; i++) list.push(slice.$array[slice.$offset + i]);
  return list;
}

// Index of the word a simple command runs: the first, or the one after `exec`/`command` (not `command -v`, a lookup).
function calledAt(words: (string | undefined)[]): number {
  let i = 0;
  while ((words[i] === 'exec' || words[i] === 'command') && words[i + 1] !== undefined && !words[i + 1]!.startsWith('-')) i++;
  return i;
}

// A word's text when it is literal (plain, single- or double-quoted text without expansions), else undefined.
function literal(word: ShNode): string | undefined {
  let text = '';
  for (const part of items(word.Parts)) {
    const type = typeName(part);
    if (type === 'Lit' || type === 'SglQuoted') text += String(part.Value);
    else if (type === 'DblQuoted') {
      const inner = literal(part);
      if (inner === undefined) return undefined;
      text += inner;
    } else return undefined;
  }
  return text;
}

// The type of a node, raw or converted (`Lit`, `DblQuoted`...).
function typeName(node: ShNode): string {
  const raw = goType(node);
  return raw?.startsWith('*syntax.') ? raw.slice('*syntax.'.length) : shSyntax().NodeType(node);
}

// Whether a literal in command position can name a program on PATH or a file (not `-c`, not empty).
function isProgramName(name: string): boolean {
  return /^[\w.+~/][\w.+@:~/-]*$/.test(name);
}

/** What the plain-line reading must decide as the parser's walk does: the same builtins and rules. */
export const SIMPLE_RULES = { builtins, runsOthers: RUNS_OTHERS, isProgramName, calledAt };

// The programs a command calls, leaving out builtins, the given functions and aliases, and the functions the command
// itself declares (at any depth: a helper defined inside another function, as istio.io's test scripts have them).
export function programsOf(command: string, defined: ReadonlySet<string> = new Set()): string[] {
  const facts = shellFacts(command);
  const own = new Set(facts.functions);
  return facts.calls.filter((name) => !defined.has(name) && !own.has(name));
}
