// The plain values of a parsed YAML file (doctest.yaml, data/args.yml), with `yaml`'s alias limit: a YAML alias bomb
// (nested `*aliases` that expand to billions of values) is a positioned message in milliseconds, never an exception.
import type { Document } from 'yaml';
import { yamlLibrary } from './yaml-library.js';

/** The `maxAliasCount` of `yaml`'s toJS (its own default): aliases times the nodes they copy. */
export const MAX_ALIAS_COUNT = 100;

export type YamlValues = { ok: true; data: unknown } | { ok: false; line: number; message: string };

// Converts a document to plain values, refusing one whose aliases expand past the limit (or refer to themselves).
export function yamlValues(document: Document, text: string): YamlValues {
  try {
    return { ok: true, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const reason = /Excessive alias count/.test(error.message) ? `its aliases expand past ${MAX_ALIAS_COUNT} copied values (a YAML alias bomb?)` : error.message;
    return { ok: false, line: firstAliasLine(document, text), message: `not valid YAML: ${reason}` };
  }
}

// The line of the first alias (`*name`) of a document, where an expansion starts; 1 when there is none.
function firstAliasLine(document: Document, text: string): number {
  let offset: number | undefined;
  const { isAlias, visit } = yamlLibrary();
  visit(document, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset === undefined ? 1 : text.slice(0, offset).split('\n').length;
}
