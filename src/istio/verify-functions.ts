// The `_verify_*` functions the session defines after sourcing istio.io's verify.sh, for calls the runner does not
// see as steps of their own (inside functions, loops, conditions). They keep verify.sh's retry contract
// (VERIFY_TIMEOUT, VERIFY_DELAY, VERIFY_CONSECUTIVE; output with `\r` and trailing blanks removed) but compare with
// our matcher, return 1 instead of ending the shell, and log each call for the report. The matcher is the runner's
// own, asked over its request FIFO (src/run/match-server.ts) when there is one, else `istio-doctest match`.
import { VERIFY_FUNCTIONS } from './script-statements.js';
import { verifySettingsCheckScript } from './verify-settings.js';

/** Environment variables the functions read: the CLI to call, the log of calls, the runner's matcher FIFO. */
export const VERIFY_CLI_VAR = 'ISTIO_DOCTEST_CLI';
export const VERIFY_LOG_VAR = 'ISTIO_DOCTEST_VERIFY_LOG';
export const VERIFY_MATCH_FIFO_VAR = 'ISTIO_DOCTEST_MATCH_FIFO';

// The bash text defining the functions; `backoff` is the runner's waits between attempts in seconds (0.1 0.2 0.4 0.8),
// used when no VERIFY_DELAY is set (then every second), so nested calls poll as the runner's own attempts do.
export function verifyFunctionsScript(backoff: readonly string[] = []): string {
  const wrappers = Object.entries(VERIFY_FUNCTIONS).map(([fn, mode]) => `${fn}() { __doctest_verify ${mode} "$1" "\${2:-}"; }`);
  return `${[
    '__doctest_verify() {',
    '  local mode=$1 func=$2 expected=$3 out ret cmp attempts=0 consecutive=0 diff=""',
    '  local max=${VERIFY_TIMEOUT:-120} delay=${VERIFY_DELAY:-1} want=${VERIFY_CONSECUTIVE:-1}',
    `  local backoff=(${backoff.filter((w) => /^[0-9.]+$/.test(w)).join(' ')})`,
    '  [[ -n ${VERIFY_DELAY:-} ]] && backoff=()',
    "  local errexit='set +e'; [[ $- == *e* ]] && errexit='set -e'; set +e",
    '  local problem="" re',
    ...verifySettingsCheckScript(),
    '  if [[ -n $problem ]]; then',
    "    printf 'VERIFY FAILED %s: %s\\n' \"$func\" \"$problem\"",
    "    [[ -n \"\${" + VERIFY_LOG_VAR + ":-}\" ]] && printf '%s\\t%s\\t%s\\t%s\\n' failed \"$mode\" \"$func\" 0 >>\"$" + VERIFY_LOG_VAR + '"',
    '    eval "$errexit"; return 1',
    '  fi',
    '  local end=$(( ${EPOCHSECONDS:-$(date +%s)} + max ))',
    '  local tmp; tmp=$(mktemp -d) || tmp=""',
    '  if [[ -z $tmp || ! -d $tmp ]]; then',
    "    printf 'VERIFY FAILED %s: cannot make a temporary folder (mktemp -d; is the disk under TMPDIR full?)\\n' \"$func\"",
    "    [[ -n \"\${" + VERIFY_LOG_VAR + ":-}\" ]] && printf '%s\\t%s\\t%s\\t%s\\n' failed \"$mode\" \"$func\" 0 >>\"$" + VERIFY_LOG_VAR + '"',
    '    eval "$errexit"; return 1',
    '  fi',
    "  printf '%s' \"$expected\" >\"$tmp/expected\"",
    '  while true; do',
    '    attempts=$((attempts + 1))',
    '    out=$($func 2>&1); ret=$?',
    '    if [[ $mode == failure ]]; then [[ $ret -ne 0 ]]; cmp=$?',
    '    else',
    `      if [[ -n \${${VERIFY_MATCH_FIFO_VAR}:-} && -p \$${VERIFY_MATCH_FIFO_VAR} ]] && { [[ -p $tmp/done ]] || mkfifo "$tmp/done"; }; then`,
    '        # The runner removes the `\\r` and trailing blanks as the sed below does.',
    "        printf '%s' \"$out\" >\"$tmp/actual\"; cmp=2; diff=''",
    `        { printf '%s\\t%s\\n' "$mode" "$tmp" >"\$${VERIFY_MATCH_FIFO_VAR}" && IFS= read -r cmp <&3; } 3<>"$tmp/done"`,
    `        IFS= read -r -d '' diff <"$tmp/diff"; while [[ $diff == *$'\\n' ]]; do diff=\${diff%$'\\n'}; done`,
    '        [[ $cmp == [01] ]] || cmp=2',
    '      else',
    "        out=$(sed 's/[[:space:]]*$//g' <<<\"\${out//$'\\r'}\")",
    "        printf '%s' \"$out\" >\"$tmp/actual\"",
    '        case $mode in',
    '          contains|not-contains|regex) diff=$(node "$' + VERIFY_CLI_VAR + '" match --mode "$mode" --arg "$expected" --expected /dev/null --actual "$tmp/actual" 2>&1) ;;',
    '          *) diff=$(node "$' + VERIFY_CLI_VAR + '" match --mode "$mode" --expected "$tmp/expected" --actual "$tmp/actual" 2>&1) ;;',
    '        esac; cmp=$?',
    '      fi',
    '      [[ $cmp -eq 0 && $mode == not-contains && $ret -ne 0 ]] && cmp=1',
    '    fi',
    '    if [[ $cmp -eq 0 ]]; then consecutive=$((consecutive + 1)); else consecutive=0; fi',
    '    # As verify.sh: only a successful comparison can end the call with a pass (VERIFY_CONSECUTIVE=0 is one success).',
    '    if [[ $cmp -eq 0 ]] && (( consecutive >= want )); then',
    '      rm -rf "$tmp"',
    "      [[ -n \"\${" + VERIFY_LOG_VAR + ":-}\" ]] && printf '%s\\t%s\\t%s\\t%s\\n' passed \"$mode\" \"$func\" \"$attempts\" >>\"$" + VERIFY_LOG_VAR + '"',
    '      eval "$errexit"; return 0',
    '    fi',
    '    if (( ${EPOCHSECONDS:-$(date +%s)} > end )); then',
    "      printf 'VERIFY FAILED %s (timeout after %ss, %s attempts, %s):\\n%s\\n' \"$func\" \"$max\" \"$attempts\" \"$mode\" \"\${diff:-exit status $ret}\"",
    '      rm -rf "$tmp"',
    '      # What the report shows for the call: its last diff (or exit status), output and expected text, beside the log.',
    "      if [[ -n \"\${" + VERIFY_LOG_VAR + ":-}\" ]]; then",
    "        local detail=\"$" + VERIFY_LOG_VAR + ".${tmp##*/}\"",
    "        printf '%s' \"${diff:-exit status $ret}\" >\"$detail.diff\"; printf '%s' \"$out\" >\"$detail.out\"; printf '%s' \"$expected\" >\"$detail.expected\"",
    "        printf '%s\\t%s\\t%s\\t%s\\t%s\\n' failed \"$mode\" \"$func\" \"$attempts\" \"$detail\" >>\"$" + VERIFY_LOG_VAR + '"',
    '      fi',
    '      eval "$errexit"; return 1',
    '    fi',
    '    sleep "${backoff[attempts-1]:-$delay}"',
    '  done',
    '}',
    ...wrappers,
    ...waitWrappersScript(),
  ].join('\n')}\n`;
}

