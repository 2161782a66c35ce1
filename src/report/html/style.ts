// The report's stylesheet and its small script, inlined so the file needs nothing else (no network, no fonts).

import { CELL_STATUSES } from '../../overview/matrix.js';

/** Light and dark palettes, a layout that stacks on a phone, visible focus. */
export const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --link: #0550ae; --focus: #0969da; --ins: #cdf3d5; --del: #ffd7d5; --hl: #fff8c5; --ins-mark: #1a7f37; --del-mark: #cf222e;
  --s-reference: #ddf4ff; --s-same: #dafbe1; --s-translated: #fbefff; --s-outputs: #fff8c5; --s-commands: #ffe2cc;
  --s-missing: #ffd7d5; --s-not-translated: #eaeef2; --s-no-reference: #eaeef2; --s-test-flag: #ffe2cc; --s-comments: #e6f6ea; --s-absent: transparent;
  --r-passed: #1a7f37; --r-failed: #cf222e; --r-not-run: #57606a; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d; --panel: #161b22; --link: #79c0ff; --focus: #58a6ff;
    --ins: #1f4a2c; --del: #5d1f1f; --hl: #3d3514; --ins-mark: #3fb950; --del-mark: #ff7b72;
    --s-reference: #0c2d4a; --s-same: #133a22; --s-translated: #3a1f4a; --s-outputs: #3d3514; --s-commands: #4a2a10;
    --s-missing: #5d1f1f; --s-not-translated: #262c34; --s-no-reference: #262c34; --s-test-flag: #4a2a10; --s-comments: #1a3324;
    --r-passed: #3fb950; --r-failed: #ff7b72; --r-not-run: #9198a1; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 24px 0 8px; }
