// The start of a page's run and of a script's run, the same for both: the clock, the token every process of the run
// carries, the `page-start` event.
import { randomBytes } from 'node:crypto';
import type { RunPlan } from '../plan/plan.js';
import type { Listener } from './results.js';

export interface PageStart {
  /** performance.now() when the page started. */
  started: number;
  file: string;
  /** Steps planned. */
  total: number;
  /** The token in the environment of every process the page starts (the sweep finds them by it). */
  token: string;
}

/** Starts the run of a page or script plan: takes the time, makes its token, reports `page-start`. */
export function startPage(plan: RunPlan, emit: Listener): PageStart {
  const started = performance.now();
  const token = randomBytes(8).toString('hex');
  emit({ type: 'page-start', file: plan.page.file, lang: plan.page.lang, steps: plan.steps.length, token });
  return { started, file: plan.page.file, total: plan.steps.length, token };
}
