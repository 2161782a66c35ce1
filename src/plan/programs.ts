// The programs a command calls first, for the runner's preflight: `kubectl`, `istioctl`, `curl`, `helm`...

const shellWords = new Set([
  // bash builtins and keywords: always there
  '.', ':', '[', '[[', 'alias', 'bg', 'break', 'builtin', 'case', 'cd', 'command', 'continue', 'declare', 'do', 'done', 'echo',
  'elif', 'else', 'esac', 'eval', 'exec', 'exit', 'export', 'false', 'fg', 'fi', 'for', 'function', 'hash', 'if', 'jobs', 'kill',
  'let', 'local', 'popd', 'printf', 'pushd', 'pwd', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'test', 'then',
  'time', 'trap', 'true', 'type', 'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'until', 'wait', 'while', '{', '}', '!', '((',
]);

// The first program of each simple command in a command line (after `VAR=value` assignments), skipping shell words.
export function programsOf(command: string, defined: Set<string> = new Set()): string[] {
  const firstLine = command.split('\n')[0];
  const programs: string[] = [];
  for (const part of firstLine.split(/\|\||&&|\$\(|<\(|[|;`]/)) {
    const words = part.trim().replace(/^\(+/, '').split(/\s+/).filter((w) => w !== '');
    let i = 0;
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++;
    const word = words[i];
    if (!word || shellWords.has(word) || defined.has(word) || !/^[\w./-]+$/.test(word) || word.startsWith('$')) continue;
    if (/^[\w-]+\(\)$/.test(word)) continue;
    programs.push(word);
  }
  return programs;
}

// Function names a command defines (`name() {` or `function name`), which later commands may call.
export function functionsDefinedBy(command: string): string[] {
  return [...command.matchAll(/(?:^|\n)\s*(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\)\s*\{?/g)].map((m) => m[1]);
}
