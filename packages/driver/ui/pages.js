// The UI's pages except the stage page (stage-page.js): each takes the route and returns HTML.
import { getJson } from './api.js';
import { bytes, duration, esc, progress, span, status, table, time } from './format.js';
import { timelineSvg } from './timeline.js';
import { sqlPlanTree } from './sql-plan.js';

export async function applicationsPage() {
  const apps = await getJson('/applications');
  const rows = apps.map((app) => {
    const a = app.attempts[0];
    return `<tr data-app-id="${esc(app.id)}"><td><a href="#/app/${encodeURIComponent(app.id)}/jobs">${esc(app.id)}</a></td><td>${esc(app.name)}</td>` +
      `<td>${esc(new Date(a.startTimeEpoch).toLocaleString())}</td><td class="num">${esc(duration(a.duration))}</td><td>${esc(a.sparkUser)}</td>` +
      `<td>${a.completed ? 'finished' : '<span class="status RUNNING">in progress</span>'}</td></tr>`;
  });
  return `<h1>Applications</h1>${table(['App ID', 'Name', 'Started', '#Duration', 'User', 'State'], rows, 'No event logs in this directory yet.')}`;
}

function jobRow(base, job) {
  const label = job.sqlText ?? job.description;
  return `<tr data-job-id="${job.jobId}" data-status="${job.status}"><td><a href="${base}/jobs/${job.jobId}">${job.jobId}</a>${job.jobGroup ? ` <span class="muted">(${esc(job.jobGroup)})</span>` : ''}</td>` +
    `<td class="wrap"><a href="${base}/jobs/${job.jobId}">${esc(job.name)}</a><br><span class="muted">${esc(label.split('\n')[0].slice(0, 160))}</span></td>` +
    `<td>${status(job.status)}</td><td class="hide-narrow">${esc(time(job.submissionTime))}</td><td class="num">${esc(span(job.submissionTime, job.completionTime))}</td>` +
    `<td>${job.numCompletedStages}/${job.stageIds.length - job.numSkippedStages}${job.numSkippedStages ? ` (${job.numSkippedStages} skipped)` : ''}</td>` +
    `<td>${progress(job.numCompletedIndices + job.numSkippedTasks, job.numActiveTasks, job.numTasks, job.numFailedTasks)}</td></tr>`;
}

export async function jobsPage({ appId, base }) {
  const jobs = await getJson(`/applications/${encodeURIComponent(appId)}/jobs`);
  const headers = ['Job', 'Description', 'Status', '~Submitted', '#Duration', 'Stages', 'Tasks'];
  const running = jobs.filter((j) => j.status === 'RUNNING').map((j) => jobRow(base, j));
  const done = jobs.filter((j) => j.status !== 'RUNNING').map((j) => jobRow(base, j));
  return `<h1>Jobs</h1><h2>Active jobs (${running.length})</h2>${table(headers, running, 'No job is running.')}<h2>Completed jobs (${done.length})</h2>${table(headers, done, 'No job has finished yet.')}`;
}

export function stageRow(base, s) {
  const link = `${base}/stages/${s.stageId}/${s.attemptId}`;
  const failedNote = s.failureReason ? `<br><span class="error">${esc(s.failureReason.split('\n')[0])}</span>` : '';
  const recompute = s.resubmitReason ? `<br><span class="muted">recomputed: ${esc(s.resubmitReason)}</span>` : '';
  return `<tr data-stage-id="${s.stageId}" data-attempt="${s.attemptId}" data-status="${s.status}"><td><a href="${link}">${s.stageId}</a>${s.attemptId > 1 ? ` (attempt ${s.attemptId})` : ''}</td>` +
    `<td class="wrap"><a href="${link}">${esc(s.name)}</a>${recompute}${failedNote}</td><td>${status(s.status)}</td>` +
    `<td class="num">${esc(span(s.submissionTime, s.completionTime))}</td><td>${progress(s.numCompleteTasks, s.numActiveTasks, s.numTasks, s.numFailedTasks)}</td>` +
    `<td class="num hide-narrow">${bytes(s.shuffleReadBytes)}</td><td class="num hide-narrow">${bytes(s.shuffleWriteBytes)}</td></tr>`;
}

