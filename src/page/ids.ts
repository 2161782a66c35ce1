// Block ids in istio.io's snippet naming, so existing test scripts keep working:
// `snip_<section>_<n>`, where the section comes from the last `##`+ heading line, wherever it stands.

/** istio.io's section heading rule: a `##`+ line, even inside a block. */
export const sectionHeading = /^##+ ([^{]*)(\{.*\})?$/;
/** istio.io's recognised block opener (note the space required before `>}}`). */
export const recognisedOpener = /^(\s*)\{\{< text (syntax=)?"?(\w+)"? .*>\}\}$/;
/** The `snip_id=X` attribute as istio.io's generator reads it, anywhere on the opener line. */
export const snippetId = /snip_id=(\w+)/;

// Section name from heading text: trimmed, spaces to `_`, other characters dropped, lower case.
export function sectionName(text: string): string {
  return text.trim().replaceAll(' ', '_').replace(/[^0-9a-zA-Z_]/g, '').toLowerCase();
}

// The anchor of a heading line (`{#anchor}`), if any.
export function headingAnchor(line: string): string | undefined {
  return /\{#([^}\s]+)\}\s*$/.exec(line)?.[1];
}

// Section name an `{#anchor}` gives on a translated page (`-` → `_`, then istio.io's rule).
export function anchorSectionName(anchor: string): string {
  return sectionName(anchor.replaceAll('-', '_'));
}

// Section name of a heading line: istio.io's rule for English, the `{#anchor}` on other languages when present.
export function sectionOfHeading(line: string, lang: string): string | undefined {
  const match = sectionHeading.exec(line);
  if (!match) return undefined;
  if (lang !== 'en') {
    const anchor = headingAnchor(line);
    if (anchor) return anchorSectionName(anchor);
  }
  return sectionName(match[1]);
}

export interface IdTarget {
  line: number;
  recognised: boolean;
  id?: string;
  placeId?: string;
  section: string;
}

// Walks the page's lines once and gives every block its istio.io id; unrecognised openers get none.
export function assignIds(lines: string[], blocks: IdTarget[], lang: string): void {
  const byLine = new Map<number, IdTarget>();
  for (const block of blocks) byLine.set(block.line, block);
  let section = '';
  let counter = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('##')) {
      const name = sectionOfHeading(line, lang);
      if (name !== undefined) {
        section = name;
        counter = 0;
        continue;
      }
    }
    const block = byLine.get(i + 1);
    if (!block) continue;
    block.section = section;
    block.recognised = recognisedOpener.test(line);
    if (!block.recognised) continue;
    counter++;
    const explicit = snippetId.exec(line)?.[1];
    if (explicit === 'none') {
      block.placeId = `snip_${section}_${counter}`;
      continue;
    }
    block.id = explicit ? `snip_${explicit}` : `snip_${section}_${counter}`;
  }
}

/** The heredoc delimiter of istio.io's generated snippets (`<<\\ENDSNIP`): a line of a block's text equal to it ends the
 * heredoc there, and the lines after it run as code when the snippets are sourced. */
export const SNIP_DELIMITER = 'ENDSNIP';
