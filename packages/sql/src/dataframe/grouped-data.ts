/**
 * GroupedData (`df.groupBy(...)`): aggregations per group — `agg` with Columns or PySpark's
 * dict form (`{ age: 'max' }`), and the shorthands count, sum, avg/mean, min, max.
 */
import { Column } from '../column.js';
import { aliasOf, callOf, type Attr, type Expr } from '../expr/expression.js';
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
  ) {}

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
    const groupOutputs = this.groupingExprs.filter((g) => g.kind !== 'literal');
    return this.df.session.dataFrame({ kind: 'aggregate', child: this.df.plan, groupBy: this.groupingExprs, aggregates: [...groupOutputs, ...aggregates] });
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
