// The runner's events as Jest's: one test file per page (the steps of all its plans: a page with two test scripts is
// one test file), each step one test as it ends. A setup group's install steps are tests of the group's first page, its
// uninstall steps of its last (Jest counts only the test files it handed over: a file of their own would show as
// "4 of 2 total").
import { resolve } from 'node:path';
import type { AssertionResult, Test, TestEvents } from '@jest/test-result';
import type { PlannedStep, RunPlan } from '../plan/plan.js';
import { assertionResult, jestStatus, noStepsResult, stepFailure, stepTitle, testFileResult, type PageNote } from '../report/jest-results.js';
import type { PageResult, RunEvent, SkippedPage, StepResult } from '../run/results.js';

/** Sends one of Jest's runner events (awaited in order). */
export type Emit = <N extends keyof TestEvents>(name: N, payload: TestEvents[N]) => Promise<void>;

/** A plan to run, with the indexes of the steps Jest's `-t` selected (all without `-t`). */
export interface Entry {
  plan: RunPlan;
  selected: Set<number>;
}

/** What a page shows when a plan of it does not run: its steps skipped, the reason as a note. */
export interface NotRun {
  steps: PlannedStep[];
  reason: string;
}

interface FileState {
  test: Test;
  title: string;
  /** Plans not started yet, in the order the runner runs them. */
  queue: Entry[];
  current?: Entry;
  started?: number;
  tests: AssertionResult[];
  notes: PageNote[];
  failure?: string;
  done: boolean;
}

/** Names the runner gives the pseudo-pages of a setup group's install and uninstall. */
const SETUP_PAGE = /^setup:/;
const TEARDOWN_PAGE = /^teardown:/;

/** Sends Jest's events for the runner's, in order; a page's test file ends when its last plan has run. */
export class PageReports {
  private readonly files = new Map<string, FileState>();
  /** The page hosting each running setup or teardown pseudo-page. */
  private readonly hosts = new Map<string, FileState>();
  /** Pages in the order the runner starts them (a page once per plan), and how many have started. */
  private readonly order: string[] = [];
  private startedPlans = 0;
  /** The page whose last plan ended, held until the next page starts: the group's uninstall may follow it. */
  private ended?: FileState;
  /** The page that hosted the current group's install. */
  private groupHost?: FileState;
  private chain = Promise.resolve();
  /** Failed tests so far, for Jest's `--bail`. */
  failedTests = 0;

  constructor(
    private readonly emit: Emit,
    private readonly lines: (file: string) => string[],
  ) {}

  /** Registers a page (by its file as the runner names it) and its plans, in the order the runner will run them. */
  add(file: string, test: Test, title: string, entries: Entry[], notRun: NotRun[]): void {
    const state: FileState = { test, title, queue: [...entries], tests: [], notes: [], done: false };
    for (const skipped of notRun) this.notRun(state, skipped);
    this.files.set(file, state);
  }

  /** The pages in the order the runner starts their plans (a page once per plan). */
  runOrder(files: string[]): void {
    this.order.splice(0, this.order.length, ...files);
  }

  /** The runner's listener. */
  readonly listener = (event: RunEvent): void => {
    if (event.type === 'page-start') {
      const page = this.files.get(event.file);
      const state = page ?? this.host(event.file);
      if (!state) return;
      if (page) {
        this.flush();
        this.startedPlans++;
        state.current = state.queue.shift();
      }
      if (state.started === undefined) {
        state.started = Date.now();
        this.queue(() => this.emit('test-file-start', [state.test]));
      }
    } else if (event.type === 'step') {
      const page = this.files.get(event.page);
      const state = page ?? this.hosts.get(event.page);
      if (!state) return;
      const result = this.assertion(state, event.result, page ? state.current?.selected : undefined);
      state.tests.push(result);
      if (result.status === 'failed') this.failedTests++;
      this.queue(() => this.emit('test-case-result', [state.test.path, result]));
    } else if (event.type === 'page') {
      const state = this.files.get(event.result.file);
      if (state) this.pageEnded(state, event.result);
      else this.hosts.delete(event.result.file);
    }
  };

