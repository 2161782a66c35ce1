import { readStatements } from './script-statements.js';

const read = (text: string, line = 1) => {
  const result = readStatements('test.sh', { text, line });
  if (!result.ok) throw new Error(result.diagnostics[0].message);
  return result.statements;
};

describe('readStatements', () => {
  test('a verify call is recognised with its mode function, snippet, literal or variable expectation, and per-call settings', () => {
    const [literal, variable, expanded] = read(
      ['_verify_contains snip_a "\\"Host\\": \\"x"', 'VERIFY_TIMEOUT=5 _verify_same snip_b "$snip_b_out"', '_verify_like snip_c "$GATEWAY_URL/x"'].join('\n'),
      10,
    );
    expect(literal).toMatchObject({ kind: 'verify', fn: '_verify_contains', snippet: 'snip_a', expect: { literal: '"Host": "x' }, line: 10 });
    expect(variable).toMatchObject({ kind: 'verify', fn: '_verify_same', snippet: 'snip_b', expect: { variable: 'snip_b_out' }, env: { VERIFY_TIMEOUT: '5' } });
    expect(expanded).toMatchObject({ kind: 'verify', expect: { source: '"$GATEWAY_URL/x"' } });
  });

  test('heredocs stay with their statement, comments after it do not, and lines count from the part\'s first line', () => {
    const statements = read('kubectl apply -f - <<EOF\nkind: Service\n# not a comment to drop\nEOF\n# a comment\n\nsnip_x\n', 20);
    expect(statements.map((s) => [s.kind, s.line, s.text])).toEqual([
      ['shell', 20, 'kubectl apply -f - <<EOF\nkind: Service\n# not a comment to drop\nEOF'],
      ['call', 26, 'snip_x'],
    ]);
  });

  test('verify calls inside functions and loops are listed as nested; exports and unsets of VERIFY_* are settings', () => {
    const [fn, exp, unset, source] = read('check() {\n  _verify_same snip_a "$out"\n}\nexport VERIFY_TIMEOUT=300\nunset VERIFY_DELAY\nsource "tests/util/samples.sh"\n');
    expect(fn).toMatchObject({ kind: 'shell', defines: ['check'], nestedVerifies: [{ fn: '_verify_same', snippet: 'snip_a', line: 2 }] });
    expect(exp).toMatchObject({ kind: 'shell', sets: { VERIFY_TIMEOUT: '300' } });
    expect(unset).toMatchObject({ sets: { VERIFY_DELAY: null } });
    expect(source).toMatchObject({ kind: 'source', path: 'tests/util/samples.sh' });
  });

  test('a script bash cannot parse is one error at its line in the script', () => {
    const result = readStatements('test.sh', { text: 'snip_a\nif then\n', line: 30 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ file: 'test.sh', line: 31, ruleId: 'script-syntax' });
  });
});
