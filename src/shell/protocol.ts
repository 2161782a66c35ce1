// The text the runner and its bash say to each other: the lines the runner writes to the shell's command FIFO, and the
// reports the shell writes back on its control descriptor. Pure string builders and a parser; nothing here spawns.
//
// Channels: bash reads its commands from a FIFO it opened as its script (bash keeps that descriptor at 255, close-on-exec,
// and moves it out of the way of a step's own redirections), and reports on descriptor 254 (a socket: no other process
// can open it from /proc to read what is on its way). A command's end (its status) is reported by bash itself, not by
// a command: right after the step, an arithmetic command whose input redirection names a path that cannot exist, so bash writes
// its own error message, the path with the per-command token and `$?` expanded in it, to 254. No simple command runs
// between the step and that message, so no page trap (DEBUG, RETURN, ERR), function, alias or variable of the page can
// see the token or change the status (docs/session.md). The other reports (started, saved) carry the session's secret
// and the command's token, and only keep the runner's books: forged, they cannot make a step pass.

/** Environment variable holding the page's token: every process the page starts inherits it, so none can hide. */
export const RUN_TOKEN_VAR = 'ISTIO_DOCTEST_RUN';
/** Environment variable holding the number of the command being run, to find the processes one step started. */
export const STEP_VAR = 'ISTIO_DOCTEST_STEP';
/** The descriptor bash writes the end-of-command reports to (255 is bash's own, its command input). */
export const CONTROL_FD = 254;
/** Exit status of a shell that saved its state on the runner's request (SIGUSR1) and exited. */
export const ABORT_SAVED = 86;
/** A periodic full save is due once this many times its own last cost has passed since it ended (at most ~5% of the time). */
export const SAVE_SPACING = 20;
/** The last line of a whole state file, before the number of the command it was saved after (or during). */
export const STATE_END = '# istio-doctest: the state of command ';

/** The files of one command: its text, where its output goes, and the state file its state is saved to. */
export interface StepFiles {
  stepFile: string;
  outFile: string;
  stateFile: string;
}

// Quotes a string for bash (single quotes, with embedded ones closed and escaped).
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The path in the end report's redirection: under /dev/null, so opening it always fails (`Not a directory`). */
export const END_PATH = '/dev/null/istio-doctest-end';

/**
 * The syntax that reports a command's end: an arithmetic command (an operator, never an alias) whose input redirection
 * names `END_PATH` followed by the command's token, its number, `$?` (the step's status, expanded before anything else
 * runs) and `$!`. The redirection fails before the command itself starts, so neither a DEBUG trap nor xtrace sees it,
 * and bash writes its own error message with that path to the control descriptor (no fork: a subshell here cost a
 * page step several milliseconds on a loaded machine). Its failure is the left side of `&&`, so a page's `set -e` does
 * not end the shell on it, an ERR trap does not run, and the `\:` after it never runs (nor is traced).
 */
export function endReport(token: string, seq: number, status = '$?'): string {
  return `(( 0 )) 2>&${CONTROL_FD} <"${END_PATH} ${token} ${seq} ${status} \${!:-0}" && \\:`;
}

/**
 * The command that reports, after the end, whether the command's state was saved (`0`, `d` deferred, else the save's
 * failing status) and whether its output was captured (`0`; `1`: its output file could not be opened, e.g. under
 * `ulimit -n`). It carries the command's token, which a DEBUG trap or a function sees here only once bash's own end
 * report is out: a step that forged an end earlier (having read its token where it should not) is then caught by the
 * second, different end before this report lets the runner answer.
 */
export function savedLine(token: string, seq: number, saved: string, captured = '0'): string {
  return `builtin printf '\\036%s %s saved %s %s\\n' ${token} ${seq} ${saved} ${captured} >&${CONTROL_FD}`;
}

/**
 * How the step's file is run: `.` (quoted, so no alias applies) with POSIX mode switched on by an arithmetic assignment
 * inside the command word itself, before the command is looked up (in POSIX mode a special builtin is found before any
 * function, so a page's function named `.` or `source` is not what runs); if POSIX mode could not be switched on
 * (`POSIXLY_CORRECT` a nameref), the word keeps the options' names and no command of that name exists.
 */
export function sourceWord(stepFile: string): string {
  return `\\.\${-:0:$(( (POSIXLY_CORRECT=1)*0 ))}\${SHELLOPTS/*posix*/} ${shellQuote(stepFile)}`;
}

