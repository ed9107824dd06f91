/**
 * The physical planner: compiles an optimized logical plan into RDD lineage that Flint's DAG
 * scheduler runs. Narrow operators (project, filter, alias) accumulate in a Pipeline that is
 * compiled into one generated function together with the operator that consumes it; operators
 * that need a shuffle (aggregate, join, sort, set operations, windows) end a stage.
 */
import type { RDD } from '@flint/rdd';
import type { Expr, NamedExpr, SortOrderExpr } from '../expr/expression.js';
import { outputOf } from '../plan/output.js';
import type { LogicalPlan, PlanOf } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';
import { hashAggregate } from './aggregate.js';
import { equiJoinKeys, shuffledHashJoin } from './join.js';
import { broadcastHashJoin, fusedBroadcastJoin } from './broadcast-join.js';
import { chooseJoin, shuffledBuildSide } from './join-selection.js';
import { buildsKeptSide, keptSideNestedLoopJoin } from './nested-loop-join.js';
import { limitRows } from './limit.js';
import { columnarPipelineOf, materialize, outputAfter, pipelineOf, withProbeRowsCounted, withStep, type AdaptiveProbe, type Pipeline } from './pipeline.js';
import { intersectOrExcept } from './set-ops.js';
import { sortEachPartition, takeOrdered, takeOrderedParts } from './sort.js';
import { sortRows } from './range-sort.js';
import { windowRows } from './window.js';
import { hashRepartition } from './hash-repartition.js';
import { cartesianProduct } from './cartesian-product.js';
import { readIds, scanColumns } from './scan-columns.js';
import { splitConjuncts } from '../expr/predicates.js';
import type { AdaptiveExecution } from './adaptive/adaptive-execution.js';
import { adaptiveJoin } from './adaptive/broadcast-from-shuffle.js';
import { fusedSwitch } from './adaptive/fused-switch.js';
import { RowCounter } from './row-counter.js';
import { bernoulliCellCondition, poissonCopies } from './sample-condition.js';
import { physicalPlanString } from './explain-physical.js';
import { ObservedMetrics } from './observed-metrics.js';

export interface PlannerOptions {
  /** Partitions after a shuffle (`flint.sql.shuffle.partitions`). */
  readonly shufflePartitions: number;
  /** Names the generated functions in task errors: the action and the user's call site. */
  readonly site: string;
  /** Largest estimated size of a join side that is broadcast (`flint.sql.autoBroadcastJoinThreshold`); -1: never. */
  readonly broadcastThreshold: number;
  /** Re-plans shuffle readers once their map stage is measured (adaptive/adaptive-execution.ts); absent: the plan is final. */
  readonly adaptive?: AdaptiveExecution;
}

/** Spark abbreviates a cached plan's name to 1,024 characters (commons-lang StringUtils.abbreviate). */
const CACHED_NAME_MAX = 1024;

function abbreviate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

export class PhysicalPlanner {
  /** The columns each scan must read (the outermost plan's answer wins: it sees every reader). */
  private readonly scanColumns = new Map<LogicalPlan, number[]>();
  /** The ids some operator of the outermost plan reads (undefined: all count as read); null before the first plan. */
  private read: ReadonlySet<number> | undefined | null = null;
  /** The outermost plan (null before the first). */
  private root: LogicalPlan | null = null;
  /** Output-row counters of the operators the generated loops count (row-counter.ts). */
  private readonly rowCounters = new Map<LogicalPlan, RowCounter>();
  private readonly observed: ObservedMetrics[] = [];
  /** Whether an operator reads column `id`: the columns none reads need not go through a shuffle or a broadcast. */
  private readonly isRead = (id: number): boolean => this.read === null || this.read === undefined || this.read.has(id);

  constructor(
    private readonly host: SqlHost,
    private readonly options: PlannerOptions,
  ) {}

  /** The Observations the planned jobs fill: each one's metrics, known once the jobs have run. */
  observations(): readonly ObservedMetrics[] {
    return this.observed;
  }

  /** The metric id of each counted operator: what the UI's plan shows "number of output rows" for. */
  rowsMetrics(): ReadonlyMap<LogicalPlan, number> {
    return new Map([...this.rowCounters].map(([plan, counter]) => [plan, counter.metricId]));
  }

  private rowCounter(plan: LogicalPlan): RowCounter {
    let counter = this.rowCounters.get(plan);
    if (!counter) this.rowCounters.set(plan, (counter = new RowCounter()));
    return counter;
  }

  /** The plan's rows as an RDD of positional arrays (in the order of the plan's output). */
  rows(plan: LogicalPlan): RDD<unknown[]> {
    for (const [relation, columns] of scanColumns(plan)) if (!this.scanColumns.has(relation)) this.scanColumns.set(relation, columns);
    if (this.read === null) {
      this.read = readIds(plan);
      this.root = plan;
    }
    return materialize(this.pipeline(plan), this.options.site);
  }

