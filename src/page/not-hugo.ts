// Recognising files that are not Hugo pages at all, and saying what they look like instead.

// Whether a file has any Hugo shortcode, the other sign of a Hugo page besides front matter.
export function hasShortcodes(text: string): boolean {
  return /\{\{[<%]/.test(text);
}

// Recognises formats that are clearly not Hugo markdown even when a shortcode survived in them
// (a reStructuredText conversion, text copied from a rendered page); undefined when the file could be Hugo.
export function foreignFormat(lines: string[]): string | undefined {
  const description = describeNonHugo(lines);
  return description.includes('reStructuredText') || description.includes('rendered web page') ? description : undefined;
}

// Describes what a non-Hugo file looks like, so the message tells the user what they gave the tool.
export function describeNonHugo(lines: string[]): string {
  const count = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).length;
  const rst = count(/^\s*\.\. [\w-]+::/) + count(/^(={3,}|-{3,}|~{3,})\s*$/) + count(/`[^`]+ <[^>]+>`_/) + count(/^\s*::\s*$/);
  if (rst >= 2) return 'it looks like reStructuredText (`.. directive::` lines, `====` title underlines, `` `text <url>`_ `` links)';
  const prompts = count(/^\s*\$ \S/);
  const bullets = count(/^\s*[•·◦]\s/) + count(/^\s*\d+\.\s+\S/);
  if (prompts > 0 && count(/^\s*#{1,6} /) === 0 && count(/^\s*(```|~~~)/) === 0) {
    return `it looks like text copied from a rendered web page (${prompts} \`$ \` command lines but no markdown headings, code fences or shortcodes${bullets > 0 ? ', bullet characters' : ''})`;
  }
  if (count(/^\s*#{1,6} /) > 0 || count(/^\s*(```|~~~)/) > 0) return 'it looks like plain markdown without Hugo front matter';
  if (lines.every((line) => line.trim() === '')) return 'it is empty';
  return 'it looks like plain text';
}
