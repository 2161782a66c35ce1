// mvdan-sh's parser, loaded on first use. Importing its 1.5 MB GopherJS bundle as an ES module runs Node's CommonJS
// lexer over all of it (most of a one-step run's start-up, measured); `require` skips the lexer, and a run whose
// commands need no parsing never loads it.
import { createRequire } from 'node:module';
import type sh from 'mvdan-sh';

/** mvdan-sh's `syntax` package: the parser, node types, the walker. */
export type ShSyntax = (typeof sh)['syntax'];

let loaded: ShSyntax | undefined;

// The `syntax` package, required once, when something first parses a command.
export function shSyntax(): ShSyntax {
  loaded ??= (createRequire(import.meta.url)('mvdan-sh') as typeof sh).syntax;
  return loaded;
}