const STAGE_HEADERS = ['Stage', 'Description', 'Status', '#Duration', 'Tasks', '~#Shuffle read', '~#Shuffle write'];

export async function jobPage({ appId, base, params }) {
  const app = `/applications/${encodeURIComponent(appId)}`;
  const job = await getJson(`${app}/jobs/${params[0]}`);
  const [stages, timeline] = await Promise.all([getJson(`${app}/stages`), getJson(`${app}/timeline?jobId=${job.jobId}`)]);
  const rows = stages.filter((s) => job.stageIds.includes(s.stageId) && (s.jobIds.includes(job.jobId) || s.status === 'SKIPPED')).map((s) => stageRow(base, s));
  const sql = job.sqlText ? `<h2>SQL</h2><pre>${esc(job.sqlText)}</pre>` : '';
  const plan = job.sqlPlan
    ? `<h2>Physical plan</h2><p class="muted">Each operator with its number of output rows, where the generated code counts them.</p>${sqlPlanTree(job.sqlPlan)}`
    : job.physicalPlan ? `<h2>Physical plan</h2><pre data-physical-plan>${esc(job.physicalPlan)}</pre>` : '';
  const error = job.errorMessage ? `<h2>Error</h2><pre class="error">${esc(job.errorMessage)}</pre>` : '';
  return `<h1>Job ${job.jobId} ${status(job.status)}</h1><dl class="facts"><dt>Call site</dt><dd>${esc(job.callSite)}</dd>` +
    `<dt>Description</dt><dd>${esc(job.description)}</dd>${job.jobGroup ? `<dt>Job group</dt><dd>${esc(job.jobGroup)}</dd>` : ''}` +
    `<dt>Submitted</dt><dd>${esc(time(job.submissionTime))}</dd><dt>Duration</dt><dd>${esc(span(job.submissionTime, job.completionTime))}</dd>` +
    `<dt>Tasks</dt><dd>${job.numCompletedTasks} succeeded, ${job.numFailedTasks} failed, ${job.numKilledTasks} killed, ${job.numActiveTasks} running</dd></dl>` +
    `${sql}${plan}${error}<h2>Stages</h2>${table(STAGE_HEADERS, rows)}<h2>Task timeline</h2>${timelineSvg(timeline.executors, timeline.tasks)}`;
}

export async function stagesPage({ appId, base }) {
  const stages = await getJson(`/applications/${encodeURIComponent(appId)}/stages`);
  const group = (wanted) => stages.filter((s) => wanted.includes(s.status)).map((s) => stageRow(base, s));
  return `<h1>Stages</h1><h2>Active</h2>${table(STAGE_HEADERS, group(['ACTIVE']))}<h2>Pending</h2>${table(STAGE_HEADERS, group(['PENDING']))}` +
    `<h2>Completed</h2>${table(STAGE_HEADERS, group(['COMPLETE']))}<h2>Failed</h2>${table(STAGE_HEADERS, group(['FAILED']))}<h2>Skipped</h2>${table(STAGE_HEADERS, group(['SKIPPED']))}`;
}

export async function timelinePage({ appId }) {
  const timeline = await getJson(`/applications/${encodeURIComponent(appId)}/timeline`);
  const note = timeline.omitted > 0 ? `The latest ${timeline.tasks.length} tasks (${timeline.omitted} earlier ones not drawn)` : 'Every task of the application';
  return `<h1>Task timeline</h1><p class="muted">${note}, each on its executor's row.</p>${timelineSvg(timeline.executors, timeline.tasks)}`;
}

