// Escaping for the HTML report: every text that comes from a page or a run goes through here.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a double- or single-quoted attribute. */
export function esc(value: string | number | undefined | null): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c]);
}

/** A fragment id made only of safe characters. */
export function idOf(...parts: (string | number)[]): string {
  return parts
    .map(String)
    .join('--')
    .replace(/[^A-Za-z0-9_-]+/g, '-');
}
