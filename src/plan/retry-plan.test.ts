// Which steps the plan says waiting cannot help: commands that reach neither the cluster nor the network, and
// expected outputs drift knows were translated; doctest.yaml's `retry:` of a block decides over both.
import { parsePage } from '../page/parse.js';
import { buildPlan, TRANSLATED_NO_RETRY } from './build-plan.js';

const block = (...lines: string[]) => ['', '{{< text bash >}}', ...lines, '{{< /text >}}', ''].join('\n');

const page = parsePage(
  'content/en/docs/lab/index.md',
  [
    '---',
    'title: Lab',
    'test: yes',
    '---',
    '## Steps {#steps}',
    block('$ echo "hello" | tr a-z A-Z', 'HELLO'),
    block('$ kubectl get pods', 'NAME  READY', 'x     1/1'),
    block('$ cat <<EOF > greeting.txt', 'hi', 'EOF'),
    block('$ cat greeting.txt | curl -s -d @- httpbin.org/post', '{}'),
    block('$ $TOOL get pods', 'x'),
    block('$ eval "$CMD"', 'x'),
    block('$ printf "10%%\\r100%%\\n"', '100%'),
  ].join('\n'),
);

describe('retries waiting cannot help', () => {
  const steps = buildPlan(page).steps;
  const reason = (k: number) => steps[k].noRetry;

  test('a step of local programs and builtins only is not retried, naming them', () => {
    expect(reason(0)).toBe('its commands (tr) reach neither the cluster nor the network, so waiting cannot change the output');
    expect(reason(2)).toBe('its commands (cat) reach neither the cluster nor the network, so waiting cannot change the output');
    expect(reason(6)).toBe('its commands (builtins) reach neither the cluster nor the network, so waiting cannot change the output');
  });

  test('a step that calls the cluster, the network, or something it cannot name is retried', () => {
    expect([reason(1), reason(3), reason(4), reason(5)]).toEqual([undefined, undefined, undefined, undefined]);
    expect(steps.every((s) => s.retry)).toBe(true);
  });

  test('a translated expected output is not retried', () => {
    const plan = buildPlan(page, { translatedBlocks: new Set([`${page.file}:${steps[1].blockLine}`]) });
    expect(plan.steps[1].noRetry).toBe(TRANSLATED_NO_RETRY);
  });

  test("doctest.yaml's retry: of a block decides over both", () => {
    const ids = page.blocks.map((b) => b.id ?? b.placeId ?? '');
    const plan = buildPlan(page, {
      spec: { blocks: { [ids[0]]: { retry: true }, [ids[1]]: { retry: false } } },
      translatedBlocks: new Set([`${page.file}:${steps[1].blockLine}`]),
    });
    expect(plan.steps[0]).toMatchObject({ retry: true });
    expect(plan.steps[0].noRetry).toBeUndefined();
    expect(plan.steps[1]).toMatchObject({ retry: false });
    expect(plan.steps[1].noRetry).toBeUndefined();
  });
});
