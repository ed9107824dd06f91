/**
 * The hook through which SQL text enters the DataFrame API: `fc.sql(text)`, `F.expr(text)`,
 * `df.selectExpr(...)` and `df.filter(text)`. The parser (parser/) registers itself here, so the
 * spine does not depend on it and a missing parser is one clear error.
 */
import type { Expr } from './expr/expression.js';
import type { LogicalPlan } from './plan/logical-plan.js';
import type { DataFrame } from './dataframe/dataframe.js';
import type { SqlSession } from './session.js';

export interface SqlFrontEnd {
  /** One expression, e.g. `a + 1 AS b` or `age > 3`. */
  parseExpression(text: string): Expr;
  /** A query, as an unresolved logical plan. */
  parsePlan(text: string): LogicalPlan;
  /** Runs a statement that is not a query (CREATE TEMPORARY VIEW, SHOW TABLES, ...); undefined for a query. */
  runCommand(text: string, session: SqlSession): DataFrame | undefined;
}

let frontEnd: SqlFrontEnd | undefined;

export function registerSqlFrontEnd(impl: SqlFrontEnd): void {
  frontEnd = impl;
}

export function sqlFrontEnd(what: string): SqlFrontEnd {
  if (!frontEnd) throw new Error(`${what} needs the SQL parser, which is not part of this build of @flint/sql`);
  return frontEnd;
}
