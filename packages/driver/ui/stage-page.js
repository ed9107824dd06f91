// One stage attempt: its facts, the DAG of its lineage, the task duration distribution with
// skew flagged, locality levels, the task timeline and the task table.
import { getJson } from './api.js';
import { bytes, duration, esc, progress, span, status, table } from './format.js';
import { dagSvg } from './dag.js';
import { timelineSvg } from './timeline.js';

function distribution(summary) {
  if (!summary) return '<p class="muted">No task has finished yet.</p>';
  const cells = ['min', 'p25', 'median', 'p75', 'max'].map((k) => `<td class="num">${esc(duration(summary[k]))}</td>`).join('');
  const skew = summary.skewed
    ? `<p class="skew" data-skewed>Skew: the slowest task took ${summary.maxOverMedian}× the median.</p>`
    : `<p class="muted">max / median: ${summary.maxOverMedian}</p>`;
  return `${table(['Tasks', '#Min', '#25th percentile', '#Median', '#75th percentile', '#Max'], [`<tr><td>${summary.count} succeeded</td>${cells}</tr>`])}${skew}`;
}

function taskRow(t) {
  const m = t.taskMetrics ?? {};
  const error = t.errorMessage ? `<br><span class="error">${esc(t.errorMessage.split('\n')[0].slice(0, 200))}</span>` : '';
  return `<tr data-task-id="${t.taskId}" data-status="${t.status}"><td class="num">${t.index}</td><td class="num">${t.taskId}</td><td class="num">${t.attempt}${t.speculative ? ' (speculative)' : ''}</td>` +
    `<td class="wrap">${status(t.status)}${t.endReason ? ` <span class="muted">${esc(t.endReason)}</span>` : ''}${error}</td><td>${esc(t.executorId)}</td><td>${esc(t.taskLocality)}</td>` +
    `<td class="num">${esc(duration(t.duration))}</td><td class="num hide-narrow">${m.recordsIn ?? ''}</td><td class="num hide-narrow">${m.recordsOut ?? ''}</td>` +
    `<td class="num hide-narrow">${m.shuffleReadBytes === undefined ? '' : bytes(m.shuffleReadBytes)}</td><td class="num hide-narrow">${m.shuffleWriteBytes === undefined ? '' : bytes(m.shuffleWriteBytes)}</td>` +
    `<td class="num hide-narrow">${m.diskBytesSpilled ? bytes(m.diskBytesSpilled) : ''}</td></tr>`;
}

export async function stagePage({ appId, base, params }) {
  const [stageId, attempt] = params;
  const app = `/applications/${encodeURIComponent(appId)}`;
  const [stage, executors] = await Promise.all([getJson(`${app}/stages/${stageId}/${attempt ?? 1}`), getJson(`${app}/allexecutors`)]);
  const tasks = Object.values(stage.tasks).sort((a, b) => a.index - b.index || a.attempt - b.attempt);
  const locality = Object.entries(stage.locality).map(([level, n]) => `${esc(level)}: ${n}`).join(', ');
  const jobs = stage.jobIds.map((id) => `<a href="${base}/jobs/${id}">${id}</a>`).join(', ');
  const facts = [
    ['Status', status(stage.status)],
    ['Kind', stage.kind === 'shuffleMap' ? 'shuffle map' : 'result'],
    ['Jobs', jobs],
    ['Duration', esc(span(stage.submissionTime, stage.completionTime))],
    ['Tasks', progress(stage.numCompleteTasks, stage.numActiveTasks, stage.numTasks, stage.numFailedTasks)],
    ['Records in / out', `<span data-records-out="${stage.outputRecords}">${stage.inputRecords} / ${stage.outputRecords}</span> <span class="muted">(${bytes(stage.outputBytes)} written)</span>`],
    ['Shuffle read / write', `${bytes(stage.shuffleReadBytes)} / ${bytes(stage.shuffleWriteBytes)}`],
    ['Spill (memory / disk)', `${bytes(stage.memoryBytesSpilled)} / ${bytes(stage.diskBytesSpilled)}`],
    ['Locality', esc(locality)],
  ];
  if (stage.resubmitReason) facts.push(['Recomputed', esc(stage.resubmitReason)]);
  if (stage.failureReason) facts.push(['Failure', `<span class="error">${esc(stage.failureReason)}</span>`]);
  return `<h1>Stage ${stage.stageId}${stage.attemptId > 1 ? ` (attempt ${stage.attemptId})` : ''}: ${esc(stage.name)}</h1>` +
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<h2>DAG</h2>${dagSvg(stage.rdds)}<h2>Task durations</h2>${distribution(stage.taskDurations)}` +
    `<h2>Timeline</h2>${timelineSvg(executors, stage.timeline)}` +
    `<h2>Tasks (${tasks.length})</h2>${table(['#Partition', '#Task', '#Attempt', 'Status', 'Executor', 'Locality', '#Duration', '~#Records in', '~#Records out', '~#Shuffle read', '~#Shuffle write', '~#Spill'], tasks.map(taskRow))}`;
}
