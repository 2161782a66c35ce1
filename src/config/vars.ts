// Reading istio.io's `data/args.yml`: the values that version shortcodes stand for.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { yamlLibrary } from './yaml-library.js';
import { yamlValues } from './yaml-values.js';
import { z } from 'zod';
import { absoluteSiteRoot, sitePathOf } from '../page/site-path.js';
import { readRegularFile } from '../page/regular-file.js';
import type { Vars } from '../page/types.js';

const argsSchema = z.object({
  version: z.coerce.string(),
  full_version: z.coerce.string(),
  previous_version: z.coerce.string(),
  k8s_gateway_api_version: z.coerce.string().optional(),
  source_branch_name: z.coerce.string().optional(),
});

export type VarsResult = { ok: true; vars: Vars; file: string } | { ok: false; file: string; message: string };

// Loads and validates a vars file; a missing key or bad YAML is a message, not an exception.
export function readVars(file: string): VarsResult {
  const read = readRegularFile(file);
  if (!read.ok) return { ok: false, file, message: `cannot read vars file ${file}: ${read.reason}` };
  const document = yamlLibrary().parseDocument(read.text, { prettyErrors: false, logLevel: 'error' });
  const error = document.errors[0];
  if (error) return { ok: false, file, message: `vars file ${file}:${error.linePos?.[0].line ?? 1}: not valid YAML: ${error.message.split('\n')[0]}` };
  const values = yamlValues(document, read.text);
  if (!values.ok) return { ok: false, file, message: `vars file ${file}:${values.line}: ${values.message}` };
  const data = values.data;
  const parsed = argsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, file, message: `vars file ${file}: key \`${issue.path.join('.')}\`: ${issue.message}` };
  }
  const v = parsed.data;
  return {
    ok: true,
    file,
    vars: {
      version: v.version,
      fullVersion: v.full_version,
      previousVersion: v.previous_version,
      k8sGatewayApiVersion: v.k8s_gateway_api_version ?? '',
      sourceBranchName: v.source_branch_name ?? 'master',
    },
  };
}

/** The folder holding `content/` for a page path (`.../site/content/en/x.md` → `.../site`, absolute), if it has one. */
export function siteRootOf(file: string): string | undefined {
  const site = sitePathOf(file);
  return site ? absoluteSiteRoot(site) : undefined;
}

// The default vars file: `data/args.yml` beside the `content/` folder of the page.
export function defaultVarsFile(file: string): string | undefined {
  const root = siteRootOf(file);
  if (!root) return undefined;
  const candidate = join(root, 'data', 'args.yml');
  return existsSync(candidate) ? candidate : undefined;
}

