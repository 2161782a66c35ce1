// `doctest.yaml`: the verification spec of a page, beside it or beside the same page in the reference language,
// so one file serves every translation. Validated with zod; a bad spec is a positioned message, not a crash.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { contentRoot } from '../page/load.js';
import type { Diagnostic } from '../page/types.js';

const verifyModes = ['auto', 'same', 'contains', 'not-contains', 'lines', 'regex', 'first-line', 'like', 'elided', 'failure', 'none'] as const;

const duration = z
  .union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?(ms|s|m)$/, 'a duration such as 30s, 2m or 500ms')])
  .transform((value) => (typeof value === 'number' ? value * 1000 : parseDuration(value)));

const blockSpec = z
  .object({
    verify: z.enum(verifyModes).optional(),
    arg: z.string().optional(),
    retry: z.boolean().optional(),
    timeout: duration.optional(),
    skip: z.string().min(1, 'a reason').optional(),
  })
  .strict()
  .refine((b) => !(b.verify && ['contains', 'not-contains', 'regex'].includes(b.verify)) || b.arg !== undefined, {
    message: 'contains, not-contains and regex need `arg`',
    path: ['arg'],
  });

const specSchema = z
  .object({
    page: z
      .object({
        tabs: z.record(z.string(), z.string()).optional(),
        requires: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    blocks: z.record(z.string().regex(/^snip_\w+$/, 'a block id such as snip_cleanup_1'), blockSpec).optional(),
  })
  .strict();

export type BlockSpec = z.output<typeof blockSpec>;
export type Spec = z.output<typeof specSchema>;

export type SpecResult = { spec?: Spec; file?: string; diagnostics: Diagnostic[] };

// Turns `30s`, `2m`, `500ms` into milliseconds.
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === 'ms' ? value : match[2] === 's' ? value * 1000 : value * 60000;
}

// Finds the spec for a page: `doctest.yaml` beside it, else beside the same page under `content/<reference>/`.
export function findSpecFile(pageFile: string, reference = 'en'): string | undefined {
  const own = join(dirname(pageFile), 'doctest.yaml');
  if (existsSync(own)) return own;
  const root = contentRoot(pageFile);
  if (!root) return undefined;
  const absolute = resolve(pageFile);
  const relative = absolute.slice(absolute.indexOf(root) >= 0 ? absolute.indexOf(root) + root.length + 1 : 0);
  const rest = relative.split(/[\\/]/).slice(1).join('/');
  const candidate = join(root, reference, dirname(rest), 'doctest.yaml');
  return existsSync(candidate) ? candidate : undefined;
}

// Reads and validates a spec file; every problem names the file, the key path and what was expected.
export function readSpec(file: string): SpecResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { file, diagnostics: [specProblem(file, 1, 'spec-unreadable', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`)] };
  }
  const document = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  if (document.errors.length > 0) {
    return { file, diagnostics: document.errors.map((e) => specProblem(file, e.linePos?.[0].line ?? 1, 'spec-yaml', `not valid YAML: ${e.message.split('\n')[0]}`)) };
  }
  const parsed = specSchema.safeParse(document.toJS() ?? {});
  if (parsed.success) return { spec: parsed.data, file, diagnostics: [] };
  return {
    file,
    diagnostics: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const node = document.getIn(path, true) as { range?: [number, number] } | undefined;
      const line = node?.range ? text.slice(0, node.range[0]).split('\n').length : keyLine(text, path);
      return specProblem(file, line, 'spec-invalid', `\`${path.join('.') || '(root)'}\`: ${describe(issue)}`);
    }),
  };
}

// Explains a zod issue in the terms of the spec file.
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return `expected ${issue.message}`;
}

// The line of the last key of a path that exists in the text, for issues about missing or unknown keys.
function keyLine(text: string, path: string[]): number {
  const lines = text.split('\n');
  for (let k = path.length - 1; k >= 0; k--) {
    const index = lines.findIndex((line) => line.trimStart().startsWith(`${path[k]}:`));
    if (index >= 0) return index + 1;
  }
  return 1;
}

// A spec problem as a diagnostic.
function specProblem(file: string, line: number, ruleId: string, message: string): Diagnostic {
  return { file, line, column: 1, severity: 'error', ruleId, message };
}