/**
 * The line the shell runs for a command: the page's tracing and verbose options and whether it was in POSIX mode set
 * aside (so the runner's own commands never reach the step's output), its descriptors set (nothing for bash to save and
 * restore; whether the output file could be opened noted), its processes marked with its number, the file its state
 * goes to named, its start reported, the step run (`sourceWord`; its file puts the page's options back first, see
 * `stepText`), its end reported by bash itself (`endReport`), then its state saved or checked to be savable, history
 * set aside (the next runner line must not enter the page's history), and what was saved reported. Short: bash reads a
 * byte at a time.
 */
export function stepLine(secret: string, seq: number, files: StepFiles, token: string): string {
  const { stepFile, outFile, stateFile } = files;
  return (
    `{ __istio_doctest_o=$- __istio_doctest_x=\${SHELLOPTS/*posix*/p}; set +xv; } 2>/dev/null; exec </dev/null >|${shellQuote(outFile)} 2>&1 && __istio_doctest_c=0 || __istio_doctest_c=1; export ${STEP_VAR}=${seq}; __istio_doctest_f=${shellQuote(stateFile)} __istio_doctest_n=${seq}; builtin printf '\\036%s %s started\\n' ${secret} ${seq} >&${CONTROL_FD}; ${sourceWord(stepFile)}; ${endReport(token, seq)}; ` +
    `{ __istio_doctest_after; __istio_doctest_h=; [[ -o history ]] && __istio_doctest_h=1; set +o history; ${savedLine(token, seq, '"$__istio_doctest_t"', '"$__istio_doctest_c"')}; } 2>/dev/null\n`
  );
}

/**
 * The text of a step's file: first, on the command's own first line (so bash's line numbers stay the page's), POSIX
 * mode switched off again (unless the page had it on; `unset` is a special builtin, found before a page's function),
 * the page's history, verbose and tracing options put back as the page left them, tracing last so that only the
 * page's own commands are traced; then the command.
 */
export function stepText(command: string): string {
  const restore = '[[ ${__istio_doctest_x-} == p ]] || unset POSIXLY_CORRECT; [[ -n ${__istio_doctest_h-} ]] && set -o history; [[ ${__istio_doctest_o-} == *v* ]] && set -v; [[ ${__istio_doctest_o-} == *x* ]] && set -x; ';
  return `${restore}${command.endsWith('\n') ? command : `${command}\n`}`;
}

/**
 * The first line a new shell runs: pipefail, the page's folder, the saved state of a shell it replaces (if any), the
 * runner's traps and functions, then the reports that it is ready (command `seq`, status 0).
 */
export function startLine(options: { cwd: string; stateFile?: string; traps: string; secret: string; savingSecret: string; seq: number; token: string }): string {
  const restore = options.stateFile ? `source ${shellQuote(options.stateFile)} >/dev/null 2>&1; ` : '';
  return `set -o pipefail; cd -- ${shellQuote(options.cwd)}; ${restore}${setupLine(options.traps, options.savingSecret)}${endReport(options.token, options.seq, '0')}; ${savedLine(options.token, options.seq, '0')}\n`;
}

/**
 * Moves the report channel to its descriptor and defines how the state is kept. A full save (every variable and
 * function) costs milliseconds with istio.io's hundreds of snippets, so it is not made after every command: the EXIT
 * trap saves the state when a step exits the shell (`exit`, `set -e`), the SIGUSR1 trap when the runner ends a step,
 * and after a command the shell only checks, with builtins, that both traps are still the runner's and that the state
 * file can be written. A full save is still made after a command when the page replaced either trap, and at most every
 * SAVE_SPACING times its own cost (for a shell that ends without its traps: `exec`, SIGKILL). The state file is written
 * with `>|` (a page's `set -o noclobber` must not stop it) and ends with a line naming the command, so the runner can
 * tell a whole save of this command from an older or broken file; the save's status is kept for the report (`d`: deferred).
 */
