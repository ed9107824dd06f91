/**
 * Running a DataFrame: optimize its plan, compile it to RDD lineage, run a job, and turn engine
 * rows into the user's row objects. Every action goes through `execute`.
 */
import { StorageLevel, userCallSite, type RDD, type SqlPlanNode } from '@flint/rdd';
import { showString as formatShowString } from '../format/index.js';
import { optimize } from '../optimizer/optimizer.js';
import { PhysicalPlanner } from '../physical/planner.js';
import { physicalTreeString } from '../physical/explain-physical.js';
import { describePhysical, type PhysicalNode } from '../physical/physical-description.js';
import { CodegenContext } from '../physical/codegen/codegen-context.js';
import { mapPartitionsGenerated } from '../physical/pipeline.js';
import { toExternal, rowsToObjects } from './row-conversion.js';
import { rowToUser } from './rdd-conversion.js';
import type { Table as ArrowTable } from 'apache-arrow';
import type { DataFrame } from './dataframe.js';
import { AdaptiveExecution } from '../physical/adaptive/adaptive-execution.js';
import { adaptiveOptions } from '../physical/adaptive/adaptive-options.js';
import { reportObservations } from './observation.js';
import type { ObservedMetrics } from '../physical/observed-metrics.js';
import { loadRowsToArrow } from '../interop/load-rows-to-arrow.js';

export function defaultStorageLevel(): StorageLevel {
  return StorageLevel.MEMORY_AND_DISK;
}

interface Execution {
  readonly rdd: RDD<unknown[]>;
  /** What the job shows in fc.jobHistory: the action and its call site, the SQL text, the physical plan. */
  readonly description: string;
  /** Where the user called the action, and the query's SQL text, for the scheduler's events. */
  readonly callSite: string;
  /** The action and where: `collect at job.ts:12:5`. */
  readonly shortCallSite: string;
  readonly sqlText?: string;
  /** The physical plan with its operators' row-count metrics, for the UI. */
  readonly sqlPlan: SqlPlanNode;
  /** The Observations the job fills (reportObservations once it has run). */
  readonly observed: readonly ObservedMetrics[];
}

/** The RDD of engine rows that computes the DataFrame. */
export function execute(df: DataFrame, action: string): Execution {
  const callSite = userCallSite();
  const site = `${action} at ${callSite}`;
  const { shufflePartitions, broadcastThreshold } = df.session;
  const adaptive = new AdaptiveExecution(adaptiveOptions(df.session.conf, df.session.host.defaultParallelism), broadcastThreshold);
  const enabled = adaptive.options.enabled;
  const planner = new PhysicalPlanner(df.session.host, { shufflePartitions, broadcastThreshold, site, adaptive: enabled ? adaptive : undefined });
  const optimized = optimize(df.plan, () => df.session.timeZone, df.session.ansiEnabled);
  const rdd = planner.rows(optimized);
  // One description of the physical plan serves the job's text and the UI's plan with row counts.
  const physical = describePhysical(optimized, shufflePartitions, broadcastThreshold, planner.rowsMetrics());
  const sql = df.sqlText === undefined ? '' : `\n${df.sqlText}`;
  const description = `${site}${sql}\n== Physical Plan ==\n${physicalTreeString(physical)}`;
  const sqlPlan = sqlPlanNode(physical);
  return { rdd, description, callSite, shortCallSite: site, sqlPlan, observed: planner.observations(), ...(df.sqlText === undefined ? {} : { sqlText: df.sqlText }) };
}

function sqlPlanNode(node: PhysicalNode): SqlPlanNode {
  const children = node.children.map(sqlPlanNode);
  return node.rowsMetric === undefined ? { name: node.name, args: node.args.trim(), children } : { name: node.name, args: node.args.trim(), rowsMetric: node.rowsMetric, children };
}

/** Runs a job over the DataFrame's rows (or an RDD computed from them); then fills the Observations it computed. */
async function submitJob<R>(df: DataFrame, execution: Execution, rdd: RDD<unknown> = execution.rdd): Promise<R[][]> {
  const { description, callSite, shortCallSite, sqlText, sqlPlan } = execution;
  const result = await df.session.host.submitJob<R>(rdd, { description, callSite, shortCallSite, sqlText, sqlPlan, source: execution.rdd });
  reportObservations(execution.observed);
  return result;
}

/** Runs the DataFrame's job and returns its engine rows in partition order. */
async function run(df: DataFrame, action: string): Promise<unknown[][]> {
  return (await submitJob<unknown[]>(df, execute(df, action))).flat();
}

export async function collect(df: DataFrame): Promise<Record<string, unknown>[]> {
  return (await run(df, 'collect')).map(rowsToObjects(df.schema));
}

export async function count(df: DataFrame): Promise<number> {
  const execution = execute(df, 'count');
  const counts = mapPartitionsGenerated<number>(execution.rdd, new CodegenContext(), 'let n = 0;\nfor (const row of input) n++;\nreturn [n];', 'count');
  const perPartition = await submitJob<number>(df, execution, counts);
  return perPartition.flat().reduce((a, b) => a + b, 0);
}

/** `df.limit(n)` for an action that shows the first rows: its jobs still carry the query's SQL text. */
function firstRows(df: DataFrame, n: number): DataFrame {
  const limited = df.limit(n);
  limited.sqlText = df.sqlText;
  return limited;
}

export async function head(df: DataFrame, n: number): Promise<Record<string, unknown>[]> {
  return (await run(firstRows(df, n), 'head')).map(rowsToObjects(df.schema));
}

export async function showString(df: DataFrame, n: number, truncate: boolean | number, vertical: boolean): Promise<string> {
  const rows = await run(firstRows(df, Math.max(n, 0) + 1), 'showString');
  const fields = df.schema.fields;
  const external = rows.map((row) => row.map((v, i) => toExternal(v, fields[i].dataType)));
  return formatShowString(external, df.schema, n, truncate, vertical, { timeZone: df.session.timeZone }).replace(/\n$/, '');
}

/** The rows as an Apache Arrow table (interop/rows-to-arrow.ts, imported here so that only toArrow loads Arrow). */
export async function toArrow(df: DataFrame): Promise<ArrowTable> {
  const { rowsToArrow } = await loadRowsToArrow();
  return rowsToArrow(df.schema, await run(df, 'toArrow'));
}

export async function* toLocalIterator(df: DataFrame): AsyncIterable<Record<string, unknown>> {
  const convert = rowsToObjects(df.schema);
  const execution = execute(df, 'toLocalIterator');
  for await (const row of execution.rdd.toLocalIterator()) yield convert(row);
  reportObservations(execution.observed);
}

export function toRdd(df: DataFrame): RDD<Record<string, unknown>> {
  return execute(df, 'rdd').rdd.map(rowToUser(df.schema));
}
