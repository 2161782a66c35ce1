import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, corpusPresent } from '../../test/corpus.js';
import { findPages } from '../page/load.js';
import { parsePage } from '../page/parse.js';
import type { Section } from '../page/types.js';
import { inCleanupSection, isCleanupHeading } from './cleanup.js';

const section = (text: string, anchor?: string, depth = 2, line = 1): Section => ({ text, depth, line, ...(anchor ? { anchor } : {}) });

// Hugo's anchor of a heading without an explicit one: lower case, spaces to dashes, punctuation dropped.
function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s+/g, '-');
}

describe('cleanup headings', () => {
  test.each(['Cleanup', 'Clean up', 'Clean-up', 'Cleaning up', 'Cleaning Up', 'Tear down', 'Uninstall Istio', 'Limpieza', 'Очищення', 'Вилучення прикладу', '清理', '清除 TLS 启动实例', '卸载 Istio'])(
    '"%s" is a cleanup heading by its text alone',
    (text) => expect(isCleanupHeading(section(text))).toBe(true),
  );

  test.each(['Before you begin', 'Cleaner routing rules', 'Configure the gateway', 'Перейменування сторінок'])('"%s" is not', (text) => {
    expect(isCleanupHeading(section(text))).toBe(false);
  });

  test('a step under a sub-heading of a cleanup section is in it; after the next section it is not', () => {
    const sections = [section('Cleaning up', undefined, 2, 10), section('Remove the gateway', undefined, 3, 12), section('Next steps', undefined, 2, 20)];
    expect(inCleanupSection(sections, 14)).toBe(true);
    expect(inCleanupSection(sections, 22)).toBe(false);
  });

  const present = corpusPresent('the corpus cleanup headings test');
  (present ? test : test.skip)('every heading of the en, uk and zh corpus whose anchor says cleanup is recognised by its text alone', () => {
    const missed: string[] = [];
    let checked = 0;
    for (const lang of ['en', 'uk', 'zh']) {
      for (const file of findPages([join(corpus, 'content', lang)]).files) {
        const page = parsePage(file, readFileSync(file, 'utf8'));
        for (const s of page.sections) {
          const anchor = s.anchor ?? slug(s.text);
          if (!/^(cleanup|clean-up|cleaning-up|uninstall)(-|$)/.test(anchor)) continue;
          checked++;
          if (!isCleanupHeading({ ...s, anchor: undefined })) missed.push(`${lang}: ${s.text} {#${anchor}}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(missed).toEqual([]);
  });
});
