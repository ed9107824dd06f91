/**
 * Running a DataFrame: optimize its plan, compile it to RDD lineage, run a job, and turn engine
 * rows into the user's row objects. Every action goes through `execute`.
 */
import { StorageLevel, type RDD } from '@flint/rdd';
import { showString as formatShowString } from '../format/index.js';
import { optimize } from '../optimizer/optimizer.js';
import { PhysicalPlanner } from '../physical/planner.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { toExternal, rowsToObjects } from './row-conversion.js';
import { rowsToUser } from './rdd-conversion.js';
import type { DataFrame } from './dataframe.js';

export function defaultStorageLevel(): StorageLevel {
  return StorageLevel.MEMORY_AND_DISK;
}

/** The RDD of engine rows that computes the DataFrame. */
export function execute(df: DataFrame, action: string, plan: LogicalPlan = df.plan): RDD<unknown[]> {
  const planner = new PhysicalPlanner(df.session.host, { shufflePartitions: df.session.shufflePartitions, site: `${action} at ${callSite()}` });
  return planner.rows(optimize(plan));
}

export async function collect(df: DataFrame): Promise<Record<string, unknown>[]> {
  const rows = await execute(df, 'collect').collect();
  return rows.map(rowsToObjects(df.schema));
}

export async function count(df: DataFrame): Promise<number> {
  return execute(df, 'count').count();
}

export async function head(df: DataFrame, n: number): Promise<Record<string, unknown>[]> {
  const limited = df.limit(n);
  const rows = await execute(limited, 'head').collect();
  return rows.map(rowsToObjects(df.schema));
}

export async function showString(df: DataFrame, n: number, truncate: boolean | number, vertical: boolean): Promise<string> {
  const rows = await execute(df.limit(Math.max(n, 0) + 1), 'showString').collect();
  const fields = df.schema.fields;
  const external = rows.map((row) => row.map((v, i) => toExternal(v, fields[i].dataType)));
  const timeZone = df.session.conf.get('flint.sql.session.timeZone') ?? df.session.conf.get('spark.sql.session.timeZone');
  return formatShowString(external, df.schema, n, truncate, vertical, timeZone ? { timeZone } : {}).replace(/\n$/, '');
}

export async function* toLocalIterator(df: DataFrame): AsyncIterable<Record<string, unknown>> {
  const convert = rowsToObjects(df.schema);
  for await (const row of execute(df, 'toLocalIterator').toLocalIterator()) yield convert(row);
}

export function toRdd(df: DataFrame): RDD<Record<string, unknown>> {
  return execute(df, 'rdd').mapPartitions(rowsToUser(df.schema));
}

/** The first stack frame outside Flint's packages: where the user called the action. */
function callSite(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  for (const frame of frames) {
    if (/[\\/]packages[\\/](sql|rdd|driver)[\\/](dist|src)[\\/]|node:internal|[\\/]node_modules[\\/]/.test(frame)) continue;
    const location = /\(?((?:file:\/\/)?[^\s()]+:\d+:\d+)\)?\s*$/.exec(frame);
    if (location) return location[1].replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
  }
  return 'unknown location';
}
