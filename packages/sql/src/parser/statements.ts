/**
 * Statements: queries, EXPLAIN, CREATE/DROP temporary views, DESCRIBE and SHOW TABLES.
 */
import type { ExplainMode, Statement } from './ast.js';
import type { Cursor } from './cursor.js';
import { startsQuery } from './expressions.js';
import { parseQuery } from './queries.js';

const EXPLAIN_MODES: Record<string, ExplainMode> = {
  EXTENDED: 'extended', CODEGEN: 'codegen', COST: 'cost', FORMATTED: 'formatted',
};

export function parseStatement(c: Cursor): Statement {
  if (c.acceptWord('EXPLAIN')) {
    const modeWord = c.isWord(Object.keys(EXPLAIN_MODES)) ? c.next().upper : null;
    return { kind: 'explain', mode: modeWord ? EXPLAIN_MODES[modeWord]! : 'simple', statement: parseStatement(c) };
  }
  if (c.isWord('CREATE')) return parseCreateView(c);
  if (c.isWord('DROP')) return parseDropView(c);
  if (c.isWord(['DESCRIBE', 'DESC'])) return parseDescribe(c);
  if (c.isWord('SHOW')) return parseShowTables(c);
  if (startsQuery(c) || c.isWord('WITH') || c.isOp('(')) return parseQuery(c);
  throw c.error('expected a statement: SELECT, WITH, VALUES, TABLE, EXPLAIN, CREATE TEMPORARY VIEW, DROP VIEW, DESCRIBE, SHOW TABLES, SET or RESET');
}

function parseCreateView(c: Cursor): Statement {
  c.expectWord('CREATE');
  let orReplace = false;
  if (c.acceptWord('OR')) {
    c.expectWord('REPLACE');
    orReplace = true;
  }
  const global = c.acceptWord('GLOBAL');
  if (!c.acceptWord('TEMPORARY') && !c.acceptWord('TEMP')) {
    throw c.error('only temporary views can be created: CREATE [OR REPLACE] TEMPORARY VIEW name AS query');
  }
  c.expectWord('VIEW');
  let ifNotExists = false;
  if (c.acceptWord('IF')) {
    c.expectWord('NOT');
    c.expectWord('EXISTS');
    ifNotExists = true;
  }
  const name = c.multipartName('a view name');
  const columns = c.isOp('(') ? c.identifierList() : null;
  c.expectWord('AS');
  return { kind: 'createView', name, orReplace, global, ifNotExists, columns, query: parseQuery(c) };
}

function parseDropView(c: Cursor): Statement {
  c.expectWord('DROP');
  c.expectWord('VIEW');
  let ifExists = false;
  if (c.acceptWord('IF')) {
    c.expectWord('EXISTS');
    ifExists = true;
  }
  return { kind: 'dropView', name: c.multipartName('a view name'), ifExists };
}

/** DESCRIBE [TABLE] [EXTENDED|FORMATTED] name, or DESCRIBE [QUERY] query. */
function parseDescribe(c: Cursor): Statement {
  c.next();
  const table = c.acceptWord('TABLE');
  if (!table && (c.acceptWord('QUERY') || startsQuery(c) || c.isWord('WITH'))) {
    return { kind: 'describe', target: parseQuery(c), extended: false };
  }
  const extended = c.acceptWord('EXTENDED') || c.acceptWord('FORMATTED');
  return { kind: 'describe', target: { kind: 'table', name: c.multipartName('a table name') }, extended };
}

/** SHOW TABLES [(FROM | IN) database] [[LIKE] 'pattern'] */
function parseShowTables(c: Cursor): Statement {
  c.expectWord('SHOW');
  c.expectWord('TABLES');
  const database = c.acceptWord('FROM') || c.acceptWord('IN') ? c.identifier('a database name') : null;
  c.acceptWord('LIKE');
  const pattern = c.peek().kind === 'string' ? c.next().value : null;
  return { kind: 'showTables', database, pattern };
}
