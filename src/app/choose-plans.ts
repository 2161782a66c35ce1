// `scripts: auto|only|off`: which pages run istio.io's test scripts and which run their page plan, and the plans of
// those scripts (loaded, split, and planned against the page of the run's language).
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { siteRootOf } from '../config/vars.js';
import { buildScriptPlan, INJECTED_HELPERS, type ScriptPlan } from '../istio/script-plan.js';
import { folderTests, isIstioCheckout, scriptsOfPage, siteCoverage } from '../istio/script-files.js';
import { splitScript } from '../istio/script-split.js';
import { parsePage } from '../page/parse.js';
import { absoluteSiteRoot, sitePathOf, sitePathOfFolder } from '../page/site-path.js';
import type { Page } from '../page/types.js';
import type { RunPlan } from '../plan/plan.js';
import type { SkippedPage } from '../run/results.js';
import { readRegularFile } from '../page/regular-file.js';
import type { ScriptMode } from './run-options.js';
import type { Wording } from './wording.js';
import type { Workspace } from './workspace.js';

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
  wording: Wording;
}

// The plans to run, in page order (a page with several scripts gets one plan each), and the pages that do not run.
// `uncovered`: the page plans of pages no script covers in an istio.io checkout (run only with uncoveredPages).
export function choosePlans(workspace: Workspace, pages: Page[], selected: { run: Page[]; skipped: SkippedPage[] }, options: ScriptChoiceOptions, planOf: (page: Page) => RunPlan): { plans: RunPlan[]; skipped: SkippedPage[]; warnings: string[]; uncovered: Set<RunPlan> } {
  const uncovered = new Set<RunPlan>();
  if (options.mode === 'off') return { plans: selected.run.map(planOf), skipped: selected.skipped, warnings: [], uncovered };
  const plans: RunPlan[] = [];
  const skipped: SkippedPage[] = [];
  const warnings: string[] = [];
  const chosen = new Set(selected.run);
  // The skip reasons by page file, looked up once per page (a search of the whole list per page made a dry run of
  // 50,000 pages that do not run take ten times as long as their check).
  const skipsOf = new Map<string, SkippedPage[]>();
  for (const skip of selected.skipped) skipsOf.set(skip.file, [...(skipsOf.get(skip.file) ?? []), skip]);
  for (const page of pages) {
    const wrongLang = options.langs && options.langs.length > 0 && !options.langs.includes(page.lang);
    const scripts = page.isHugo && !wrongLang && !/[\\/]boilerplates[\\/]/.test(page.file) ? scriptsOfPage(page.file, page.lang, options.reference, repoRootOf(page.file, options)) : [];
    if (scripts.length > 0) {
      for (const script of scripts) {
        const plan = scriptPlan(script.file, page, page.lang, options, workspace);
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
      const other = skipsOf.get(page.file)?.[0];
      skipped.push(other ?? { file: page.file, reason: `no test script (${options.wording.setting('scripts', 'only')})` });
    } else if (chosen.has(page) && isIstioCheckout(site)) {
      // istio.io's framework runs its scripts and nothing else: a page no script covers runs only when asked.
      if (!options.uncoveredPages) skipped.push({ file: page.file, reason: `no istio.io test script covers it, and istio.io's framework runs only its scripts (${options.wording.setting('uncoveredPages', true)} runs its page plan)` });
      else {
        const plan = planOf(page);
        uncovered.add(plan);
        plans.push(plan);
      }
    } else if (chosen.has(page)) plans.push(planOf(page));
    else skipped.push(...(skipsOf.get(page.file) ?? []));
  }
  for (const test of folderTestsOf(options)) {
    const placeholder = parsePage(test.page, '---\n---\n');
    const plan = scriptPlan(test.script, undefined, test.lang, options, workspace, placeholder);
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
export function folderTestPlan(workspace: Workspace, script: string, options: Omit<ScriptChoiceOptions, 'mode' | 'paths'>): ScriptPlan {
  const lang = sitePathOf(resolve(script))?.lang ?? 'en';
  const shown = relative(process.cwd(), script) || script;
  return scriptPlan(script, undefined, lang, { ...options, mode: 'auto', paths: [] }, workspace, parsePage(shown, '---\n---\n'));
}

// Reads, splits and plans one script; a script that cannot be split is a plan with its error (nothing of it runs).
function scriptPlan(file: string, page: Page | undefined, lang: string, options: ScriptChoiceOptions, workspace: Workspace, placeholder?: Page): ScriptPlan {
  const shown = relative(process.cwd(), file) || file;
  const read = readRegularFile(file);
  const text = read.ok ? read.text : '';
  const split = splitScript(shown, text);
  const pageOf = page ?? placeholder ?? parsePage(shown, '---\n---\n');
  const siteRoot = siteRootOf(page?.file ?? file) ?? '.';
  if (!split.ok) {
    return { kind: 'script', page: pageOf, steps: [], programs: [], programUses: [], istioFiles: [], istioFileUses: [], tabs: {}, errors: split.diagnostics, script: { file: shown, setup: '', setupLine: 1 }, repoRoot: repoRootOf(file, options), snipsFiles: [], helperFiles: [], warnings: [], snippetLines: {} };
  }
  return buildScriptPlan(split.script, pageOf, {
    page,
    lang,
    reference: options.reference,
    load: (source) => workspace.sourcedPage(source),
    varsOf: (p) => workspace.varsOf(p),
    repoRoot: repoRootOf(file, options),
    siteRoot,
  });
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
    const site = sitePathOfFolder(resolve(path));
    const lang = site?.lang ?? 'en';
    if (options.langs && options.langs.length > 0 && !options.langs.includes(lang)) continue;
    const reference = options.reference && lang !== options.reference && site ? join(options.repoRoot ?? absoluteSiteRoot(site), 'content', options.reference, site.inSite) : undefined;
    for (const script of folderTests([reference ?? path])) {
      const dir = dirname(script);
      const rest = sitePathOfFolder(dir)?.inSite ?? '';
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
export function splitHelperProblems(plans: RunPlan[], wording: Wording): { shared: string[]; own: Map<RunPlan, string[]> } {
  const shared: string[] = [];
  const own = new Map<RunPlan, string[]>();
  const missing = new Map<string, boolean>();
  for (const plan of plans) {
    if (plan.kind !== 'script') continue;
    const script = plan;
    for (const helper of script.helperFiles) {
      const path = join(script.repoRoot, helper);
      const seen = missing.has(path);
      if (!seen) missing.set(path, !existsSync(path));
      if (!missing.get(path)) continue;
      const problem = `${script.script.file} needs ${helper}, which is not in the istio.io checkout ${script.repoRoot} (give one with ${wording.setting('repoRoot', 'DIR')})`;
      if (!(INJECTED_HELPERS as readonly string[]).includes(helper)) own.set(plan, [...(own.get(plan) ?? []), problem]);
      else if (!seen) shared.push(problem);
    }
  }
  return { shared, own };
}

/** Every problem of the helper files the script plans need, each once (shared ones and a script's own alike). */
export function helperProblems(plans: RunPlan[], wording: Wording): string[] {
  const { shared, own } = splitHelperProblems(plans, wording);
  return [...shared, ...[...own.values()].flat()];
}
