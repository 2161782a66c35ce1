// What the kind readers return.

/** Every kind of volatile value: the one list the kind type is derived from. */
export const KINDS = ['timestamp', 'uuid', 'nodeport', 'ipv6', 'ipv4', 'serial', 'pod', 'hex', 'version', 'age', 'header'] as const;

/** A kind of volatile value. */
export type Kind = (typeof KINDS)[number];

/** A value read at a position: where it ends and the forms it can stand for (`*` stands for any form). */
export interface Reading {
  kind: Kind;
  end: number;
  forms: string[];
}

/**
 * Reads a value of one kind at position i of s: strict on the expected side (is this value volatile?),
 * lenient on the actual side (is this any value of the kind?). `want` is the expected form, for kinds
 * whose actual value ends where the expected form says (an address whose port stays literal).
 */
export type Reader = (s: string, i: number, strict: boolean, want?: string) => Reading | null;
