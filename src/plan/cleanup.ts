// Cleanup sections, in every language of the site: their steps always run, even after a failure.
import type { Section } from '../page/types.js';

const cleanupWords = [
  'clean(?:ing)? ?-?up', 'tear(?:ing)? ?-?down', 'uninstall', // en
  'limpieza', 'limpiar', 'desinstalar', // es
  'limpeza', // pt
  'nettoyage', 'désinstaller', // fr
  'aufräumen', 'bereinigen', // de
  'очищення', 'видалення', 'видаліть', 'вилучення', 'прибирання', // uk
  'очистка', 'удаление', // ru
  '清理', '清除', '卸载', '删除', // zh
  'クリーンアップ', '정리', // ja, ko
];
const cleanupPattern = new RegExp(`(^|[^\\p{L}])(${cleanupWords.join('|')})`, 'iu');

// Whether a heading names a cleanup, by its anchor or its text.
export function isCleanupHeading(section: Section): boolean {
  return cleanupPattern.test(section.anchor ?? '') || cleanupPattern.test(section.text);
}

// Whether a line lies in a cleanup section: its nearest heading, or a heading above it of lower depth, names a cleanup.
export function inCleanupSection(sections: Section[], line: number): boolean {
  let depth = Infinity;
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i];
    if (section.line > line || section.depth >= depth) continue;
    if (isCleanupHeading(section)) return true;
    depth = section.depth;
  }
  return false;
}
