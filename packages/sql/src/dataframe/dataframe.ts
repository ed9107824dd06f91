/**
 * DataFrame: a lazy, analyzed logical plan and the session it belongs to. Transformations
 * return new DataFrames synchronously (analyzed at once, so a bad column name fails at the call);
 * actions (dataframe-actions.ts) optimize the plan, compile it to RDDs and run a job.
 * Method names and parameters are PySpark's.
 */
import type { RDD, StorageLevel } from '@flint/rdd';
import type { Table as ArrowTable } from 'apache-arrow';
import { StructField, StructType } from '../types/index.js';
import { Column, argumentExpr, columnExpr, nameToExpr, notColumn } from '../column.js';
import { aliasOf, callOf, exprJson, type Attr, type Expr, type NamedExpr, type SortOrderExpr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { outputOf } from '../plan/output.js';
import type { JoinType, LogicalPlan } from '../plan/logical-plan.js';
import { findAttr, resolveColumn } from '../analyzer/resolve-expression.js';
import { sqlFrontEnd } from '../sql-front-end.js';
import { toSortOrder } from '../window.js';
import type { SqlSession } from '../session.js';
import { GroupedData, type AggSpec } from './grouped-data.js';
import { DataFrameNaFunctions } from './na-functions.js';
import { DataFrameWriter } from './writer.js';
import * as actions from './dataframe-actions.js';
import { describeColumns, summaryStats } from './describe.js';
import { unpivotColumns } from './unpivot.js';
import { DataFrameStatFunctions, approxQuantile } from './stat-functions.js';
import { explainText } from './explain.js';
import { joinType } from './join-types.js';
import { resolveSelfJoinEqualities } from './self-join.js';
import { actionResult } from './action-result.js';
import { AnalysisException } from '../analyzer/analysis-error.js';
import { GLOBAL_TEMP_DATABASE } from '../analyzer/global-temp-views.js';
import { limitLikeValue } from '../analyzer/limit-like.js';
import { cubeSets, rollupSets } from '../plan/grouping-sets.js';
import { applyHint, type HintParameter } from './hints.js';
import { checkpointed } from './checkpoint.js';
import { observe, type Observation } from './observation.js';
import { crosstab, freqItems, sampleBy, type SampleFractions } from './frequency-stats.js';
import { inputFilesOf } from './input-files.js';
import { checkSampleFraction, isOrderable, randomSeed, randomSplitBounds } from './sampling.js';

export type ColumnArg = Column | string;
type ColumnArgs = (ColumnArg | ColumnArg[])[];
/** A column, a column name, or (in groupBy and sorts, as PySpark 4) a 1-based column ordinal. */
export type ColumnOrOrdinal = ColumnArg | number;
type SortArgs = (ColumnOrOrdinal | ColumnOrOrdinal[] | { ascending?: boolean | boolean[] })[];

const flat = <T>(args: (T | T[])[]): T[] => args.flat() as T[];

export class DataFrame {
  constructor(
    readonly session: SqlSession,
    /** The analyzed logical plan. */
    readonly plan: LogicalPlan,
  ) {}

  /** The SQL text the DataFrame came from (`fc.sql`), shown with its jobs in fc.jobHistory. */
  sqlText: string | undefined;
  /** The plan as the SQL parser returned it, before analysis (`fc.sql`), for explain('extended'). */
  parsedPlan: LogicalPlan | undefined;

  private derive(plan: LogicalPlan): DataFrame {
    return this.session.dataFrame(plan);
  }

  // ---- schema -------------------------------------------------------------------------------
  get output(): readonly Attr[] {
    return outputOf(this.plan);
  }
  get schema(): StructType {
    return new StructType(this.output.map((a) => new StructField(a.name, a.dataType, a.nullable)));
  }
  get columns(): string[] {
    return this.output.map((a) => a.name);
  }
  get dtypes(): [string, string][] {
    return this.output.map((a) => [a.name, a.dataType.simpleString()]);
  }
  printSchema(level?: number): void {
    // PySpark prints Spark's treeString, which ends in a newline, with print(): one blank line more.
    process.stdout.write(`${this.schema.treeString(level)}\n`);
  }
  /** `df.col('a')` / PySpark's `df['a']`: a column bound to this DataFrame. */
  /**
   * PySpark's colRegex: a backquoted name (`` `(Col1)?+.+` ``) is a Java regular expression, and
   * the Column selects every column whose whole name it matches (any case); any other name is `col`.
   */
  colRegex(colName: string): Column {
    if (typeof colName !== 'string') throw new TypeError(`[NOT_STR] Argument \`colName\` should be a str, got ${typeof colName}.`);
    const quoted = /^(?:(.+)\.)?`(.+)`$/s.exec(colName);
    if (!quoted) return this.col(colName);
    return new Column({ kind: 'star', regex: quoted[2]!, ...(quoted[1] === undefined ? {} : { qualifier: quoted[1] }) });
  }
  col(name: string): Column {
    if (name === '*') return new Column({ kind: 'star' });
    const e = nameToExpr(name);
    if (e.kind !== 'column') return new Column(e);
    return new Column(resolveColumn(e.name, e.qualifier, this.output));
  }

  // ---- projections --------------------------------------------------------------------------
  select(...cols: ColumnArgs): DataFrame {
    return this.derive({ kind: 'project', child: this.plan, exprs: flat(cols).map(columnExpr) });
  }
  selectExpr(...exprs: (string | string[])[]): DataFrame {
    const front = sqlFrontEnd('selectExpr()');
    return this.derive({ kind: 'project', child: this.plan, exprs: flat(exprs).map((e) => front.parseExpression(e)) });
  }
  withColumn(name: string, col: Column): DataFrame {
    return this.withColumns({ [name]: col });
  }
  /** Replaces columns of the same name in place, appends the others (PySpark's withColumns). */
  withColumns(colsMap: Record<string, Column>): DataFrame {
    const entries = Object.entries(colsMap);
    for (const [, c] of entries) if (!(c instanceof Column)) throw notColumn('col', c, false);
    const replaced = new Set<string>();
    const exprs: Expr[] = this.output.map((a) => {
      const match = entries.find(([n]) => n.toLowerCase() === a.name.toLowerCase());
      if (!match) return a;
      replaced.add(match[0]);
      return aliasOf(match[1].expr, match[0]);
    });
    for (const [n, c] of entries) if (!replaced.has(n)) exprs.push(aliasOf(c.expr, n));
    return this.derive({ kind: 'project', child: this.plan, exprs });
  }
  withColumnRenamed(existing: string, newName: string): DataFrame {
    return this.withColumnsRenamed({ [existing]: newName });
  }
  withColumnsRenamed(colsMap: Record<string, string>): DataFrame {
    const renames = new Map(Object.entries(colsMap).map(([k, v]) => [k.toLowerCase(), v]));
    const exprs = this.output.map((a) => (renames.has(a.name.toLowerCase()) ? aliasOf(a, renames.get(a.name.toLowerCase())!) : a));
    return this.derive({ kind: 'project', child: this.plan, exprs });
  }
  drop(...cols: ColumnArgs): DataFrame {
    const dropIds = new Set<number>();
    for (const c of flat(cols)) {
      if (typeof c === 'string') this.output.filter((a) => a.name.toLowerCase() === c.toLowerCase()).forEach((a) => dropIds.add(a.id));
      else if (c.expr.kind === 'attr') dropIds.add(c.expr.id);
      else if (c.expr.kind === 'column') {
        // A Column is resolved as an expression (ambiguous is an error, unknown a no-op); a name is taken literally.
        const matches = findAttr(c.expr.name, c.expr.qualifier, this.output);
        if (matches.length > 1) resolveColumn(c.expr.name, c.expr.qualifier, this.output);
        matches.forEach((a) => dropIds.add(a.id));
      }
    }
    return this.derive({ kind: 'project', child: this.plan, exprs: this.output.filter((a) => !dropIds.has(a.id)) });
  }
  toDF(...names: (string | string[])[]): DataFrame {
    const all = flat(names);
    if (all.length !== this.output.length) {
      throw new Error(`[LENGTH_SHOULD_BE_THE_SAME] The number of columns doesn't match. Old column names (${this.output.length}): ${this.columns.join(', ')}. New column names (${all.length}): ${all.join(', ')}.`);
    }
    return this.derive({ kind: 'project', child: this.plan, exprs: this.output.map((a, i) => (a.name === all[i] ? a : aliasOf(a, all[i]))) });
  }
  alias(alias: string): DataFrame {
    return this.derive({ kind: 'subqueryAlias', child: this.plan, alias });
  }

  // ---- filters, ordering, limits ------------------------------------------------------------
  filter(condition: Column | string): DataFrame {
    const e = typeof condition === 'string' ? sqlFrontEnd('filter(text)').parseExpression(condition) : argumentExpr(condition, 'condition');
    return this.derive({ kind: 'filter', child: this.plan, condition: e });
  }
  where(condition: Column | string): DataFrame {
    return this.filter(condition);
  }
  /** Sorts by columns, names or ordinals (`-1`: the first column descending), with `{ ascending }` last. */
  orderBy(...args: SortArgs): DataFrame {
    return this.derive({ kind: 'sort', child: this.plan, orders: sortOrders(args, (i) => this.ordinal(i)), global: true });
  }
  sort(...args: SortArgs): DataFrame {
    return this.orderBy(...args);
  }
  sortWithinPartitions(...args: SortArgs): DataFrame {
    return this.derive({ kind: 'sort', child: this.plan, orders: sortOrders(args, (i) => this.ordinal(i)), global: false });
  }
  limit(num: number): DataFrame {
    return this.derive({ kind: 'limit', child: this.plan, n: limitLike('limit', num), offset: 0 });
  }
  offset(num: number): DataFrame {
    return this.derive({ kind: 'limit', child: this.plan, n: Infinity, offset: limitLike('offset', num) });
  }
  distinct(): DataFrame {
    return this.derive({ kind: 'distinct', child: this.plan });
  }
  /** Keeps the first row of each group of rows equal on `subset` (all columns by default; a list or names). */
  dropDuplicates(...subsetArgs: (string | string[])[]): DataFrame {
    const subset = flat(subsetArgs);
    if (subset.length === 0) return this.distinct();
    const keys = subset.map((name) => resolveColumn(name, undefined, this.output) as Attr);
    const keyIds = new Set(keys.map((k) => k.id));
    const aggregates: NamedExpr[] = this.output.map((a) => (keyIds.has(a.id) ? a : aliasOf({ kind: 'call', name: 'first', args: [a] }, a.name)));
    const grouped = this.derive({ kind: 'aggregate', child: this.plan, groupBy: keys, aggregates });
    return grouped;
  }
  drop_duplicates(...subset: (string | string[])[]): DataFrame {
    return this.dropDuplicates(...subset);
  }

  // ---- aggregation --------------------------------------------------------------------------
  groupBy(...cols: (ColumnOrOrdinal | ColumnOrOrdinal[])[]): GroupedData {
    return new GroupedData(this, this.groupingKeys(cols));
  }
  groupby(...cols: (ColumnOrOrdinal | ColumnOrOrdinal[])[]): GroupedData {
    return this.groupBy(...cols);
  }
  /** Groups by each prefix of `cols`, down to the grand total (SQL's ROLLUP). */
  rollup(...cols: (ColumnOrOrdinal | ColumnOrOrdinal[])[]): GroupedData {
    const keys = this.groupingKeys(cols);
    return new GroupedData(this, keys, undefined, rollupSets(keys.map((_, i) => [i])));
  }
  /** Groups by every subset of `cols` (SQL's CUBE). */
  cube(...cols: (ColumnOrOrdinal | ColumnOrOrdinal[])[]): GroupedData {
    const keys = this.groupingKeys(cols);
    return new GroupedData(this, keys, undefined, cubeSets(keys.map((_, i) => [i])));
  }
  /** PySpark 4's groupingSets(sets, *cols): each set lists columns among `cols` (SQL's GROUPING SETS). */
  groupingSets(sets: ColumnArg[][], ...cols: (ColumnOrOrdinal | ColumnOrOrdinal[])[]): GroupedData {
    const keys = this.groupingKeys(cols);
    const positions = sets.map((set) =>
      set.map((c) => {
        const key = exprJson(columnExpr(c));
        const i = keys.findIndex((k) => exprJson(k) === key);
        if (i < 0) throw new AnalysisException('GROUPING_COLUMN_MISMATCH', `Column of grouping set (${typeof c === 'string' ? c : String(c)}) is not among the grouping columns.`);
        return i;
      }),
    );
    return new GroupedData(this, keys, undefined, positions);
  }
  private groupingKeys(cols: (ColumnOrOrdinal | ColumnOrOrdinal[])[]): Expr[] {
    return flat(cols).map((c) => (typeof c === 'number' ? this.ordinal(c).expr : columnExpr(c)));
  }
  agg(...exprs: AggSpec[]): DataFrame {
    return this.groupBy().agg(...exprs);
  }

  /**
   * PySpark's unpivot/melt: one row per input row and value column, holding the id columns, the
   * value column's name and its value (cast to the value columns' common type), in input order.
   */
  unpivot(ids: ColumnArg | ColumnArg[], values: ColumnArg | ColumnArg[] | undefined, variableColumnName: string, valueColumnName: string): DataFrame {
    return unpivotColumns(this, [ids].flat(), values === undefined ? undefined : [values].flat(), variableColumnName, valueColumnName);
  }
  melt(ids: ColumnArg | ColumnArg[], values: ColumnArg | ColumnArg[] | undefined, variableColumnName: string, valueColumnName: string): DataFrame {
    return this.unpivot(ids, values, variableColumnName, valueColumnName);
  }

  // ---- joins and set operations -------------------------------------------------------------
  join(other: DataFrame, on?: string | string[] | Column | Column[], how?: string): DataFrame {
    const type: JoinType = joinType(how ?? 'inner');
    if (on === undefined) return this.derive({ kind: 'join', left: this.plan, right: other.plan, joinType: type === 'inner' ? 'cross' : type, condition: undefined });
    const list = Array.isArray(on) ? on : [on];
    if (list.every((x) => typeof x === 'string')) {
      return this.derive({ kind: 'join', left: this.plan, right: other.plan, joinType: type, condition: undefined, using: list as string[] });
    }
    const condition = (list as Column[]).map((c) => c.expr).reduce((a, b) => ({ kind: 'binary', op: 'AND', left: a, right: b }));
    const joined = this.derive({ kind: 'join', left: this.plan, right: other.plan, joinType: type, condition });
    const resolved = resolveSelfJoinEqualities(joined.plan, this.plan, other.plan);
    // `resolved` is the analyzed join with only its condition's operands re-pointed: no second analysis.
    return resolved ? new DataFrame(this.session, resolved) : joined;
  }
  crossJoin(other: DataFrame): DataFrame {
    return this.derive({ kind: 'join', left: this.plan, right: other.plan, joinType: 'cross', condition: undefined });
  }
  union(other: DataFrame): DataFrame {
    return this.derive({ kind: 'setOp', op: 'union', all: true, left: this.plan, right: other.plan });
  }
  unionAll(other: DataFrame): DataFrame {
    return this.union(other);
  }
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return this.derive({ kind: 'setOp', op: 'union', all: true, left: this.plan, right: other.plan, byName: { allowMissingColumns } });
  }
  intersect(other: DataFrame): DataFrame {
    return this.derive({ kind: 'setOp', op: 'intersect', all: false, left: this.plan, right: other.plan });
  }
  intersectAll(other: DataFrame): DataFrame {
    return this.derive({ kind: 'setOp', op: 'intersect', all: true, left: this.plan, right: other.plan });
  }
  subtract(other: DataFrame): DataFrame {
    return this.derive({ kind: 'setOp', op: 'except', all: false, left: this.plan, right: other.plan });
  }
  exceptAll(other: DataFrame): DataFrame {
    return this.derive({ kind: 'setOp', op: 'except', all: true, left: this.plan, right: other.plan });
  }

  // ---- sampling and partitioning ------------------------------------------------------------
  /** `sample(fraction, seed?)` or `sample(withReplacement, fraction, seed?)`, as PySpark. */
  sample(a: boolean | number | undefined, b?: number, c?: number): DataFrame {
    const [withReplacement, fraction, seed] = typeof a === 'number' ? [false, a, b] : [a ?? false, b, c];
    if (typeof fraction !== 'number') throw new TypeError(`sample(): fraction must be a number, got ${fraction}`);
    checkSampleFraction(fraction, withReplacement);
    return this.derive({ kind: 'sample', child: this.plan, lowerBound: 0, upperBound: fraction, withReplacement, seed: seed ?? randomSeed() });
  }
  /**
   * Spark's randomSplit: one Sample per weight over the same seeded draws, each keeping the rows whose
   * draw falls in its slice of [0, 1) (the normalized cumulative weights). Rows are sorted within
   * partitions first, as Spark does, so the splits, computed by separate jobs, see the rows in the same order.
   */
  randomSplit(weights: number[], seed?: number): DataFrame[] {
    const bounds = randomSplitBounds(weights);
    const sorted = this.sortWithinPartitions(this.output.filter((a) => isOrderable(a.dataType)).map((a) => new Column(a)));
    const splitSeed = seed ?? randomSeed();
    return bounds.map(([lowerBound, upperBound]) => sorted.derive({ kind: 'sample', child: sorted.plan, lowerBound, upperBound, withReplacement: false, seed: splitSeed }));
  }
  repartition(numPartitions?: number | ColumnArg, ...cols: ColumnArg[]): DataFrame {
    const n = typeof numPartitions === 'number' ? numPartitions : undefined;
    const exprs = [...(typeof numPartitions === 'number' || numPartitions === undefined ? [] : [numPartitions]), ...cols].map(columnExpr);
    return this.derive({ kind: 'repartition', child: this.plan, numPartitions: n, shuffle: true, partitionExprs: exprs });
  }
  coalesce(numPartitions: number): DataFrame {
    return this.derive({ kind: 'repartition', child: this.plan, numPartitions, shuffle: false, partitionExprs: [] });
  }
  /** Partitions holding ranges of the columns' values (ascending unless a Column says desc), from a sample of them. */
  repartitionByRange(numPartitions?: number | ColumnArg, ...cols: ColumnArg[]): DataFrame {
    if (typeof numPartitions !== 'number' && typeof numPartitions !== 'string' && !(numPartitions instanceof Column)) {
      throw new TypeError(`[NOT_COLUMN_OR_INT_OR_STR] Argument \`numPartitions\` should be a Column, int or str, got ${typeof numPartitions}.`);
    }
    const all = typeof numPartitions === 'number' ? cols : [numPartitions, ...cols];
    if (all.length === 0) throw new Error('[CANNOT_BE_EMPTY] At least one partition-by expression must be specified.');
    const partitionExprs = all.map((c) => toSortOrder(columnExpr(c)));
    return this.derive({ kind: 'repartition', child: this.plan, numPartitions: typeof numPartitions === 'number' ? numPartitions : undefined, shuffle: true, partitionExprs, range: true });
  }
  /** Spark's hints: BROADCAST (and the other join strategies), REPARTITION, COALESCE, REPARTITION_BY_RANGE, REBALANCE (see hints.ts). */
  hint(name: string, ...parameters: HintParameter[]): DataFrame {
    return applyHint(this, name, parameters);
  }
  /** The rows computed and saved under fc's checkpoint directory, behind a plan that starts there; eager (the default) saves them now. */
  checkpoint(eager?: true): Promise<DataFrame>;
  checkpoint(eager: false): DataFrame;
  checkpoint(eager = true): DataFrame | Promise<DataFrame> {
    return checkpointed(this, eager, true);
  }
  /** As checkpoint, with the rows kept by the executors (no checkpoint directory needed). */
  localCheckpoint(eager?: true, storageLevel?: StorageLevel): Promise<DataFrame>;
  localCheckpoint(eager: false, storageLevel?: StorageLevel): DataFrame;
  localCheckpoint(eager = true, storageLevel?: StorageLevel): DataFrame | Promise<DataFrame> {
    return checkpointed(this, eager, false, storageLevel);
  }
  /** Aggregates of this DataFrame's rows, known to `observation` (`observation.get`) once an action on the result has run. */
  observe(observation: Observation | string, ...exprs: Column[]): DataFrame {
    return observe(this, observation, exprs);
  }
  /** The files the DataFrame reads (sorted, each once). */
  inputFiles(): string[] {
    return inputFilesOf(this.plan);
  }

  // ---- caching ------------------------------------------------------------------------------
  private cachedPlan: LogicalPlan | undefined;
  cache(): DataFrame {
    return this.persist();
  }
  /**
   * Marks the rows to be kept once computed. Like Spark, the same DataFrame object becomes cached:
   * its plan is swapped for a cached node that later actions and derived DataFrames reuse.
   */
  persist(level?: StorageLevel): DataFrame {
    if (this.cachedPlan === undefined) {
      this.cachedPlan = { kind: 'cached', child: this.plan, cache: { level: level ?? actions.defaultStorageLevel() } };
      (this as { plan: LogicalPlan }).plan = this.session.dataFrame(this.cachedPlan).plan;
    }
    return this;
  }
  unpersist(): DataFrame {
    const cached = this.plan.kind === 'cached' ? this.plan : undefined;
    cached?.cache.rdd?.unpersist();
    if (cached) {
      cached.cache.rdd = undefined;
      (this as { plan: LogicalPlan }).plan = cached.child;
      this.cachedPlan = undefined;
    }
    return this;
  }
  get isCached(): boolean {
    return this.plan.kind === 'cached';
  }

  createOrReplaceTempView(name: string): void {
    this.session.registerTempView(name, this.plan, true);
  }
  createTempView(name: string): void {
    this.session.registerTempView(name, this.plan, false);
  }
  /** A view SQL reads as `global_temp.name`. */
  createGlobalTempView(name: string): void {
    this.session.registerTempView(`${GLOBAL_TEMP_DATABASE}.${name}`, this.plan, false);
  }
  createOrReplaceGlobalTempView(name: string): void {
    this.session.registerTempView(`${GLOBAL_TEMP_DATABASE}.${name}`, this.plan, true);
  }

  // ---- nested API objects -------------------------------------------------------------------
  get na(): DataFrameNaFunctions {
    return new DataFrameNaFunctions(this);
  }
  fillna(value: unknown, subset?: string | string[]): DataFrame {
    return this.na.fill(value, subset);
  }
  dropna(how: 'any' | 'all' = 'any', thresh?: number, subset?: string | string[]): DataFrame {
    return this.na.drop(how, thresh, subset);
  }
  replace(toReplace: Parameters<DataFrameNaFunctions['replace']>[0], value?: Parameters<DataFrameNaFunctions['replace']>[1], subset?: string | string[]): DataFrame {
    return this.na.replace(toReplace, value, subset);
  }
  get write(): DataFrameWriter {
    return new DataFrameWriter(this);
  }
  describe(...cols: ColumnArgs): DataFrame {
    return describeColumns(this, flat(cols).map((c) => (typeof c === 'string' ? c : (c.expr as { name: string }).name)));
  }
  summary(...statistics: (string | string[])[]): DataFrame {
    return summaryStats(this, flat(statistics));
  }

  /** PySpark's `corr(col1, col2, method = 'pearson')`: the Pearson correlation of two columns (a job). */
  corr(col1: string, col2: string, method = 'pearson'): Promise<number | null> {
    if (method !== 'pearson') throw new Error(`[VALUE_NOT_PEARSON] Value for \`method\` only supports 'pearson', got '${method}'.`);
    return this.statistic('corr', col1, col2);
  }
  /** PySpark's approxQuantile: per column (one name, or a list), the value at each probability (see stat-functions.ts). */
  approxQuantile(col: string, probabilities: number[], relativeError: number): Promise<number[]>;
  approxQuantile(col: string[], probabilities: number[], relativeError: number): Promise<number[][]>;
  approxQuantile(col: string | string[], probabilities: number[], relativeError: number): Promise<number[] | number[][]> {
    return approxQuantile(this, col, probabilities, relativeError);
  }
  /** A contingency table of two columns (see frequency-stats.ts); its columns depend on the data, so it runs a job. */
  crosstab(col1: string, col2: string): Promise<DataFrame> {
    return crosstab(this, col1, col2);
  }
  /** Per column, `<col>_freqItems`: values that may be in more than `support` (default 1%) of the rows. */
  freqItems(cols: string[], support?: number): DataFrame {
    return freqItems(this, cols, support);
  }
  /** A sample with a rate per value of `col` (0 for values not in `fractions`). */
  sampleBy(col: ColumnArg, fractions: SampleFractions, seed?: number): DataFrame {
    return sampleBy(this, col, fractions, seed);
  }
  /** `df.stat`: approxQuantile, corr, cov, crosstab, freqItems, sampleBy (PySpark's DataFrameStatFunctions). */
  get stat(): DataFrameStatFunctions {
    return new DataFrameStatFunctions(this);
  }
  /** PySpark's `cov(col1, col2)`: the sample covariance of two columns (a job). */
  cov(col1: string, col2: string): Promise<number | null> {
    return this.statistic('covar_samp', col1, col2);
  }
  private async statistic(fn: string, col1: string, col2: string): Promise<number | null> {
    const [row] = await this.agg(new Column(aliasOf(callOf(fn, [nameToExpr(col1), nameToExpr(col2)]), 'value'))).collect();
    return row.value as number | null;
  }

  // ---- actions ------------------------------------------------------------------------------
  collect(): Promise<Record<string, unknown>[]> {
    return actionResult('df.collect()', actions.collect(this));
  }
  count(): Promise<number> {
    return actionResult('df.count()', actions.count(this));
  }
  first(): Promise<Record<string, unknown> | null> {
    return actionResult('df.first()', actions.head(this, 1).then((rows) => rows[0] ?? null));
  }
  /** `head()` is the first row (or null); `head(n)` the first n rows. */
  head(): Promise<Record<string, unknown> | null>;
  head(n: number): Promise<Record<string, unknown>[]>;
  head(n?: number): Promise<Record<string, unknown>[] | Record<string, unknown> | null> {
    return n === undefined ? this.first() : actionResult('df.head(n)', actions.head(this, n));
  }
  take(num: number): Promise<Record<string, unknown>[]> {
    return actionResult('df.take(n)', actions.head(this, num));
  }
  tail(num: number): Promise<Record<string, unknown>[]> {
    return actionResult('df.tail(n)', actions.collect(this).then((rows) => rows.slice(Math.max(rows.length - num, 0))));
  }
  isEmpty(): Promise<boolean> {
    return actionResult('df.isEmpty()', actions.head(this, 1).then((rows) => rows.length === 0));
  }
  showString(n = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    return actionResult('df.showString()', actions.showString(this, n, truncate, vertical));
  }
  async show(n = 20, truncate: boolean | number = true, vertical = false): Promise<void> {
    // PySpark prints Spark's showString (the lines here plus a newline) with print(): a blank line more.
    process.stdout.write(`${await this.showString(n, truncate, vertical)}\n\n`);
  }
  /** The rows as an Apache Arrow table: longs Int64, decimals Decimal128, dates Date32, timestamps microseconds UTC. */
  toArrow(): Promise<ArrowTable> {
    return actions.toArrow(this);
  }
  toLocalIterator(): AsyncIterable<Record<string, unknown>> {
    return actions.toLocalIterator(this);
  }
  foreach(f: (row: Record<string, unknown>) => unknown): Promise<void> {
    return this.rdd.foreach(f);
  }
  /** PySpark's foreachPartition: `f` (shipped as an RDD function) gets each partition's rows as an iterable. */
  foreachPartition(f: (rows: Iterable<Record<string, unknown>>) => unknown): Promise<void> {
    return this.rdd.foreachPartition(f);
  }
  /**
   * The rows as JSON text, one string per row (PySpark's toJSON): to_json of the row, so null
   * fields are left out. `_useUnicode` is PySpark's parameter; JavaScript strings are always Unicode.
   */
  toJSON(_useUnicode = true): RDD<string> {
    const row = callOf('named_struct', this.output.flatMap((a) => [literalExpr(a.name), a]));
    return actions.toRdd(this.select(new Column(callOf('to_json', [row])).alias('value'))).map((r) => r.value as string);
  }
  /** The rows as an RDD of row objects (converted on the workers). */
  get rdd(): RDD<Record<string, unknown>> {
    return actions.toRdd(this);
  }
  explain(extended?: boolean | string, mode?: string): void {
    process.stdout.write(`${this.explainString(extended, mode)}\n`);
  }
  explainString(extended?: boolean | string, mode?: string): string {
    const chosen = typeof extended === 'string' ? extended : mode ?? (extended ? 'extended' : 'simple');
    return explainText(this, chosen);
  }
  /** PySpark's `transform(func, *args)`: chains a function of DataFrames. */
  transform<A extends unknown[]>(func: (df: DataFrame, ...args: A) => DataFrame, ...args: A): DataFrame {
    return func(this, ...args);
  }
  /** The column at a 1-based ordinal; a negative one sorts that column descending (PySpark 4). */
  private ordinal(i: number): Column {
    if (!Number.isInteger(i) || i === 0 || Math.abs(i) > this.output.length) {
      throw new Error(i === 0 ? '[ZERO_INDEX] Index must be non-zero.' : `[INDEX_OUT_OF_RANGE] Column ordinal ${i} is out of range: the DataFrame has ${this.output.length} columns.`);
    }
    const c = new Column(this.output[Math.abs(i) - 1]);
    return i > 0 ? c : c.desc();
  }
  toString(): string {
    return `DataFrame[${this.dtypes.map(([n, t]) => `${n}: ${t}`).join(', ')}]`;
  }
  /** console.log(df) and the shell print PySpark's repr, not the plan and session objects. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** Sort columns with PySpark's `ascending` keyword (a boolean or one per column). */
function sortOrders(args: SortArgs, ordinal: (i: number) => Column): SortOrderExpr[] {
  const last = args[args.length - 1];
  const options = last !== undefined && typeof last === 'object' && !(last instanceof Column) && !Array.isArray(last) ? (last as { ascending?: boolean | boolean[] }) : undefined;
  const cols = flat((options ? args.slice(0, -1) : args) as (ColumnOrOrdinal | ColumnOrOrdinal[])[]);
  if (cols.length === 0) throw new Error('[CANNOT_BE_EMPTY] At least one column must be specified.');
  const ascending = options?.ascending;
  return cols.map((c, i) => {
    const order = toSortOrder(typeof c === 'number' ? ordinal(c).expr : columnExpr(c));
    const asc = Array.isArray(ascending) ? ascending[i] : ascending;
    if (asc === undefined || asc === true) return order;
    return { kind: 'sortOrder', child: order.child, ascending: false, nullsFirst: false };
  });
}

/** `df.limit(n)` / `df.offset(n)`: a JS number that is not whole is Spark's DOUBLE. */
function limitLike(name: 'limit' | 'offset', value: number): number {
  const type = Number.isInteger(value) ? undefined : typeof value === 'number' ? 'DOUBLE' : String(typeof value).toUpperCase();
  return limitLikeValue(name, String(value), value, type);
}
