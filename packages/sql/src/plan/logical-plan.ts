/**
 * Logical plans: immutable nodes with a literal `kind`, built by the DataFrame API and the SQL
 * front end, resolved by the analyzer, rewritten by the optimizer and compiled by physical/.
 * Expressions in a plan are unresolved until the analyzer has run over it; afterwards every
 * column is an `attr` with an id, and every plan's output is a list of attributes.
 */
import type { RDD, StorageLevel } from '@flint/rdd';
import type { Attr, Expr, NamedExpr, SortOrderExpr } from '../expr/expression.js';
import type { SqlHost } from '../session-host.js';
import type { ColumnBatch } from '../io/column-batch.js';

/**
 * `existence`: Spark's ExistenceJoin, made only from an IN/EXISTS subquery that is not a WHERE
 * conjunct (under OR, in SELECT, in CASE): every left row once, with the join's `exists` column.
 */
export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross' | 'existence';

/** A join strategy hint (`df.hint('broadcast')`, Spark's JoinStrategyHint): broadcast this side, or shuffle it. */
export type JoinStrategyHint = 'broadcast' | 'shuffle_merge' | 'shuffle_hash' | 'shuffle_replicate_nl';

/** Where `df.observe(observation, ...)` reports its metrics after an action (the Observation class). */
export interface MetricsSink {
  /** Whether an action has reported metrics already (an observation is filled once, as Spark's). */
  readonly filled: boolean;
  report(metrics: Record<string, unknown>): void;
}

/**
 * Where a leaf's rows come from: in-memory rows, an RDD, a file reader. Rows are positional
 * arrays in the order of the relation's output. `columns`, when given, are the positions the
 * query needs (a reader may skip the others; the rows it returns still have every position).
 */
export interface RowSource {
  /** How the source shows in explain(): `LocalRelation`, `Scan csv /data/sales.csv`. */
  readonly description: string;
  /** Its operator in a physical plan, when not `Scan <description>` (Spark's `LocalTableScan <empty>,`). */
  readonly physicalName?: string;
  /** A file source's format (`parquet`, `csv`): a logical plan shows it as Spark's `Relation [a#1,b#2] parquet`. */
  readonly format?: string;
  /**
   * `filters`, when given, are the conjuncts of a filter right above the scan: a hint that lets
   * a source skip data no row of which can pass them (Parquet row groups); the filter still runs.
   */
  toRdd(host: SqlHost, columns?: readonly number[], filters?: readonly Expr[]): RDD<unknown[]>;
  /** The same rows as column batches (io/column-batch.ts), for sources that read them so; the planner prefers them. */
  toColumnBatches?(host: SqlHost, columns?: readonly number[], filters?: readonly Expr[]): RDD<ColumnBatch> | undefined;
  /** Batches of a sample of those rows, read at a fraction of the cost (a sort's range bounds need no more). */
  toColumnBatchSample?(host: SqlHost, columns?: readonly number[], filters?: readonly Expr[]): RDD<ColumnBatch> | undefined;
  /** Estimated size, for join selection (undefined: unknown, assumed large). */
  readonly sizeInBytes?: number;
  /** The files a file source reads (`df.inputFiles()`). */
  readonly inputFiles?: readonly string[];
}

