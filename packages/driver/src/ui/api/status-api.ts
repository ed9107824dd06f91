/**
 * The JSON API under `/api/v1`, in Spark's REST shape (docs: "Monitoring and Instrumentation"):
 *   /applications                               the applications this server shows
 *   /applications/{id}                          one of them
 *   /applications/{id}/jobs[?status=running]    jobs; /jobs/{jobId} one job (a SQL job's with `sqlPlan`: operators and row counts)
 *   /applications/{id}/stages[?status=active]   every stage attempt; /stages/{stageId} its attempts with
 *                                               tasks (a running one's duration so far) and the task duration
 *                                               summary; /stages/{stageId}/{attempt}
 *   /applications/{id}/executors                active executors; /allexecutors also the lost ones
 *   /applications/{id}/storage/rdd              cached RDDs; /storage/rdd/{rddId} with partitions
 *   /applications/{id}/environment              runtime facts and each configuration value with its source
 *   /applications/{id}/timeline[?jobId=N]       Flint's own: the tasks (the latest 5000) as bars on their executors' rows
 * Unknown paths and ids answer 404 with a one-line message.
 */
import type { AppStatusStore } from '../status/app-status-store.js';
import { sparkDate, type JobData, type StageData, type TaskData } from '../status/status-model.js';
import { durationSummary, timelineBar } from '../status/task-summary.js';
import { storageDetail, storageList } from './storage-views.js';
import { sqlPlanView } from './sql-plan-view.js';

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

export type StoreLookup = () => ReadonlyMap<string, AppStatusStore>;

/** The latest tasks a timeline draws; a page of more bars than this is no longer readable (or fast). */
const TIMELINE_MAX_TASKS = 5000;

const notFound = (message: string): ApiAnswer => ({ status: 404, body: { message } });
const ok = (body: unknown): ApiAnswer => ({ status: 200, body });

export function answerApi(path: string, query: URLSearchParams, stores: StoreLookup, now = Date.now()): ApiAnswer {
  let parts: string[];
  try {
    parts = path.replace(/^\/api\/v1\/?/, '').split('/').filter((p) => p !== '').map(decodeURIComponent);
  } catch {
    // A malformed percent-encoding (found by the HTTP fuzzer: it answered 500) is the client's error.
    return { status: 400, body: { message: `malformed percent-encoding in ${path}` } };
  }
  if (parts[0] !== 'applications') return notFound(`no API endpoint /api/v1/${parts.join('/')}`);
  const all = stores();
  if (parts.length === 1) return ok([...all.values()].flatMap((store) => applicationJson(store) ?? []));
  const store = all.get(parts[1]);
  if (!store) return notFound(`no such application: ${parts[1]}`);
  const [resource, ...rest] = parts.slice(2);
  switch (resource) {
    case undefined:
      return ok(applicationJson(store));
    case 'jobs':
      return jobs(store, rest, query);
    case 'stages':
      return stages(store, rest, query, now);
    case 'executors':
    case 'allexecutors':
      if (rest.length > 0) break;
      return ok([...store.executors.values()].filter((e) => resource === 'allexecutors' || e.isActive));
    case 'storage':
      if (rest[0] !== 'rdd') break;
      if (rest.length === 1) return ok(storageList(store));
      return storageDetail(store, rest[1]) ?? notFound(`unknown RDD ${rest[1]}`);
    case 'environment':
      return ok(environment(store));
    case 'timeline':
      return timeline(store, query, now);
  }
  return notFound(`no API endpoint /api/v1/${parts.join('/')}`);
}

function applicationJson(store: AppStatusStore): unknown {
  const app = store.application;
  if (!app) return undefined;
  const end = app.endTime ?? app.lastUpdated;
  return {
    id: app.id,
    name: app.name,
    attempts: [
      {
        startTime: sparkDate(app.startTime),
        endTime: app.endTime === undefined ? undefined : sparkDate(app.endTime),
        lastUpdated: sparkDate(app.lastUpdated),
        duration: end - app.startTime,
        sparkUser: app.sparkUser,
        completed: app.endTime !== undefined,
        appSparkVersion: app.flintVersion,
        startTimeEpoch: app.startTime,
        endTimeEpoch: app.endTime ?? -1,
        lastUpdatedEpoch: app.lastUpdated,
      },
    ],
  };
}

