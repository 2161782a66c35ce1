// Telling a translation from a change. In code (commands, YAML) only `#` comments may be translated: the code before
// them must be the same. In expected outputs only natural-language words may differ (a page title, a sentence), while
// every technical token — names, numbers, IPs, keys, quoted values, markup — is the same on both sides.
import type { LineChange } from './line-changes.js';
import { spacing } from './similarity.js';

/** The tokens of a line, split into words of a natural language and everything else. */
interface LineTokens {
  natural: string[];
  technical: string[];
}

// A word of prose in any script: letters, inner apostrophes and CJK punctuation; no digits, hyphens, dots or slashes.
const naturalWord = /^[\p{L}\p{M}]+(?:['’\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+[\p{L}\p{M}]+)*$/u;
// camelCase or PascalCase with an inner capital (`ClusterIP`), or upper case (`DISABLE`): a name or a value, not prose.
const notProse = /\p{Ll}\p{Lu}|^\p{Lu}{2,}$/u;
// A quoted value (`"ok"`, `'x',`) or a key (`mode:`).
const valueOrKey = /^["'`].*["'`][,:;]?$|^[\p{L}\p{N}_-]+:$/u;
const edgePunctuation = /^[\p{P}]+|[\p{P}]+$/gu;

// Whether changed code lines differ only in their `#` comments (the commands that run are the same).
export function onlyCommentsChanged(changes: LineChange[]): boolean {
  if (changes.length === 0) return false;
  return changes.every((change) => {
    if (change.text === undefined || change.referenceText === undefined) return false;
    const before = splitComment(change.referenceText);
    const after = splitComment(change.text);
    return before.comment !== '' && after.comment !== '' && spacing(before.code) === spacing(after.code);
  });
}

// Whether every changed output line is a translation of the reference line: edited in place (no line added or
// removed), prose-like on both sides, equal technical tokens, and none of its changed words among `commandWords`
// (words the command itself changed, which could explain the output's change).
export function isTranslatedOutput(changes: LineChange[], commandWords: Set<string> = new Set()): boolean {
  if (changes.length === 0) return false;
  for (const change of changes) {
    if (change.text === undefined || change.referenceText === undefined) return false;
    const before = tokens(change.referenceText);
    const after = tokens(change.text);
    if (!proseLike(before) || !proseLike(after)) return false;
    if (before.technical.join('\u0000') !== after.technical.join('\u0000')) return false;
    if (before.natural.join(' ') === after.natural.join(' ')) return false;
    for (const word of changedWords([change])) if (commandWords.has(word)) return false;
  }
  return true;
}

// The words (letters) in the changed parts of word diffs.
export function changedWords(changes: LineChange[]): Set<string> {
  const found = new Set<string>();
  for (const change of changes) {
    for (const part of change.words) {
      if (!part.added && !part.removed) continue;
      for (const word of part.value.match(/[\p{L}\p{M}]+/gu) ?? []) found.add(word);
    }
  }
  return found;
}

// Splits a line of shell or YAML at its comment: a `#` at the start or after a space, outside quotes.
export function splitComment(text: string): { code: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return { code: text.slice(0, i).trimEnd(), comment: text.slice(i) };
  }
  return { code: text, comment: '' };
}

// Splits a line on whitespace and markup tags; a token is prose when what is left inside its punctuation is a word.
function tokens(line: string): LineTokens {
  const natural: string[] = [];
  const technical: string[] = [];
  for (const chunk of line.split(/\s+/)) {
    for (const piece of chunk.split(/(<[^<>]*>)/)) {
      if (piece === '') continue;
      const core = piece.replace(edgePunctuation, '');
      if (core !== '' && !valueOrKey.test(piece) && naturalWord.test(core) && !notProse.test(core)) natural.push(core);
      else technical.push(piece);
    }
  }
  return { natural, technical };
}

// A line reads as prose when it has no more technical tokens than words, and either two words or a word beyond
// ASCII (a lone `Running` or `true` is a value, not a sentence).
function proseLike(line: LineTokens): boolean {
  const words = line.natural.length;
  if (words === 0 || words < line.technical.length) return false;
  return words >= 2 || line.natural.some((word) => /[^\x00-\x7f]/.test(word));
}
