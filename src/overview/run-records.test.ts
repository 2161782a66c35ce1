import { readRunRecords } from './run-records.js';

const page = (lang: string) => `content/${lang}/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md`;
const boilerplate = (lang: string) => `content/${lang}/boilerplates/before-you-begin-egress.md`;
const step = (lang: string, line: number, status: string) =>
  JSON.stringify({ type: 'step', file: boilerplate(lang), line, id: `snip_before_you_begin_${line}`, cleanup: false, status, attempts: 1, exitCode: status === 'passed' ? 0 : 1, durationMs: 900, page: page(lang), index: 1 });
const pageLines = (lang: string, status: string) => [
  JSON.stringify({ type: 'page-start', file: page(lang), lang, steps: 28 }),
  JSON.stringify({ type: 'page', file: page(lang), lang, status, durationMs: 21980 }),
];

describe('run records read from run --json event files', () => {
  test('give a boilerplate the standing of its steps in the pages that include it, not "not run"', () => {
    const text = [...pageLines('en', 'passed'), step('en', 13, 'passed'), step('en', 19, 'passed'), ...pageLines('es', 'failed'), step('es', 13, 'passed'), step('es', 19, 'failed')].join('\n');
    const records = readRunRecords([{ name: 'events.jsonl', text }]);
    expect([records.pageStatus(boilerplate('en')), records.pageStatus(boilerplate('es')), records.pageStatus(boilerplate('zh'))]).toEqual(['passed', 'failed', 'not-run']);
    expect(records.failedSteps(boilerplate('es')).map((s) => `${s.file}:${s.line}`)).toEqual([`${boilerplate('es')}:19`]);
    expect(records.pageStatus(page('es'))).toBe('failed');
  });
});
