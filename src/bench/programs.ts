// `npm run measure:programs -- DIR`: the programs the run plans of a whole site call, as the preflight sees them
// (every page, whatever its test flag): pages, programs per page, and every distinct name with the pages using it.
import { loadPages } from '../app/pages.js';
import { buildPlan } from '../plan/build-plan.js';

const dir = process.argv[2] ?? '../shared/corpus/istio.io/content';
const started = performance.now();
const { pages } = loadPages([dir]);
const pagesOf = new Map<string, number>();
let total = 0;
for (const page of pages) {
  const { programs } = buildPlan(page);
  total += programs.length;
  for (const program of programs) pagesOf.set(program, (pagesOf.get(program) ?? 0) + 1);
}
const names = [...pagesOf].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
process.stdout.write(
  `${pages.length} pages, ${total} programs found (${(total / pages.length).toFixed(2)} per page), ${names.length} distinct, ` +
    `${Math.round(performance.now() - started)} ms\n${names.map(([name, n]) => `${name} ${n}`).join('\n')}\n`,
);
