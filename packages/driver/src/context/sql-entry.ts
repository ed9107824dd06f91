/**
 * The DataFrame/SQL side of FlintContext (DESIGN.md §8), kept out of flint-context.ts: each
 * context has one SQL session (temp views, configuration) from @flint/sql, which is loaded then.
 */
import type { SqlHost, SqlSession } from '@flint/sql';
import { loadSql } from '../sql/load-sql.js';

export function sqlSession(host: SqlHost): SqlSession {
  return loadSql().sessionFor(host);
}
