// A small istio.io-like checkout in a temporary folder: an English page with its test.sh, a Ukrainian translation
// that lacks one of its blocks, and stand-ins for istio.io's tests/util helper files.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const en = `---
title: Demo
test: yes
---
## Greet {#greet}

{{< text bash >}}
$ echo "hello  world"
hello  world
{{< /text >}}

## Count {#count}

{{< text bash >}}
$ printf 'one\\ntwo\\n'
one
two
{{< /text >}}

## Cleanup {#cleanup}

{{< text bash >}}
$ echo bye
{{< /text >}}
`;

// The translation dropped the Count section.
const uk = `---
title: Демо
test: yes
---
## Привітання {#greet}

{{< text bash >}}
$ echo "hello  world"
hello  world
{{< /text >}}

## Очищення {#cleanup}

{{< text bash >}}
$ echo bye
{{< /text >}}
`;

export const SCRIPT = `#!/usr/bin/env bash
# @setup profile=none

set -e
_verify_same snip_greet_1 "$snip_greet_1_out"
check_count() {
  _verify_contains snip_count_1 "two"
}
check_count
_verify_lines snip_count_1 "
+ one
- three
"

# @cleanup
snip_cleanup_1
touch "$DOCTEST_MARKS/cleaned-$RANDOM"
`;

const slow = `---
title: Slow
test: yes
---
## Start {#start}

{{< text bash >}}
$ echo started
started
{{< /text >}}
`;

const slowScript = `# @setup profile=none
set -e
snip_start_1
sleep 60
# @cleanup
touch "$DOCTEST_MARKS/slow-cleaned"
`;

// verify.sh that would end the shell at the first call: the session must use ours instead.
const verifySh = `_verify_same() { echo "istio.io verify.sh was called"; exit 3; }\n_verify_contains() { exit 3; }\n_verify_lines() { exit 3; }\n`;

/** Writes the site and returns its root (the folder holding content/ and tests/). */
export function makeScriptSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'doctest-script-site-'));
  const files: Record<string, string> = {
    'content/en/docs/demo/index.md': en,
    'content/en/docs/demo/test.sh': SCRIPT,
    'content/uk/docs/demo/index.md': uk,
    'content/en/docs/slow/index.md': slow,
    'content/en/docs/slow/test.sh': slowScript,
    'tests/util/verify.sh': verifySh,
    'tests/util/debug.sh': 'echo "Creating test debug file: ${TEST_DEBUG_FILE}"\nexec {FD}> "${TEST_DEBUG_FILE}"\nexport BASH_XTRACEFD="${FD}"\nset -x\n',
    'tests/util/helpers.sh': '_wait_for_nothing() { :; }\n',
  };
  writeTree(root, files);
  return root;
}

/** Writes files (path in the folder → text) under a folder, making the folders they need. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
