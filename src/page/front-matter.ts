// Front matter: the YAML between the first two `---` lines, validated with zod, unknown keys kept.
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { z } from 'zod';
import { diagnostic } from './diagnostics.js';
import type { Diagnostic, FrontMatter } from './types.js';

const frontMatterSchema = z
  .object({
    // `key:` with no value is YAML null, which Hugo reads as unset.
    title: z.string().nullish(),
    description: z.string().nullish(),
    weight: z.number().nullish(),
    keywords: z.array(z.string()).nullish(),
    owner: z.string().nullish(),
    // istio.io's values: `table-of-contents` marks section index pages, which have nothing to run.
    test: z.enum(['yes', 'no', 'n/a', 'table-of-contents']).nullish(),
    // Hugo also takes a single alias as a string.
    aliases: z.union([z.array(z.string()), z.string()]).nullish(),
  })
  .passthrough();

export interface FrontMatterResult {
  frontMatter: FrontMatter;
  /** Whether the file starts with a front matter block. */
  present: boolean;
  /** First line of the body (1-based). */
  bodyLine: number;
  diagnostics: Diagnostic[];
}

// Finds, parses and validates the front matter; a broken one is reported, never thrown.
export function readFrontMatter(file: string, lines: string[]): FrontMatterResult {
  if (lines[0]?.trimEnd() !== '---') return { frontMatter: {}, present: false, bodyLine: 1, diagnostics: [] };
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trimEnd() === '---') {
      end = i;
      break;
    }
  }
  if (end < 0) {
    return {
      frontMatter: {},
      present: true,
      bodyLine: 1,
      diagnostics: [diagnostic({ file, line: 1, ruleId: 'front-matter-unterminated', message: 'front matter opened with `---` on line 1 is never closed by a second `---` line' })],
    };
  }
  const diagnostics: Diagnostic[] = [];
  let data: unknown = {};
  try {
    data = load(lines.slice(1, end).join('\n'), { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    const reason = error instanceof YAMLException ? error.reason : (error as Error).message;
    diagnostics.push(diagnostic({ file, line: 2 + (mark?.line ?? 0), column: (mark?.column ?? 0) + 1, ruleId: 'front-matter-yaml', message: `front matter is not valid YAML: ${reason}` }));
  }
  if (expandedSize(data, MAX_VALUES) > MAX_VALUES) {
    const line = firstAliasLine(lines, end);
    const message = `front matter is not valid YAML: its aliases expand to more than ${MAX_VALUES.toLocaleString('en')} values (or refer to themselves); Hugo front matter needs no such nesting`;
    return { frontMatter: {}, present: true, bodyLine: end + 2, diagnostics: [diagnostic({ file, line, ruleId: 'front-matter-yaml', message })] };
  }
  if (data === null || data === undefined) return { frontMatter: {}, present: true, bodyLine: end + 2, diagnostics };
  const parsed = frontMatterSchema.safeParse(data);
  if (parsed.success) return { frontMatter: parsed.data as FrontMatter, present: true, bodyLine: end + 2, diagnostics };
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    const line = keyLine(lines, end, String(issue.path[0] ?? ''));
    diagnostics.push(
      diagnostic({
        file,
        line,
        ruleId: 'front-matter-invalid',
        message: `front matter key \`${key || '(root)'}\`: ${describeIssue(issue, valueAt(data, issue.path))}`,
        expected: expectedOf(issue),
        actual: JSON.stringify(valueAt(data, issue.path)),
      }),
    );
  }
  const kept = typeof data === 'object' && !Array.isArray(data) ? (data as FrontMatter) : {};
  return { frontMatter: kept, present: true, bodyLine: end + 2, diagnostics };
}

/** How many values (each scalar, list and mapping, counted once per place it appears) a front matter may expand to.
 * js-yaml shares an aliased value instead of copying it, so loading a YAML alias bomb is fast, but anything that
 * walks the result (validation, JSON) walks every copy: 1.3 KB of nested aliases are billions of values. */
export const MAX_VALUES = 10_000;

// The number of values a loaded YAML value stands for once its aliases are expanded, stopping past `limit`; a value
// that contains itself (`&a [*a]`) counts as unbounded. Linear in the distinct values (sizes are memoised).
function expandedSize(value: unknown, limit: number, sizes = new Map<object, number>(), open = new Set<object>()): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  if (open.has(value)) return Infinity;
  open.add(value);
  let size = 1;
  for (const child of Object.values(value)) {
    size += expandedSize(child, limit, sizes, open);
    if (size > limit) break;
  }
  open.delete(value);
  sizes.set(value, size);
  return size;
}

// The line of the first alias (`*name`) in the front matter, where an expansion starts; else its first line.
function firstAliasLine(lines: string[], end: number): number {
  for (let i = 1; i < end; i++) if (/(^|[\s,[{:-])\*[^\s,[\]{}]+/.test(lines[i])) return i + 1;
  return 2;
}

// Turns a zod issue into words a translator understands.
function describeIssue(issue: z.core.$ZodIssue, found: unknown): string {
  const value = found === undefined ? '' : `, got ${JSON.stringify(found)}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${value}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}${value}`;
  return issue.message;
}

// The `expected` field of a front-matter diagnostic.
function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_value') return issue.values.map(String).join(' | ');
  if (issue.code === 'invalid_type') return String(issue.expected);
  return undefined;
}

// Reads the offending value so the diagnostic can show it.
function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

// Line of a top-level key inside the front matter, so the diagnostic points at it.
function keyLine(lines: string[], end: number, key: string): number {
  for (let i = 1; i < end; i++) if (lines[i].startsWith(`${key}:`)) return i + 1;
  return 1;
}
