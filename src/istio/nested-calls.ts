// The `_verify_*` and `_wait_for_*` calls inside a compound script statement (if/elif/else, case, loops, `&&`/`||`
// chains, function definitions), each with its script line and the conditions it sits under, read from mvdan-sh's
// tree: the plan lists them, and the runner reports each one that ran (or was passed over) as a step of its own.
import type { ShNode } from 'mvdan-sh';
import { shSyntax } from '../plan/shell-syntax.js';
import type { NestedCallSite } from '../plan/plan.js';

/** mvdan-sh's BinCmdOperator values for `&&` and `||` (`|` and `|&` follow). */
const AND_OP = 10;
const OR_OP = 11;

/** What a condition's text is cut to in a plan line. */
const CONDITION_WIDTH = 80;

/** Where the statement's source is: its bytes and the script line of its part's first line. */
export interface StatementSource {
  bytes: Buffer;
  partLine: number;
}

// The verify and wait calls anywhere inside a statement, except the statement itself when it is one such call.
export function nestedCalls(stmt: ShNode, source: StatementSource, isCall: (name: string) => 'verify' | 'wait' | undefined): NestedCallSite[] {
  const found: NestedCallSite[] = [];
  const text = (from: ShNode, to: ShNode) => oneLine(source.bytes.subarray(from.Pos().Offset(), to.End().Offset()).toString('utf8'));
  // A statement list's text without the `;` that ends it.
  const stmtsText = (stmts: ShNode[]) => (stmts.length > 0 ? text(stmts[0], stmts[stmts.length - 1]).replace(/\s*;$/, '') : '');
  // Visits a node under `conditions`; compound commands add theirs and visit their parts themselves.
  const visit = (root: ShNode, conditions: string[], inFunction: string | undefined) => {
    shSyntax().Walk(root, (node) => {
      if (!node) return true;
      const type = shSyntax().NodeType(node);
      const under = (stmts: ShNode[] | undefined, condition?: string, fn = inFunction) => {
        for (const s of stmts ?? []) visit(s, condition ? [...conditions, condition] : conditions, fn);
      };
      switch (type) {
        case 'IfClause': {
          // An `elif` is an IfClause in the Else of the one before; a plain `else` is one with no condition.
          const ifText = `if ${stmtsText(node.Cond ?? [])}`;
          under(node.Cond);
          under(node.Then, ifText);
          let other: ShNode | null = node.Else ?? null;
          const passed = [ifText];
          while (other) {
            const cond: ShNode[] = other.Cond ?? [];
            if (cond.length === 0) {
              under(other.Then, `else of ${passed.join(', ')}`);
              break;
            }
            const elif = `elif ${stmtsText(cond)}`;
            under(cond, `else of ${passed.join(', ')}`);
            under(other.Then, elif);
            passed.push(elif);
            other = other.Else ?? null;
          }
          return false;
        }
        case 'WhileClause': {
          under(node.Cond);
          under(node.Do, `${node.Until ? 'until' : 'while'} ${stmtsText(node.Cond ?? [])}`);
          return false;
        }
        case 'ForClause': {
          under(node.Do, `for ${node.Loop ? text(node.Loop, node.Loop) : ''}`.trim());
          return false;
        }
        case 'CaseClause': {
          for (const item of node.Items ?? []) {
            const patterns: ShNode[] = item.Patterns ?? [];
            const pattern = patterns.length > 0 ? text(patterns[0], patterns[patterns.length - 1]) : '*';
            under(item.Stmts, `case ${node.Word ? text(node.Word, node.Word) : ''} in ${pattern})`);
          }
          return false;
        }
        case 'BinaryCmd': {
          // `a && b`: b runs when a succeeds; `a || b`: when it fails (a pipe runs both).
          visit(node.X, conditions, inFunction);
          const x = text(node.X, node.X);
          const condition = node.Op === AND_OP ? `when \`${x}\` succeeds` : node.Op === OR_OP ? `when \`${x}\` fails` : undefined;
          visit(node.Y, condition ? [...conditions, condition] : conditions, inFunction);
          return false;
        }
        case 'FuncDecl': {
          const name = node.Name?.Value as string;
          visit(node.Body, [...conditions, `in function ${name}`], name);
          return false;
        }
        case 'CallExpr': {
          const args: ShNode[] = node.Args ?? [];
          const name = args.length > 0 ? plainWord(args[0]) : undefined;
          const kind = name ? isCall(name) : undefined;
          if (name && kind && node !== stmt.Cmd) {
            const snippet = kind === 'verify' && args[1] ? plainWord(args[1]) : undefined;
            const rest = args.length > 1 ? text(args[1], args[args.length - 1]) : '';
            found.push({
              kind,
              fn: name,
              ...(snippet && /^[A-Za-z_]\w*$/.test(snippet) ? { snippet } : {}),
              call: oneLine(`${name}${rest ? ` ${rest}` : ''}`),
              scriptLine: node.Pos().Line() + source.partLine - 1,
              conditions,
              ...(inFunction ? { inFunction } : {}),
            });
          }
          return true;
        }
        default:
          return true;
      }
    });
  };
  visit(stmt, [], undefined);
  return found;
}

// A word with no quoting or expansion (a function or snippet name), else undefined.
function plainWord(word: ShNode): string | undefined {
  const parts: ShNode[] = word.Parts ?? [];
  return parts.length === 1 && shSyntax().NodeType(parts[0]) === 'Lit' ? (parts[0].Value as string) : undefined;
}

// Source text on one line, cut to CONDITION_WIDTH.
function oneLine(text: string): string {
  const flat = text.replace(/\\\n\s*/g, ' ').replace(/\s*\n\s*/g, '; ').replace(/\s+/g, ' ').trim();
  return flat.length > CONDITION_WIDTH ? `${flat.slice(0, CONDITION_WIDTH - 1)}…` : flat;
}
