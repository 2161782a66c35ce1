// The part of mvdan-sh (mvdan/sh compiled to JavaScript by GopherJS) this project uses; the package ships no types.
declare module 'mvdan-sh' {
  /** A node of the syntax tree; which fields it has depends on `syntax.NodeType(node)`. */
  export interface ShNode {
    [field: string]: any;
  }
  export interface ShParser {
    /** Parses a whole script; throws a parse error (with `Error()` for its message) on bad input. */
    Parse(src: string, name: string): ShNode;
  }
  const sh: {
    syntax: {
      NewParser(...options: unknown[]): ShParser;
      Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
      NodeType(node: ShNode): string;
    };
  };
  export default sh;
}