export async function executorsPage({ appId }) {
  const executors = await getJson(`/applications/${encodeURIComponent(appId)}/allexecutors`);
  const rows = executors.map((e) => {
    const state = e.isActive ? 'alive' : 'lost';
    const lostNote = e.isActive ? '' : `<br><span class="muted">${esc(time(e.removeTime))}: ${esc(e.removeReason ?? '')}</span>`;
    return `<tr data-executor-id="${esc(e.id)}" data-state="${state}"><td>${esc(e.id)}</td><td class="wrap">${status(state)}${lostNote}</td><td class="num">${e.totalCores}</td>` +
      `<td class="num" data-storage-memory>${bytes(e.memoryUsed)} / ${e.maxMemory ? bytes(e.maxMemory) : '?'}</td><td class="num">${e.rddBlocks}</td><td class="num">${bytes(e.memoryUsed + e.diskUsed)}</td>` +
      `<td class="num">${e.activeTasks}</td><td class="num">${e.failedTasks}</td><td class="num">${e.completedTasks}</td><td class="num hide-narrow">${esc(duration(e.totalDuration))}</td>` +
      `<td class="num hide-narrow">${bytes(e.totalShuffleRead)}</td><td class="num hide-narrow">${bytes(e.totalShuffleWrite)}</td></tr>`;
  });
  const alive = executors.filter((e) => e.isActive).length;
  return `<h1>Executors</h1><p>${alive} alive, ${executors.length - alive} lost.</p>` +
    table(['Executor', 'State', '#Threads', '#Storage memory (used / total)', '#RDD blocks', '#Cached', '#Active', '#Failed', '#Completed', '~#Task time', '~#Shuffle read', '~#Shuffle write'], rows);
}

export async function storagePage({ appId, base, params }) {
  const app = `/applications/${encodeURIComponent(appId)}`;
  if (params.length > 0) {
    const rdd = await getJson(`${app}/storage/rdd/${params[0]}`);
    const dist = rdd.dataDistribution.map((d) => `<tr><td>${esc(d.executorId)}</td><td class="num">${d.blocks}</td><td class="num">${bytes(d.memoryUsed)}</td><td class="num">${bytes(d.diskUsed)}</td></tr>`);
    const parts = rdd.partitions.map((p) => `<tr><td>${esc(p.blockName)}</td><td>${esc(p.storageLevel)}</td><td class="num">${bytes(p.memoryUsed)}</td><td class="num">${bytes(p.diskUsed)}</td><td>${esc(p.executors.join(', '))}</td></tr>`);
    return `<h1>${esc(rdd.name)} [${rdd.id}]</h1><p>${esc(rdd.storageLevel)}, ${rdd.numCachedPartitions} partitions cached.</p>` +
      `<h2>Per executor</h2>${table(['Executor', '#Blocks', '#Memory', '#Disk'], dist)}<h2>Partitions</h2>${table(['Block', 'Storage level', '#Memory', '#Disk', 'Executors'], parts)}`;
  }
  const rdds = await getJson(`${app}/storage/rdd`);
  const rows = rdds.map((r) => `<tr data-rdd-id="${r.id}"><td><a href="${base}/storage/${r.id}">${esc(r.name)} [${r.id}]</a></td><td>${esc(r.storageLevel)}</td><td class="num">${r.numCachedPartitions}</td><td class="num">${bytes(r.memoryUsed)}</td><td class="num">${bytes(r.diskUsed)}</td></tr>`);
  return `<h1>Storage</h1>${table(['RDD', 'Storage level', '#Cached partitions', '#Memory', '#Disk'], rows, 'Nothing is cached.')}`;
}

export async function environmentPage({ appId }) {
  const env = await getJson(`/applications/${encodeURIComponent(appId)}/environment`);
  const runtime = Object.entries(env.runtime).map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`);
  const conf = env.flintProperties.map((c) => `<tr data-conf-key="${esc(c.key)}"><td>${esc(c.key)}</td><td class="wrap">${esc(c.value)}</td><td>${esc(c.source)}</td></tr>`);
  return `<h1>Environment</h1><h2>Runtime</h2>${table(['Name', 'Value'], runtime)}<h2>Configuration</h2>${table(['Key', 'Value', 'Source'], conf)}`;
}
