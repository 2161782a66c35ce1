import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePage } from '../src/page/parse.js';
import type { Page } from '../src/page/types.js';

const seedPage = readFileSync(join(__dirname, '../content/es/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md'), 'utf8');
const constructs = readFileSync(join(__dirname, '../fixtures/pages/constructs.md'), 'utf8');

// Fragments that stress the parser: shortcodes cut in half, heredocs, headings, fences, front matter markers.
const fragments = [
  '{{< text bash >}}', '{{< /text >}}', '{{< text yaml >}}', '{{<', '>}}', '{{< tabset category-name="x" >}}', '{{< tab name="a" >}}',
  '{{< /tab >}}', '{{< /tabset >}}', '{{< boilerplate nowhere >}}', '$ cat <<EOF', 'EOF', '$ echo \\', '## Heading {#anchor}',
  '```', '<div>', '-->', '---', '===', '    $ kubectl get pods', '$ kubectl exec -it pod -- sh', '\t', '', '@samples/x.yaml@',
];

// Checks what must hold for any parse: positions inside the file, steps inside their block, every diagnostic positioned.
function wellFormed(page: Page): boolean {
  const last = Math.max(page.lines.length, 1);
  return (
    page.blocks.every((b) => b.line >= 1 && b.endLine >= b.line && b.endLine <= last && (b.steps ?? []).every((s) => s.line > b.line && s.endLine <= b.endLine)) &&
    page.diagnostics.every((d) => d.line >= 1 && d.line <= last && d.column >= 1 && d.ruleId.length > 0 && d.message.length > 0) &&
    page.sections.every((s) => s.line >= 1 && s.line <= last)
  );
}

// Applies random line edits (delete, duplicate, insert a fragment, swap) to a real page.
const mutatedPage = (source: string) =>
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...fragments)), { maxLength: 12 })
    .map((edits) => {
      const lines = source.split('\n');
      for (const [at, kind, fragment] of edits) {
        const i = at % Math.max(lines.length, 1);
        if (kind === 0) lines.splice(i, 1);
        else if (kind === 1) lines.splice(i, 0, lines[i] ?? '');
        else if (kind === 2) lines.splice(i, 0, fragment);
        else [lines[i], lines[lines.length - 1 - i]] = [lines[lines.length - 1 - i], lines[i]];
      }
      return lines.join('\n');
    });

describe('the parser on hostile input', () => {
  test('random text never makes it throw, and what it returns is well formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => wellFormed(parsePage('random.md', text))),
      { numRuns: 300 },
    );
  });

  test('random lines built from shortcode and markdown fragments never make it throw', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 20 })), { maxLength: 40 }), (lines) =>
        wellFormed(parsePage('content/zh/docs/x/index.md', `---\ntitle: x\n---\n${lines.join('\n')}`)),
      ),
      { numRuns: 300 },
    );
  });

  test('mutations of the es seed page and of the constructs fixture never make it throw', () => {
    fc.assert(fc.property(mutatedPage(seedPage), (text) => wellFormed(parsePage('content/es/docs/x/index.md', text))), { numRuns: 200 });
    fc.assert(fc.property(mutatedPage(constructs), (text) => wellFormed(parsePage('fixtures/x.md', text))), { numRuns: 200 });
  });

  test('a page parses to the same model every time', () => {
    fc.assert(
      fc.property(mutatedPage(seedPage), (text) => {
        const a = parsePage('p.md', text);
        const b = parsePage('p.md', text);
        return JSON.stringify(a) === JSON.stringify(b);
      }),
      { numRuns: 50 },
    );
  });
});
