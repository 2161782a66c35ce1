// `run --record FILE`: opens the run record with the versions it names and the redactions each page's doctest.yaml
// asks for. Kept apart from run.ts so the option is one line there.
import { findSpecFile, readSpec } from '../config/spec.js';
import { RecordFile } from '../report/record.js';
import { clusterVersions } from '../run/cluster-versions.js';
import { VERSION } from '../version.js';


/** The record reporter, or why the file cannot be written. */
export async function openRecord(file: string, istioDir: string | undefined, context: string | undefined, setupOf: (page: string) => string): Promise<RecordFile | string> {
  const versions = await clusterVersions(istioDir, context);
  const redactions = new Map<string, RegExp[]>();
  const redactionsOf = (page: string): RegExp[] => {
    const spec = findSpecFile(page);
    if (!spec) return [];
    if (!redactions.has(spec)) redactions.set(spec, (readSpec(spec).spec?.page?.redact ?? []).map((pattern) => new RegExp(pattern, 'g')));
    return redactions.get(spec)!;
  };
  try {
    return new RecordFile(file, { tool: VERSION, ...versions, setupOf, redactionsOf });
  } catch (error) {
    return `${file}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}
