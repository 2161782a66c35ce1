// The few parts of mvdan-sh's (untyped, GopherJS-built) API the plan and the script reader use.
declare module 'mvdan-sh' {
  export interface Pos {
    Line(): number;
    Col(): number;
    Offset(): number;
  }
  export interface ShNode {
    Pos(): Pos;
    End(): Pos;
    [key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  const sh: {
    syntax: {
      NewParser(...options: unknown[]): { Parse(src: string, name: string): ShNode };
      NodeType(node: unknown): string;
      Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
    };
  };
  export default sh;
}
