import { join } from 'node:path';
import { corpus, corpusPresent } from '../../test/corpus.js';
import { loadPages } from '../app/pages.js';
import { parsePage } from '../page/parse.js';
import { buildPlan } from './build-plan.js';
import { programsOf, shellFacts } from './programs.js';

describe('the programs a command calls', () => {
  test.each<[string, string, string[]]>([
    ['quoted pattern with pipes', `istioctl proxy-config cluster "$POD" | grep '^outbound|443||' | wc -l`, ['istioctl', 'grep', 'wc']],
    ['sed script with braces and semicolons', `kubectl logs x | sed ':start;{N;b start}'`, ['kubectl', 'sed']],
    ['SQL inside a quoted argument', `kubectl exec "$MYSQL" -- mysql -u root -e "update ratings set rating=1;select * from ratings;"`, ['kubectl']],
    ['a placeholder in an assignment', 'VAR="<the name of your cluster>"', []],
    ['assignments before the program', 'FOO=1 BAR=2 helm install x y', ['helm']],
    ['command substitutions and process substitutions', 'export GATEWAY=$(kubectl get svc -o jsonpath={.x}); diff <(sort a) b', ['kubectl', 'diff', 'sort']],
    ['a heredoc body is data, a program after it is not', "cat <<EOF | kubectl apply -f -\napiVersion: v1\nselect * from x;\nEOF\njq . f", ['cat', 'kubectl', 'jq']],
    ['builtins are not programs', 'shopt -s expand_aliases; set -e; source x.sh; read -r a; cd /tmp; exit 0', []],
    ['exec and command run what follows; command -v only looks', 'exec kubectl proxy; command -v jq', ['kubectl']],
    ['a function defined mid-line is not a program later in the line', 'f() { kubectl get ns; }; f', ['kubectl']],
    ['an alias is not a program, what it stands for is', "alias k='kubectl -n x'; k get pods", ['kubectl']],
  ])('%s', (_name, command, expected) => {
    const facts = shellFacts(command);
    expect(programsOf(command, new Set([...facts.functions, ...facts.aliases]))).toEqual(expected);
  });

  test('a function declared inside another, as istio.io\'s traffic-shifting test.sh has it, is no program', () => {
    const statement = [
      'function reviews_v3_traffic_percentage() {',
      '  function is_in_range() {',
      '    (( $2 - 10 < $1 && $1 < $2 + 10 ))',
      '  }',
      '  for i in 0 25 50 75 100; do',
      '    if is_in_range "$v3_count" "$i"; then echo "$i"; fi',
      '  done',
      '  kubectl get pods | grep curl',
      '}',
    ].join('\n');
    expect(programsOf(statement)).toEqual(['kubectl', 'grep']);
  });

  test('text bash cannot parse yields no program, and says so', () => {
    expect(shellFacts('echo "unterminated')).toEqual({ calls: [], functions: [], aliases: [], unparsed: true, opaque: false });
  });

  test('functions and aliases defined anywhere in the page, even after their first use, are not required (what an alias stands for is)', () => {
    const block = (command: string) => `{{< text bash >}}\n$ ${command}\n{{< /text >}}\n\n`;
    const page = parsePage('page.md', `---\ntitle: t\ntest: yes\n---\n\n## Steps\n\n${block('join_by , a b; k get pods')}${block('join_by() { local IFS="$1"; shift; echo "$*"; }')}${block('alias k=kubectl')}`);
    expect(buildPlan(page).programs).toEqual(['kubectl']);
  });

  const present = corpusPresent('the corpus programs test');
  (present ? test : test.skip)('over the English corpus, the programs found are program names, not words of quoted text', () => {
    const { pages } = loadPages([join(corpus, 'content/en')]);
    const found = new Set(pages.flatMap((page) => buildPlan(page).programs));
    for (const real of ['kubectl', 'istioctl', 'curl', 'helm', 'jq', 'openssl', 'az', 'ibmcloud', 'minikube', 'sudo']) expect(found).toContain(real);
    for (const junk of ['443', '9080', 'b', 'select', 'drop', 'GRANT', 'name', 'of', 'this is', 'Kubernetes', 'certificate', '-c', 'pod/', 'shopt', 'join_by']) expect(found).not.toContain(junk);
  });
});
