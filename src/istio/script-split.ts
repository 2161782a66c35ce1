// istio.io's test scripts split as its framework (pkg/test/istioio/framework.go) splits them: exactly one
// `# @setup CONFIG` line in the test part, exactly one `# @cleanup` separator, and the `source "....sh"` lines of the
// test part repeated before the cleanup part. A bad script is a positioned diagnostic, never an exception.
import { diagnostic } from '../page/diagnostics.js';
import type { Diagnostic } from '../page/types.js';
import { sitePathOfFolder } from '../page/site-path.js';
import { INSTALL_PROFILES, setupAction, UNSUPPORTED_SETUPS } from './setup-groups.js';

const setupLine = /^# @setup (.*)$/;
const cleanupSeparator = '# @cleanup';
const sourceLine = /^source ".*\.sh"$/;

/** A part of a script: its text, and the script line its first line is on. */
export interface ScriptPart {
  text: string;
  line: number;
}

export interface SplitScript {
  file: string;
  /** `profile=default`, `profile=none`, `multicluster`... */
  setup: string;
  setupLine: number;
  test: ScriptPart;
  cleanup: ScriptPart;
  /** `source "....sh"` lines of the test part (other tests' scripts excluded), which the cleanup part runs first. */
  sources: { text: string; line: number }[];
}

export type SplitResult = { ok: true; script: SplitScript } | { ok: false; diagnostics: Diagnostic[] };

// Splits a script, or says why it cannot be run (the framework's two checks, with lines).
export function splitScript(file: string, text: string): SplitResult {
  const lines = text.split('\n');
  const separators = lines.flatMap((l, i) => (l.includes(cleanupSeparator) ? [i + 1] : []));
  if (separators.length !== 1) {
    const where = separators.length === 0 ? 1 : separators[1];
    const found = separators.length === 0 ? 'none' : `${separators.length}, on lines ${separators.join(', ')}`;
    return { ok: false, diagnostics: [diagnostic({ file, line: where, severity: 'error', ruleId: 'script-cleanup-separator', message: `a test script needs exactly one '${cleanupSeparator}' line separating the test from its cleanup; found ${found}` })] };
  }
  const separator = separators[0];
  const testLines = lines.slice(0, separator - 1);
  const column = lines[separator - 1].indexOf(cleanupSeparator);
  const setups = testLines.flatMap((l, i) => {
    const m = setupLine.exec(l);
    return m ? [{ line: i + 1, config: m[1].trim() }] : [];
  });
  if (setups.length !== 1) {
    const where = setups.length === 0 ? 1 : setups[1].line;
    const found = setups.length === 0 ? 'none' : `${setups.length}, on lines ${setups.map((s) => s.line).join(', ')}`;
    return { ok: false, diagnostics: [diagnostic({ file, line: where, severity: 'error', ruleId: 'script-setup', message: `a test script needs exactly one '# @setup CONFIG' line before '${cleanupSeparator}' (e.g. '# @setup profile=default'); found ${found}` })] };
  }
  // A typo (`profile=defualt`) would otherwise skip the script in every run, which passes with nothing run.
  const config = setups[0].config;
  const action = setupAction(config);
  if (action.kind === 'skip' && !(config in UNSUPPORTED_SETUPS)) {
    return { ok: false, diagnostics: [diagnostic({ file, line: setups[0].line, column: testLines[setups[0].line - 1].indexOf(config) + 1, severity: 'error', ruleId: 'script-setup-unknown', message: `unknown setup config '${config}' (known: profile=none, ${INSTALL_PROFILES.map((p) => `profile=${p}`).join(', ')}; ${Object.keys(UNSUPPORTED_SETUPS).join(' and ')} are skipped)` })] };
  }
  const testDir = file.replace(/[\\/][^\\/]*$/, '');
  const sources = testLines
    .map((l, i) => ({ text: l, line: i + 1 }))
    .filter((s) => sourceLine.test(s.text) && !isTestSource(s.text, testDir));
  // The text after the separator on its own line (usually nothing) stays with the cleanup part, as in the framework.
  const cleanupFirst = lines[separator - 1].slice(column + cleanupSeparator.length);
  return {
    ok: true,
    script: {
      file,
      setup: setups[0].config,
      setupLine: setups[0].line,
      test: { text: testLines.join('\n'), line: 1 },
      cleanup: { text: [cleanupFirst, ...lines.slice(separator)].join('\n'), line: separator },
      sources,
    },
  };
}

// Whether a `source` line pulls a test script of the same folder (the framework does not repeat those in the cleanup).
function isTestSource(line: string, testDir: string): boolean {
  const site = sitePathOfFolder(testDir);
  const dir = site ? site.inSite.replace(/^docs\//, '') : testDir;
  return new RegExp(`source "content/[^/]+/docs/${escape(dir)}/.*test\\.sh"`).test(line);
}

// Escapes a string for a regular expression.
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
