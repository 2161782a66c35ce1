// `doctest.yaml`: the verification spec of a page, beside it or beside the same page in the reference language,
// so one file serves every translation. Validated with zod; a bad spec is a positioned message, not a crash.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Document } from 'yaml';
import { yamlLibrary } from './yaml-library.js';
import { z } from 'zod';
import { absoluteSiteRoot, sitePathOf } from '../page/site-path.js';
import { diagnostic } from '../page/diagnostics.js';
import { readRegularFile } from '../page/regular-file.js';
import { needsArg, VERIFY_MODES, type VerifyMode } from '../match/types.js';
import { compilePattern } from '../match/regex.js';
import { INSTALL_PROFILES, UNSUPPORTED_SETUPS } from './setup-configs.js';
import { parseDuration, parseTimeout } from './duration.js';
import { yamlValues } from './yaml-values.js';
import type { Diagnostic } from '../page/types.js';

const duration = z
  .union([z.number().positive(), z.string().refine((text) => parseTimeout(text).ok, 'a duration such as 30s, 2m or 500ms')])
  .transform((value) => (typeof value === 'number' ? value * 1000 : parseDuration(value)));

// What a block entry and a hidden step of `page.before`/`page.cleanup` share: how the output is judged and retried.
const verifyFields = {
  verify: z.enum(VERIFY_MODES).optional(),
  // `arg: 404` means the text 404: numbers and booleans are taken as the text they are written as.
  arg: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
  retry: z.boolean().optional(),
  timeout: duration.optional(),
};

// An `arg` a mode needs, and a valid pattern for `regex`; `argFor` says which modes need one.
function checkArg(argFor: (mode: VerifyMode) => boolean) {
  return (b: { verify?: VerifyMode; arg?: string }, ctx: z.RefinementCtx) => {
    if (b.verify && argFor(b.verify) && b.arg === undefined) {
      const what = b.verify === 'regex' ? 'pattern' : needsArg(b.verify) ? 'text' : 'expected output';
      ctx.addIssue({ code: 'custom', path: ['arg'], message: `\`arg\` with the ${what} to look for (verify: ${b.verify} needs one)` });
    }
    const problem = b.verify === 'regex' && b.arg !== undefined ? regexProblem(b.arg) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: ['arg'], message: `a regular expression in RE2 syntax (${problem})` });
  };
}

const blockFields = z
  .object({
    ...verifyFields,
    skip: z.string().min(1, 'a reason').optional(),
    // Runs a `snip_id=none` block, which istio.io marks never to run.
    run: z.boolean().optional(),
  })
  .strict();
const blockSpec = blockFields.superRefine(checkArg(needsArg));

// A step doctest.yaml adds to a page (`page.before`, `page.cleanup`): a command, judged like a block. It has no
// expected output on the page, so every matcher mode takes its expected text from `arg`.
const hiddenFields = z.object({ run: z.string().trim().min(1, 'a command to run'), ...verifyFields }).strict();
const hiddenStep = hiddenFields.superRefine(checkArg((mode) => mode !== 'none' && mode !== 'failure'));

/** The setup configs `page.setup` may name, as a script's `# @setup` line names them. */
export const PAGE_SETUPS = ['profile=none', ...INSTALL_PROFILES.map((p) => `profile=${p}` as const), ...(Object.keys(UNSUPPORTED_SETUPS) as (keyof typeof UNSUPPORTED_SETUPS)[])] as const;

// Whether a text is a regular expression JavaScript can compile.
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'g');
    return true;
  } catch {
    return false;
  }
}

// An istio.io helper file, relative to the checkout (`tests/util/samples.sh`).
const helperPath = z
  .string()
  .min(1)
  .refine((path) => !isAbsolute(path) && !path.split(/[\\/]/).includes('..'), 'a path inside the istio.io checkout (--repo-root), such as tests/util/samples.sh');

