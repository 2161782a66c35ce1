// What the plan knows of one command without running it: what it calls and what it defines.

/** What one command does that matters to the preflight. */
export interface ShellFacts {
  /** Names in command position, in order, once each, and what aliases it defines stand for (builtins left out; functions and aliases not yet). */
  calls: string[];
  /** Functions the command defines (`name() {`, `function name`), anywhere in it. */
  functions: string[];
  /** Aliases it defines (`alias k=kubectl`). */
  aliases: string[];
  /** Whether bash syntax could not be parsed (then `calls` is empty: nothing is invented). */
  unparsed: boolean;
  /** Whether something runs that `calls` cannot name: a command word that is not literal (`$KUBECTL get pods`), or a
   * builtin that runs other commands (`eval`, `source`, `trap`, `fg`...). */
  opaque: boolean;
}
