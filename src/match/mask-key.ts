// Masked keys of texts, to group lines and table rows that may match before comparing them for real.
import { placeholder } from './kinds/describe.js';
import { readAny } from './kinds.js';

/**
 * A key of a text where every value the lenient readers recognize is replaced by its kind and form,
 * and runs of blanks by one space. Two texts that match usually share a key; keys only group
 * candidates for pairing, every pair is still checked by the real comparison.
 */
export function maskKey(s: string): string {
  let out = '';
  let lit = 0;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === ' ' || ch === '\t') {
      out += s.slice(lit, i) + ' ';
      while (s[i] === ' ' || s[i] === '\t') i++;
      lit = i;
      continue;
    }
    const r = readAny(s, i, false);
    if (r) {
      const form = r.kind === 'ipv4' || r.kind === 'ipv6' || r.kind === 'age' ? '' : r.forms[0];
      out += s.slice(lit, i) + placeholder(r.kind) + form;
      i = r.end;
      lit = i;
      continue;
    }
    i++;
  }
  return out + s.slice(lit);
}
