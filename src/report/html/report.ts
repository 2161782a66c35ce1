// `report --html`: the translation overview as one self-contained HTML page. Plain template functions; every text from a
// page or a run is escaped by esc(). Formats the matrix it is given and decides nothing.
import { CELL_STATUSES, RUN_STATUSES, STATUS_LABELS, type BlockPair, type BlockSide, type Matrix, type MatrixCell, type MatrixRow } from '../../overview/matrix.js';
import type { StepRecord } from '../../overview/run-records.js';
import type { LineChange } from '../../translate/line-changes.js';
import { esc, idOf } from './escape.js';
import { SCRIPT, STYLE } from './style.js';

const RUN_LABELS = { passed: 'passed', failed: 'failed', 'not-run': 'not run' } as const;

/** The whole report page. */
export function htmlReport(matrix: Matrix, options: { title?: string; generated?: string } = {}): string {
  const title = options.title ?? 'istio-doctest: translation status';
  const details = matrix.rows.flatMap((row, r) => row.cells.filter(hasDetails).map((cell) => detailsOf(row, r, cell, matrix)));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${esc(matrix.rows.length)} page${matrix.rows.length === 1 ? '' : 's'}, reference language <strong>${esc(matrix.reference)}</strong>${matrix.runs ? ', with run results' : ''}${options.generated ? `, ${esc(options.generated)}` : ''}</p>
</header>
<main>
<section aria-labelledby="counts-title">
<h2 id="counts-title">Per language</h2>
${countsTable(matrix)}
</section>
<section aria-labelledby="pages-title">
<h2 id="pages-title">Pages</h2>
${filters(matrix)}
<div class="scroll" tabindex="0" role="region" aria-label="pages by language">
${matrixTable(matrix)}
</div>
</section>
<section aria-labelledby="details-title">
<h2 id="details-title">Details</h2>
${details.length > 0 ? details.join('\n') : '<p class="empty">Every translated page is the same as its reference.</p>'}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

// Whether a cell has a drill-down: drift to show, page notes, or failed steps.
function hasDetails(cell: MatrixCell): boolean {
  return cell.blocks.length > 0 || cell.notes.length > 0 || cell.failedSteps.length > 0;
}

// The table of counts: a row per standing (and run status), a column per language.
function countsTable(matrix: Matrix): string {
  const statuses = [...CELL_STATUSES, ...(matrix.runs ? RUN_STATUSES : [])].filter((s) => matrix.langs.some((l) => matrix.counts[l]?.[s]));
  const head = matrix.langs.map((l) => `<th scope="col">${esc(l)}</th>`).join('');
  const rows = statuses.map((s) => {
    const label = s in STATUS_LABELS ? STATUS_LABELS[s as keyof typeof STATUS_LABELS] : `run ${RUN_LABELS[s as keyof typeof RUN_LABELS]}`;
    const cls = s in STATUS_LABELS ? `s-${s}` : `r-${s}`;
    return `<tr data-status="${s}"><th scope="row"><span class="status ${cls}">${esc(label)}</span></th>${matrix.langs.map((l) => `<td data-lang="${esc(l)}">${esc(matrix.counts[l]?.[s] ?? 0)}</td>`).join('')}</tr>`;
  });
  return `<div class="scroll"><table class="counts"><thead><tr><th scope="col">standing</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

// The search box and the language and status filters (the table is whole without them).
function filters(matrix: Matrix): string {
  const langs = matrix.langs.map((l) => `<option value="${esc(l)}">${esc(l)}</option>`).join('');
  const statuses = CELL_STATUSES.map((s) => `<option value="${s}">${esc(STATUS_LABELS[s])}</option>`).join('');
  const runs = matrix.runs ? RUN_STATUSES.map((s) => `<option value="${s}">run ${esc(RUN_LABELS[s])}</option>`).join('') : '';
  return `<form id="filters" class="filters" role="search" aria-label="filter pages">
<label>Page path <input type="search" name="q" placeholder="e.g. egress" autocomplete="off"></label>
<label>Language <select name="lang"><option value="">any</option>${langs}</select></label>
<label>Standing <select name="status"><option value="">any</option>${statuses}${runs}</select></label>
<output id="shown" aria-live="polite"></output>
</form>`;
}

// The matrix: one row per page path, one cell per language, linking to its drill-down.
function matrixTable(matrix: Matrix): string {
  const head = matrix.langs.map((l) => `<th scope="col">${esc(l)}</th>`).join('');
  const rows = matrix.rows.map((row, r) => {
    const cells = row.cells.map((cell) => cellHtml(row, r, cell)).join('');
    return `<tr data-path="${esc(row.path)}"><th scope="row"><code>${esc(row.path)}</code></th>${cells}</tr>`;
  });
  return `<table class="matrix"><caption class="visually-hidden">Standing of each page in each language</caption><thead><tr><th scope="col">page</th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

// One cell: the standing (a link when there is a drill-down) and the run status.
function cellHtml(row: MatrixRow, r: number, cell: MatrixCell): string {
  const label = esc(STATUS_LABELS[cell.status]);
  const badge = hasDetails(cell)
    ? `<a class="status s-${cell.status}" href="#${detailsId(r, cell)}" title="${esc(cell.file ?? row.path)}">${label}</a>`
    : `<span class="status s-${cell.status}"${cell.file ? ` title="${esc(cell.file)}"` : ''}>${label}</span>`;
  const run = cell.run ? ` <span class="run r-${cell.run}">${esc(RUN_LABELS[cell.run])}</span>` : '';
  return `<td data-lang="${esc(cell.lang)}" data-status="${cell.status}"${cell.run ? ` data-run="${cell.run}"` : ''}>${badge}${run}</td>`;
}

// The fragment id of a cell's drill-down.
function detailsId(r: number, cell: MatrixCell): string {
  return idOf('d', r, cell.lang);
}

// A cell's drill-down: page notes, each drifted block side by side, and the failed steps of its run.
function detailsOf(row: MatrixRow, r: number, cell: MatrixCell, matrix: Matrix): string {
  const parts: string[] = [];
  if (cell.file) parts.push(`<p class="meta">${esc(cell.file)}${cell.reference ? ` compared with ${esc(cell.reference)}` : ''}</p>`);
  if (cell.notes.length > 0) parts.push(`<ul class="notes">${cell.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  for (const pair of cell.blocks) parts.push(blockPairHtml(pair, matrix.reference, cell.lang));
  if (cell.failedSteps.length > 0) parts.push(`<h3>Failed steps</h3>${cell.failedSteps.map(stepHtml).join('')}`);
  const run = cell.run ? ` · run ${esc(RUN_LABELS[cell.run])}` : '';
  return `<details id="${detailsId(r, cell)}"><summary><strong>${esc(cell.lang)}</strong> · <code>${esc(row.path)}</code> — ${esc(STATUS_LABELS[cell.status])}${run}</summary><div class="body">${parts.join('\n')}</div></details>`;
}

// One finding: its kind and id, then the reference block beside the translation's, changed words marked.
function blockPairHtml(pair: BlockPair, reference: string, lang: string): string {
  const d = pair.drift;
  const where = [d.line !== undefined ? `line ${d.line}` : '', d.referenceLine !== undefined ? `${reference} line ${d.referenceLine}` : ''].filter(Boolean).join(', ');
  const head = `<h3><span class="kind">${esc(d.kind)}</span> · <code>${esc(d.id ?? d.syntax)}</code> <span class="meta">(${esc(d.syntax)}${where ? `; ${esc(where)}` : ''}${d.moved ? '; moved' : ''})</span></h3>`;
  const left = sideHtml(pair.reference, `reference (${reference})`, d.changes, 'reference');
  const right = sideHtml(pair.translation, `translation (${lang})`, d.changes, 'translation');
  return `<article>${head}<div class="sides">${left}${right}</div></article>`;
}

// One side of a finding: the block's lines, numbered as in its file, changed lines highlighted with their word diff.
function sideHtml(side: BlockSide | undefined, label: string, changes: LineChange[], which: 'reference' | 'translation'): string {
  if (!side) return `<figure><figcaption>${esc(label)}</figcaption><pre><span class="l"><span class="n"></span><em>no such block</em></span></pre></figure>`;
  const byLine = new Map<number, LineChange>();
  for (const c of changes) {
    const line = which === 'reference' ? c.referenceLine : c.line;
    if (line !== undefined) byLine.set(line, c);
  }
  const lines = side.lines.map((text, k) => {
    const n = side.line + 1 + k;
    const change = byLine.get(n);
    const body = change ? wordsHtml(change, which, text) : esc(text);
    return `<span class="l${change ? ' c' : ''}"><span class="n">${n}</span>${body}</span>`;
  });
  return `<figure><figcaption>${esc(label)} — ${esc(side.file)}:${side.line}</figcaption><pre><code>${lines.join('')}</code></pre></figure>`;
}

// A changed line with the words only this side has marked (`del` on the reference side, `ins` on the translation's).
// The word diff is of the line without its indentation, which is kept as written.
function wordsHtml(change: LineChange, which: 'reference' | 'translation', raw: string): string {
  const indent = /^\s*/.exec(raw)?.[0] ?? '';
  const parts = change.words.filter((p) => (which === 'reference' ? !p.added : !p.removed));
  const body = parts.map((p) => (p.added ? `<ins>${esc(p.value)}</ins>` : p.removed ? `<del>${esc(p.value)}</del>` : esc(p.value))).join('');
  const plain = parts.map((p) => p.value).join('');
  return raw.trim() === plain.trim() ? esc(indent) + body : esc(raw);
}

// A failed step of a run: where, why, and the matcher's diff.
function stepHtml(step: StepRecord): string {
  const diff = step.diff
    ? `<pre class="diff"><code>${step.diff
        .split('\n')
        .map((l) => `<span class="l${l.startsWith('+') && !l.startsWith('+++') ? ' add' : l.startsWith('-') && !l.startsWith('---') ? ' rem' : ''}">${esc(l)}</span>`)
        .join('')}</code></pre>`
    : '';
  return `<div class="step"><p><code>${esc(step.file)}:${esc(step.line)}</code> <code>${esc(step.id)}</code> — ${esc(step.status)}${step.message ? `: ${esc(step.message)}` : ''}</p>${diff}</div>`;
}
