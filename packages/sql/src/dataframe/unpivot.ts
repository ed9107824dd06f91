/**
 * `df.unpivot(ids, values, variable, value)` (PySpark's unpivot/melt) as an explode of one struct
 * per value column, so each input row yields its value columns in order, as Spark's Expand does.
 */
import { Column, columnExpr } from '../column.js';
import { aliasOf, callOf, type Attr, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { commonType } from '../expr/type-rules.js';
import { AnalysisException } from '../analyzer/analysis-error.js';
import { resolveColumn } from '../analyzer/resolve-expression.js';
import type { DataFrame, ColumnArg } from './dataframe.js';

const UNPIVOTED = '__unpivoted';

export function unpivotColumns(df: DataFrame, ids: ColumnArg[], values: ColumnArg[] | undefined, variable: string, value: string): DataFrame {
  const attrOf = (c: ColumnArg): Attr => resolveColumn(typeof c === 'string' ? c : (columnExpr(c) as { name: string }).name, undefined, df.output) as Attr;
  const idAttrs = ids.map(attrOf);
  const valueAttrs = values === undefined ? df.output.filter((a) => !idAttrs.some((i) => i.id === a.id)) : values.map(attrOf);
  if (valueAttrs.length === 0) throw new AnalysisException('UNPIVOT_REQUIRES_VALUE_COLUMNS', 'At least one value column needs to be specified for UNPIVOT, all columns specified as ids. SQLSTATE: 42K0A');
  const type = valueAttrs.slice(1).reduce((t, a) => commonType(t, a.dataType) ?? t, valueAttrs[0].dataType);
  const structs: Expr[] = valueAttrs.map((a) => callOf('named_struct', [literalExpr(variable), literalExpr(a.name), literalExpr(value), { kind: 'cast', child: a, to: type }]));
  const exploded = aliasOf(callOf('explode', [callOf('array', structs)]), UNPIVOTED);
  return df
    .select(...idAttrs.map((a) => new Column(a)), new Column(exploded))
    .select(...idAttrs.map((a) => a.name), `${UNPIVOTED}.*`);
}
