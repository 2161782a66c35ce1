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
    expect(fn).toMatchObject({ kind: 'shell', defines: ['check'], nested: [{ kind: 'verify', fn: '_verify_same', snippet: 'snip_a', scriptLine: 2, conditions: ['in function check'], inFunction: 'check' }] });
    expect(exp).toMatchObject({ kind: 'shell', sets: { VERIFY_TIMEOUT: '300' } });
    expect(unset).toMatchObject({ sets: { VERIFY_DELAY: null } });
    expect(source).toMatchObject({ kind: 'source', path: 'tests/util/samples.sh' });
  });

  test('verify and wait calls in branches, elif/else, case, loops and `&&` chains carry their script line and conditions', () => {
    const [gateway, loop, chain, wait] = read(
      [
        'if [ "$GATEWAY_API" == "true" ]; then',
        '  _verify_like snip_gtw_1 "$snip_gtw_1_out"',
        'elif [ -n "$X" ]; then',
        '  _wait_for_gateway istio-ingress gw',
        'else',
        '  _verify_like snip_ing_1 "$snip_ing_1_out"',
        'fi',
        'for d in a b; do',
        '  case $d in a) _wait_for_deployment default "$d" ;; *) _verify_same snip_x ok ;; esac',
        'done',
        'kubectl get ns foo && _verify_contains snip_y "foo"',
        '_wait_for_deployment istio-system istiod',
      ].join('\n'),
      30,
    );
    expect(gateway.nested).toEqual([
      { kind: 'verify', fn: '_verify_like', snippet: 'snip_gtw_1', call: '_verify_like snip_gtw_1 "$snip_gtw_1_out"', scriptLine: 31, conditions: ['if [ "$GATEWAY_API" == "true" ]'] },
      { kind: 'wait', fn: '_wait_for_gateway', call: '_wait_for_gateway istio-ingress gw', scriptLine: 33, conditions: ['elif [ -n "$X" ]'] },
      { kind: 'verify', fn: '_verify_like', snippet: 'snip_ing_1', call: '_verify_like snip_ing_1 "$snip_ing_1_out"', scriptLine: 35, conditions: ['else of if [ "$GATEWAY_API" == "true" ], elif [ -n "$X" ]'] },
    ]);
    expect(loop.nested.map((c) => [c.call, c.scriptLine, c.conditions])).toEqual([
      ['_wait_for_deployment default "$d"', 38, ['for d in a b', 'case $d in a)']],
      ['_verify_same snip_x ok', 38, ['for d in a b', 'case $d in *)']],
    ]);
    expect(chain.nested.map((c) => [c.snippet, c.conditions])).toEqual([['snip_y', ['when `kubectl get ns foo` succeeds']]]);
    // A statement that is one wait call is a step by itself, not a nested one.
    expect(wait).toMatchObject({ kind: 'shell', nested: [] });
  });

  test('a script bash cannot parse is one error at its line in the script', () => {
    const result = readStatements('test.sh', { text: 'snip_a\nif then\n', line: 30 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ file: 'test.sh', line: 31, ruleId: 'script-syntax' });
  });
});
