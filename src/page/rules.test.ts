import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readmeTable, rulesTable } from '../report/rules-table.js';
import { loadPage } from './load.js';
import { ruleInfo, rules } from './rules.js';

describe('the rule registry', () => {
  test("the README's rule table is the one generated from the registry (run `npm run rules:readme` after changing a rule)", () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(readmeTable(readme)).toBe(rulesTable());
  });

  test('every rule has a severity and a one-line doc', () => {
    for (const [id, rule] of Object.entries(rules)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.doc).not.toMatch(/\n/);
    }
  });

  test('every diagnostic the parser gives on the bad fixture pages carries a registered rule, at its default severity unless run-only', () => {
    const dir = join(__dirname, '../../fixtures/pages/bad');
    const seen = new Set<string>();
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      for (const d of loadPage(join(dir, name)).diagnostics) {
        seen.add(d.ruleId);
        expect(ruleInfo(d.ruleId)).toBeDefined();
        expect(d.severity).toBe(ruleInfo(d.ruleId)!.severity);
      }
    }
    expect(seen.size).toBeGreaterThan(4);
  });
});