h3 { font-size: 1rem; margin: 16px 0 8px; overflow-wrap: anywhere; }
p.meta { color: var(--muted); margin: 0; }
a { color: var(--link); }
a:focus-visible, summary:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code, pre { font-family: ui-monospace, "SFMono-Regular", "Noto Sans Mono", "Noto Sans Mono CJK SC", Menlo, monospace; font-size: 13px; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--panel); position: sticky; top: 0; }
table.matrix th[scope=row] { font-weight: normal; overflow-wrap: anywhere; min-width: 12em; }
table.matrix td { white-space: nowrap; }
table.counts td { text-align: right; font-variant-numeric: tabular-nums; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; color: var(--fg); text-decoration: none; border: 1px solid var(--line); }
a.status:hover { text-decoration: underline; }
${CELL_STATUSES.map((s) => `.s-${s} { background: var(--s-${s}); }`).join('\n')}
.absent { color: var(--muted); }
.run { font-size: 12px; font-weight: 600; margin-left: 6px; }
.r-passed { color: var(--r-passed); } .r-failed { color: var(--r-failed); } .r-not-run { color: var(--r-not-run); }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0 12px; }
form.filters label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); }
form.filters label.check { flex-direction: row; gap: 4px; align-items: center; color: var(--fg); margin: 2px 8px 2px 0; }
form.filters fieldset { border: 1px solid var(--line); border-radius: 6px; display: flex; flex-wrap: wrap; align-items: center; padding: 4px 8px; margin: 0; }
form.filters legend { font-size: 13px; color: var(--muted); }
form.filters button { font: inherit; font-size: 12px; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 1px 8px; cursor: pointer; }
.next { border-left: 4px solid var(--focus); background: var(--panel); padding: 4px 12px; margin: 8px 0; border-radius: 0 6px 6px 0; }
.next h3 { margin: 4px 0; }
.next ul { margin: 4px 0; padding-left: 20px; }
p.fix { margin: 0 0 6px; } p.fix .action { font-weight: 600; text-transform: uppercase; font-size: 11px; padding: 0 4px; border: 1px solid var(--line); border-radius: 4px; }
.same-note { border-left: 4px solid var(--r-passed); padding-left: 8px; }
input, select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; min-height: 32px; }
#shown { color: var(--muted); font-size: 13px; }
details { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; background: var(--bg); }
details > summary { cursor: pointer; padding: 8px 12px; background: var(--panel); border-radius: 6px; overflow-wrap: anywhere; }
details[open] > summary { border-bottom: 1px solid var(--line); border-radius: 6px 6px 0 0; }
details > .body { padding: 4px 12px 12px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
@media (max-width: 760px) { .sides { grid-template-columns: 1fr; } body { font-size: 14px; } }
figure { margin: 0; min-width: 0; }
figcaption { font-size: 12px; color: var(--muted); margin-bottom: 2px; overflow-wrap: anywhere; }
pre { margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 0; }
pre .l { display: grid; grid-template-columns: 3.5em minmax(0, 1fr); column-gap: 8px; padding: 0 8px 0 0; }
pre .l .t { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 0; }
pre .l.c { background: var(--hl); }
pre .n { text-align: right; color: var(--muted); user-select: none; }
ins { background: var(--ins); text-decoration: underline 2px var(--ins-mark); text-underline-offset: 3px; border-radius: 2px; }
del { background: var(--del); text-decoration: line-through var(--del-mark); border-radius: 2px; }
/* One or two characters (a deleted quote) get a frame and room, so they are seen, not a sliver. */
del.small, ins.small { padding: 0 3px; margin: 0 1px; outline: 2px solid var(--del-mark); outline-offset: -1px; }
ins.small { outline-color: var(--ins-mark); }
pre.diff .add { background: var(--ins); } pre.diff .rem { background: var(--del); }
.kind { font-weight: 600; }
.notes { margin: 8px 0; padding-left: 20px; }
.empty { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Filters the matrix rows and the drill-downs alike, opens the drill-down a link or the address names. */
export const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.matrix tbody tr'));
  var details = Array.prototype.slice.call(document.querySelectorAll('details[data-path]'));
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name=status]'));
  var shown = document.getElementById('shown');
  var needsWork = form.getAttribute('data-needs-work').split(' ');
  function wanted() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }
  // Whether a cell (or a drill-down) with these attributes passes the language and standing filters.
  function passes(el, lang, statuses) {
    if (lang && el.getAttribute('data-lang') !== lang) return false;
    return statuses.length === 0 || statuses.indexOf(el.getAttribute('data-status')) >= 0 || statuses.indexOf(el.getAttribute('data-run')) >= 0;
  }
  function apply() {
    var q = form.q.value.trim().toLowerCase();
    var lang = form.lang.value;
    var statuses = wanted();
    var n = 0;
    rows.forEach(function (row) {
      var ok = !q || row.getAttribute('data-path').toLowerCase().indexOf(q) >= 0;
      if (ok && (lang || statuses.length > 0)) {
        ok = Array.prototype.slice.call(row.querySelectorAll('td')).some(function (cell) { return passes(cell, lang, statuses); });
      }
      row.hidden = !ok;
      if (ok) n++;
    });
    var d = 0;
    details.forEach(function (el) {
      var ok = (!q || el.getAttribute('data-path').toLowerCase().indexOf(q) >= 0) && passes(el, lang, statuses);
      el.hidden = !ok;
      if (ok) d++;
    });
    shown.textContent = n + ' of ' + rows.length + ' pages shown, ' + d + ' of ' + details.length + ' details';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.elements['needs-work'].addEventListener('click', function () {
    boxes.forEach(function (b) { b.checked = needsWork.indexOf(b.value) >= 0; });
    apply();
  });
  form.elements['any'].addEventListener('click', function () {
    boxes.forEach(function (b) { b.checked = false; });
    apply();
  });
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === 'DETAILS') { target.hidden = false; target.open = true; target.querySelector('summary').focus(); }
  }
  window.addEventListener('hashchange', openTarget);
  apply();
  openTarget();
})();
`;
