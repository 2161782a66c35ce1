// Hexadecimal ids (trace, span and container ids) and UUIDs.
import type { Reading } from './reading.js';
import { forms, hexClass, endsWord, startsWord } from './chars.js';

// Reads a hexadecimal id of 8 or more characters (after an optional `0x`, as serial numbers show it);
// strictly it needs a digit and a letter, in one case.
export function readHex(s: string, i: number, strict: boolean): Reading | null {
  if (!startsWord(s, i)) return null;
  const prefixed = s[i] === '0' && s[i + 1] === 'x' && hexClass(s, i + 2) !== null;
  const from = prefixed ? i + 2 : i;
  let j = from;
  let lower = false;
  let upper = false;
  let digit = false;
  for (;;) {
    const k = hexClass(s, j);
    if (k === null) break;
    if (k === 'digit') digit = true;
    else if (k === 'lower') lower = true;
    else upper = true;
    j++;
  }
  const n = j - from;
  if (n < 8 || (lower && upper) || !endsWord(s, j)) return null;
  if (strict && (!digit || !(lower || upper))) return null;
  const tag = prefixed ? `0x${n}` : `${n}`;
  const forms = lower ? [`${tag}l`] : upper ? [`${tag}u`] : [`${tag}l`, `${tag}u`];
  return { kind: 'hex', end: j, forms };
}

// Reads a UUID (8-4-4-4-12 hexadecimal digits, in one case).
export function readUUID(s: string, i: number): Reading | null {
  if (!startsWord(s, i)) return null;
  let p = i;
  let lower = false;
  let upper = false;
  const sizes = [8, 4, 4, 4, 12];
  for (let g = 0; g < sizes.length; g++) {
    if (g > 0) {
      if (s[p] !== '-') return null;
      p++;
    }
    for (let k = 0; k < sizes[g]; k++, p++) {
      const h = hexClass(s, p);
      if (h === null) return null;
      if (h === 'lower') lower = true;
      if (h === 'upper') upper = true;
    }
  }
  if ((lower && upper) || !endsWord(s, p)) return null;
  return { kind: 'uuid', end: p, forms: forms('') };
}
