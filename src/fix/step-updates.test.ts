import { buildPlan } from '../plan/build-plan.js';
import { parsePage } from '../page/parse.js';
import type { StepResult } from '../run/results.js';
import { stepUpdates } from './step-updates.js';

const text = ['---', 'title: Demo', 'test: yes', '---', '', '## Steps', '', '1. Look:', '', '    {{< text bash >}}', '    $ kubectl get ns demo', '    NAME   STATUS   AGE', '    demo   Active   5s', '    {{< /text >}}', ''].join('\n');
const page = parsePage('content/en/docs/demo/index.md', text);
const [step] = buildPlan(page).steps;

// A failed result of the page's step with the given actual output.
function failed(actual: string, extra: Partial<StepResult> = {}): StepResult {
  return { step, status: 'failed', attempts: 1, timedOut: false, durationMs: 5, output: actual, message: 'the output does not match', diff: 'x', warning: false, actual, ...extra };
}

const context = { pageOf: (file: string) => (file === page.file ? page : undefined), translated: () => false };

describe('which failed steps run --update redraws', () => {
  test('a changed output becomes one edit of its lines, indented like the block, matched lines kept', () => {
    const { updated, notUpdated } = stepUpdates([failed('NAME   STATUS        AGE\ndemo   Terminating   2m\n')], context);
    expect(notUpdated).toEqual([]);
    expect(updated.map((u) => u.edit)).toEqual([
      { file: page.file, from: 12, count: 2, lines: ['    NAME   STATUS   AGE', '    demo   Terminating   5s'], before: ['    NAME   STATUS   AGE', '    demo   Active   5s'] },
    ]);
  });

  test('an output the runner cut, a translated output, and an output with a `$ ` line are listed, not redrawn', () => {
    const cut = stepUpdates([failed('NAME\n', { droppedBytes: 1000 })], context);
    expect(cut.notUpdated[0].reason).toMatch(/^the output was cut \(1000 bytes/);
    const translated = stepUpdates([failed('NAME\n')], { ...context, translated: () => true });
    expect(translated.notUpdated[0].reason).toMatch(/translation/);
    const prompt = stepUpdates([failed('$ whoami\nroot\n')], context);
    expect(prompt.notUpdated[0].reason).toMatch(/would read as a command/);
    expect([cut, translated, prompt].flatMap((r) => r.updated)).toEqual([]);
  });
});
