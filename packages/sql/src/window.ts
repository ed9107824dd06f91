/**
 * Window specifications: `Window.partitionBy('dept').orderBy('salary').rowsBetween(...)`, as in
 * PySpark. A WindowSpec is immutable; each method returns a new one.
 */
import { Column, columnExpr } from './column.js';
import type { Expr, SortOrderExpr, WindowFrame, WindowSpecExpr } from './expr/expression.js';
import { UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING } from './expr/names.js';

type ColumnArg = Column | string;
type ColumnArgs = (ColumnArg | ColumnArg[])[];

const flatten = (cols: ColumnArgs): ColumnArg[] => cols.flat();

export function toSortOrder(e: Expr): SortOrderExpr {
  return e.kind === 'sortOrder' ? e : { kind: 'sortOrder', child: e, ascending: true, nullsFirst: true };
}

export class WindowSpec {
  constructor(readonly spec: WindowSpecExpr) {}

  partitionBy(...cols: ColumnArgs): WindowSpec {
    return new WindowSpec({ ...this.spec, partitionBy: flatten(cols).map(columnExpr) });
  }
  orderBy(...cols: ColumnArgs): WindowSpec {
    return new WindowSpec({ ...this.spec, orderBy: flatten(cols).map((c) => toSortOrder(columnExpr(c))) });
  }
  rowsBetween(start: number, end: number): WindowSpec {
    return this.frame('rows', start, end);
  }
  rangeBetween(start: number, end: number): WindowSpec {
    return this.frame('range', start, end);
  }
  private frame(type: WindowFrame['type'], start: number, end: number): WindowSpec {
    return new WindowSpec({ ...this.spec, frame: { type, start: clampBound(start), end: clampBound(end) } });
  }
}

/** PySpark treats anything beyond ±(2^63 - 1)-ish sentinels as unbounded; so do we, at our own sentinels. */
function clampBound(b: number): number {
  if (b <= UNBOUNDED_PRECEDING) return UNBOUNDED_PRECEDING;
  if (b >= UNBOUNDED_FOLLOWING) return UNBOUNDED_FOLLOWING;
  return b;
}

const empty = new WindowSpec({ partitionBy: [], orderBy: [], frame: undefined });

export const Window = {
  unboundedPreceding: UNBOUNDED_PRECEDING,
  unboundedFollowing: UNBOUNDED_FOLLOWING,
  currentRow: 0,
  partitionBy: (...cols: ColumnArgs): WindowSpec => empty.partitionBy(...cols),
  orderBy: (...cols: ColumnArgs): WindowSpec => empty.orderBy(...cols),
  rowsBetween: (start: number, end: number): WindowSpec => empty.rowsBetween(start, end),
  rangeBetween: (start: number, end: number): WindowSpec => empty.rangeBetween(start, end),
};
