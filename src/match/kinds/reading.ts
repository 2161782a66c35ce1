// What the kind readers return.

export type Kind = 'timestamp' | 'uuid' | 'nodeport' | 'ipv6' | 'ipv4' | 'pod' | 'hex' | 'version' | 'age';

/** A value read at a position: where it ends and the forms it can stand for (`*` stands for any form). */
export interface Reading {
  kind: Kind;
  end: number;
  forms: string[];
}
