/**
 * `df.hint(name, ...parameters)` (Spark's ResolveHints): join strategy hints (plan/hints.ts) mark
 * the whole DataFrame, or with table names the views and aliases of that name inside it;
 * partitioning hints are the methods (REPARTITION and REBALANCE: repartition, COALESCE: coalesce,
 * REPARTITION_BY_RANGE: repartitionByRange). An unknown hint is ignored with a warning, as Spark does.
 */
import { Column } from '../column.js';
import { JOIN_HINTS, withJoinHint } from '../plan/hints.js';
import type { DataFrame } from './dataframe.js';

export type HintParameter = string | number | Column | (string | number)[];

export function applyHint(df: DataFrame, name: string, parameters: readonly HintParameter[]): DataFrame {
  if (typeof name !== 'string') throw new TypeError(`[NOT_STR] Argument \`name\` should be a str, got ${typeof name}.`);
  const params = parameters.length === 1 && Array.isArray(parameters[0]) ? parameters[0] : parameters;
  for (const p of params) {
    if (!['string', 'number'].includes(typeof p) && !(p instanceof Column) && !Array.isArray(p)) {
      throw new TypeError(`[INVALID_ITEM_FOR_CONTAINER] All items in \`parameters\` should be in str, float, int, Column, list[str], list[float], list[int], got ${typeof p}.`);
    }
  }
  const upper = name.toUpperCase();
  const strategy = JOIN_HINTS[upper];
  if (strategy !== undefined) return df.session.dataFrame(withJoinHint(df.plan, strategy, params.flat().map(String)));
  const columns = params.filter((p): p is string | Column => typeof p === 'string' || p instanceof Column);
  const count = typeof params[0] === 'number' ? params[0] : undefined;
  switch (upper) {
    case 'REPARTITION':
    case 'REBALANCE':
      return count === undefined ? df.repartition(...columns) : df.repartition(count, ...columns);
    case 'COALESCE':
      if (count === undefined) throw new Error(`[INVALID_HINT_PARAMETER] COALESCE Hint expects a partition number as a parameter.`);
      return df.coalesce(count);
    case 'REPARTITION_BY_RANGE':
      return count === undefined ? df.repartitionByRange(...columns) : df.repartitionByRange(count, ...columns);
    default:
      df.session.host.log(`Unrecognized hint: ${name}${params.length > 0 ? `(${params.map(String).join(', ')})` : ''}`);
      return df;
  }
}
