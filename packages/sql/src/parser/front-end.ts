/**
 * Plugs the parser into the DataFrame API (sql-front-end.ts): `fc.sql(text)` plans a query or
 * runs another statement, and `F.expr`, `df.selectExpr` and `df.filter(text)` read one expression.
 */
import { namedBy, type Expr as PlanExpr } from '../expr/expression.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { registerSqlFrontEnd } from '../sql-front-end.js';
import { formatStatement } from './ast-text.js';
import { parseNamedExpression, parseSql } from './index.js';
import { queryToPlan } from './to-plan.js';
import { NO_SCOPE, toExpr } from './to-expr.js';
import { runCommand } from './commands.js';

export function sqlToPlan(text: string): LogicalPlan {
  const statement = parseSql(text);
  if (statement.kind !== 'query') throw new Error(`expected a query, not ${formatStatement(statement).split(' ').slice(0, 3).join(' ')}...`);
  return queryToPlan(statement);
}

export function sqlToExpression(text: string): PlanExpr {
  const { expr, alias, aliases } = parseNamedExpression(text);
  return namedBy(toExpr(expr, NO_SCOPE), alias, aliases);
}

registerSqlFrontEnd({
  parsePlan: sqlToPlan,
  parseExpression: sqlToExpression,
  runCommand: (text, session) => runCommand(parseSql(text), session),
});
