/**
 * The DataFrame/SQL side of FlintContext (DESIGN.md §8), kept out of flint-context.ts: each
 * context has one SQL session (temp views, configuration) from @flint/sql.
 */
import { sessionFor, type SqlHost, type SqlSession } from '@flint/sql';

export function sqlSession(host: SqlHost): SqlSession {
  return sessionFor(host);
}
