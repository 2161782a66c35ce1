// Cleanup sections, in every language of the site: their steps always run, even after a failure, and a failure in
// them is a warning. So only a heading that *is* a cleanup makes one — a heading that merely mentions removing
// something ("Uninstall old control plane", whose last step is the page's real check) stays a part of the test.
import type { Section } from '../page/types.js';

/** Words that make a heading a cleanup when it starts with one ("Cleanup", "Clean up the gateway", "清理 Wasm 模块"). */
const cleanupWords = [
  'clean(?:ing)? ?-?up', 'tear(?:ing)? ?-?down', // en
  'limpieza', 'limpiar', // es
  'limpeza', // pt
  'nettoyage', // fr
  'aufräumen', 'bereinigen', // de
  'очищення', 'очистка', 'прибирання', // uk, ru
  '清理', '清除', // zh
  'クリーンアップ', '정리', // ja, ko
];

/**
 * Words for removing something, which may be the page's own teardown or a step of the test: a heading is a cleanup
 * when it is one alone ("Uninstall", "卸载"); a heading naming one (or a cleanup word) anywhere is a cleanup when it
 * is the page's last section ("Uninstall Istio", "Conclusion and cleanup").
 */
const removalWords = [
  'uninstall(?:ing)?', 'remov(?:e|ing)', 'delet(?:e|ing)', // en
  'desinstalar', 'eliminar', // es, pt
  'désinstaller', 'suppression', // fr
  'deinstallieren', 'entfernen', // de
  'видалення', 'видаліть', 'вилучення', 'удаление', // uk, ru
  '卸载', '删除', // zh
  'アンインストール', '삭제', // ja, ko
];

// A word as a pattern: one written with spaces between words starts and ends where no letter or digit touches it;
// one in a script without spaces (Chinese, Japanese, Korean) anywhere ("清理第 1 部分", "结论和清理").
const word = (w: string) => (/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w) ? w : `(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`);
const any = (words: string[]) => `(?:${words.map(word).join('|')})`;
const startsCleanup = new RegExp(`^[^\\p{L}\\p{N}]*${any(cleanupWords)}`, 'iu');
const namesEither = new RegExp(`${any([...cleanupWords, ...removalWords])}`, 'iu');
const onlyRemoval = new RegExp(`^[^\\p{L}\\p{N}]*${any(removalWords)}[^\\p{L}\\p{N}]*$`, 'iu');

// The heading's names: its text, and its anchor read as words (`{#cleanup-http-gateway}` is "cleanup http gateway").
function names(section: Section): string[] {
  return section.anchor ? [section.text, section.anchor.replace(/[-_]+/g, ' ')] : [section.text];
}

// Whether the section at `index` is a cleanup: its text or anchor starts with a cleanup word or is a removal word
// alone, or it names either and no heading of its depth or above follows it (the page's last section).
export function isCleanupHeading(sections: readonly Section[], index: number): boolean {
  const section = sections[index];
  const all = names(section);
  if (all.some((name) => startsCleanup.test(name) || onlyRemoval.test(name))) return true;
  if (!all.some((name) => namesEither.test(name))) return false;
  return !sections.slice(index + 1).some((later) => later.depth <= section.depth);
}

// Whether a line lies in a cleanup section: its nearest heading, or a heading above it of lower depth, is a cleanup.
export function inCleanupSection(sections: readonly Section[], line: number): boolean {
  let depth = Infinity;
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i];
    if (section.line > line || section.depth >= depth) continue;
    if (isCleanupHeading(sections, i)) return true;
    depth = section.depth;
  }
  return false;
}
