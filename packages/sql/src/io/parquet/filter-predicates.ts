/**
 * The parts of a query's filter that Parquet statistics can judge: a column compared with a
 * literal (`=`, `<`, `<=`, `>`, `>=`, either side), `IN (literals)`, `IS [NOT] NULL`.
 * Anything else (casts, functions, OR) is left to the filter itself.
 */
import type { Expr } from '../../expr/expression.js';
import type { ColumnPredicate } from './row-group-filter.js';

type Scalar = number | string | boolean;
type Comparison = '=' | '<' | '<=' | '>' | '>=';

const FLIPPED: Record<Comparison, Comparison> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function scalar(e: Expr): Scalar | undefined {
  if (e.kind !== 'literal') return undefined;
  const v = e.value;
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : undefined;
}

function predicateOf(e: Expr): ColumnPredicate | undefined {
  if (e.kind === 'binary' && e.op in FLIPPED) {
    const op = e.op as Comparison;
    if (e.left.kind === 'attr') {
      const value = scalar(e.right);
      return value === undefined ? undefined : { column: e.left.name, op, value };
    }
    if (e.right.kind === 'attr') {
      const value = scalar(e.left);
      return value === undefined ? undefined : { column: e.right.name, op: FLIPPED[op], value };
    }
  }
  if (e.kind === 'unary' && (e.op === 'IS NULL' || e.op === 'IS NOT NULL') && e.child.kind === 'attr') {
    return { column: e.child.name, op: e.op === 'IS NULL' ? 'isNull' : 'isNotNull' };
  }
  if (e.kind === 'in' && e.child.kind === 'attr') {
    const values = e.list.map(scalar);
    if (values.every((v): v is Scalar => v !== undefined)) return { column: e.child.name, op: 'in', values };
  }
  return undefined;
}

export function columnPredicates(filters: readonly Expr[] | undefined): ColumnPredicate[] {
  return (filters ?? []).flatMap((f) => predicateOf(f) ?? []);
}