export type LogicalPlan =
  | { readonly kind: 'relation'; readonly output: readonly Attr[]; readonly source: RowSource }
  | { readonly kind: 'unresolvedRelation'; readonly name: string }
  | { readonly kind: 'project'; readonly child: LogicalPlan; readonly exprs: readonly Expr[] }
  | { readonly kind: 'filter'; readonly child: LogicalPlan; readonly condition: Expr }
  | {
      readonly kind: 'aggregate';
      readonly child: LogicalPlan;
      readonly groupBy: readonly Expr[];
      readonly aggregates: readonly Expr[];
      /**
       * ROLLUP / CUBE / GROUPING SETS: each set lists the positions in `groupBy` it groups by; the
       * other grouping columns are null in its rows (see optimizer/expand-grouping-sets.ts).
       */
      readonly groupingSets?: readonly (readonly number[])[];
    }
  | {
      readonly kind: 'join';
      readonly left: LogicalPlan;
      readonly right: LogicalPlan;
      readonly joinType: JoinType;
      readonly condition: Expr | undefined;
      /** `USING (a, b)` / `df.join(other, ['a', 'b'])`: resolved into a condition and a projection. */
      readonly using?: readonly string[];
      /** Strategy hints of each side, moved here from `hint` nodes by the optimizer (optimizer/join-hints.ts). */
      readonly hints?: { readonly left?: JoinStrategyHint; readonly right?: JoinStrategyHint };
      /**
       * A left anti join from `x NOT IN (q)` (Spark's null-aware anti join): every left row is kept
       * when the right side is empty; otherwise a row whose key is null, or any row once the right
       * side has a null key, is dropped.
       */
      readonly nullAware?: boolean;
      /**
       * An existence join's boolean column: whether some right row matched the left row (with
       * nullAware, whether `x NOT IN (q)` is not true: a match, or a null key on either side of a
       * non-empty right side).
       */
      readonly exists?: Attr;
    }
  | { readonly kind: 'sort'; readonly child: LogicalPlan; readonly orders: readonly SortOrderExpr[]; readonly global: boolean }
  | {
      readonly kind: 'limit';
      readonly child: LogicalPlan;
      /** Rows kept after the offset (Infinity: all). */
      readonly n: number;
      readonly offset: number;
      /**
       * Which of Spark's operators the optimizer made of it, for explain() (it runs the same):
       * `pushed` GlobalLimit n / Offset m / LocalLimit n + m (LimitPushDown of LIMIT n OFFSET m),
       * `offsetOverLimit` Offset m / GlobalLimit n + m / LocalLimit n + m (`df.limit(k).offset(m)`);
       * none, as written: GlobalLimit n / LocalLimit n / Offset m.
       */
      readonly form?: 'pushed' | 'offsetOverLimit';
    }
  | { readonly kind: 'distinct'; readonly child: LogicalPlan }
  | {
      readonly kind: 'setOp';
      readonly op: 'union' | 'intersect' | 'except';
      /** UNION ALL / INTERSECT ALL / EXCEPT ALL keep duplicates. */
      readonly all: boolean;
      readonly left: LogicalPlan;
      readonly right: LogicalPlan;
      readonly byName?: { readonly allowMissingColumns: boolean };
    }
  /** Adds one column per window expression (each an alias of a `window` expr) to the child's output. */
  | { readonly kind: 'window'; readonly child: LogicalPlan; readonly windowExprs: readonly NamedExpr[] }
  | {
      readonly kind: 'sample';
      readonly child: LogicalPlan;
      /** Spark's Sample: without replacement, rows whose draw falls in [lowerBound, upperBound). */
      readonly lowerBound: number;
      readonly upperBound: number;
      readonly withReplacement: boolean;
      readonly seed: number;
    }
  | {
      readonly kind: 'repartition';
      readonly child: LogicalPlan;
      readonly numPartitions: number | undefined;
      readonly shuffle: boolean;
      readonly partitionExprs: readonly Expr[];
      /** repartitionByRange: `partitionExprs` are sort orders, and partitions hold ranges of them. */
      readonly range?: boolean;
    }
  | { readonly kind: 'subqueryAlias'; readonly child: LogicalPlan; readonly alias: string }
  /** `explode`-like generators: each input row yields zero or more rows with the generated columns. */
  | {
      readonly kind: 'generate';
      readonly child: LogicalPlan;
      readonly generator: Expr;
      readonly outer: boolean;
      readonly output: readonly Attr[];
    }
  /** `df.hint('broadcast')` (Spark's ResolvedHint): the strategy of the joins above; the optimizer moves it onto them. */
  | { readonly kind: 'hint'; readonly child: LogicalPlan; readonly strategy: JoinStrategyHint }
  /**
   * `df.observe(name, ...metrics)` (Spark's CollectMetrics): the rows pass through unchanged; after
   * an action, the aggregates `metrics` of those rows go to `sink` (dataframe/observation.ts).
   */
  | { readonly kind: 'collectMetrics'; readonly child: LogicalPlan; readonly name: string; readonly metrics: readonly Expr[]; readonly sink?: MetricsSink }
  /** A plan whose rows were computed and cached: `df.cache()` (see physical/). */
  | { readonly kind: 'cached'; readonly child: LogicalPlan; readonly cache: { rdd?: RDD<unknown[]>; readonly level: StorageLevel } };

export type PlanKind = LogicalPlan['kind'];
export type PlanOf<K extends PlanKind> = Extract<LogicalPlan, { kind: K }>;

export function planChildren(p: LogicalPlan): LogicalPlan[] {
  switch (p.kind) {
    case 'relation':
    case 'unresolvedRelation':
      return [];
    case 'join':
    case 'setOp':
      return [p.left, p.right];
    default:
      return [p.child];
  }
}

/** The same node over new children (in planChildren's order). */
export function withChildren(p: LogicalPlan, children: LogicalPlan[]): LogicalPlan {
  switch (p.kind) {
    case 'relation':
    case 'unresolvedRelation':
      return p;
    case 'join':
    case 'setOp':
      return children[0] === p.left && children[1] === p.right ? p : { ...p, left: children[0], right: children[1] };
    default:
      return children[0] === p.child ? p : { ...p, child: children[0] };
  }
}

/** Rewrites a plan bottom-up. */
export function transformPlanUp(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const children = planChildren(p);
  const rewritten = children.map((c) => transformPlanUp(c, f));
  const same = rewritten.every((c, i) => c === children[i]);
  return f(same ? p : withChildren(p, rewritten));
}
