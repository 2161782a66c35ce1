// Which namespaces a test touched, read from its commands: the failure diagnostics look at pods there.

/** A namespace name as Kubernetes accepts it (DNS label); `$NS` and other expansions are not names. */
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The namespaces named by `-n X`, `-nX`, `-n=X`, `--namespace X` or `--namespace=X` in the given commands, in order of
 * first use, after `default` (where commands without a namespace go). Only commands that call kubectl, istioctl or helm
 * count (`grep -n PATTERN` names no namespace).
 */
export function touchedNamespaces(commands: readonly string[]): string[] {
  const found = new Set<string>(['default']);
  for (const command of commands) {
    if (!/\b(kubectl|istioctl|helm)\b/.test(command)) continue;
    for (const m of command.matchAll(/(?:^|[\s;|&(])(?:-n[=\s]?|--namespace[=\s]+)(['"]?)([^\s'";|&)]+)\1/g)) {
      if (NAME.test(m[2])) found.add(m[2]);
    }
  }
  return [...found];
}