function jobs(store: AppStatusStore, rest: string[], query: URLSearchParams): ApiAnswer {
  if (rest.length === 0) {
    const wanted = query.getAll('status').map((s) => s.toUpperCase());
    const list = [...store.jobs.values()].filter((job) => wanted.length === 0 || wanted.includes(job.status));
    return ok(list.sort((a, b) => b.jobId - a.jobId).map((job) => jobJson(store, job)));
  }
  const job = rest.length === 1 ? store.jobs.get(Number(rest[0])) : undefined;
  return job ? ok(jobJson(store, job)) : notFound(`unknown job ${rest.join('/')}`);
}

/** A job; a SQL job's plan with its operators' row counts so far. */
function jobJson(store: AppStatusStore, job: JobData): unknown {
  return job.sqlPlan ? { ...job, sqlPlan: sqlPlanView(store, job.sqlPlan) } : job;
}

function stages(store: AppStatusStore, rest: string[], query: URLSearchParams, now: number): ApiAnswer {
  if (rest.length === 0) {
    const wanted = query.getAll('status').map((s) => s.toUpperCase());
    const list = [...store.stages.values()].filter((s) => wanted.length === 0 || wanted.includes(s.status));
    return ok(list.sort((a, b) => b.stageId - a.stageId || b.attemptId - a.attemptId));
  }
  const stageId = Number(rest[0]);
  if (rest.length === 1) {
    const attempts = store.attemptsOf(stageId);
    return attempts.length === 0 ? notFound(`unknown stage ${rest[0]}`) : ok(attempts.map((s) => stageDetail(store, s, now)));
  }
  const attempt = rest.length === 2 ? store.stageAttempt(stageId, Number(rest[1])) : undefined;
  return attempt ? ok(stageDetail(store, attempt, now)) : notFound(`unknown stage attempt ${rest.join('/')}`);
}

/** Spark's stage with `details`: its tasks by id, plus Flint's duration summary and timeline bars. */
function stageDetail(store: AppStatusStore, stage: StageData, now: number): unknown {
  const tasks = [...store.tasks.values()].filter((t) => t.stageId === stage.stageId && t.stageAttemptId === stage.attemptId);
  return {
    ...stage,
    tasks: Object.fromEntries(tasks.map((t) => [String(t.taskId), withDurationSoFar(t, store.application?.endTime ?? now)])),
    taskDurations: durationSummary(tasks),
    timeline: tasks.map((t) => timelineBar(t, stage, now)),
  };
}

/** As Spark's API gives it, a running task's `duration` is its time so far (up to its application's end, if it ended). */
function withDurationSoFar(task: TaskData, now: number): TaskData {
  return task.duration === undefined ? { ...task, duration: Math.max(0, now - task.launchTime) } : task;
}

function environment(store: AppStatusStore): unknown {
  const app = store.application;
  return {
    runtime: { flintVersion: app?.flintVersion, nodeVersion: process.version, master: app?.master, mode: app?.mode },
    sparkProperties: store.conf.map(({ key, value }) => [key, value]),
    flintProperties: store.conf,
  };
}

function timeline(store: AppStatusStore, query: URLSearchParams, now: number): ApiAnswer {
  const jobId = query.get('jobId');
  const job = jobId === null ? undefined : store.jobs.get(Number(jobId));
  if (jobId !== null && !job) return notFound(`unknown job ${jobId}`);
  const stageIds = job ? new Set(job.stageIds) : undefined;
  const bars = [...store.tasks.values()]
    .filter((t) => !stageIds || stageIds.has(t.stageId))
    .map((t) => timelineBar(t, store.stageAttempt(t.stageId, t.stageAttemptId), now))
    .sort((a, b) => a.start - b.start);
  const omitted = Math.max(0, bars.length - TIMELINE_MAX_TASKS);
  const executors = [...store.executors.values()].map((e) => ({ id: e.id, isActive: e.isActive, removeTime: e.removeTime }));
  return ok({ executors, tasks: bars.slice(omitted), omitted });
}