// helpers.sh's `_wait_for_*` functions (defined by the time this runs) wrapped so that each call the script itself makes
// (written in a step, or in a function a step defined: the caller's file is in the log's folder, where steps are) is
// logged before and after, for the report; calls from istio.io's helper files (samples.sh) stay inside their statement.
function waitWrappersScript(): string[] {
  const log = `$${VERIFY_LOG_VAR}`;
  return [
    '__doctest_wait() {',
    '  local fn=$1 status; shift',
    `  if [[ -z \${${VERIFY_LOG_VAR}:-} || \${BASH_SOURCE[2]%/*} != "\${${VERIFY_LOG_VAR}%/*}" ]]; then "__doctest_orig$fn" "$@"; return; fi`,
    `  printf 'started\twait\t%s\n' "$fn\${*:+ $*}" >>"${log}"`,
    '  "__doctest_orig$fn" "$@"; status=$?',
    `  printf '%s\twait\t%s\n' "$([[ $status -eq 0 ]] && echo passed || echo failed)" "$fn\${*:+ $*}" >>"${log}"`,
    '  return $status',
    '}',
    'for __doctest_fn in $(compgen -A function _wait_for_); do',
    '  [[ $(type -t "__doctest_orig$__doctest_fn") == function ]] && continue',
    '  eval "__doctest_orig$(declare -f "$__doctest_fn")"',
    '  eval "$__doctest_fn() { __doctest_wait $__doctest_fn \\\"\\$@\\\"; }"',
    'done',
    'unset __doctest_fn',
  ];
}
