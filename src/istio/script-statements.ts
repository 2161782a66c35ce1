// The top-level statements of a part of a test script, read with a real bash parser (mvdan-sh): each becomes one
// step, and a `_verify_X snip_y ARG` call, a bare `snip_y` call and a `source "....sh"` line are recognised as such.
import type { ShNode } from 'mvdan-sh';
import { shSyntax, type ShSyntax } from '../plan/shell-syntax.js';
import { diagnostic } from '../page/diagnostics.js';
import type { Diagnostic } from '../page/types.js';
import type { ScriptPart } from './script-split.js';
import type { NestedCallSite } from '../plan/plan.js';
import { nestedCalls, type StatementSource } from './nested-calls.js';

// One parser for every script (creating one through the GopherJS bridge is not free).
let parser: ReturnType<ShSyntax['NewParser']> | undefined;

/** verify.sh's functions and the matcher mode each one stands for. */
export const VERIFY_FUNCTIONS = {
  _verify_same: 'same',
  _verify_contains: 'contains',
  _verify_not_contains: 'not-contains',
  _verify_elided: 'elided',
  _verify_first_line: 'first-line',
  _verify_like: 'like',
  _verify_lines: 'lines',
  _verify_failure: 'failure',
  _verify_regex: 'regex',
} as const;
export type VerifyFunction = keyof typeof VERIFY_FUNCTIONS;
export type VerifyCallMode = (typeof VERIFY_FUNCTIONS)[VerifyFunction];

import { VERIFY_SETTINGS, type VerifySettings } from '../plan/plan.js';
export { VERIFY_SETTINGS, type VerifySettings };

/** The expected-output argument of a verify call: its value when known without running anything, else its source. */
export type ExpectWord = { literal: string } | { variable: string } | { source: string };

export type Statement = {
  /** Line in the script. */
  line: number;
  /** The statement as written (heredoc bodies included). */
  text: string;
  /** `_verify_*` and `_wait_for_*` calls inside it that are not the statement itself (in functions, loops, conditions,
   * `&&`/`||` chains), with the conditions they sit under. */
  nested: NestedCallSite[];
  /** VERIFY_* settings the statement makes for the following ones (`export VERIFY_TIMEOUT=300`, `unset ...`). */
  sets?: VerifySettings;
  /** Function names it defines at top level. */
  defines: string[];
} & (
  | { kind: 'verify'; fn: VerifyFunction; snippet: string; expect?: ExpectWord; env: VerifySettings }
  | { kind: 'call'; name: string }
  | { kind: 'source'; path: string }
  | { kind: 'shell' }
);

export type ReadResult = { ok: true; statements: Statement[] } | { ok: false; diagnostics: Diagnostic[] };

// Reads a part of a script into statements, or returns the parse error at its line in the script.
export function readStatements(file: string, part: ScriptPart): ReadResult {
  let tree: ShNode;
  try {
    parser ??= shSyntax().NewParser();
    tree = parser.Parse(part.text, file);
  } catch (error) {
    // mvdan-sh throws its Go error value: `Error()` gives `file:line:col: message`.
    const raw = error as { Error?: () => string; message?: string };
    const message = typeof raw?.Error === 'function' ? raw.Error() : String(raw?.message ?? error);
    const at = /:(\d+):(\d+): (.*)$/.exec(message);
    const line = at ? Number(at[1]) + part.line - 1 : part.line;
    return { ok: false, diagnostics: [diagnostic({ file, line, column: at ? Number(at[2]) : 1, severity: 'error', ruleId: 'script-syntax', message: `bash cannot parse this script: ${at ? at[3] : message}` })] };
  }
  const bytes = Buffer.from(part.text, 'utf8');
  const stmts: ShNode[] = tree.Stmts ?? [];
  const statements = stmts.map((stmt, i) => {
    const start = stmt.Pos().Offset();
    const next = i + 1 < stmts.length ? stmts[i + 1].Pos().Offset() : bytes.length;
    const text = trimTail(bytes.subarray(start, next).toString('utf8'));
    return classify(stmt, text, stmt.Pos().Line() + part.line - 1, { bytes, partLine: part.line });
  });
  return { ok: true, statements };
}

