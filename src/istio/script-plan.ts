// A test script as a run plan: each top-level statement of its test part, then of its cleanup part (after the
// test part's `source` lines, as istio.io's framework repeats them), is one step. `_verify_X snip_y ARG` steps run the
// snippet and are judged by our matcher in verify.sh's mode; snippet steps are reported at their markdown line in the
// page of the run's language; other statements at the script's own line.
import { basename, join, resolve } from 'node:path';
import type { Diagnostic, Page, Vars } from '../page/types.js';
import { inLanguage, sitePathOf } from '../page/site-path.js';
import { istioFilesIn } from '../page/substitute.js';
import type { FirstUse, NestedCall, NestedCallSite, PlannedStep, ScriptPlan, ScriptStep, SnipsFile, VerifyMode } from '../plan/plan.js';
import { programsOf, shellFacts } from '../plan/programs.js';
import { boilerplateSources, formatSnips, snipsHeader } from './snips.js';
import { blockLines, outputLines, snippetsOfSnips, type Snippet } from './snippet-index.js';
import { readStatements, VERIFY_FUNCTIONS, type ExpectWord, type Statement, type VerifySettings } from './script-statements.js';
import type { SplitScript } from './script-split.js';
import { readRegularFile } from '../page/regular-file.js';

/** The istio.io helper files the framework sources into every script, after the page's snippets. */
export const INJECTED_HELPERS = ['tests/util/verify.sh', 'tests/util/debug.sh', 'tests/util/helpers.sh'] as const;
/** Environment variable naming the folder the generated snips files are written to. */
export const SNIPS_DIR_VAR = 'ISTIO_DOCTEST_SNIPS';

export type { ScriptPlan, ScriptStep, SnipsFile } from '../plan/plan.js';

export interface ScriptPlanContext {
  /** The page of the run's language; undefined for a folder test (a script with no index.md beside it). */
  page?: Page;
  /** Language the run is in. */
  lang: string;
  reference?: string;
  /** Loads a page of the run's language (with reference ids), or undefined when there is none. */
  load: (file: string) => Page | undefined;
  varsOf: (page: Page) => Vars | undefined;
  /** The istio.io checkout (`--repo-root`): where the script's `content/...` and `tests/...` paths resolve. */
  repoRoot: string;
  /** The site root of the run's language pages (folder holding `content/`). */
  siteRoot: string;
}

