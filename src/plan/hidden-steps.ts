// The steps doctest.yaml adds to a page run by its page plan (istio.io's test scripts add them for pages that have
// one): `page.source` helper files sourced and `page.before` steps run before the page's first step, `page.cleanup`
// steps run after its last, always, like cleanup sections. They are hidden: the page does not show them, and they are
// reported at their doctest.yaml line. Pure: the spec in, steps and what the preflight needs out.
import type { HiddenStepSpec, Spec } from '../config/spec.js';
import { needsArg } from '../match/types.js';
import { istioFilesIn, substituteIstioFiles } from '../page/substitute.js';
import type { FirstUse, PlannedStep, Verification } from './plan.js';
import { shellFacts } from './programs.js';

/** The hidden steps of a page, and what their commands need and define. */
export interface HiddenSteps {
  /** `page.source` then `page.before`, run before the page's first step. */
  before: PlannedStep[];
  /** `page.cleanup`, run after the page's own steps (its cleanup sections included). */
  after: PlannedStep[];
  /** Programs the hidden commands call, at their doctest.yaml line. */
  calls: FirstUse[];
  /** `@path@` files of the Istio directory they name. */
  istioFiles: FirstUse[];
  /** The helper files `page.source` names, relative to the istio.io checkout. */
  sources: FirstUse[];
  /** Functions and aliases the hidden commands define (not programs). */
  defined: string[];
}

/** The hidden steps doctest.yaml's `page:` asks for; `lines` gives each entry's line by key path (`before.0`). */
export function hiddenSteps(page: Spec['page'], specFile: string, lines: Record<string, number>): HiddenSteps {
  const result: HiddenSteps = { before: [], after: [], calls: [], istioFiles: [], sources: [], defined: [] };
  const add = (into: PlannedStep[], key: string, entry: HiddenStepSpec, cleanup: boolean) => {
    const line = lines[key] ?? 1;
    const command = substituteIstioFiles(entry.run);
    result.istioFiles.push(...istioFilesIn(entry.run).map((name) => ({ name, file: specFile, line })));
    const facts = shellFacts(command);
    result.calls.push(...facts.calls.map((name) => ({ name, file: specFile, line })));
    result.defined.push(...facts.functions, ...facts.aliases);
    const verify = verification(entry);
    into.push({
      id: `page.${key}`,
      index: 0,
      file: specFile,
      line,
      blockLine: line,
      command,
      // A hidden step has no output on a page: the matcher modes that compare whole outputs take `arg` as it.
      expected: verify.mode !== 'none' && verify.mode !== 'failure' && !needsArg(verify.mode) ? (entry.arg ?? '') : '',
      verify,
      retry: entry.retry ?? true,
      ...(entry.timeout !== undefined ? { timeoutMs: entry.timeout } : {}),
      cleanup,
      section: `doctest.yaml page.${key.split('.')[0]}`,
      hidden: true,
    });
  };
  (page?.source ?? []).forEach((path, i) => {
    const key = `source.${i}`;
    result.sources.push({ name: path, file: specFile, line: lines[key] ?? 1 });
    add(result.before, key, { run: `source ${quoted(path)}` }, false);
  });
  (page?.before ?? []).forEach((entry, i) => add(result.before, `before.${i}`, entry, false));
  (page?.cleanup ?? []).forEach((entry, i) => add(result.after, `cleanup.${i}`, entry, true));
  return result;
}

// The verification of a hidden step: its `verify`, else `auto` against `arg` when it has one, else the exit code.
function verification(entry: HiddenStepSpec): Verification {
  const mode = entry.verify ?? (entry.arg !== undefined ? 'auto' : 'none');
  return { mode, ...(entry.arg !== undefined && needsArg(mode) ? { arg: entry.arg } : {}) };
}

// A path as a bash word: as written when it is plain, else in single quotes.
function quoted(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