  private pipeline(plan: LogicalPlan): Pipeline {
    const site = this.options.site;
    const n = this.options.shufflePartitions;
    const fresh = (rdd: RDD<unknown[]>): Pipeline => ({ ...pipelineOf(rdd, outputOf(plan)), baseRows: this.rowCounter(plan) });
    switch (plan.kind) {
      case 'relation':
        return this.scan(plan);
      case 'project':
        return withStep(this.pipeline(plan.child), { kind: 'project', exprs: plan.exprs as readonly NamedExpr[] });
      case 'filter': {
        const child = plan.child;
        // A filter right above a scan is also handed to the source, which may skip data by it.
        const input = child.kind === 'relation' ? this.scan(child, splitConjuncts(plan.condition)) : this.pipeline(child);
        return withStep(input, { kind: 'filter', condition: plan.condition, rows: this.rowCounter(plan) });
      }
      case 'subqueryAlias':
      case 'hint':
        return this.pipeline(plan.child);
      case 'collectMetrics': {
        // An Observation not yet filled gets its metrics from this job's rows (observed-metrics.ts).
        if (plan.sink === undefined || plan.sink.filled) return this.pipeline(plan.child);
        const metrics = new ObservedMetrics(this.host, plan);
        this.observed.push(metrics);
        return withStep(this.pipeline(plan.child), { kind: 'observe', update: (vars, ctx) => metrics.genUpdate(vars, ctx) });
      }
      case 'aggregate':
        return fresh(this.shuffleRead(plan, hashAggregate(this.pipeline(plan.child), plan.groupBy, plan.aggregates as readonly NamedExpr[], n, site)));
      case 'distinct': {
        const output = outputOf(plan.child);
        return fresh(this.shuffleRead(plan, hashAggregate(this.pipeline(plan.child), output, output, n, site)));
      }
      case 'join': {
        const fused = this.fusedJoin(plan);
        if (fused !== undefined) return fused;
        const { rows, adaptiveProbe } = this.join(plan);
        return { ...fresh(rows), adaptiveProbe };
      }
      case 'sort':
        return fresh(this.sort(plan));
      case 'limit':
        return fresh(this.limit(plan));
      case 'setOp':
        return fresh(this.setOp(plan));
      case 'window':
        return fresh(windowRows(this.pipeline(plan.child), plan.windowExprs, n, site));
      case 'sample':
        if (plan.withReplacement) return withStep(this.pipeline(plan.child), { kind: 'repeat', count: poissonCopies(plan), rows: this.rowCounter(plan) });
        return withStep(this.pipeline(plan.child), { kind: 'filter', condition: bernoulliCellCondition(plan), rows: this.rowCounter(plan) });
      case 'repartition':
        return fresh(this.repartition(plan));
      case 'cached':
        return fresh(this.cached(plan));
      case 'generate':
        return withStep(this.pipeline(plan.child), { kind: 'generate', generator: plan.generator as Extract<typeof plan.generator, { kind: 'call' }>, outer: plan.outer, output: plan.output, rows: this.rowCounter(plan) });
      case 'unresolvedRelation':
        throw new Error(`internal error: ${plan.kind} reached the physical planner`);
    }
  }

  /** A relation's rows: column batches when its source reads them so. */
  private scan(plan: PlanOf<'relation'>, filters?: readonly Expr[]): Pipeline {
    const columns = this.scanColumns.get(plan);
    const batches = plan.source.toColumnBatches?.(this.host, columns, filters);
    const baseRows = this.rowCounter(plan);
    if (batches !== undefined) return { ...columnarPipelineOf(batches, plan.output, columns, plan.source.toColumnBatchSample?.(this.host, columns, filters)), baseRows };
    return { ...pipelineOf(plan.source.toRdd(this.host, columns, filters), plan.output), baseRows };
  }

  /** An inner broadcast join as a step of the stream side's pipeline; undefined for other joins. */
  private fusedJoin(plan: PlanOf<'join'>): Pipeline | undefined {
    if (plan.joinType !== 'inner') return undefined;
    const strategy = chooseJoin(plan, this.options.broadcastThreshold);
    if (strategy.kind !== 'broadcast') return undefined;
    const left = this.pipeline(plan.left);
    const right = this.pipeline(plan.right);
    const keys = equiJoinKeys(plan.condition, outputAfter(left), outputAfter(right));
    const [stream, small] = strategy.build === 'right' ? [left, right] : [right, left];
    return withProbeRowsCounted(fusedBroadcastJoin(stream, small, strategy.build, keys, this.options.site, this.isRead), this.rowCounter(plan));
  }

