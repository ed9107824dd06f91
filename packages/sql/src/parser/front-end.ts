/**
 * Plugs the parser into the DataFrame API (sql-front-end.ts): `fc.sql(text)` plans a statement,
 * and `F.expr`, `df.selectExpr` and `df.filter(text)` read one expression.
 */
import { aliasOf, type Expr as PlanExpr } from '../expr/expression.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { registerSqlFrontEnd } from '../sql-front-end.js';
import { formatStatement } from './ast-text.js';
import { parseNamedExpression, parseSql } from './index.js';
import { queryToPlan } from './to-plan.js';
import { NO_SCOPE, toExpr, unsupported } from './to-expr.js';

export function sqlToPlan(text: string): LogicalPlan {
  const statement = parseSql(text);
  if (statement.kind !== 'query') throw unsupported(`the statement ${formatStatement(statement).split(' ').slice(0, 3).join(' ')} in fc.sql()`);
  return queryToPlan(statement);
}

export function sqlToExpression(text: string): PlanExpr {
  const { expr, alias } = parseNamedExpression(text);
  const converted = toExpr(expr, NO_SCOPE);
  return alias === null ? converted : aliasOf(converted, alias);
}

registerSqlFrontEnd({ parsePlan: sqlToPlan, parseExpression: sqlToExpression });
