// The `yaml` package (documents with positions, for doctest.yaml and data/args.yml), required when a file is first
// read: loading it costs more than the rest of a one-step run's start-up, and most runs read no such file.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

// The package, required once.
export function yamlLibrary(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return loaded;
}
