// `run --scripts auto|only|off`: which pages run istio.io's test scripts and which run their page plan, and the plans
// of those scripts (loaded, split, and planned against the page of the run's language).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { siteRootOf } from '../config/vars.js';
import { buildScriptPlan, INJECTED_HELPERS, type ScriptPlan } from '../istio/script-plan.js';
import { folderTests, isIstioCheckout, scriptsOfPage, siteCoverage } from '../istio/script-files.js';
import { sitePathOf } from '../page/site-path.js';
import { splitScript } from '../istio/script-split.js';
import { loadPages, type LoadedPages } from '../page/pages.js';
import { parsePage } from '../page/parse.js';
import type { Page } from '../page/types.js';
import type { RunPlan } from '../plan/plan.js';
import type { SkippedPage } from '../run/results.js';
import { readRegularFile } from '../page/regular-file.js';

export const SCRIPT_MODES = ['auto', 'only', 'off'] as const;
export type ScriptMode = (typeof SCRIPT_MODES)[number];

export interface ScriptChoiceOptions {
  mode: ScriptMode;
  reference?: string;
  /** `--repo-root`: the istio.io checkout (default: the folder holding each page's `content/`). */
  repoRoot?: string;
  varsFile?: string;
  /** The PATH arguments, searched for folder tests (scripts with no index.md beside them). */
  paths: string[];
  langs?: string[];
  /** In an istio.io checkout, also run the page plans of `test: yes` pages no script covers (istio.io runs none). */
  uncoveredPages?: boolean;
}

// The plans to run, in page order (a page with several scripts gets one plan each), and the pages that do not run.
// `uncovered`: the page plans of pages no script covers in an istio.io checkout (run only with --uncovered-pages).
export function choosePlans(loaded: LoadedPages, selected: { run: Page[]; skipped: SkippedPage[] }, options: ScriptChoiceOptions, planOf: (page: Page) => RunPlan): { plans: RunPlan[]; skipped: SkippedPage[]; warnings: string[]; uncovered: Set<RunPlan> } {
  const uncovered = new Set<RunPlan>();
  if (options.mode === 'off') return { plans: selected.run.map(planOf), skipped: selected.skipped, warnings: [], uncovered };
  const plans: RunPlan[] = [];
  const skipped: SkippedPage[] = [];
  const warnings: string[] = [];
  const chosen = new Set(selected.run);
  const load = pageLoader(options);
  const varsOf = (p: Page) => loadedVars.get(p) ?? loaded.varsOf(p);
  for (const page of loaded.pages) {
    const wrongLang = options.langs && options.langs.length > 0 && !options.langs.includes(page.lang);
    const scripts = page.isHugo && !wrongLang && !/[\\/]boilerplates[\\/]/.test(page.file) ? scriptsOfPage(page.file, page.lang, options.reference, repoRootOf(page.file, options)) : [];
    if (scripts.length > 0) {
      for (const script of scripts) {
        const plan = scriptPlan(script.file, page, page.lang, options, load, varsOf);
        warnings.push(...plan.warnings);
        plans.push(plan);
      }
      continue;
    }
    const site = siteRootOf(page.file) ?? '.';
    const covering = page.isHugo && !wrongLang ? coveringScripts(page, site, repoRootOf(page.file, options), options.reference) : [];
    if (covering.length > 0) {
      // Covered pages run inside their script, never as page plans of their own (nor twice under two setups).
      skipped.push({ file: page.file, reason: `runs inside ${covering.map((s) => relative(process.cwd(), s) || s).join(' and ')} (it sources this page's snippets), not as a page of its own` });
    } else if (options.mode === 'only') {
      const other = selected.skipped.find((s) => s.file === page.file);
      skipped.push(other ?? { file: page.file, reason: 'no test script (--scripts only)' });
    } else if (chosen.has(page) && isIstioCheckout(site)) {
      // istio.io's framework runs its scripts and nothing else: a page no script covers runs only when asked.
      if (!options.uncoveredPages) skipped.push({ file: page.file, reason: "no istio.io test script covers it, and istio.io's framework runs only its scripts (--uncovered-pages runs its page plan)" });
      else {
        const plan = planOf(page);
        uncovered.add(plan);
        plans.push(plan);
      }
    } else if (chosen.has(page)) plans.push(planOf(page));
    else skipped.push(...selected.skipped.filter((s) => s.file === page.file));
  }
  for (const test of folderTestsOf(options)) {
    const placeholder = parsePage(test.page, '---\n---\n');
    const plan = scriptPlan(test.script, undefined, test.lang, options, load, varsOf, placeholder);
    warnings.push(...plan.warnings);
    plans.push(plan);
  }
  return { plans, skipped, warnings, uncovered };
}

// The scripts that cover a page without scripts of its own, as paths: those of its own site in its language that
// source its snippets; for a translation, else those of the reference language, in its site then in the checkout.
function coveringScripts(page: Page, siteRoot: string, repoRoot: string, reference: string | undefined): string[] {
  const site = sitePathOf(page.file);
  if (!site || site.inSite.startsWith('boilerplates/')) return [];
  const at = (root: string, lang: string) => (siteCoverage(root, lang).get(site.inSite) ?? []).map((s) => join(root, s));
  const own = at(siteRoot, site.lang);
  if (own.length > 0 || !reference || reference === site.lang) return own;
  const inSite = at(siteRoot, reference);
  return inSite.length > 0 ? inSite : at(repoRoot, reference);
}

/** The plan of one folder test (a `*test.sh` with no `index.md` beside it, given as a file, as a Jest test file is),
 * run against the pages of its own folder's language; its page is a placeholder named by the script. */
