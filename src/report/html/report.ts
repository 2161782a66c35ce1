// `report --html`: the translation overview as one self-contained HTML page. Plain template functions; every text from a
// page or a run is escaped by esc(). Formats the matrix it is given and decides nothing.
import { CELL_STATUSES, NEEDS_WORK, RUN_STATUSES, STATUS_LABELS, type BlockPair, type BlockSide, type FailedStep, type Matrix, type MatrixCell, type MatrixRow } from '../../overview/matrix.js';
import { failureLine } from '../failure-line.js';
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
  return cell.blocks.length > 0 || cell.notes.length > 0 || cell.failedSteps.length > 0 || cell.wouldFail !== undefined;
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

// The search box, the language filter and the standing checkboxes (with a "needs work" preset); they filter the
// table and the drill-downs below it alike (the table is whole without them).
function filters(matrix: Matrix): string {
  const langs = matrix.langs.map((l) => `<option value="${esc(l)}">${esc(l)}</option>`).join('');
  const present = CELL_STATUSES.filter((s) => matrix.langs.some((l) => matrix.counts[l]?.[s]));
  const box = (value: string, label: string, cls: string) => `<label class="check"><input type="checkbox" name="status" value="${esc(value)}"><span class="status ${cls}">${esc(label)}</span></label>`;
  const statuses = present.map((s) => box(s, STATUS_LABELS[s], `s-${s}`)).join('');
  const runs = matrix.runs ? RUN_STATUSES.filter((s) => matrix.langs.some((l) => matrix.counts[l]?.[s])).map((s) => box(s, `run ${RUN_LABELS[s]}`, `r-${s}`)).join('') : '';
  return `<form id="filters" class="filters" role="search" aria-label="filter pages" data-needs-work="${esc(NEEDS_WORK.join(' '))}">
<label>Page path <input type="search" name="q" placeholder="e.g. egress" autocomplete="off"></label>
<label>Language <select name="lang"><option value="">any</option>${langs}</select></label>
<fieldset class="standings"><legend>Standing <button type="button" name="needs-work">needs work</button> <button type="button" name="any">any</button></legend>${statuses}${runs}</fieldset>
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
  const would = cell.wouldFail ? ` <span class="run r-failed" title="against ${esc(cell.wouldFail.run)}">would fail (${esc(cell.wouldFail.steps.length)})</span>` : '';
  const run = (cell.run ? ` <span class="run r-${cell.run}">${esc(RUN_LABELS[cell.run])}</span>` : '') + would;
  if (cell.status === 'absent') return `<td data-lang="${esc(cell.lang)}" data-status="absent"><span class="absent" title="no such page in ${esc(cell.lang)}">—</span></td>`;
  return `<td data-lang="${esc(cell.lang)}" data-status="${cell.status}"${cell.run ? ` data-run="${cell.run}"` : ''}>${badge}${run}</td>`;
}

// The fragment id of a cell's drill-down.
function detailsId(r: number, cell: MatrixCell): string {
  return idOf('d', r, cell.lang);
}

// A cell's drill-down: its next steps first, then page notes, each drifted block side by side, and the failed steps.
function detailsOf(row: MatrixRow, r: number, cell: MatrixCell, matrix: Matrix): string {
  const parts: string[] = [];
  if (cell.next.length > 0) parts.push(`<section class="next" aria-label="next steps"><h3>Next steps</h3><ul>${cell.next.map((n) => `<li>${codeSpans(n)}</li>`).join('')}</ul></section>`);
  if (cell.file) parts.push(`<p class="meta">${esc(cell.file)}${cell.reference ? ` compared with ${esc(cell.reference)}` : ''}</p>`);
  if (cell.notes.length > 0) parts.push(`<ul class="notes">${cell.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  for (const pair of cell.blocks) parts.push(blockPairHtml(pair, matrix.reference, cell.lang));
  if (cell.failedSteps.length > 0) parts.push(`<h3>Failed steps</h3>${cell.failedSteps.map((s) => stepHtml(s, matrix.reference)).join('')}`);
  if (cell.wouldFail) parts.push(`<h3>Would fail against ${esc(cell.wouldFail.run)}</h3>${cell.wouldFail.steps.map((s) => stepHtml({ ...s, status: 'would fail' } as unknown as FailedStep, matrix.reference)).join('')}`);
  const run = cell.run ? ` · run ${esc(RUN_LABELS[cell.run])}` : '';
  const data = `data-path="${esc(row.path)}" data-lang="${esc(cell.lang)}" data-status="${cell.status}"${cell.run ? ` data-run="${cell.run}"` : ''}`;
  return `<details id="${detailsId(r, cell)}" ${data}><summary><strong>${esc(cell.lang)}</strong> · <code>${esc(row.path)}</code> — ${esc(STATUS_LABELS[cell.status])}${run}</summary><div class="body">${parts.join('\n')}</div></details>`;
}

// Text with its `code` spans set as code (a next step names the command to run).
function codeSpans(text: string): string {
  return text.split('`').map((part, k) => (k % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part))).join('');
}

