// Which expected outputs `run --update` redraws after a run, and the line edits that do it. Pure: pages and results in,
// edits and the steps left for a person out.
import { updateExpected } from '../match/update.js';
import { contentLineReading } from '../page/content-line.js';
import type { Page, Step } from '../page/types.js';
import type { StepResult } from '../run/results.js';
import type { LineEdit } from './page-edits.js';

/** A failed step that is not redrawn, and why. */
export interface NotUpdated {
  file: string;
  line: number;
  id: string;
  reason: string;
  /** The rule of a refusal to write (a line the page would read as something else than output). */
  ruleId?: 'write-not-output';
}

export interface StepUpdates {
  /** The failed steps whose expected output is redrawn, each with its edit. */
  updated: { result: StepResult; edit: LineEdit }[];
  notUpdated: NotUpdated[];
}

export interface UpdateContext {
  /** The parsed page (or boilerplate) a file holds, as read before the run. */
  pageOf: (file: string) => Page | undefined;
  /** Whether the block at this opener line is a translation whose output was translated (drift kind `translated`). */
  translated: (file: string, blockLine: number) => boolean;
}

/** The edits that redraw the expected output of every step the matcher failed, and the failed steps left alone. */
export function stepUpdates(results: StepResult[], context: UpdateContext): StepUpdates {
  const updated: StepUpdates['updated'] = [];
  const notUpdated: NotUpdated[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    const { step } = result;
    if (result.actual === undefined) {
      // A failure with no output to compare (an exit code, a time-out) is left too, and said.
      if (!result.warning && (result.status === 'failed' || result.status === 'timeout')) {
        notUpdated.push({ file: step.file, line: step.line, id: step.id, reason: `${result.message || result.status}: no expected output to redraw` });
      }
      continue;
    }
    const key = `${step.file}:${step.line}`;
    // A boilerplate included by several pages is redrawn from the first run of it.
    if (seen.has(key)) continue;
    seen.add(key);
    const leave = (reason: string) => notUpdated.push({ file: step.file, line: step.line, id: step.id, reason });
    if (step.hidden) {
      leave('a hidden step of doctest.yaml (page.before or page.cleanup): change its `arg` there by hand');
      continue;
    }
    if ((result.droppedBytes ?? 0) > 0) {
      leave(`the output was cut (${result.droppedBytes} bytes left out of its middle); a page is never redrawn from part of an output`);
      continue;
    }
    if (context.translated(step.file, step.blockLine)) {
      leave('the expected output is a translation of the reference page\'s (drift: translated); fix it by hand');
      continue;
    }
    const page = context.pageOf(step.file);
    const block = page?.blocks.find((b) => b.line === step.blockLine);
    const source = block?.steps?.find((s) => s.line === step.line);
    if (!page || !block || !source) {
      leave('the step is no longer where the page had it');
      continue;
    }
    const range = expectedRange(source);
    const written = page.lines.slice(range.from - 1, range.from - 1 + range.count);
    const update = updateExpected(written.map((l) => unindent(l, block.indent)), source.expected, result.actual, step.verify.mode);
    if (!update.ok) {
      leave(update.reason);
      continue;
    }
    if (!update.changed) continue;
    const lines = update.lines.map((l) => (l.kept !== undefined ? written[l.kept] : l.text === '' ? '' : block.indent + l.text));
    // A new line the parser would read as a command, a shortcode, a heading or a delimiter is never written.
    const clash = update.lines
      .filter((l) => l.kept === undefined)
      .map((l) => ({ text: l.text, reading: contentLineReading(l.text, { syntax: block.syntax, asOutput: true }) }))
      .find((c) => c.reading !== undefined);
    if (clash) {
      notUpdated.push({ file: step.file, line: step.line, id: step.id, ruleId: 'write-not-output', reason: `the output has a line the page would read as ${clash.reading}, not as output: ${JSON.stringify(clash.text.slice(0, 60))}` });
      continue;
    }
    updated.push({ result, edit: { file: step.file, from: range.from, count: range.count, lines, before: written } });
  }
  return { updated, notUpdated };
}

// The file lines of a step's expected output: from its first line for as many lines as it has, or an empty range
// after the command when it shows none.
function expectedRange(step: Step): { from: number; count: number } {
  if (step.expected === '' || step.expectedLine === undefined) return { from: step.endLine + 1, count: 0 };
  return { from: step.expectedLine, count: step.expected.split('\n').length };
}

// A content line without the block's indentation (blank lines may have less of it).
function unindent(line: string, indent: string): string {
  return line.startsWith(indent) ? line.slice(indent.length) : line.trimStart();
}
