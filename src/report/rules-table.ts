// The README's rule table, generated from the rule registry so the two cannot disagree (a test compares them).
import { readFileSync, writeFileSync } from 'node:fs';
import { rules, type RuleInfo } from '../page/rules.js';

const start = '<!-- rules: generated from src/page/rules.ts by `npm run rules:readme`; do not edit by hand -->';
const end = '<!-- /rules -->';

/** The markdown table of every rule: id, default severity, what it means. */
export function rulesTable(): string {
  const rows = Object.entries(rules as Record<string, RuleInfo>).map(([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.doc} |`);
  return ['| rule | severity | what it means |', '|---|---|---|', ...rows].join('\n');
}

/** The table as it stands in a README between the markers (undefined when the markers are missing). */
export function readmeTable(readme: string): string | undefined {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  return from < 0 || to < from ? undefined : readme.slice(from + start.length, to).trim();
}

/** Rewrites the table between the markers of a README file with the one generated from the registry. */
export function writeReadmeTable(file: string): void {
  const readme = readFileSync(file, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: no rule table markers (${start} ... ${end})`);
  writeFileSync(file, `${readme.slice(0, from + start.length)}\n${rulesTable()}\n${readme.slice(to)}`);
}
