import { parsePage } from '../page/parse.js';
import { driftReport } from '../translate/drift-report.js';
import { buildMatrix } from './matrix.js';

const page = (file: string) => parsePage(file, '---\ntitle: A\n---\n\n{{< text bash >}}\n$ kubectl get pods\n{{< /text >}}\n');

describe('the translation matrix', () => {
  test('puts a page and its translation in one row when the checkout itself lies under a folder named content', () => {
    const en = page('/srv/content/istio.io/content/en/docs/tasks/a/index.md');
    const zh = page('/srv/content/istio.io/content/zh/docs/tasks/a/index.md');
    const matrix = buildMatrix([en, zh], driftReport([en, zh], 'en', () => undefined), () => undefined);
    expect(matrix.rows.map((row) => row.path)).toEqual(['docs/tasks/a/index.md']);
    expect(matrix.rows[0].cells.map((cell) => [cell.lang, cell.status === 'not-translated'])).toEqual([
      ['en', false],
      ['zh', false],
    ]);
  });
});