// Drops the blank and comment lines between a statement and the next one.
function trimTail(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  while (lines.length > 1 && /^\s*(#.*)?$/.test(lines[lines.length - 1])) lines.pop();
  return lines.join('\n').replace(/\s+$/, '');
}

// Decides what a top-level statement is.
function classify(stmt: ShNode, text: string, line: number, source: StatementSource): Statement {
  const cmd = stmt.Cmd;
  const type = cmd ? shSyntax().NodeType(cmd) : '';
  // Walking a tree through mvdan-sh's GopherJS bridge is slow: only statements that mention a verify function are walked.
  const simple = /^\w+ [^\n;|&()`$]*(\$\w+[^\n;|&()`$]*)*$/.test(text.replace(/"\$\w+"/g, ''));
  const nested = /_verify_|_wait_for_/.test(text) && !simple ? nestedCalls(stmt, source, callKind) : [];
  const base = { line, text, nested, defines: type === 'FuncDecl' ? [cmd.Name.Value as string] : [] };
  const plain = !stmt.Negated && !stmt.Background && !stmt.Coprocess && (stmt.Redirs ?? []).length === 0;
  if (type === 'DeclClause' && cmd.Variant.Value === 'export') return { ...base, kind: 'shell', sets: settingsOf(cmd.Args ?? []) };
  if (type !== 'CallExpr') return { ...base, kind: 'shell' };
  const args: ShNode[] = cmd.Args ?? [];
  if (args.length === 0) return { ...base, kind: 'shell', sets: settingsOf(cmd.Assigns ?? []) };
  const words = args.map(literalOf);
  const name = words[0];
  if (name === 'unset') {
    const sets: VerifySettings = {};
    for (const w of words.slice(1)) if (w && (VERIFY_SETTINGS as readonly string[]).includes(w)) sets[w as keyof VerifySettings] = null;
    return { ...base, kind: 'shell', sets };
  }
  if (plain && name && name in VERIFY_FUNCTIONS && words[1] && /^[A-Za-z_]\w*$/.test(words[1])) {
    return {
      ...base,
      kind: 'verify',
      fn: name as VerifyFunction,
      snippet: words[1],
      ...(args[2] ? { expect: expectOf(args[2], text, stmt) } : {}),
      env: settingsOf(cmd.Assigns ?? []),
    };
  }
  if (plain && (name === 'source' || name === '.') && words[1] && args.length === 2 && (cmd.Assigns ?? []).length === 0) return { ...base, kind: 'source', path: words[1] };
  if (plain && name && args.length === 1 && (cmd.Assigns ?? []).length === 0 && /^[A-Za-z_][\w-]*$/.test(name)) return { ...base, kind: 'call', name };
  return { ...base, kind: 'shell' };
}

// Whether a command name is a verify call (verify.sh's functions) or a wait call (helpers.sh's `_wait_for_*`).
export function callKind(name: string): 'verify' | 'wait' | undefined {
  return name in VERIFY_FUNCTIONS ? 'verify' : /^_wait_for_\w+$/.test(name) ? 'wait' : undefined;
}

// VERIFY_* values of `NAME=value` assignments, when literal (`null` for a value that is not).
function settingsOf(assigns: ShNode[]): VerifySettings {
  const sets: VerifySettings = {};
  for (const a of assigns) {
    const name = a.Name?.Value as string | undefined;
    if (!name || !(VERIFY_SETTINGS as readonly string[]).includes(name)) continue;
    sets[name as keyof VerifySettings] = a.Value ? literalOf(a.Value) ?? null : '';
  }
  return sets;
}

// The expected-output word: a literal, one variable (`"$snip_x_out"`), or source text for the session to evaluate.
function expectOf(word: ShNode, text: string, stmt: ShNode): ExpectWord {
  const literal = literalOf(word);
  if (literal !== undefined) return { literal };
  const parts: ShNode[] = word.Parts ?? [];
  const inner = parts.length === 1 && shSyntax().NodeType(parts[0]) === 'DblQuoted' ? parts[0].Parts ?? [] : parts;
  if (inner.length === 1 && shSyntax().NodeType(inner[0]) === 'ParamExp' && isPlainParam(inner[0])) return { variable: inner[0].Param.Value };
  const bytes = Buffer.from(text, 'utf8');
  const base = stmt.Pos().Offset();
  return { source: bytes.subarray(word.Pos().Offset() - base, word.End().Offset() - base).toString('utf8') };
}

// `$name` or `${name}` with nothing else (no default, index, length, replacement).
function isPlainParam(node: ShNode): boolean {
  return !node.Excl && !node.Length && !node.Width && !node.Index && !node.Slice && !node.Repl && !node.Exp && !node.Names;
}

// The value of a word that needs no expansion ('...', "..." without `$` or backquotes, plain words), else undefined.
export function literalOf(word: ShNode): string | undefined {
  let out = '';
  for (const part of word.Parts ?? []) {
    const type = shSyntax().NodeType(part);
    if (type === 'SglQuoted' && !part.Dollar) out += part.Value;
    else if (type === 'Lit') {
      if (/[\\*?[]/.test(part.Value) || (out === '' && part.Value.startsWith('~'))) return undefined;
      out += part.Value;
    } else if (type === 'DblQuoted' && !part.Dollar) {
      for (const inner of part.Parts ?? []) {
        if (shSyntax().NodeType(inner) !== 'Lit') return undefined;
        out += (inner.Value as string).replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
      }
    } else return undefined;
  }
  return out;
}