export function setupLine(traps: string, savingSecret: string): string {
  const save = `{ declare -p; declare -f; alias -p; shopt -p; set +o; builtin printf 'cd -- %q\\n${STATE_END}%s\\n' "$PWD" "$2"; } >|"$1" && __istio_doctest_t=0 || __istio_doctest_t=$?`;
  const guarded = `{ builtin trap -p EXIT USR1 >&3; builtin printf '\\0' >&3; IFS= builtin read -r -d '' __istio_doctest_p <&3; } 3<>${shellQuote(traps)} && [[ $__istio_doctest_p == "$__istio_doctest_w" ]]`;
  const after = [
    'local now=${EPOCHREALTIME-}; now=${now//[!0-9]/}',
    `if (( now < \${__istio_doctest_due:-0} )) && __istio_doctest_guarded; then : >>"$__istio_doctest_f" && __istio_doctest_t=d || __istio_doctest_t=$?`,
    `else __istio_doctest_save "$__istio_doctest_f" "$__istio_doctest_n"; local end=\${EPOCHREALTIME-}; end=\${end//[!0-9]/}; __istio_doctest_due=$(( end + ${SAVE_SPACING} * (end - now) )); fi`,
  ].join('; ');
  // The exit and abort traps first say they are saving, so the runner waits for a slow save instead of killing it.
  const saying = `builtin printf '\\036%s %s saving\\n' ${savingSecret} "\${__istio_doctest_n-}" >&${CONTROL_FD}`;
  const onExit = `[[ -n \${__istio_doctest_e-} ]] || { ${saying}; __istio_doctest_save "\${__istio_doctest_f-}" "\${__istio_doctest_n-}"; }`;
  const onAbort = `${saying}; __istio_doctest_save "\${__istio_doctest_f-}" "\${__istio_doctest_n-}"; __istio_doctest_e=1; exit ${ABORT_SAVED}`;
  return (
    `exec ${CONTROL_FD}>&1 >/dev/null </dev/null; __istio_doctest_e= __istio_doctest_due=0; ` +
    `__istio_doctest_save() { ${save}; }; __istio_doctest_guarded() { ${guarded}; }; __istio_doctest_after() { ${after}; }; ` +
    `__istio_doctest_exit() { ${onExit}; }; __istio_doctest_abort() { ${onAbort}; }; ` +
    `trap '{ __istio_doctest_exit; } 2>/dev/null' EXIT; trap '{ __istio_doctest_abort; } 2>/dev/null' USR1; ` +
    `__istio_doctest_w=; { __istio_doctest_guarded || :; __istio_doctest_w=$__istio_doctest_p; } 2>/dev/null; `
  );
}

/** After a command: its state written to the file, or kept by a shell whose exit and abort traps will write it, or neither. */
export type Saving = 'saved' | 'deferred' | 'failed';

/** One report line of the shell, as the runner reads it. */
export type Report =
  | { kind: 'started'; seq: number }
  | { kind: 'ended'; seq: number; token: string; status: number; background: number }
  | { kind: 'saved'; seq: number; token: string; saving: Saving; captured: boolean }
  | { kind: 'saving' }
  | { kind: 'foreign' };

// Bash's message for the end report's redirection: `<$0>: line N: /dev/null/istio-doctest-end TOKEN SEQ STATUS BG: <error>`.
const END_RE = new RegExp(`${END_PATH.replace(/\//g, '\\/')} ([0-9a-f]{32}) (\\d+) (\\d+) (\\d+):`);
// The save report: `\x1e TOKEN SEQ saved SAVED CAPTURED`.
const SAVED_RE = /\x1e([0-9a-f]{32}) (\d+) saved (\S+) (\S+)/;

/**
 * Reads one line of the control channel: a command's end (bash's own message) or its save report, each carrying the
 * command's token (which the caller checks), a start (carrying the secret), the traps' saving notice (carrying its own
 * secret), or anything else, which a step wrote to an inherited descriptor and counts for nothing.
 */
export function parseReport(line: string, secret: string, savingSecret: string): Report {
  const end = END_RE.exec(line);
  if (end) return { kind: 'ended', token: end[1], seq: Number(end[2]), status: Number(end[3]), background: Number(end[4]) };
  const saved = SAVED_RE.exec(line);
  if (saved) return { kind: 'saved', token: saved[1], seq: Number(saved[2]), saving: saved[3] === '0' ? 'saved' : saved[3] === 'd' ? 'deferred' : 'failed', captured: saved[4] === '0' };
  const at = line.lastIndexOf(`\x1e${secret} `);
  if (at >= 0) {
    const [seq, what] = line.slice(at + secret.length + 2).split(' ');
    return what === 'started' ? { kind: 'started', seq: Number(seq) } : { kind: 'foreign' };
  }
  if (line.includes(`\x1e${savingSecret} `)) return { kind: 'saving' };
  return { kind: 'foreign' };
}
