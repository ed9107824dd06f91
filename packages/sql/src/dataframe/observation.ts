/**
 * `df.observe(observation | name, ...metrics)` and PySpark's Observation: aggregates of the rows
 * of a DataFrame (`count(lit(1)).alias('count')`, `max('age')`), made known once an action on it
 * (or on a DataFrame built from it) has run. As in Spark, the action's own job computes them from
 * the rows it reads (physical/observed-metrics.ts); the first action's answer fills the Observation.
 */
import { randomUUID } from 'node:crypto';
import { Column } from '../column.js';
import type { LogicalPlan, MetricsSink } from '../plan/logical-plan.js';
import type { ObservedMetrics } from '../physical/observed-metrics.js';
import { rowsToObjects } from './row-conversion.js';
import type { DataFrame } from './dataframe.js';

export class Observation implements MetricsSink {
  readonly name: string;
  private observed = false;
  private metrics: Record<string, unknown> | undefined;

  constructor(name?: string) {
    if (name !== undefined && typeof name !== 'string') throw new TypeError(`[NOT_STR] Argument \`name\` should be a str, got ${typeof name}.`);
    if (name === '') throw new Error("[VALUE_NOT_NON_EMPTY_STR] Value for `name` must be a non-empty string, got ''.");
    this.name = name ?? randomUUID();
  }

  get filled(): boolean {
    return this.metrics !== undefined;
  }

  /** The metrics by name, once an action on the observed DataFrame has finished. */
  get get(): Record<string, unknown> {
    if (!this.observed) throw new Error('[NO_OBSERVE_BEFORE_GET] Should observe by calling `DataFrame.observe` before `get`.');
    if (this.metrics === undefined) throw new Error(`Observation '${this.name}' has no metrics yet: run an action on the observed DataFrame first, and await it.`);
    return this.metrics;
  }

  /** @internal Called by df.observe: an Observation observes one DataFrame. */
  attach(): void {
    if (this.observed) throw new Error('[REUSE_OBSERVATION] An Observation can be used with a DataFrame only once.');
    this.observed = true;
  }

  report(metrics: Record<string, unknown>): void {
    this.metrics ??= metrics;
  }
}

export function observe(df: DataFrame, observation: Observation | string, metrics: Column[]): DataFrame {
  if (metrics.length === 0) throw new Error('[CANNOT_BE_EMPTY] At least one exprs must be specified.');
  if (!metrics.every((m) => m instanceof Column)) throw new TypeError('[NOT_LIST_OF_COLUMN] Argument `exprs` should be a list[Column].');
  if (!(observation instanceof Observation) && typeof observation !== 'string') {
    throw new TypeError('[NOT_LIST_OF_COLUMN] Argument `observation` should be a list[Column].');
  }
  // The metrics must aggregate the rows: analyzing them as an aggregation now says so at the call.
  df.agg(...metrics);
  const sink = observation instanceof Observation ? observation : undefined;
  const observed = df.session.dataFrame({ kind: 'collectMetrics', child: df.plan, name: sink?.name ?? (observation as string), metrics: metrics.map((m) => m.expr), sink });
  sink?.attach();
  return observed;
}

/** After an action's jobs: fills each Observation they observed with its metrics (physical/observed-metrics.ts). */
export function reportObservations(observed: readonly ObservedMetrics[]): void {
  for (const metrics of observed) metrics.node.sink?.report(rowsToObjects(metrics.schema)(metrics.result()));
}
