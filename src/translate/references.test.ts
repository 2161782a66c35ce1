import { readFileSync } from 'node:fs';
import { parsePage } from '../page/parse.js';
import { attachReferences } from './references.js';

// A translation of the seed page (its English page exists under content/en/), parsed from its file.
function translation() {
  const file = 'content/es/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';
  return parsePage(file, readFileSync(file, 'utf8'));
}

describe('taking the ids of the reference page', () => {
  test('a crash while reading the reference page is reported on the page, which keeps its own ids', () => {
    const page = translation();
    const own = page.blocks.map((b) => b.id);
    const referenceOf = attachReferences([page], 'en', () => {
      throw new Error('boom');
    });
    expect(referenceOf(page)).toBeUndefined();
    expect(page.blocks.map((b) => b.id)).toEqual(own);
    expect(page.diagnostics).toEqual([
      expect.objectContaining({ file: page.file, line: 1, severity: 'error', ruleId: 'internal-error', message: expect.stringContaining('(boom); its blocks keep their own ids; please report it') }),
    ]);
  });

  test('a reference page read as usual gives its ids and no diagnostic', () => {
    const page = translation();
    const referenceOf = attachReferences([page], 'en', (file) => parsePage(file, readFileSync(file, 'utf8')));
    expect(referenceOf(page)).toBeDefined();
    expect(page.blocks[4].id).toBe('snip_kubernetes_externalname_service_to_access_an_external_service_1');
    expect(page.diagnostics).toEqual([]);
  });
});
