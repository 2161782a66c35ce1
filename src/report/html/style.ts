// The report's stylesheet and its small script, inlined so the file needs nothing else (no network, no fonts).

/** Light and dark palettes, a layout that stacks on a phone, visible focus. */
export const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --link: #0550ae; --focus: #0969da; --ins: #cdf3d5; --del: #ffd7d5; --hl: #fff8c5;
  --s-reference: #ddf4ff; --s-same: #dafbe1; --s-translated: #fbefff; --s-outputs: #fff8c5; --s-commands: #ffe2cc;
  --s-missing: #ffd7d5; --s-not-translated: #eaeef2; --s-no-reference: #eaeef2;
  --r-passed: #1a7f37; --r-failed: #cf222e; --r-not-run: #57606a; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d; --panel: #161b22; --link: #79c0ff; --focus: #58a6ff;
    --ins: #1f4a2c; --del: #5d1f1f; --hl: #3d3514;
    --s-reference: #0c2d4a; --s-same: #133a22; --s-translated: #3a1f4a; --s-outputs: #3d3514; --s-commands: #4a2a10;
    --s-missing: #5d1f1f; --s-not-translated: #262c34; --s-no-reference: #262c34;
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
${['reference', 'same', 'translated', 'outputs', 'commands', 'missing', 'not-translated', 'no-reference'].map((s) => `.s-${s} { background: var(--s-${s}); }`).join('\n')}
.run { font-size: 12px; font-weight: 600; margin-left: 6px; }
.r-passed { color: var(--r-passed); } .r-failed { color: var(--r-failed); } .r-not-run { color: var(--r-not-run); }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0 12px; }
form.filters label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); }
form.filters label.check { flex-direction: row; gap: 6px; align-items: center; color: var(--fg); }
input, select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; min-height: 32px; }
#shown { color: var(--muted); font-size: 13px; }
details { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; background: var(--bg); }
details > summary { cursor: pointer; padding: 8px 12px; background: var(--panel); border-radius: 6px; overflow-wrap: anywhere; }
details[open] > summary { border-bottom: 1px solid var(--line); border-radius: 6px 6px 0 0; }
details > .body { padding: 4px 12px 12px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
@media (max-width: 760px) { .sides { grid-template-columns: 1fr; } body { font-size: 14px; } pre .l { white-space: pre-wrap; overflow-wrap: anywhere; } }
figure { margin: 0; min-width: 0; }
figcaption { font-size: 12px; color: var(--muted); margin-bottom: 2px; overflow-wrap: anywhere; }
pre { margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 0; overflow-x: auto; }
pre .l { display: block; padding: 0 8px 0 0; white-space: pre; }
pre .l.c { background: var(--hl); }
pre .n { display: inline-block; min-width: 3.5em; padding-right: 8px; text-align: right; color: var(--muted); user-select: none; }
ins { background: var(--ins); text-decoration: none; border-radius: 2px; }
del { background: var(--del); text-decoration: line-through; border-radius: 2px; }
pre.diff .add { background: var(--ins); } pre.diff .rem { background: var(--del); }
.kind { font-weight: 600; }
.notes { margin: 8px 0; padding-left: 20px; }
.empty { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Filters the matrix rows, opens the drill-down a link or the address names. */
export const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var rows = Array.prototype.slice.call(document.querySelectorAll('table.matrix tbody tr'));
  var shown = document.getElementById('shown');
  function apply() {
    var q = form.q.value.trim().toLowerCase();
    var lang = form.lang.value;
    var status = form.status.value;
    var n = 0;
    rows.forEach(function (row) {
      var ok = !q || row.getAttribute('data-path').toLowerCase().indexOf(q) >= 0;
      if (ok && status) {
        var cells = Array.prototype.slice.call(row.querySelectorAll('td'));
        ok = cells.some(function (cell) {
          return (!lang || cell.getAttribute('data-lang') === lang) &&
            (cell.getAttribute('data-status') === status || cell.getAttribute('data-run') === status);
        });
      }
      row.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' of ' + rows.length + ' pages shown';
  }
  form.addEventListener('input', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === 'DETAILS') { target.open = true; target.querySelector('summary').focus(); }
  }
  window.addEventListener('hashchange', openTarget);
  apply();
  openTarget();
})();
`;
