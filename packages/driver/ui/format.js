// Formatting helpers shared by the pages: escaping, sizes, durations, Spark's date strings.

/** Escapes text for HTML; every value from the API goes through it. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Epoch milliseconds of a Spark date string (`2026-01-02T03:04:05.678GMT`), or undefined. */
export function epoch(sparkDate) {
  return sparkDate ? Date.parse(sparkDate.replace(/GMT$/, 'Z')) : undefined;
}

export function time(sparkDate) {
  const ms = epoch(sparkDate);
  return ms === undefined ? '' : new Date(ms).toLocaleTimeString();
}

export function duration(ms) {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** How long from `start` to `end` (Spark date strings); to now while running. */
export function span(start, end) {
  const from = epoch(start);
  if (from === undefined) return '';
  return duration((epoch(end) ?? Date.now()) - from);
}

export function bytes(n) {
  if (!n) return '0 B';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  const i = Math.min(Math.floor(Math.log2(n) / 10), units.length - 1);
  return `${(n / 2 ** (10 * i)).toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export function status(value) {
  return `<span class="status ${esc(value)}">${esc(String(value).toLowerCase())}</span>`;
}

/** Spark's task progress bar: completed and running tasks out of the total. */
export function progress(done, running, total, failed = 0) {
  const pct = (n) => (total > 0 ? Math.min(100, (100 * n) / total) : 0);
  const label = `${done}/${total}${running ? ` (${running} running)` : ''}${failed ? ` (${failed} failed)` : ''}`;
  return `<div class="progress" title="${esc(label)}"><div class="done" style="width:${pct(done)}%"></div><div class="running" style="left:${pct(done)}%;width:${pct(running)}%"></div><span>${esc(label)}</span></div>`;
}

/** A header: `#Name` is a number column, `~Name` one hidden on a phone (its cells carry `hide-narrow` too). */
function headerCell(header) {
  const classes = [];
  let name = header;
  if (name.startsWith('~')) {
    classes.push('hide-narrow');
    name = name.slice(1);
  }
  if (name.startsWith('#')) {
    classes.push('num');
    name = name.slice(1);
  }
  return `<th${classes.length ? ` class="${classes.join(' ')}"` : ''}>${esc(name)}</th>`;
}

export function table(headers, rows, empty = 'None yet.') {
  if (rows.length === 0) return `<p class="muted">${esc(empty)}</p>`;
  const head = headers.map(headerCell).join('');
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
