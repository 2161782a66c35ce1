// The rule registry: every rule id a diagnostic can carry, with its default severity and what it means. The README's
// rule table is generated from it (`npm run rules:readme`) and a test fails when the two disagree.
import type { Severity } from './types.js';

/** What a rule is: its default severity, one line for the README, and whether it only matters when the page runs. */
export interface RuleInfo {
  severity: Severity;
  doc: string;
  /** Only a problem when the page runs: a warning on pages that do not (`test:` other than `yes`). */
  runOnly?: true;
}

/** Every rule, in the order the README lists them. */
export const rules = {
  'not-hugo-page': { severity: 'error', doc: 'no front matter and no shortcodes (or only stray ones): says what the file looks like instead (reStructuredText, text copied from a rendered page, plain markdown)' },
  'front-matter-yaml': { severity: 'error', doc: 'the front matter is not YAML, or its aliases expand to more than 10,000 values (a YAML alias bomb), at the first alias' },
  'front-matter-unterminated': { severity: 'error', doc: 'the front matter is never closed by a second `---` line' },
  'front-matter-invalid': { severity: 'error', doc: 'a known key has the wrong type or value, and says the value found (`test:` must be `yes`, `no`, `n/a` or `table-of-contents`)' },
  'text-unterminated': { severity: 'error', doc: 'a `{{< text >}}` block is never closed (names its opening line)' },
  'text-closer-without-opener': { severity: 'error', doc: 'a `{{< /text >}}` with no block open' },
  'tabset-unterminated': { severity: 'error', doc: 'a `{{< tabset >}}` is never closed with `{{< /tabset >}}` (names its opening line)' },
  'tab-unterminated': { severity: 'error', doc: 'a `{{< tab >}}` is never closed with `{{< /tab >}}` before the next tab or the end of its tabset' },
  'heredoc-unterminated': { severity: 'error', doc: 'a heredoc never reaches its delimiter inside the block' },
  'snip-delimiter': { severity: 'error', doc: 'a line of a block\'s text is `ENDSNIP`, the heredoc delimiter of istio.io\'s generated snippets: there the lines after it would run as code when the snippets are sourced (`extract --format snips` chooses another delimiter for such a block)' },
  'kubectl-exec-it': { severity: 'error', runOnly: true, doc: '`kubectl exec -it` hangs without a terminal (a warning on pages that do not run)' },
  'boilerplate-unknown': { severity: 'error', doc: 'an include that does not resolve' },
  'boilerplate-cycle': { severity: 'error', doc: 'a boilerplate that includes itself' },
  'boilerplate-fallback': { severity: 'warning', doc: 'a translation uses the English boilerplate because its own is missing' },
  'bash-no-command': { severity: 'warning', doc: 'a `bash` block whose first line is not a `$ ` command' },
  'bash-empty': { severity: 'warning', doc: 'a `bash` block with no command' },
  'vars-missing': { severity: 'warning', doc: 'a version shortcode is used but no `data/args.yml` was found (use `--vars FILE`)' },
  'file-unreadable': { severity: 'error', doc: 'the file could not be read, or is not a regular file (a symlink to `/dev/zero`, a FIFO, a device: never opened for reading); the page is skipped' },
  'internal-error': { severity: 'error', doc: 'istio-doctest crashed on this page (a bug: please report it); the other pages go on' },
  'spec-unreadable': { severity: 'error', doc: 'the page\'s `doctest.yaml` could not be read, or is not a regular file' },
  'spec-yaml': { severity: 'error', doc: '`doctest.yaml` is not YAML, or its aliases copy more than 100 values (a YAML alias bomb), at the first alias' },
  'spec-invalid': { severity: 'error', doc: 'a key of `doctest.yaml` is unknown or has the wrong value (says the key path, what was expected and what was found)' },
  'spec-unknown-block': { severity: 'error', doc: '`doctest.yaml` names a block id the page does not have (at the key\'s line)' },
  'script-cleanup-separator': { severity: 'error', doc: 'an istio.io `test.sh` script without exactly one `# @cleanup` line between the test and its cleanup' },
  'script-setup': { severity: 'error', doc: 'an istio.io `test.sh` script without exactly one `# @setup CONFIG` line' },
  'script-setup-unknown': { severity: 'error', doc: 'an istio.io `test.sh` script whose `# @setup` names a config istio-doctest does not know (a typo such as `profile=defualt`)' },
  'script-syntax': { severity: 'error', doc: 'an istio.io `test.sh` script bash cannot parse' },
  'script-source-missing': { severity: 'error', doc: 'an istio.io `test.sh` script sources the snips of a page that does not exist' },
  'program-missing': { severity: 'error', doc: 'run preflight: a program a command calls is not on PATH (the page is skipped with the reason, the others run)' },
  'istio-file-missing': { severity: 'error', doc: 'run preflight: an `@path@` file is not in the Istio directory' },
  'helper-file-missing': { severity: 'error', doc: 'run preflight: a `page.source` file of `doctest.yaml` is not in the istio.io checkout (`--repo-root`; at the spec\'s line, the page is skipped)' },
  'istio-dir-missing': { severity: 'error', doc: 'run preflight: the page uses `@path@` files but no `--istio-dir` / `ISTIO_DIR` was given' },
  'step-failed': { severity: 'error', doc: 'run: a step exited non-zero or printed what its expected output does not allow (annotation)' },
  'step-timeout': { severity: 'error', doc: 'run: a step did not end within `--step-timeout` (annotation)' },
  'step-interrupted': { severity: 'error', doc: 'run: a step was ended by SIGINT/SIGTERM/SIGHUP (annotation)' },
  'cleanup-failed': { severity: 'warning', doc: 'run: a cleanup step failed (annotation; cleanup failures never fail the run)' },
  'drift-command': { severity: 'warning', doc: 'drift: a command differs from the reference page (an error under `drift --fail-on commands`)' },
  'drift-output': { severity: 'warning', doc: 'drift: an expected output differs (an error under `--fail-on outputs`)' },
  'drift-translated': { severity: 'warning', doc: 'drift: an expected output was translated, so it can never pass (an error under `--fail-on outputs`)' },
  'drift-comment': { severity: 'warning', doc: 'drift: only `#` comments of code differ (it runs the same)' },
  'drift-placeholder': { severity: 'warning', doc: 'drift: only `<placeholders>` of a command that never runs (`snip_id=none`) differ' },
  'drift-missing': { severity: 'warning', doc: 'drift: the reference page has a block this page lacks (an error under `--fail-on commands`)' },
  'drift-extra': { severity: 'warning', doc: 'drift: a block the reference page does not have (an error under `--fail-on commands`)' },
  'drift-not-run': { severity: 'warning', doc: 'drift: a block the reference page runs does not run here (`snip_id=none`, or a `skip:` in this page\'s own `doctest.yaml`), so the page would pass without it (an error under `drift --fail-on commands`)' },
  'drift-boilerplate': { severity: 'warning', doc: 'drift: a boilerplate only one of the pages includes' },
  'drift-test-flag': { severity: 'warning', doc: 'drift: the `test:` flag differs from the reference page\'s (at the `test:` line)' },
  'would-fail': { severity: 'error', doc: '`check --against RECORD`: the expected output would fail against what the same command printed in the recorded run (with the diff, the record\'s date and versions)' },
  'not-comparable': { severity: 'warning', doc: '`check --against RECORD`: the recorded run ran another command for this block (the command drifted), so its output says nothing about this one' },
  'record-stale': { severity: 'warning', doc: '`check --against RECORD`: the record is older than `--max-age`, or ran another Istio minor version than `data/args.yml` describes (said once)' },
  'write-not-output': { severity: 'error', doc: '`run --update` / `sync`: a line to write into a block would be read as something else than its text (a shortcode in any form the parser accepts, such as `{{< / text >}}`, `{{% text %}}` or `{{< boilerplate X >}}`; a `$ ` command in an output; a `##` heading; `ENDSNIP`): that step or block is left as it is' },
  'write-changes-page': { severity: 'error', doc: '`run --update` / `sync`: the page\'s new text, parsed again, would have other blocks, ids, commands (`run --update`) or includes, or a new diagnostic: the page is left as it is' },
} as const satisfies Record<string, RuleInfo>;

/** A registered rule id. */
export type RuleId = keyof typeof rules;

/** The registry entry of a rule id (undefined for an id no rule has). */
export function ruleInfo(id: string): RuleInfo | undefined {
  return (rules as Record<string, RuleInfo>)[id];
}