const pageFields = z
  .object({
    tabs: z.record(z.string(), z.string()).optional(),
    requires: z.array(z.string()).optional(),
    setup: z.enum(PAGE_SETUPS).optional(),
    // One file may be written without the list.
    source: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(helperPath)).optional(),
    before: z.array(hiddenStep).optional(),
    cleanup: z.array(hiddenStep).optional(),
    // Patterns whose matches `run --record` writes as [redacted] in this page's outputs (tokens, account ids).
    redact: z.array(z.string().min(1).refine(compiles, 'a regular expression (JavaScript syntax)')).optional(),
  })
  .strict();

// A file, folder or rule `check` leaves out, and why (`check` prints the reason): `path` relative to the doctest.yaml's
// folder (default: all of it), `rule` one rule id (default: every problem of the files).
const checkExclusion = z
  .object({
    path: z.string().min(1).refine((path) => !isAbsolute(path), 'a path relative to the folder of this doctest.yaml').optional(),
    rule: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a rule id such as shortcode-unknown').optional(),
    reason: z.string().trim().min(1, 'a reason check prints'),
  })
  .strict();
const checkFields = z.object({ exclude: z.array(checkExclusion) }).strict();

const specSchema = z
  .object({
    page: pageFields.optional(),
    check: checkFields.optional(),
    blocks: z.record(z.string().regex(/^snip_\w+$/, 'a block id such as snip_cleanup_1'), blockSpec).optional(),
  })
  .strict();
export type BlockSpec = z.output<typeof blockSpec>;
export type Spec = z.output<typeof specSchema>;
export type HiddenStepSpec = z.output<typeof hiddenStep>;
export type CheckExclusionSpec = z.output<typeof checkExclusion>;

export type SpecResult = {
  spec?: Spec;
  file?: string;
  diagnostics: Diagnostic[];
  /** The line of each key under `blocks:` (for a valid spec). */
  blockLines?: Record<string, number>;
  /** The line of each entry under `page:` that becomes a step or a file, by key path (`setup`, `source.0`,
   * `before.1`, `cleanup.0`), for a valid spec: hidden steps and preflight problems are reported there. */
  pageLines?: Record<string, number>;
  /** The line of each entry under `check.exclude`, in order, for a valid spec. */
  excludeLines?: number[];
};

// Finds the spec for a page: `doctest.yaml` beside it, else beside the same page under `content/<reference>/`.
export function findSpecFile(pageFile: string, reference = 'en'): string | undefined {
  const own = join(dirname(pageFile), 'doctest.yaml');
  if (existsSync(own)) return own;
  const site = sitePathOf(pageFile);
  if (!site) return undefined;
  const candidate = join(absoluteSiteRoot(site), 'content', reference, dirname(site.inSite), 'doctest.yaml');
  return existsSync(candidate) ? candidate : undefined;
}

// Reads and validates a spec file; every problem names the file, the key path and what was expected.
export function readSpec(file: string): SpecResult {
  const read = readRegularFile(file);
  if (!read.ok) return { file, diagnostics: [specProblem(file, 1, 'spec-unreadable', `cannot read ${file}: ${read.code === 'ENOTREG' ? read.reason : read.code}`)] };
  const text = read.text;
  const document = yamlLibrary().parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (document.errors.length > 0) {
    return { file, diagnostics: document.errors.map((e) => specProblem(file, e.linePos?.[0].line ?? 1, 'spec-yaml', `not valid YAML: ${e.message.split('\n')[0]}`)) };
  }
  const values = yamlValues(document, text);
  if (!values.ok) return { file, diagnostics: [specProblem(file, values.line, 'spec-yaml', values.message)] };
  const data: unknown = values.data ?? {};
  const parsed = specSchema.safeParse(data);
  if (parsed.success) {
    const blockLines = Object.fromEntries(Object.keys(parsed.data.blocks ?? {}).map((id) => [id, pathLine(document, text, ['blocks', id])]));
    const page = parsed.data.page ?? {};
    const entries = [...(page.setup ? [['setup']] : []), ...(['source', 'before', 'cleanup'] as const).flatMap((key) => (page[key] ?? []).map((_, i) => [key, String(i)]))];
    const pageLines = Object.fromEntries(entries.map((path) => [path.join('.'), pathLine(document, text, ['page', ...path])]));
    const excludeLines = (parsed.data.check?.exclude ?? []).map((_, i) => pathLine(document, text, ['check', 'exclude', String(i)]));
    return { spec: parsed.data, file, diagnostics: [], blockLines, pageLines, ...(excludeLines.length > 0 ? { excludeLines } : {}) };
  }
  return {
    file,
    diagnostics: parsed.error.issues
      .map((issue) => {
        const path = issue.path.map(String);
        const at = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path;
        return specProblem(file, pathLine(document, text, at), 'spec-invalid', `\`${path.join('.') || '(root)'}\`: ${describe(issue, valueAt(data, path), path)}`);
      })
      .sort((a, b) => a.line - b.line),
  };
}

