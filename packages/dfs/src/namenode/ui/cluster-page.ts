/**
 * The cluster UI's page and style sheet. The page is a shell: cluster-page-script.ts fills it
 * from the server-sent snapshots and /api/files. Narrow screens (a phone's 390 px) get each
 * table row as a card, labelled from the cells' data-label.
 */

export const CLUSTER_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Flint cluster</title>
<link rel="stylesheet" href="/assets/cluster-ui.css">
</head>
<body>
<header>
  <h1>Flint cluster</h1>
  <span id="safe-mode" class="badge">…</span>
  <span id="connection" class="badge">connecting</span>
  <span id="updated" class="muted"></span>
</header>
<main>
  <section id="summary" class="cards" aria-label="summary"></section>
  <section>
    <h2>Workers</h2>
    <div id="workers"><p class="muted">waiting for the first heartbeat…</p></div>
  </section>
  <section>
    <h2>Block health</h2>
    <div id="blocks"></div>
  </section>
  <section>
    <h2>Files</h2>
    <nav id="breadcrumb" aria-label="path"></nav>
    <div id="files"></div>
  </section>
  <section>
    <h2>Namenode</h2>
    <dl id="namenode" class="facts"></dl>
  </section>
</main>
<footer class="muted">JSON: <a href="/api/workers">/api/workers</a> · <a href="/api/files?path=/">/api/files?path=</a> ·
<a href="/api/blocks">/api/blocks</a> · <a href="/api/namenode">/api/namenode</a> · <a href="/api/events">/api/events</a> (server-sent events)</footer>
<script src="/assets/cluster-ui.js"></script>
</body>
</html>
`;

export const CLUSTER_PAGE_CSS = `
:root { --ink: #1d2330; --muted: #667085; --line: #e3e6ec; --bg: #f6f7f9; --card: #fff;
  --ok: #1a7f37; --ok-bg: #dcf5e3; --bad: #b42318; --bad-bg: #fde2df; --warn: #9a6700; --warn-bg: #fff1c2; --info: #1f5fbf; --info-bg: #dde9fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; padding: 12px 20px; background: #202634; color: #fff; }
header h1 { font-size: 18px; margin: 0 8px 0 0; }
header .muted { color: #b8c0cf; }
main { padding: 12px 20px 4px; max-width: 1280px; }
section { margin-bottom: 20px; }
h2 { font-size: 15px; margin: 0 0 8px; }
a { color: var(--info); }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: var(--line); color: var(--ink); white-space: nowrap; }
.badge.ok { background: var(--ok-bg); color: var(--ok); }
.badge.bad { background: var(--bad-bg); color: var(--bad); }
.badge.warn { background: var(--warn-bg); color: var(--warn); }
.badge.info { background: var(--info-bg); color: var(--info); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card b { display: block; font-size: 20px; }
.card.bad b { color: var(--bad); }
.card.warn b { color: var(--warn); }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: #fafbfc; }
tr:last-child td { border-bottom: 0; }
tr[data-state="dead"] td { background: #fff6f5; }
td.num { font-variant-numeric: tabular-nums; }
.bar { width: 100%; min-width: 80px; height: 6px; background: var(--line); border-radius: 3px; margin-top: 3px; }
.bar > i { display: block; height: 100%; border-radius: 3px; background: var(--info); }
.chip { display: inline-block; margin: 0 4px 2px 0; padding: 0 6px; border-radius: 4px; background: var(--info-bg); color: var(--info); font: 12px ui-monospace, monospace; }
.chip.corrupt { background: var(--bad-bg); color: var(--bad); text-decoration: line-through; }
.chip.pending { background: var(--warn-bg); color: var(--warn); }
code, .mono { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
nav#breadcrumb { margin-bottom: 6px; }
nav#breadcrumb a { margin-right: 2px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.problems h3 { font-size: 13px; margin: 10px 0 4px; }
footer { padding: 8px 20px 20px; font-size: 12px; }
@media (max-width: 640px) {
  header, main, footer { padding-left: 10px; padding-right: 10px; }
  table, thead, tbody, tr, td { display: block; width: 100%; }
  thead { display: none; }
  table { border: 0; background: none; }
  tr { background: var(--card); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 8px; padding: 4px 0; }
  td { border: 0; padding: 3px 10px; display: flex; gap: 10px; }
  td::before { content: attr(data-label); flex: 0 0 96px; color: var(--muted); font-size: 12px; }
  td > div { min-width: 0; flex: 1; }
  .facts { grid-template-columns: 1fr; gap: 0 0; }
  .facts dd { margin-bottom: 6px; }
}
`;
