import { splitBashSteps } from './bash-steps.js';

const split = (text: string) => splitBashSteps({ file: 'page.md', lines: text.split('\n'), firstLine: 10, column: 1 });

describe('splitting a bash block into steps', () => {
  test('each `$ ` line starts a command and the lines after it are its expected output', () => {
    const { steps, diagnostics } = split('$ kubectl get ns\nNAME      STATUS   AGE\ndefault   Active   5d\n$ echo done\ndone');
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      { command: 'kubectl get ns', line: 10, endLine: 10, expected: 'NAME      STATUS   AGE\ndefault   Active   5d', expectedLine: 11 },
      { command: 'echo done', line: 13, endLine: 13, expected: 'done', expectedLine: 14 },
    ]);
  });

  test('a line ending in a backslash continues the command, even when the next line starts with `$ `', () => {
    const { steps } = split('$ kubectl label namespace default \\\n    istio-injection=enabled \\\n$ --overwrite\nnamespace/default labeled');
    expect(steps).toHaveLength(1);
    expect(steps[0].command).toBe('kubectl label namespace default \\\n    istio-injection=enabled \\\n$ --overwrite');
    expect(steps[0].endLine).toBe(12);
    expect(steps[0].expected).toBe('namespace/default labeled');
  });

  test.each([
    ['<<EOF', 'EOF'],
    ['<<\\EOF', 'EOF'],
    ["<<'EOF'", 'EOF'],
    ['<< "END"', 'END'],
    ['<<ENDYAML', 'ENDYAML'],
  ])('a heredoc opened with %s runs to its %s line, over lines that start with `$ `', (operator, delimiter) => {
    const { steps, diagnostics } = split(`$ cat ${operator} > script.sh\n$ echo inside\nplain line\n${delimiter}\nafter`);
    expect(diagnostics).toEqual([]);
    expect(steps).toHaveLength(1);
    expect(steps[0].command).toBe(`cat ${operator} > script.sh\n$ echo inside\nplain line\n${delimiter}`);
    expect(steps[0].expected).toBe('after');
  });

  test('a `<<-` heredoc ends at its delimiter indented with tabs', () => {
    const { steps } = split('$ cat <<-EOF\n\tindented\n\tEOF\n$ echo next');
    expect(steps.map((s) => s.command)).toEqual(['cat <<-EOF\n\tindented\n\tEOF', 'echo next']);
  });

  test('two heredocs on one command line are read one after the other', () => {
    const { steps } = split('$ cat <<A; cat <<B\nfirst\nA\nsecond\nB\noutput');
    expect(steps[0].command).toBe('cat <<A; cat <<B\nfirst\nA\nsecond\nB');
    expect(steps[0].expected).toBe('output');
  });

  test('a here-string and a quoted `<<` are not heredocs', () => {
    const { steps } = split("$ grep x <<< \"$TEXT\"\nx\n$ echo '<<EOF'\n<<EOF");
    expect(steps.map((s) => [s.command, s.expected])).toEqual([
      ['grep x <<< "$TEXT"', 'x'],
      ["echo '<<EOF'", '<<EOF'],
    ]);
  });

  test('a heredoc that never reaches its delimiter is reported at the command line', () => {
    const { diagnostics } = split('$ kubectl apply -f - <<EOF\nkind: Namespace');
    expect(diagnostics).toMatchObject([{ ruleId: 'heredoc-unterminated', line: 10, severity: 'error' }]);
  });

  test('a block whose first line is not a command is reported once, at that line', () => {
    const { steps, diagnostics } = split('kubectl get pods\nmore text\n$ kubectl get svc');
    expect(diagnostics).toMatchObject([{ ruleId: 'bash-no-command', line: 10, severity: 'warning' }]);
    expect(steps.map((s) => s.command)).toEqual(['kubectl get svc']);
  });

  test('`kubectl exec -it` is an error: it hangs without a terminal', () => {
    const { diagnostics } = split('$ kubectl exec -it "$POD" -- sh\n$ kubectl exec -i "$POD" -- cat');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'kubectl-exec-it', line: 10, severity: 'error' });
  });

  test('trailing blank output lines are not part of the expected output', () => {
    const { steps } = split('$ echo hi\nhi\n\n');
    expect(steps[0].expected).toBe('hi');
  });
});