  /** A join's rows; a shuffled inner join's also in the fused form adaptive execution may switch it to. */
  private join(plan: PlanOf<'join'>): { rows: RDD<unknown[]>; adaptiveProbe?: AdaptiveProbe } {
    const left = this.pipeline(plan.left);
    const right = this.pipeline(plan.right);
    const strategy = chooseJoin(plan, this.options.broadcastThreshold);
    if (strategy.kind === 'broadcast') {
      const keys = equiJoinKeys(plan.condition, outputAfter(left), outputAfter(right));
      if (keys.leftKeys.length === 0 && buildsKeptSide(plan.joinType, strategy.build)) {
        return { rows: keptSideNestedLoopJoin(left, right, strategy.build, plan.joinType, plan.condition, this.options.site) };
      }
      return { rows: broadcastHashJoin(left, right, strategy.build, plan.joinType, keys, keys.residual, this.options.site, this.isRead, undefined, plan.nullAware) };
    }
    if (strategy.kind === 'cartesian') return { rows: cartesianProduct(left, right, plan.condition, this.options.site) };
    const partitions = this.options.adaptive?.joinPartitions(this.host, plan, this.options.shufflePartitions) ?? this.options.shufflePartitions;
    const build = shuffledBuildSide(plan);
    const joined = shuffledHashJoin(left, right, plan.joinType, plan.condition, partitions, this.options.site, this.isRead, build, plan.nullAware);
    if (!this.options.adaptive) return { rows: joined.rows };
    const keys = equiJoinKeys(plan.condition, outputAfter(left), outputAfter(right));
    const fused = plan.joinType === 'inner' && keys.leftKeys.length > 0 ? fusedSwitch(plan, left, right, keys, this.isRead, this.rowCounter(plan)) : undefined;
    const rows = this.options.adaptive.joinRead(plan, joined.rows, adaptiveJoin(left, right, plan, keys, joined, this.options.site, this.isRead, fused?.state));
    return { rows, adaptiveProbe: fused?.probe };
  }

  /** The reader of an aggregation's shuffle, coalesced by adaptive execution when it is on. */
  private shuffleRead(plan: LogicalPlan, reader: RDD<unknown[]>): RDD<unknown[]> {
    return this.options.adaptive ? this.options.adaptive.shuffleRead(plan, reader) : reader;
  }

  private sort(plan: PlanOf<'sort'>): RDD<unknown[]> {
    const child = this.pipeline(plan.child);
    if (!plan.global) return sortEachPartition(child, plan.orders, this.options.site);
    return sortRows(child, plan.orders, this.options.shufflePartitions, this.options.site, this.isReadBesides(plan));
  }

  /**
   * Whether an operator other than `plan` reads column `id`: a sort key nothing else reads travels
   * through the sort's shuffle as a key only, and is not moved along with the rows as they are sorted.
   */
  private isReadBesides(plan: LogicalPlan): (id: number) => boolean {
    const read = this.root === null || this.read === undefined ? undefined : readIds(this.root, plan);
    return (id) => read === undefined || read.has(id);
  }

  private limit(plan: PlanOf<'limit'>): RDD<unknown[]> {
    const child = plan.child;
    const topN = takeOrderedParts(plan);
    if (topN !== undefined) {
      const top = takeOrdered(this.pipeline(topN.sort.child), topN.sort.orders, topN.limit, plan.offset, this.options.site);
      if (topN.project === undefined) return top;
      // Limit(Project(Sort)): the projection runs on the top rows only, as Spark's TakeOrderedAndProject does.
      return materialize(withStep(pipelineOf(top, outputOf(topN.sort)), { kind: 'project', exprs: topN.project.exprs as readonly NamedExpr[] }), this.options.site);
    }
    return limitRows(this.rows(child), plan.n, plan.offset, this.options.site);
  }

  private setOp(plan: PlanOf<'setOp'>): RDD<unknown[]> {
    const left = this.rows(plan.left);
    const right = this.rows(plan.right);
    if (plan.op === 'union') return left.union(right);
    return intersectOrExcept(left, right, plan.op, plan.all, this.options.shufflePartitions, this.options.site);
  }

  private repartition(plan: PlanOf<'repartition'>): RDD<unknown[]> {
    const n = plan.numPartitions ?? this.options.shufflePartitions;
    // Range partitions as a sort makes them (rows also come out sorted within each, which Spark leaves unspecified).
    if (plan.range) return sortRows(this.pipeline(plan.child), plan.partitionExprs as SortOrderExpr[], n, this.options.site, this.isRead);
    if (plan.shuffle && plan.partitionExprs.length > 0) return hashRepartition(this.pipeline(plan.child), plan.partitionExprs, n, this.options.site);
    const rows = this.rows(plan.child);
    if (!plan.shuffle) return rows.coalesce(n);
    return rows.repartition(n);
  }

  /**
   * A cached plan computes its rows once per session: the RDD is built once and persisted, named
   * after the plan it holds as Spark's CachedRDDBuilder names it (the UI's Storage page shows it).
   */
  private cached(plan: PlanOf<'cached'>): RDD<unknown[]> {
    if (!plan.cache.rdd) {
      const name = physicalPlanString(plan.child, this.options.shufflePartitions, this.options.broadcastThreshold);
      plan.cache.rdd = this.rows(plan.child).persist(plan.cache.level).setName(abbreviate(name, CACHED_NAME_MAX));
    }
    return plan.cache.rdd;
  }
}
