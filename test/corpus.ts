// Where the shared istio.io corpus and goldens are, for tests that run only when they are present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const shared = join(__dirname, '../../shared');
export const corpus = join(shared, 'corpus/istio.io');
export const goldens = join(shared, 'goldens/snips');

// Whether the corpus is here; when it is not, says so once, so a skipped suite is never silent.
export function corpusPresent(what: string): boolean {
  const present = existsSync(join(corpus, 'content'));
  if (!present) process.stdout.write(`skipping ${what}: ${corpus} is absent (it is shared beside the project in CI)\n`);
  return present;
}