  /** Reports the pages whose plans did not all run (interrupted, a failed setup), with the runner's reasons. */
  finish(skipped: SkippedPage[]): Promise<void> {
    this.flush();
    for (const [file, state] of this.files) {
      if (state.done) continue;
      const reasons = [...new Set(skipped.filter((s) => s.file === file).map((s) => s.reason))];
      const reason = reasons.join('; ') || 'not run';
      for (const entry of state.queue) this.notRun(state, { steps: entry.plan.steps, reason });
      state.queue = [];
      this.complete(state, state.started === undefined);
    }
    return this.settled();
  }

  /** Resolves when every event sent so far has been handled by Jest. */
  settled(): Promise<void> {
    return this.chain;
  }

  // One plan of the page ended: its notes; the page's test file ends with its last plan.
  private pageEnded(state: FileState, page: PageResult): void {
    const selected = state.current?.selected;
    if (page.steps.length === 0 && page.status === 'failed') {
      state.failure = `istio-doctest: ${page.message}`;
      this.failedTests++;
    }
    const reasons = new Map<string, number[]>();
    for (const r of page.steps) {
      if (r.status === 'skipped' && (!selected || selected.has(r.step.index))) reasons.set(r.message, [...(reasons.get(r.message) ?? []), r.step.line]);
      if (r.warning) state.notes.push({ type: 'warn', message: `cleanup step ${stepTitle(r.step)} ${r.status}: ${r.message}`, origin: `${r.step.file}:${r.step.line}` });
    }
    for (const [reason, at] of reasons) state.notes.push({ type: 'info', message: `skipped ${at.length} step${at.length === 1 ? '' : 's'} (line ${at.join(', ')}): ${reason}`, origin: page.file });
    state.current = undefined;
    if (state.queue.length === 0) this.ended = state;
  }

  // Ends the page held for a possible uninstall.
  private flush(): void {
    const ended = this.ended;
    this.ended = undefined;
    if (ended && !ended.done) this.complete(ended, false);
  }

  // Sends the page's test file result (or its failure to run), once.
  private complete(state: FileState, skipped: boolean): void {
    state.done = true;
    const start = state.started ?? Date.now();
    if (state.started === undefined) this.queue(() => this.emit('test-file-start', [state.test]));
    if (state.failure) {
      const failure = state.failure;
      this.queue(() => this.emit('test-file-failure', [state.test, { message: failure, stack: '' }]));
      return;
    }
    const tests = state.tests.length > 0 ? state.tests : [noStepsResult(state.title, state.notes[0]?.message.replace(/^skipped: /, '') ?? 'the page has no shell commands to run')];
    this.queue(() => this.emit('test-file-success', [state.test, testFileResult(state.test.path, tests, { start, end: Date.now() }, state.notes, skipped)]));
  }

  // A plan that does not run: its steps skipped tests, the reason a note.
  private notRun(state: FileState, skipped: NotRun): void {
    state.tests.push(...skipped.steps.map((step) => assertionResult(state.title, step, 'pending', null)));
    state.notes.push({ type: 'info', message: `skipped: ${skipped.reason}`, origin: state.test.path });
  }

  // A step as a Jest test: steps left out by -t are skipped unless they failed (a failed prerequisite is shown).
  private assertion(state: FileState, r: StepResult, selected: Set<number> | undefined): AssertionResult {
    let status = jestStatus(r);
    if (selected && !selected.has(r.step.index) && status !== 'failed') status = 'pending';
    const failure = status === 'failed' ? stepFailure(r, this.lines(r.step.file), resolve(r.step.file)) : undefined;
    return assertionResult(state.title, r.step, status, r.status === 'skipped' ? null : r.durationMs, failure);
  }

  // The page a setup pseudo-page's steps are reported in: the group's first page for its install, its last (or, when
  // none of its pages ran, its first) for its uninstall.
  private host(name: string): FileState | undefined {
    let host: FileState | undefined;
    if (SETUP_PAGE.test(name)) {
      this.flush();
      host = this.files.get(this.order[this.startedPlans]);
      this.groupHost = host;
    } else if (TEARDOWN_PAGE.test(name)) host = this.ended ?? this.groupHost;
    if (host) this.hosts.set(name, host);
    return host;
  }

  // Sends Jest events one after another.
  private queue(send: () => Promise<void>): void {
    this.chain = this.chain.then(send);
  }
}
