// Alignment of very large pages: a band around the diagonal instead of every pair of blocks, with the same result
// wherever the full alignment is affordable to compare with.
import { readFileSync } from 'node:fs';
import { alignBlocks } from '../../src/translate/align.js';
import { parsePage } from '../../src/page/parse.js';
import * as similarityModule from '../../src/translate/similarity.js';
import { alignSequences, alignSequencesInBand } from '../../src/translate/sequence-alignment.js';

const seed = 'docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';

// The seed page of a language with its body repeated `copies` times (a large page written the way istio.io writes).
function repeated(lang: string, copies: number) {
  const text = readFileSync(`content/${lang}/${seed}`, 'utf8');
  const end = text.indexOf('\n---', 4) + 4;
  return parsePage(`content/${lang}/${seed}`, text.slice(0, end) + text.slice(end).repeat(copies));
}

describe('aligning very large pages', () => {
  test('two pages of about 1,000 blocks compare a band of block pairs, not every pair', () => {
    const es = repeated('es', 45);
    const en = repeated('en', 45);
    expect(es.blocks.length).toBeGreaterThan(900);
    const calls = jest.spyOn(similarityModule, 'similarity');
    try {
      alignBlocks(es, en);
      expect(calls.mock.calls.length).toBeLessThan(es.blocks.length * 100);
    } finally {
      calls.mockRestore();
    }
  });

  test('the banded alignment of a 500-block translation equals the full one', () => {
    const es = repeated('es', 25);
    const en = repeated('en', 25);
    expect(es.blocks.length * en.blocks.length).toBeGreaterThan(250_000);
    const banded = alignBlocks(es, en);
    const full = alignBlocks(es, en, { fullAlignmentCells: Infinity });
    expect(banded.pairs).toEqual(full.pairs);
  });

  test('a band that holds a best path scores as the full alignment, and a band of everything gives the same pairs', () => {
    let seedValue = 7;
    const random = () => ((seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const reference = Array.from({ length: 200 }, () => Math.floor(random() * 6));
      const local = reference.filter(() => random() > 0.1).map((x) => (random() > 0.9 ? x + 10 : x));
      const score = (i: number, j: number) => (local[i] === reference[j] ? 1 : -1);
      const full = alignSequences(local.length, reference.length, score);
      const banded = alignSequencesInBand(local.length, reference.length, score, (i) => [i - 40, i + 60]);
      const total = (pairs: typeof full) => pairs.reduce((sum, p) => sum + (p.local !== undefined && p.reference !== undefined ? score(p.local, p.reference) : 0), 0);
      expect(total(banded)).toBe(total(full));
      expect(banded.filter((p) => p.local !== undefined)).toHaveLength(local.length);
      expect(alignSequencesInBand(local.length, reference.length, score, () => [0, reference.length - 1])).toEqual(full);
    }
  });

  test('a band far from the diagonal still gives every item of both sides once, in order', () => {
    const pairs = alignSequencesInBand(50, 400, () => 1, (i) => [i * 8, i * 8]);
    expect(pairs.filter((p) => p.local !== undefined).map((p) => p.local)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(pairs.filter((p) => p.reference !== undefined).map((p) => p.reference)).toEqual(Array.from({ length: 400 }, (_, j) => j));
    expect(alignSequencesInBand(3, 0, () => 1, () => [0, 0])).toEqual([{ local: 0 }, { local: 1 }, { local: 2 }]);
  });
});