// Explains a zod issue in the terms of the spec file: what was expected, and what was found when it helps.
function describe(issue: z.core.$ZodIssue, found: unknown, path: string[]): string {
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.join(', ')}, got ${shown(found)}`;
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (expected ${knownKeys(path)})`;
  if (issue.code === 'invalid_type') return found === undefined ? `missing: expected ${typeName(issue.expected)}` : `expected ${typeName(issue.expected)}, got ${shown(found)}`;
  if (issue.code === 'invalid_key') return `expected ${issue.issues[0]?.message ?? 'another key'}`;
  return `expected ${issue.message}`;
}

// The keys the mapping at a key path may have: the file, \`page\`, a block, a hidden step; derived from the schema.
function knownKeys(path: string[]): string {
  const shape =
    path.length === 0 ? specSchema.shape : path[0] === 'page' ? (path.length === 1 ? pageFields.shape : hiddenFields.shape) : path[0] === 'check' ? (path.length === 1 ? checkFields.shape : checkExclusion.shape) : blockFields.shape;
  const keys = Object.keys(shape);
  return keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}`;
}

// zod's type names as a spec writer says them.
function typeName(expected: string): string {
  const names: Record<string, string> = { object: 'a mapping (key: value)', record: 'a mapping (key: value)', array: 'a list', string: 'a text', boolean: 'true or false', number: 'a number' };
  return names[expected] ?? expected;
}

// The value at a key path of the parsed YAML.
function valueAt(data: unknown, path: string[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

// A YAML value as a message shows it.
function shown(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'the text' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

// Why a pattern is not one the `regex` mode's engine (RE2) accepts, if it is not.
function regexProblem(pattern: string): string | undefined {
  const compiled = compilePattern(pattern);
  return compiled.ok ? undefined : compiled.problem;
}

// The line of the deepest key of a path present in the document: the key itself when there, else its parent's.
function pathLine(document: Document, text: string, path: string[]): number {
  let node: unknown = document.contents;
  let offset = (node as { range?: [number, number] } | null)?.range?.[0];
  const { isMap, isScalar, isSeq } = yamlLibrary();
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number, number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && node.items[Number(key)]) {
      node = node.items[Number(key)];
      offset = (node as { range?: [number, number] }).range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
}

/** The keys under `blocks:` that name no block of the pages the spec serves (`ids`), each at its line. */
export function unknownBlockKeys(result: SpecResult, ids: ReadonlySet<string>, pages: string): Diagnostic[] {
  if (!result.file || !result.spec?.blocks) return [];
  return Object.keys(result.spec.blocks)
    .filter((id) => !ids.has(id))
    .map((id) =>
      diagnostic({
        file: result.file!,
        line: result.blockLines?.[id] ?? 1,
        ruleId: 'spec-unknown-block',
        message: `\`blocks.${id}\`: ${pages} has no block ${id}, so this entry is never used (the ids are in \`istio-doctest extract\`)`,
      }),
    );
}

// A spec problem as a diagnostic.
function specProblem(file: string, line: number, ruleId: 'spec-unreadable' | 'spec-yaml' | 'spec-invalid', message: string): Diagnostic {
  return diagnostic({ file, line, ruleId, message });
}
