// The JSON reporter writes what the event schema says, and `report --runs` reads it back through the same schema.
import { eventRecordSchema, readEventLine } from '../plan/event-records.js';
import type { PlannedStep } from '../plan/plan.js';
import { readRunRecords } from '../overview/run-records.js';
import type { RunEvent, StepResult } from '../run/results.js';
import { eventRecord } from './json-events.js';

const page = 'content/zh/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';
const step: PlannedStep = {
  id: 'snip_access_kubernetes_services_1',
  index: 3,
  file: page,
  line: 88,
  blockLine: 87,
  expectedLine: 89,
  command: 'kubectl get pods -n istio-system',
  expected: 'NAME                      READY   STATUS    RESTARTS   AGE\nistiod-7d4c9b6f8-x2x9z    1/1     Running   0          2m',
  verify: { mode: 'auto' },
  retry: true,
  cleanup: false,
  section: '访问 Kubernetes 服务',
};
const failed: StepResult = {
  step,
  status: 'failed',
  attempts: 4,
  exitCode: 0,
  timedOut: false,
  durationMs: 120034.6,
  output: 'NAME                      READY   STATUS    RESTARTS   AGE\nistiod-7d4c9b6f8-x2x9z    0/1     Pending   0          2m',
  message: 'the output does not match',
  diff: '-istiod-7d4c9b6f8-x2x9z    1/1     Running\n+istiod-7d4c9b6f8-x2x9z    0/1     Pending',
  warning: false,
  failure: { kind: 'line-differs', file: page, line: 90, commandLine: 88, column: 'STATUS', expected: 'Running', actual: 'Pending', short: 'column STATUS: expected "Running", got "Pending"' },
};
const events: RunEvent[] = [
  { type: 'run-start', pages: [page], skipped: [{ file: 'content/zh/docs/other/index.md', reason: 'test: no' }] },
  { type: 'page-start', file: page, lang: 'zh', steps: 5, token: 'run-4f2a' },
  { type: 'step-start', page, step, total: 5 },
  { type: 'attempt', page, step, total: 5, attempt: 1, elapsedMs: 1000.4, message: 'not yet: column STATUS' },
  { type: 'step', page, result: failed, total: 5 },
  { type: 'page', result: { file: page, lang: 'zh', status: 'failed', steps: [failed], durationMs: 130000, message: '' } },
  { type: 'run-end', summary: { pages: [{ file: page, lang: 'zh', status: 'failed', steps: [failed], durationMs: 130000, message: '' }], skipped: [], durationMs: 131000, exitCode: 1, interrupted: false } },
];

describe('the JSON event lines', () => {
  test('every record the reporter writes is one the schema describes', () => {
    const langs = new Map<string, string>();
    for (const event of events) {
      const record = JSON.parse(JSON.stringify(eventRecord(event, langs)));
      expect(eventRecordSchema.safeParse(record).error?.issues ?? []).toEqual([]);
    }
  });

  test('report --runs reads the written lines back, the failing line with them', () => {
    const langs = new Map<string, string>();
    const text = events.map((event) => JSON.stringify(eventRecord(event, langs))).join('\n');
    const records = readRunRecords([{ name: 'events-zh.jsonl', text }]);
    expect(records.problems).toEqual([]);
    expect(records.pageStatus(page)).toBe('failed');
    expect(records.failedSteps(page)).toEqual([expect.objectContaining({ file: page, line: 88, status: 'failed', failure: failed.failure })]);
  });

  test('a line the schema does not describe is a problem at its place; the lines after it are still read', () => {
    expect(readEventLine('{"type":"page","file":"a.md","status":"exploded"}')).toEqual({ ok: false, problem: expect.stringMatching(/^not a run event record at status: /) });
    expect(readEventLine('{"type":"step","page":"a.md"}')).toEqual({ ok: false, problem: expect.stringMatching(/^not a run event record at (file|line|id|status): /) });
    expect(readEventLine('{"type":"step",')).toEqual({ ok: false, problem: 'not a JSON event line' });
    const records = readRunRecords([{ name: 'e.jsonl', text: `{"type":"page","file":"a.md","status":"exploded"}\n{"type":"page","file":"b.md","status":"passed"}` }]);
    expect(records.problems).toEqual([expect.stringMatching(/^e\.jsonl:1: not a run event record at status/)]);
    expect(records.pageStatus('b.md')).toBe('passed');
  });
});
