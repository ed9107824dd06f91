/**
 * What a window specification must order (Spark's ResolveWindowOrder and WindowSpecDefinition's
 * checks): a ranking or offset function (`row_number`, `rank`, `lag`, ...) needs an ORDER BY, and
 * so does a RANGE frame with a bound other than UNBOUNDED, which counts from the current row's
 * sort key.
 */
import type { Expr, WindowSpecExpr } from '../expr/expression.js';
import { UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING, prettyName, windowSpecName } from '../expr/names.js';
import { lookupFunction } from '../expr/registry.js';
import { AnalysisException } from './analysis-error.js';

export function checkWindowOrder(fn: Expr, spec: WindowSpecExpr): void {
  if (spec.orderBy.length > 0) return;
  const def = fn.kind === 'call' ? lookupFunction(fn.name) : undefined;
  if (def?.type === 'window' && def.requiresOrder) {
    const wf = prettyName(fn);
    throw new AnalysisException(
      '_LEGACY_ERROR_TEMP_1037',
      `Window function ${wf} requires window to be ordered, please add ORDER BY clause. For example SELECT ${wf}(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table.`,
    );
  }
  const frame = spec.frame;
  if (frame?.type === 'range' && (frame.start > UNBOUNDED_PRECEDING || frame.end < UNBOUNDED_FOLLOWING)) {
    throw new AnalysisException(
      'DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER',
      `Cannot resolve "(${windowSpecName(spec, prettyName)})" due to data type mismatch: A range window frame cannot be used in an unordered window specification. SQLSTATE: 42K09`,
    );
  }
}