// Builds the plan of one script for a page; problems of the script are errors of the plan, never exceptions.
export function buildScriptPlan(split: SplitScript, placeholder: Page, ctx: ScriptPlanContext): ScriptPlan {
  const errors: Diagnostic[] = [];
  const warnings: string[] = [];
  const snipsFiles = new Map<string, string>();
  const snippets = new Map<string, Snippet>();
  const english = new Map<string, { file: string; line: number }>();
  const defined = new Set<string>();
  const helperFiles = new Set<string>(INJECTED_HELPERS);
  const istioFiles = new Map<string, FirstUse>();
  const programs = new Map<string, FirstUse>();
  // The first place each program or file is needed, where the preflight points.
  const use = (into: Map<string, FirstUse>, name: string, file: string, line: number) => void (into.has(name) || into.set(name, { name, file, line }));
  for (const helper of INJECTED_HELPERS) for (const name of definedIn(join(ctx.repoRoot, helper))) defined.add(name);
  // The verify functions are the run's own (judged by our matcher), whether or not the checkout has verify.sh.
  for (const name of Object.keys(VERIFY_FUNCTIONS)) defined.add(name);

  // Generates a page's snips (and its boilerplates'), indexes its snippets, and returns its file's path.
  const addPage = (page: Page, path: string): string => {
    if (snipsFiles.has(path)) return path;
    const { body } = formatSnips(page, ctx.varsOf(page), boilerplateSources(page));
    const text = snipsHeader(page.file) + body.replace(/^source "content\//gm, `source "$${SNIPS_DIR_VAR}/content/`);
    snipsFiles.set(path, text);
    // Boilerplates first: their snippets are defined by their own snips files, not by the page's.
    for (const include of page.includes) if (include.page) addPage(include.page, `content/${langOf(include.page.file) ?? ctx.lang}/boilerplates/snips/${include.name}.sh`);
    const { bodies, outs } = snippetsOfSnips(text);
    const starts = outputLines(page);
    for (const [id, where] of blockLines(page)) {
      // The out text's first line, from the variable it was read from (`<id>_out` first, as below).
      const outName = outs.has(`${id}_out`) ? `${id}_out` : id;
      const start = starts.get(outName);
      const outLine = start && start.file === where.file ? { outLine: start.line } : {};
      if (!snippets.has(id) && (bodies.has(id) || outs.has(id))) snippets.set(id, { id, body: bodies.get(id), out: outs.get(`${id}_out`) ?? outs.get(id), ...where, ...outLine });
      defined.add(id);
    }
    for (const block of allBlocks(page)) block.rawLines.forEach((raw, i) => istioFilesIn(raw).forEach((f) => use(istioFiles, f, block.file, block.line + 1 + i)));
    const reference = ctx.reference && page.lang !== ctx.reference ? ctx.load(swapContent(page.file, page.lang, ctx.reference)) : undefined;
    if (reference) for (const [id, where] of blockLines(reference)) if (!english.has(id)) english.set(id, where);
    return path;
  };
  const pageSnips = ctx.page && ctx.page.isHugo ? addPage(ctx.page, snipsPathOf(ctx.page, ctx.lang)) : undefined;

  const steps: ScriptStep[] = [];
  const settings: VerifySettings = {};
  let errexit = false;
  // Scripts expanded in place (a `gtwapi_test.sh` sources the folder's `test.sh`), so one that sources itself stops.
  const expanding = new Set<string>([split.file]);
  // Turns the statements of one part into steps; `file`: the script they are written in.
  const plan = (statements: Statement[], cleanup: boolean, file = split.file) => {
    for (const st of statements) {
      for (const name of st.defines) defined.add(name);
      const base = { script: file, scriptLine: st.line, cleanup, section: cleanup ? 'cleanup' : 'test', index: steps.length + 1, retry: true };
      const atScript = { ...base, id: `${basename(file)}:${st.line}`, file, line: st.line, blockLine: st.line, expected: '' };
      if (st.kind === 'source' && !cleanup && isTestScript(st.path)) {
        // bash runs a sourced test script whole (its `# @cleanup` is a comment to it), as istio.io's framework does for
        // the GATEWAY_API variants: its statements are steps here, so its verify calls are reported one by one.
        const path = inCheckout(st.path, split.file, ctx.repoRoot);
        const text = expanding.has(path) ? undefined : readText(path);
        const read = text !== undefined ? readStatements(path, { text, line: 1 }) : undefined;
        if (read?.ok) {
          expanding.add(path);
          plan(read.statements, false, path);
          expanding.delete(path);
          continue;
        }
        if (read) errors.push(...read.diagnostics);
      }
      if (st.kind === 'source') {
        const resolved = resolveSource(st.path);
        steps.push({ ...atScript, kind: 'shell', command: st.text, run: resolved.run, verify: { mode: 'none' }, ignoreExit: !errexit && !cleanup ? true : undefined });
        continue;
      }
      if (st.kind === 'verify' || (st.kind === 'call' && isSnippetName(st.name))) {
        const id = st.kind === 'verify' ? st.snippet : st.name;
        const snippet = snippets.get(id);
        const mode: VerifyMode = st.kind === 'verify' ? VERIFY_FUNCTIONS[st.fn] : 'none';
        const expect = st.kind === 'verify' ? expectation(st.expect, snippets) : { text: '' };
        const verify = ['contains', 'not-contains', 'regex'].includes(mode) ? { mode, arg: expect.text ?? '' } : { mode };
        const common = { ...base, kind: st.kind === 'verify' ? ('verify' as const) : ('snippet' as const), verify, ...(expect.source !== undefined ? { expectSource: expect.source } : {}), ...(st.kind === 'verify' ? { verifyEnv: { ...settings, ...st.env } } : {}) };
        if (snippet && snippet.body !== undefined) {
          for (const command of snippet.commands) for (const p of programsOf(command, defined)) use(programs, p, snippet.file, snippet.line);
          const argMode = verify.mode === 'contains' || verify.mode === 'not-contains' || verify.mode === 'regex';
          // A failing comparison points at the expected text's lines when they are this snippet's page's.
          const expectedLine = !argMode && expect.at && expect.at.file === snippet.file ? { expectedLine: expect.at.line } : {};
          steps.push({ ...common, id, file: snippet.file, line: snippet.line, blockLine: snippet.line, ...expectedLine, command: snippet.body, run: id, expected: argMode ? '' : (expect.text ?? ''), ...(st.kind === 'call' && !errexit && !cleanup ? { ignoreExit: true } : {}) });
          continue;
        }
        if (!defined.has(id) || english.has(id)) {
          const where = english.get(id);
          const missing = where
            ? `${id} is not on this page: the translation has no block for the English one at ${where.file}:${where.line}; run \`istio-doctest drift ${ctx.page?.file ?? split.file}\` to see how the page drifted`
            : `${id} is not a snippet of ${ctx.page?.file ?? 'the pages this script sources'} nor a function the script defines`;
          steps.push({ ...atScript, ...common, id, command: st.text, run: st.text, expected: '', missing });
          continue;
        }
      }
      for (const p of programsOf(st.text, defined)) use(programs, p, split.file, st.line);
      const flags = /^set\s+([-+][a-zA-Z]+\s*)+$/.test(st.text) ? st.text : undefined;
      if (flags) errexit = /-[a-zA-Z]*e/.test(flags) ? true : /\+[a-zA-Z]*e/.test(flags) ? false : errexit;
      Object.assign(settings, st.sets ?? {});
      steps.push({
        ...atScript,
        kind: 'shell',
        command: st.text,
        run: flags ? withoutFatalFlags(flags) : st.text,
        verify: { mode: 'none' },
        ...(!errexit && !cleanup ? { ignoreExit: true } : {}),
        ...(st.nested.length > 0 ? { nested: st.nested.map((call) => nestedCall(call, file)) } : {}),
      });
    }
  };

  // A nested call as the plan lists it: a snippet's verify call at the snippet's markdown line, else at the script's.
  const nestedCall = (call: NestedCallSite, file: string): NestedCall => {
    const snippet = call.kind === 'verify' && call.snippet ? snippets.get(call.snippet) : undefined;
    const mode: VerifyMode = call.kind === 'verify' ? VERIFY_FUNCTIONS[call.fn as keyof typeof VERIFY_FUNCTIONS] : 'none';
    return { ...call, script: file, file: snippet?.file ?? file, line: snippet?.line ?? call.scriptLine, mode };
  };

  // A `source` line: another page's snippets in the run's language (English when it has none), else a helper file of
  // the checkout (its own `source` lines resolved the same way).
  const resolveSource = (path: string): { run: string } => ({ run: `source "${sourcedPath(path, split.file)}"` });
  // The path the session sources for a path a script or a helper file (`from`, for messages) sources.
  const sourcedPath = (path: string, from: string): string => {
    const m = /^content\/([^/]+)\/(.+?)(?:\/snips\.sh|\/snips\/([\w.-]+)\.sh)$/.exec(path);
    if (!m) return helperPath(path);
    const markdown = m[3] !== undefined ? `${m[2]}/${m[3]}.md` : `${m[2]}/index.md`;
    const own = ctx.load(join(ctx.siteRoot, 'content', ctx.lang, markdown));
    const page = own ?? (ctx.lang !== m[1] ? ctx.load(join(ctx.repoRoot, 'content', m[1], markdown)) : undefined);
    const via = from === split.file ? '' : ` (in ${from})`;
    if (!page) {
      errors.push({ file: split.file, line: split.setupLine, column: 1, severity: 'error', ruleId: 'script-source-missing', message: `sources ${path}${via}, but there is no ${join('content', ctx.lang, markdown)} to generate it from` });
      return path;
    }
    if (!own) warnings.push(`${split.file}: ${path}${via}: no ${ctx.lang} page content/${ctx.lang}/${markdown}; its English snippets are used`);
    const file = addPage(page, m[3] !== undefined ? `content/${page.lang}/${m[2]}/snips/${m[3]}.sh` : `content/${page.lang}/${m[2]}/snips.sh`);
    return `$${SNIPS_DIR_VAR}/${file}`;
  };
  // A helper file of the checkout, sourced as it is; or, when one of its own `source` lines (at any depth) names a
  // snips file or a helper that had to change, a copy beside the generated snips files with those lines pointing there.
  const helpers = new Map<string, string>();
  const helperPath = (path: string): string => {
    const known = helpers.get(path);
    if (known !== undefined) return known;
    // A helper that sources itself (directly or not) is sourced as written at the inner line.
    helpers.set(path, path);
    helperFiles.add(path);
    for (const name of definedIn(join(ctx.repoRoot, path))) defined.add(name);
    const text = readText(join(ctx.repoRoot, path));
    if (text === undefined) return path;
    let changed = false;
    const lines = text.split('\n').map((line) => {
      const m = SOURCE_LINE.exec(line);
      if (!m) return line;
      const target = sourcedPath(m[4], path);
      if (target === m[4]) return line;
      changed = true;
      return `${m[1]}${m[2]} "${target}"${m[5]}`;
    });
    const result = changed ? `$${SNIPS_DIR_VAR}/${path}` : path;
    if (changed) snipsFiles.set(path, lines.join('\n'));
    helpers.set(path, result);
    return result;
  };

  // The framework's own helpers go through the same rules: their nested `source` lines too.
  const injected = INJECTED_HELPERS.map((helper) => helperPath(helper));
  const test = readStatements(split.file, split.test);
  const cleanup = readStatements(split.file, split.cleanup);
  if (!test.ok) errors.push(...test.diagnostics);
  if (!cleanup.ok) errors.push(...cleanup.diagnostics);
  if (test.ok) plan(test.statements, false);
  if (test.ok && cleanup.ok) {
    const sources = split.sources.flatMap((s) => readStatements(split.file, { text: s.text, line: s.line })).flatMap((r) => (r.ok ? r.statements : []));
    plan([...sources, ...cleanup.statements], true);
  }
  return {
    kind: 'script',
    page: ctx.page ?? placeholder,
    steps,
    programs: [...programs.keys()].sort(),
    programUses: [...programs.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    istioFiles: [...istioFiles.keys()].sort(),
    istioFileUses: [...istioFiles.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    tabs: {},
    errors,
    script: { file: split.file, setup: split.setup, setupLine: split.setupLine },
    repoRoot: ctx.repoRoot,
    ...(pageSnips ? { pageSnips } : {}),
    snipsFiles: [...snipsFiles].map(([path, text]) => ({ path, text })),
    helperFiles: [...helperFiles],
    injected,
    warnings,
    snippetLines: Object.fromEntries([...snippets].map(([id, s]) => [id, { file: s.file, line: s.line, ...(s.out !== undefined ? { out: s.out } : {}), ...(s.outLine !== undefined ? { outLine: s.outLine } : {}) }])),
  };
}

// The expected text of a verify call when known now, or the source for the session to evaluate.
// `at`: where the text is written, when it is a snippet's output on a page.
function expectation(word: ExpectWord | undefined, snippets: Map<string, Snippet>): { text?: string; source?: string; at?: { file: string; line: number } } {
  if (!word) return { text: '' };
  if ('literal' in word) return { text: word.literal };
  if ('variable' in word) {
    const out = /^(.*)_out$/.exec(word.variable);
    const snippet = out ? snippets.get(out[1]) : undefined;
    if (snippet?.out !== undefined) return { text: snippet.out, ...(snippet.outLine !== undefined ? { at: { file: snippet.file, line: snippet.outLine } } : {}) };
    return { source: `"$${word.variable}"` };
  }
  return { source: word.source };
}

// `set -e...` without the flag that would end the session's shell on a failure (each step is judged on its own, and
// `set -e` by the plan); `set -u` is kept: an unbound variable ends the step's shell, which fails it as bash would.
function withoutFatalFlags(flags: string): string {
  const kept = flags
    .replace(/^set\s+/, '')
    .split(/\s+/)
    .map((f) => (f.startsWith('-') ? f.replace(/e/g, '') : f))
    .filter((f) => f !== '-' && f !== '');
  return kept.length > 0 && !(kept.length === 1 && kept[0] === '-o') ? `set ${kept.join(' ')}` : ':';
}

// A checkout path written as the script's own path is (`../shared/corpus/istio.io/content/...` stays relative), so
// a sourced script's steps name the same file as that script's own plan does.
function inCheckout(path: string, script: string, repoRoot: string): string {
  const prefix = /^(.*?)content[\\/]/.exec(script)?.[1];
  return prefix !== undefined && resolve(prefix || '.') === resolve(repoRoot) ? `${prefix}${path}` : join(repoRoot, path);
}

// A test script another one sources (`source "content/en/docs/.../test.sh"`), whose statements bash runs in place.
function isTestScript(path: string): boolean {
  return /^content\/.*test\.sh$/.test(path);
}

// A snippet function name (`snip_...`, a boilerplate's `bpsnip_...`).
function isSnippetName(name: string): boolean {
  return /^(bp)?snip_\w+$/.test(name);
}

/** A line of a helper file that sources a literal path (`source "content/en/.../snips.sh"`, `. tests/util/x.sh`), with
 * its indentation, command, quote, path and what follows (a `|| ...`, a comment). */
const SOURCE_LINE = /^(\s*)(source|\.)\s+(["']?)([\w./@+-]+\.sh)\3(\s*(?:(?:\|\||&&|;|#).*)?)$/;

// A file's text, or undefined when it cannot be read.
function readText(file: string): string | undefined {
  const read = readRegularFile(file);
  return read.ok ? read.text : undefined;
}

// The functions a helper file defines, so the preflight does not take them for programs; none if it is unreadable.
function definedIn(file: string): string[] {
  const read = readRegularFile(file);
  return read.ok ? shellFacts(read.text).functions : [];
}

// Every block of a page and of what it includes.
function allBlocks(page: Page, seen = new Set<string>()): Page['blocks'] {
  if (seen.has(page.file)) return [];
  seen.add(page.file);
  return [...page.blocks, ...page.includes.flatMap((i) => (i.page ? allBlocks(i.page, seen) : []))];
}

// The language folder of a content file (`content/<lang>/...`).
function langOf(file: string): string | undefined {
  return sitePathOf(file)?.lang;
}

// The snips file istio.io would write for a page, relative to the checkout.
function snipsPathOf(page: Page, lang: string): string {
  const rest = sitePathOf(page.file)?.inSite ?? basename(page.file);
  return `content/${lang}/${rest.endsWith('index.md') ? rest.replace(/index\.md$/, 'snips.sh') : `${rest}_snips.sh`}`;
}

// The same file under another language's folder.
function swapContent(file: string, lang: string, other: string): string {
  return sitePathOf(file)?.lang === lang ? (inLanguage(file, other) ?? file) : file;
}