export function folderTestPlan(script: string, options: Omit<ScriptChoiceOptions, 'mode' | 'paths'>): ScriptPlan {
  const lang = /(?:^|[\\/])content[\\/]([^\\/]+)[\\/]/.exec(resolve(script))?.[1] ?? 'en';
  const shown = relative(process.cwd(), script) || script;
  const load = pageLoader({ ...options, mode: 'auto', paths: [] });
  return scriptPlan(script, undefined, lang, { ...options, mode: 'auto', paths: [] }, load, (p) => loadedVars.get(p), parsePage(shown, '---\n---\n'));
}

// Reads, splits and plans one script; a script that cannot be split is a plan with its error (nothing of it runs).
function scriptPlan(file: string, page: Page | undefined, lang: string, options: ScriptChoiceOptions, load: (file: string) => Page | undefined, varsOf: (page: Page) => ReturnType<LoadedPages['varsOf']>, placeholder?: Page): ScriptPlan {
  const shown = relative(process.cwd(), file) || file;
  const read = readRegularFile(file);
  const text = read.ok ? read.text : '';
  const split = splitScript(shown, text);
  const pageOf = page ?? placeholder ?? parsePage(shown, '---\n---\n');
  const siteRoot = siteRootOf(page?.file ?? file) ?? '.';
  if (!split.ok) {
    return { page: pageOf, steps: [], programs: [], programUses: [], istioFiles: [], istioFileUses: [], tabs: {}, errors: split.diagnostics, script: { file: shown, setup: '', setupLine: 1 }, repoRoot: repoRootOf(file, options), snipsFiles: [], helperFiles: [], warnings: [], snippetLines: {} };
  }
  return buildScriptPlan(split.script, pageOf, {
    page,
    lang,
    reference: options.reference,
    load,
    varsOf,
    repoRoot: repoRootOf(file, options),
    siteRoot,
  });
}

const loadedVars = new Map<Page, ReturnType<LoadedPages['varsOf']>>();

// Loads pages the scripts source (with the reference ids of translations), once each.
function pageLoader(options: ScriptChoiceOptions): (file: string) => Page | undefined {
  const cache = new Map<string, Page | undefined>();
  return (file) => {
    const key = resolve(file);
    if (cache.has(key)) return cache.get(key);
    let page: Page | undefined;
    if (existsSync(file)) {
      const loaded = loadPages([file], options.varsFile, { reference: options.reference ?? null });
      page = loaded.pages[0];
      if (page) loadedVars.set(page, loaded.varsOf(page));
    }
    cache.set(key, page);
    return page;
  };
}

// The istio.io checkout for a file: --repo-root, or the folder holding its `content/`.
function repoRootOf(file: string, options: ScriptChoiceOptions): string {
  return options.repoRoot ?? siteRootOf(file) ?? '.';
}

// Folder tests under the PATH folders, for their language (found in the reference language's folder for a translation).
function folderTestsOf(options: ScriptChoiceOptions): { script: string; page: string; lang: string }[] {
  const found: { script: string; page: string; lang: string }[] = [];
  for (const path of options.paths) {
    if (!existsSync(path) || !statSync(path).isDirectory()) continue;
    const m = /(?:^|[\\/])content[\\/]([^\\/]+)(?:[\\/](.*))?$/.exec(resolve(path));
    const lang = m?.[1] ?? 'en';
    if (options.langs && options.langs.length > 0 && !options.langs.includes(lang)) continue;
    const reference = options.reference && lang !== options.reference && m ? join(options.repoRoot ?? (siteRootOf(join(path, 'x')) ?? '.'), 'content', options.reference, m[2] ?? '') : undefined;
    for (const script of folderTests([reference ?? path])) {
      const dir = dirname(script);
      const rest = /(?:^|[\\/])content[\\/][^\\/]+[\\/](.*)$/.exec(dir)?.[1] ?? '';
      const site = siteRootOf(join(resolve(path), 'x'));
      const own = site ? join(site, 'content', lang, rest) : dir;
      // A translation that lacks the folder has none of the pages the script drives: no test in that language.
      if (reference && !existsSync(own)) continue;
      found.push({ script, page: relative(process.cwd(), join(own, 'test.sh')) || own, lang });
    }
  }
  return found;
}

/** Problems of the istio.io helper files the script plans need, checked under their checkout (--repo-root): those of
 * the files every script gets (tests/util/verify.sh, debug.sh, helpers.sh) stop the run; a file only some scripts
 * source (a test's own common.sh) keeps just those scripts from running, with the reason. */
export function splitHelperProblems(plans: RunPlan[]): { shared: string[]; own: Map<RunPlan, string[]> } {
  const shared: string[] = [];
  const own = new Map<RunPlan, string[]>();
  const missing = new Map<string, boolean>();
  for (const plan of plans) {
    if (!('script' in plan)) continue;
    const script = plan as ScriptPlan;
    for (const helper of script.helperFiles) {
      const path = join(script.repoRoot, helper);
      const seen = missing.has(path);
      if (!seen) missing.set(path, !existsSync(path));
      if (!missing.get(path)) continue;
      const problem = `${script.script.file} needs ${helper}, which is not in the istio.io checkout ${script.repoRoot} (give one with --repo-root DIR)`;
      if (!(INJECTED_HELPERS as readonly string[]).includes(helper)) own.set(plan, [...(own.get(plan) ?? []), problem]);
      else if (!seen) shared.push(problem);
    }
  }
  return { shared, own };
}

/** Every problem of the helper files the script plans need, each once (shared ones and a script's own alike). */
export function helperProblems(plans: RunPlan[]): string[] {
  const { shared, own } = splitHelperProblems(plans);
  return [...shared, ...[...own.values()].flat()];
}
