import { join, relative } from 'node:path';
import { loadPage } from '../src/page/load.js';

const root = relative(process.cwd(), join(__dirname, '..'));
const seed = (lang: string) => loadPage(join(root, 'content', lang, 'docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md'));

describe.each(['es', 'uk', 'zh'])('the %s seed page', (lang) => {
  const page = seed(lang);

  test('is a valid Hugo page marked for testing, with no diagnostics', () => {
    expect(page.isHugo).toBe(true);
    expect(page.frontMatter.test).toBe('yes');
    expect(page.diagnostics).toEqual([]);
    expect(page.lang).toBe(lang);
  });

  test('has 22 blocks, all bash, with 25 commands', () => {
    expect(page.blocks).toHaveLength(22);
    expect(page.blocks.every((b) => b.syntax === 'bash')).toBe(true);
    expect(page.blocks.flatMap((b) => b.steps ?? [])).toHaveLength(25);
  });

  test('includes the egress boilerplate of its own language, with its three commands', () => {
    expect(page.includes).toHaveLength(1);
    const boilerplate = page.includes[0];
    expect(boilerplate.name).toBe('before-you-begin-egress');
    expect(boilerplate.file).toContain(`content/${lang}/boilerplates/before-you-begin-egress.md`);
    const commands = boilerplate.page!.blocks.flatMap((b) => b.steps!.map((s) => s.command));
    const sample = lang === 'es' ? 'curl' : 'sleep';
    expect(commands).toEqual([
      `kubectl apply -f samples/${sample}/${sample}.yaml`,
      `kubectl apply -f <(istioctl kube-inject -f samples/${sample}/${sample}.yaml)`,
      `export SOURCE_POD=$(kubectl get pod -l app=${sample} -o jsonpath={.items..metadata.name})`,
    ]);
  });

  test('the heredoc `kubectl apply -f - <<EOF` steps hold the whole YAML and expect no output', () => {
    const applies = page.blocks.flatMap((b) => b.steps!).filter((s) => s.command.startsWith('kubectl apply -f - <<EOF'));
    expect(applies).toHaveLength(5);
    for (const step of applies) {
      expect(step.command.split('\n').pop()).toBe('EOF');
      expect(step.expected).toBe('');
    }
    expect(applies[0].command).toBe(
      'kubectl apply -f - <<EOF\nkind: Service\napiVersion: v1\nmetadata:\n  name: my-httpbin\nspec:\n  type: ExternalName\n  externalName: httpbin.org\n  ports:\n  - name: http\n    protocol: TCP\n    port: 80\nEOF',
    );
  });

  test('the `kubectl get svc my-httpbin` step expects the two-line table', () => {
    const step = page.blocks.flatMap((b) => b.steps!).find((s) => s.command === 'kubectl get svc my-httpbin')!;
    expect(step.expected).toBe(
      'NAME         TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nmy-httpbin   ExternalName   <none>       httpbin.org   80/TCP    4s',
    );
  });

  test('the cleanup blocks hold several commands, one step each', () => {
    const multi = page.blocks.filter((b) => b.steps!.length > 1);
    expect(multi.map((b) => b.steps!.map((s) => s.command))).toEqual([
      ['kubectl delete destinationrule my-httpbin', 'kubectl delete service my-httpbin'],
      ['kubectl delete destinationrule my-wikipedia', 'kubectl delete endpoints my-wikipedia', 'kubectl delete service my-wikipedia'],
    ]);
  });
});

describe('seed page specifics', () => {
  test('the es page fetches the English Wikipedia page but expects a translated title', () => {
    const titles = seed('es').blocks.flatMap((b) => b.steps!).filter((s) => s.command.includes('<title>'));
    expect(titles.map((s) => s.expected)).toEqual(['<title>Wikipedia, la enciclopedia libre</title>', '<title>Wikipedia, la enciclopedia libre</title>']);
  });

  test('uk and zh headings carry anchors that give the section names of their ids', () => {
    expect(seed('uk').blocks.map((b) => b.id)).toContain('snip_cleanup_of_kubernetes_externalname_service_1');
    expect(seed('zh').blocks.map((b) => b.id)).toContain('snip_cleanup_1');
  });
});
