import { parsePage } from '../page/parse.js';
import { buildPlan } from '../plan/build-plan.js';
import { againstRecord, staleness } from './against.js';
import { parseRecord, recordKey, type RunRecord } from './schema.js';

const PAGE = 'docs/a/index.md';
const header = { type: 'record', version: 1, date: '2026-12-01T10:00:00.000Z', tool: '0.2.0', kubernetes: 'v1.33.1', istio: '1.27.0' };

// A page of the site in a language, as the parser reads it.
function page(lang: string, body: string) {
  return parsePage(`content/${lang}/${PAGE}`, `---\ntitle: A\ntest: yes\n---\n\n## Try it\n\n${body}`);
}

// A record of the English page's steps: each with its command and what it printed.
function record(steps: { id: string; command: string; output: string; occurrence?: number }[]): RunRecord {
  const lines = [header, ...steps.map((s) => ({ type: 'step', page: PAGE, lang: 'en', id: s.id, occurrence: s.occurrence ?? 1, file: `content/en/${PAGE}`, line: 9, command: s.command, status: 'passed', exitCode: 0, output: s.output, setup: 'profile=none' }))];
  const read = parseRecord('record.jsonl', lines.map((l) => JSON.stringify(l)).join('\n'));
  if (typeof read === 'string') throw new Error(read);
  return read;
}

const block = (command: string, output: string) => `{{< text bash >}}\n$ ${command}\n${output}\n{{< /text >}}\n\n`;

describe('againstRecord', () => {
  test('the same command is judged on the recorded output: a translated output would fail, volatile values pass', () => {
    const zh = page('zh', block('kubectl get pods', 'NAME                    READY   STATUS    RESTARTS   AGE\ncurl-66c8d79ff5-8tqrl   1/1     Running   0          32s') + block('curl -s example.com | grep -o "<title>.*</title>"', '<title>示例域</title>'));
    const rec = record([
      { id: 'snip_try_it_1', command: 'kubectl get pods', output: 'NAME                    READY   STATUS    RESTARTS   AGE\ncurl-7d5f8b6c9d-x2kqp   1/1     Running   0          3m\n' },
      { id: 'snip_try_it_2', command: 'curl -s example.com | grep -o "<title>.*</title>"', output: '<title>Example Domain</title>\n' },
    ]);
    const found = againstRecord(buildPlan(zh), PAGE, ['en', 'zh'], rec);
    expect(found.map((f) => `${f.step.id} ${f.kind}`)).toEqual(['snip_try_it_1 would-pass', 'snip_try_it_2 would-fail']);
    expect(found[1].diff).toContain('+<title>Example Domain</title>');
    // Its failing line as a run would tell it: the expected line that differs, beside the command's line.
    expect(found[1].failure).toMatchObject({ kind: 'line-differs', file: 'content/zh/docs/a/index.md', line: 16, commandLine: 15, expected: '<title>示例域</title>', actual: '<title>Example Domain</title>' });
  });

  test('a drifted command is not comparable, and the steps after it are not compared; a missing record is counted', () => {
    const uk = page('uk', block('kubectl apply -f curl.yaml', '') + block('kubectl get pods -o name', 'pod/curl-66c8d79ff5-8tqrl') + block('echo extra', 'extra'));
    const rec = record([
      { id: 'snip_try_it_1', command: 'kubectl apply -f sleep.yaml', output: '' },
      { id: 'snip_try_it_2', command: 'kubectl get pods -o name', output: 'pod/sleep-66c8d79ff5-8tqrl\n' },
    ]);
    const found = againstRecord(buildPlan(uk), PAGE, ['en', 'uk'], rec);
    expect(found.map((f) => f.kind)).toEqual(['not-comparable', 'after-drift', 'no-record']);
    expect(found[0].message).toContain('recorded at content/en/docs/a/index.md:9: kubectl apply -f sleep.yaml; here: kubectl apply -f curl.yaml');
  });

  test('the reference language is looked up first, then the page\'s own', () => {
    const rec = record([{ id: 'snip_try_it_1', command: 'echo hi', output: 'hi\n' }]);
    rec.steps.set(recordKey('zh', PAGE, 'snip_try_it_1', 1), { ...rec.steps.get(recordKey('en', PAGE, 'snip_try_it_1', 1))!, lang: 'zh', output: 'bye\n' });
    expect(againstRecord(buildPlan(page('zh', block('echo hi', 'hi'))), PAGE, ['en', 'zh'], rec)[0].kind).toBe('would-pass');
  });
});

describe('staleness', () => {
  test('an old record and another Istio minor version are each one reason; a fresh matching one none', () => {
    const rec = record([]);
    expect(staleness(rec, new Date('2026-12-07T00:00:00Z'), 30 * 86400000, '1.27')).toEqual([]);
    expect(staleness(rec, new Date('2027-02-07T00:00:00Z'), 30 * 86400000, '1.28')).toEqual([
      'it was recorded 67 days ago (2026-12-01), more than --max-age allows',
      'it ran Istio 1.27.0, and data/args.yml describes 1.28',
    ]);
  });
});

describe('parseRecord', () => {
  test('a cut line is a problem, the rest is read', () => {
    const read = parseRecord('r.jsonl', `${JSON.stringify(header)}\n{"type":"step","page"`);
    expect(typeof read !== 'string' && read.problems).toEqual(['r.jsonl:2: not JSON (a line cut short?)']);
  });
});
