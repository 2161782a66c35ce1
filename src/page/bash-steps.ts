// Splitting a `bash` block into steps: `$ ` lines start commands, `\` continues them, heredocs run to their
// delimiter (even over lines that start with `$ `), and the lines up to the next command are its expected output.
import { diagnostic } from './diagnostics.js';
import { endsHeredoc, heredocsOpenedBy, type Heredoc } from './heredoc.js';
import type { Diagnostic, Step } from './types.js';

export interface BlockLines {
  file: string;
  /** Content lines without the block's indentation. */
  lines: string[];
  /** File line of `lines[0]`. */
  firstLine: number;
  /** Column where content starts (after the indentation), 1-based. */
  column: number;
}

const prompt = /^\$( |$)/;

/** Whether a line of a bash block (without the block's indentation) starts a command: `$ ` or a lone `$`. */
export function isCommandLine(text: string): boolean {
  return prompt.test(text);
}

// Parses the commands of one bash block; problems are diagnostics, never exceptions.
export function splitBashSteps(block: BlockLines): { steps: Step[]; diagnostics: Diagnostic[] } {
  const steps: Step[] = [];
  const diagnostics: Diagnostic[] = [];
  let current: { command: string[]; output: string[]; line: number; endLine: number; expectedLine?: number } | undefined;
  let pending: Heredoc[] = [];
  let continued = false;
  let leading = 0;

  const close = () => {
    if (!current) return;
    const output = [...current.output];
    while (output.length > 0 && output[output.length - 1].trim() === '') output.pop();
    steps.push({
      command: current.command.join('\n'),
      line: current.line,
      endLine: current.endLine,
      expected: output.join('\n'),
      ...(output.length > 0 ? { expectedLine: current.expectedLine } : {}),
    });
  };

  block.lines.forEach((text, index) => {
    const fileLine = block.firstLine + index;
    if (current && pending.length > 0) {
      current.command.push(text);
      current.endLine = fileLine;
      if (endsHeredoc(text, pending[0])) pending.shift();
      return;
    }
    if (current && continued) {
      current.command.push(text);
      current.endLine = fileLine;
      continued = /\\$/.test(text);
      pending = heredocsOpenedBy(text);
      return;
    }
    if (prompt.test(text)) {
      close();
      const command = text.slice(2);
      current = { command: [command], output: [], line: fileLine, endLine: fileLine };
      continued = /\\$/.test(command);
      pending = heredocsOpenedBy(command);
      if (/\bkubectl\s+exec\b.*\s-(it|ti)\b/.test(command)) {
        diagnostics.push(
          diagnostic({ file: block.file, line: fileLine, column: block.column, ruleId: 'kubectl-exec-it', message: '`kubectl exec -it` waits for a terminal and hangs when run by a test; drop `-it` (or use `-i` alone)', actual: command.trim() }),
        );
      }
      return;
    }
    if (!current) {
      if (text.trim() !== '') leading++;
      if (leading === 1 && text.trim() !== '') {
        diagnostics.push(
          diagnostic({
            file: block.file,
            line: fileLine,
            column: block.column,
            ruleId: 'bash-no-command',
            message: 'this `bash` block does not start with a `$ ` command line, so its first lines cannot be run',
            expected: '$ <command>',
            actual: text.trim().slice(0, 80),
          }),
        );
      }
      return;
    }
    if (current.output.length === 0) current.expectedLine = fileLine;
    current.output.push(text);
  });
  if (current && pending.length > 0) {
    diagnostics.push(
      diagnostic({ file: block.file, line: current.line, column: block.column, ruleId: 'heredoc-unterminated', message: `the heredoc opened on line ${current.line} never reaches its \`${pending[0].delimiter}\` line before the block ends`, expected: pending[0].delimiter }),
    );
  }
  close();
  return { steps, diagnostics };
}