// One finding: its kind and id, then the reference block beside the translation's, changed words marked.
function blockPairHtml(pair: BlockPair, reference: string, lang: string): string {
  const d = pair.drift;
  const where = [d.line !== undefined ? `line ${d.line}` : '', d.referenceLine !== undefined ? `${reference} line ${d.referenceLine}` : ''].filter(Boolean).join(', ');
  const head = `<h3><span class="kind">${esc(d.kind)}</span> · <code>${esc(d.id ?? d.syntax)}</code> <span class="meta">(${esc(d.syntax)}${where ? `; ${esc(where)}` : ''}${d.moved ? '; moved' : ''})</span></h3>`;
  const fix = d.fix && d.fix.action !== 'none' ? `<p class="fix"><span class="action">${esc(d.fix.action)}</span> ${codeSpans(d.fix.text)}</p>` : '';
  const left = sideHtml(pair.reference, `reference (${reference})`, d.changes, 'reference');
  const right = sideHtml(pair.translation, `translation (${lang})`, d.changes, 'translation', d.kind === 'missing' ? d.fix?.text : undefined);
  return `<article>${head}${fix}<div class="sides">${left}${right}</div></article>`;
}

// One side of a finding: the block's lines, numbered as in its file, changed lines highlighted with their word diff.
function sideHtml(side: BlockSide | undefined, label: string, changes: LineChange[], which: 'reference' | 'translation', missing?: string): string {
  const absent = missing ? `missing here: ${missing}` : 'no such block';
  if (!side) return `<figure><figcaption>${esc(label)}</figcaption><pre><span class="l"><span class="n"></span><span class="t"><em>${esc(absent)}</em></span></span></pre></figure>`;
  const byLine = new Map<number, LineChange>();
  for (const c of changes) {
    const line = which === 'reference' ? c.referenceLine : c.line;
    if (line !== undefined) byLine.set(line, c);
  }
  const lines = side.lines.map((text, k) => {
    const n = side.line + 1 + k;
    const change = byLine.get(n);
    const body = change ? wordsHtml(change, which, text) : esc(text);
    return `<span class="l${change ? ' c' : ''}"><span class="n">${n}</span><span class="t">${body}</span></span>`;
  });
  return `<figure><figcaption>${esc(label)} — ${esc(side.file)}:${side.line}</figcaption><pre><code>${lines.join('')}</code></pre></figure>`;
}

// A changed line with the words only this side has marked (`del` on the reference side, `ins` on the translation's).
// The word diff is of the line without its indentation, which is kept as written.
function wordsHtml(change: LineChange, which: 'reference' | 'translation', raw: string): string {
  const indent = /^\s*/.exec(raw)?.[0] ?? '';
  const parts = change.words.filter((p) => (which === 'reference' ? !p.added : !p.removed));
  // A change of one or two characters (a deleted quote) is marked as well as coloured, or it is a sliver.
  const small = (value: string) => (value.trim().length <= 2 ? ' class="small"' : '');
  const body = parts.map((p) => (p.added ? `<ins${small(p.value)}>${esc(p.value)}</ins>` : p.removed ? `<del${small(p.value)}>${esc(p.value)}</del>` : esc(p.value))).join('');
  const plain = parts.map((p) => p.value).join('');
  return raw.trim() === plain.trim() ? esc(indent) + body : esc(raw);
}

// A failed step of a run: where, why, the matcher's diff, and when its block is the same as the reference's, that the
// reference page expects the same output (so the failure is not the translation's).
function stepHtml(step: FailedStep, reference: string): string {
  const diff = step.diff
    ? `<pre class="diff"><code>${step.diff
        .split('\n')
        .map((l) => `<span class="l${l.startsWith('+') && !l.startsWith('+++') ? ' add' : l.startsWith('-') && !l.startsWith('---') ? ' rem' : ''}"><span class="t">${esc(l)}</span></span>`)
        .join('')}</code></pre>`
    : '';
  const same = step.sameAsReference
    ? `<p class="same-note">The ${esc(reference)} page expects the same output here (<code>${esc(step.sameAsReference.file)}:${esc(step.sameAsReference.line)}</code>): not a translation problem.</p>`
    : '';
  // The failure's one line, as the run's other reports show it, when the run's events carry it.
  const where = step.failure ? `<p class="failure-line"><code>${esc(failureLine(step.failure))}</code></p>` : '';
  const head = step.failure ? '' : `<code>${esc(step.file)}:${esc(step.line)}</code> `;
  return `<div class="step">${where}<p>${head}<code>${esc(step.id)}</code> — ${esc(step.status)}${step.message ? `: ${esc(step.message)}` : ''}</p>${same}${diff}</div>`;
}
