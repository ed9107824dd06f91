// The task timeline: one row per executor, each task a bar from launch to end, coloured by what
// happened to it (the legend names the colours). A lost executor's row is shaded.
import { duration, esc } from './format.js';

const CATEGORIES = {
  succeeded: 'succeeded',
  running: 'running',
  failed: 'failed',
  killed: 'killed',
  retry: 'retry (attempt > 0)',
  recomputed: 'recomputed (resubmitted stage)',
  speculative: 'speculative copy',
};

const ROW = 22;
const LABEL = 150;
const WIDTH = 900;

/** An executor id without its address (`dn-ab5aa3b94e26@127.0.0.1:36719` → `dn-ab5aa3b94e26`), cut to fit the row label. */
function shortName(id) {
  const node = id.split('@')[0];
  return node.length > 15 ? `${node.slice(0, 14)}…` : node;
}

export function legend() {
  return `<div class="legend">${Object.entries(CATEGORIES).map(([k, label]) => `<span><i class="c-${k}"></i>${esc(label)}</span>`).join('')}</div>`;
}

/** `executors`: [{id, isActive}], `tasks`: the API's timeline bars. */
export function timelineSvg(executors, tasks) {
  if (tasks.length === 0) return '<p class="muted">No tasks yet.</p>';
  const rows = [...new Set([...executors.map((e) => e.id), ...tasks.map((t) => t.executorId)])].filter((id) => tasks.some((t) => t.executorId === id));
  const lost = new Set(executors.filter((e) => !e.isActive).map((e) => e.id));
  const start = Math.min(...tasks.map((t) => t.start));
  const end = Math.max(...tasks.map((t) => t.end), start + 1);
  const scale = (WIDTH - LABEL - 10) / (end - start);
  const x = (t) => LABEL + (t - start) * scale;
  // Tasks of one executor that overlap in time get their own lanes within its row.
  const lanes = new Map();
  const lanesOf = new Map(rows.map((id) => [id, []]));
  for (const t of [...tasks].sort((a, b) => a.start - b.start)) {
    const ends = lanesOf.get(t.executorId);
    let lane = ends.findIndex((laneEnd) => laneEnd <= t.start);
    if (lane < 0) lane = ends.push(t.end) - 1;
    else ends[lane] = t.end;
    lanes.set(t, lane);
  }
  let y = 18;
  const parts = [];
  for (const id of rows) {
    const height = Math.max(1, lanesOf.get(id).length) * ROW;
    if (lost.has(id)) parts.push(`<rect class="lost-row" x="0" y="${y}" width="${WIDTH}" height="${height}"/>`);
    parts.push(`<text x="4" y="${y + 15}" data-executor-row="${esc(id)}"><title>${esc(id)}</title>${esc(shortName(id))}${lost.has(id) ? ' (lost)' : ''}</text>`);
    for (const t of tasks.filter((task) => task.executorId === id)) {
      const barX = x(t.start);
      const w = Math.max(2, x(t.end) - barX);
      const title = `task ${t.taskId}: stage ${t.stageId}.${t.stageAttemptId}, partition ${t.index}, attempt ${t.attempt}, ${t.category}${t.endReason ? ` (${t.endReason})` : ''}, ${duration(t.end - t.start)}`;
      parts.push(`<rect class="c-${t.category}" data-category="${t.category}" x="${barX.toFixed(1)}" y="${y + 3 + lanes.get(t) * ROW}" width="${w.toFixed(1)}" height="${ROW - 6}" rx="2"><title>${esc(title)}</title></rect>`);
    }
    y += height;
  }
  parts.push(`<text x="${LABEL}" y="12">0</text><text x="${WIDTH - 10}" y="12" text-anchor="end">${esc(duration(end - start))}</text>`);
  return `${legend()}<div class="table-wrap"><svg class="timeline" viewBox="0 0 ${WIDTH} ${y + 4}" width="100%" style="min-width:360px" role="img" aria-label="task timeline">${parts.join('')}</svg></div>`;
}
