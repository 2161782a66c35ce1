// Parsing the parameters of a Hugo shortcode opener: positional and named, quoted or not.
import type { BlockAttributes } from './types.js';

const parameter = /\s*(?:([A-Za-z_][\w-]*)=)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/y;

// Splits `bash json snip_id=x syntax="yaml"` into positional and named values, as Hugo's shortcode lexer does.
export function parseAttributes(source: string): BlockAttributes {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  parameter.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (parameter.lastIndex < source.length && (match = parameter.exec(source)) !== null) {
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? match[4] ?? '');
    if (match[1] !== undefined) named[match[1]] = value;
    else positional.push(value);
  }
  return { positional, named };
}

// The syntax of a block's command part: `syntax=` wins over the first positional, as in istio.io's text shortcode.
export function blockSyntax(attributes: BlockAttributes): string {
  return attributes.named.syntax ?? attributes.positional[0] ?? 'plain';
}

// The syntax of a block's output part: `outputis=` or the second positional.
export function blockOutputSyntax(attributes: BlockAttributes): string | undefined {
  return attributes.named.outputis ?? attributes.positional[1];
}
