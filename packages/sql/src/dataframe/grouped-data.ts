/**
 * GroupedData (`df.groupBy(...)`, `df.rollup(...)`, `df.cube(...)`, `df.groupingSets(...)`): aggregations per group — `agg` with Columns or PySpark's
 * dict form (`{ age: 'max' }`), and the shorthands count, sum, avg/mean, min, max.
 */
import { Column } from '../column.js';
import { aliasOf, callOf, stripAlias, transformDown, type Attr, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { prettyName } from '../expr/names.js';
import { literalExpr } from '../expr/literal.js';
import { isNumeric } from '../expr/type-rules.js';
import { AnalysisException } from '../analyzer/analysis-error.js';
import { resolveColumn } from '../analyzer/resolve-expression.js';
import type { DataFrame } from './dataframe.js';

export type AggSpec = Column | Column[] | Record<string, string>;

export class GroupedData {
  constructor(
    private readonly df: DataFrame,
    private readonly groupingExprs: readonly Expr[],
    private readonly pivotBy?: { readonly column: Expr; readonly values: readonly unknown[] },
    /** rollup / cube / groupingSets: positions in groupingExprs per set (plan/grouping-sets.ts). */
    private readonly groupingSets?: readonly (readonly number[])[],
  ) {}

  /**
   * Pivots `pivotCol`: each of `values` becomes a column per aggregate. PySpark computes the
   * values with a job when they are not given; here they must be given (a DataFrame's columns
   * are known synchronously).
   */
  pivot(pivotCol: string, values?: unknown[]): GroupedData {
    if (values === undefined) {
      throw new Error(`pivot('${pivotCol}') needs its values here, e.g. pivot('${pivotCol}', [...]); collect them first with df.select('${pivotCol}').distinct().collect()`);
    }
    if (this.groupingSets) throw new Error('[UNSUPPORTED_FEATURE] pivot after rollup, cube or groupingSets is not supported; pivot after groupBy.');
    return new GroupedData(this.df, this.groupingExprs, { column: { kind: 'column', name: pivotCol }, values });
  }

  agg(...exprs: AggSpec[]): DataFrame {
    const aggregates: Expr[] = [];
    for (const spec of exprs) {
      if (spec instanceof Column) aggregates.push(spec.expr);
      else if (Array.isArray(spec)) aggregates.push(...spec.map((c) => c.expr));
      else for (const [column, fn] of Object.entries(spec)) aggregates.push(this.dictAggregate(column, fn));
    }
    if (aggregates.length === 0) throw new Error('[CANNOT_BE_EMPTY] At least one agg expression must be specified.');
    return this.aggregate(aggregates);
  }
  count(): DataFrame {
    return this.aggregate([aliasOf(callOf('count', [literalExpr(1)]), 'count')]);
  }
  sum(...cols: string[]): DataFrame {
    return this.numericAggregate('sum', cols);
  }
  avg(...cols: string[]): DataFrame {
    return this.numericAggregate('avg', cols);
  }
  mean(...cols: string[]): DataFrame {
    return this.numericAggregate('avg', cols);
  }
  min(...cols: string[]): DataFrame {
    return this.numericAggregate('min', cols);
  }
  max(...cols: string[]): DataFrame {
    return this.numericAggregate('max', cols);
  }

  /** Grouping columns first, then the aggregates, as Spark's RelationalGroupedDataset. */
  private aggregate(aggregates: Expr[]): DataFrame {
    if (this.pivotBy) aggregates = pivoted(aggregates, this.pivotBy.column, this.pivotBy.values);
    const groupOutputs = this.groupingExprs.filter((g) => g.kind !== 'literal');
    // `groupBy(expr.alias('p'))` groups by the expression and outputs it as `p` (Spark's CleanupAliases).
    const groupBy = this.groupingExprs.map(stripAlias);
    const plan = { kind: 'aggregate', child: this.df.plan, groupBy, aggregates: [...groupOutputs, ...aggregates] } as const;
    return this.df.session.dataFrame(this.groupingSets ? { ...plan, groupingSets: this.groupingSets } : plan);
  }

  /** `{ age: 'max' }` is `max(age)`; `'*': 'count'` counts rows (`count(1)`). */
  private dictAggregate(column: string, fn: string): Expr {
    const name = fn.toLowerCase() === 'mean' ? 'avg' : fn.toLowerCase();
    if (column === '*' && name === 'count') return callOf('count', [literalExpr(1)]);
    return callOf(name, [{ kind: 'column', name: column }]);
  }

  /** sum/avg/min/max over the given columns, or over every numeric column when none is given. */
  private numericAggregate(fn: string, cols: string[]): DataFrame {
    const output = this.df.output;
    const targets: Attr[] =
      cols.length === 0
        ? output.filter((a) => isNumeric(a.dataType))
        : cols.map((c) => {
            const attr = resolveColumn(c, undefined, output) as Attr;
            if (!isNumeric(attr.dataType)) {
              throw new AnalysisException('UNSUPPORTED_DATA_TYPE', `"${c}" is not a numeric column. Aggregation function can only be applied on a numeric column.`);
            }
            return attr;
          });
    return this.aggregate(targets.map((a) => callOf(fn, [a])));
  }
}

/**
 * Each aggregate once per pivot value, over only the rows with that value (its arguments become
 * `CASE WHEN pivot = value THEN arg END`), named `value` for one aggregate, else `value_aggregate`.
 */
function pivoted(aggregates: Expr[], column: Expr, values: readonly unknown[]): Expr[] {
  const out: Expr[] = [];
  for (const value of values) {
    const matches: Expr = { kind: 'binary', op: '=', left: column, right: literalExpr(value) };
    for (const a of aggregates) {
      const inner = a.kind === 'alias' ? a.child : a;
      const onlyValue = transformDown(inner, (x) =>
        x.kind === 'call' && lookupFunction(x.name)?.type === 'aggregate'
          ? { ...x, args: x.args.map((arg) => ({ kind: 'caseWhen', branches: [[matches, arg]], otherwise: undefined }) as Expr) }
          : undefined,
      );
      const name = aggregates.length === 1 ? String(value) : `${value}_${a.kind === 'alias' ? a.name : prettyName(a)}`;
      out.push(aliasOf(onlyValue, name));
    }
  }
  return out;
}
