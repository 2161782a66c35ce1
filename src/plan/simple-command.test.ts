import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, corpusPresent } from '../../test/corpus.js';
import { findPages } from '../page/load.js';
import { parsePage } from '../page/parse.js';
import { parsedFacts, shellFacts, SIMPLE_RULES as rules } from './programs.js';
import { simpleFacts } from './simple-command.js';


describe('a plain one-line command read without the parser', () => {
  test.each<[string, string, string[] | undefined]>([
    ['one program', 'kubectl get pods -n istio-system', ['kubectl']],
    ['a pipeline and lists', 'kubectl get svc -n foo | grep 8080 && istioctl x precheck || echo failed; kind get clusters', ['kubectl', 'grep', 'istioctl', 'kind']],
    ['assignments before the program, and alone', 'FOO=1 BAR+=2 helm install x y; ZONE=us-west1', ['helm']],
    ['builtins are no programs', 'cd /tmp; export KUBECONFIG=/tmp/kc; echo done', []],
    ['exec runs what follows', 'exec kubectl proxy', ['kubectl']],
    ['quotes go to the parser', `kubectl get pods -o 'jsonpath={.items}'`, undefined],
    ['expansions go to the parser', 'kubectl get pods -n $NS', undefined],
    ['redirections go to the parser', 'kubectl get pods > pods.txt', undefined],
    ['a background job goes to the parser', 'kubectl proxy &', undefined],
    ['keywords go to the parser', 'for i in 1 2; do echo; done', undefined],
    ['an alias goes to the parser', 'alias k=kubectl', undefined],
    ['an empty part goes to the parser (a syntax error there)', 'kubectl get pods |', undefined],
    ['several lines go to the parser', 'kubectl get ns\nkubectl get pods', undefined],
  ])('%s', (_name, command, calls) => {
    expect(simpleFacts(command, rules)?.calls).toEqual(calls);
  });

  const present = corpusPresent('the plain-line reading against the parser on every corpus command');
  (present ? test : test.skip)('on every command of the en corpus it reads, it says what the parser says', () => {
    let read = 0;
    let commands = 0;
    const differ: string[] = [];
    for (const file of findPages([join(corpus, 'content', 'en')]).files) {
      const page = parsePage(file, readFileSync(file, 'utf8'));
      for (const block of page.blocks) {
        for (const step of block.steps ?? []) {
          commands++;
          const fast = shellFacts(step.command);
          const slow = parsedFacts(step.command);
          if (JSON.stringify(fast) !== JSON.stringify(slow)) differ.push(step.command);
          else if (/^[\w\-./:=,@%+ \t|&;]*$/.test(step.command)) read++;
        }
      }
    }
    process.stdout.write(`plain lines read without the parser: ${read} of ${commands} commands\n`);
    expect(differ).toEqual([]);
    // Most commands of the corpus are plain lines: the parser is spared for them.
    expect(commands).toBeGreaterThan(2500);
    expect(read).toBeGreaterThan(commands / 5);
  });
});
