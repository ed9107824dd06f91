/** One SQL session per FlintContext (the host), created on first use. */
import { SqlSession } from './session.js';
import type { SqlHost } from './session-host.js';

const sessions = new WeakMap<SqlHost, SqlSession>();

export function sessionFor(host: SqlHost): SqlSession {
  let session = sessions.get(host);
  if (!session) {
    session = new SqlSession(host);
    sessions.set(host, session);
  }
  return session;
}
