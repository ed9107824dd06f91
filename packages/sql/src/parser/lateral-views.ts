/**
 * `FROM t LATERAL VIEW [OUTER] generator(args) [alias] [AS] c1, c2, ...` (Hive's syntax, which
 * Spark SQL keeps): each lateral view joins every row with the rows its generator makes
 * (explode, posexplode, json_tuple, ...), as a SELECT of `*` and the generator would; OUTER keeps
 * a row whose generator makes none (explode_outer). The generated columns may be qualified with
 * the view's alias (`jt.a`, `jt.*`).
 */
import type { Expr as PlanExpr } from '../expr/expression.js';
import { newExprId } from '../expr/expression.js';
import { prettyName } from '../expr/names.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import type { Expr, LateralView } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr } from './expressions.js';

export function parseLateralViews(c: Cursor): LateralView[] {
  const views: LateralView[] = [];
  while (c.isWord('LATERAL') && c.isWord('VIEW', 1)) {
    c.next();
    c.next();
    const outer = c.acceptWord('OUTER');
    const start = c.peek();
    const generator: Expr = parseExpr(c);
    if (generator.kind !== 'function') throw c.error('expected a generator function such as explode(...) after LATERAL VIEW', start);
    // The table alias may be left out (`LATERAL VIEW explode(a) AS x`), as Spark reads a bare AS.
    const alias = c.isWord('AS') ? undefined : c.identifier('a table alias for the LATERAL VIEW');
    const columns: string[] = [];
    if (c.acceptWord('AS') || c.isIdentifier()) {
      do columns.push(c.identifier('a column alias'));
      while (c.acceptOp(','));
    }
    views.push({ outer, generator, alias, columns });
  }
  return views;
}

/** The plan of the FROM items with their lateral views, each a projection of `*` and its generator. */
export function lateralViewsToPlan(child: LogicalPlan, views: readonly LateralView[], toExpr: (e: Expr) => PlanExpr): LogicalPlan {
  return views.reduce<LogicalPlan>((plan, view) => {
    const call = toExpr(view.generator);
    const generator = view.outer && call.kind === 'call' && /^(pos)?explode$/i.test(call.name) ? { ...call, name: `${call.name.toLowerCase()}_outer` } : call;
    const named: PlanExpr = {
      kind: 'alias',
      child: generator,
      // Without column aliases the generator keeps its default names (col, key/value, c0, ...).
      name: view.columns[0] ?? prettyName(generator),
      id: newExprId(),
      names: view.columns.length > 0 ? view.columns : undefined,
      ...(view.alias === undefined ? {} : { qualifier: view.alias }),
    };
    return { kind: 'project', child: plan, exprs: [{ kind: 'star' }, named] };
  }, child);
}
