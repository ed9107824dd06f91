/**
 * The statements of fc.sql that are not queries, run against the session as Spark runs them:
 * CREATE [OR REPLACE] TEMPORARY VIEW and DROP VIEW return an empty result; SHOW TABLES lists
 * `namespace, tableName, isTemporary`; DESCRIBE lists `col_name, data_type, comment`; EXPLAIN
 * returns one `plan` row with the text `df.explain(mode)` prints; SET lists `key, value` rows
 * (`<undefined>` for a key never set) and RESET returns an empty result.
 */
import type { DataFrame } from '../dataframe/dataframe.js';
import type { SqlSession } from '../session.js';
import { StructType } from '../types/index.js';
import type { Statement } from './ast.js';
import { queryToPlan } from './to-plan.js';
import { GLOBAL_TEMP_DATABASE, globalViewName } from '../analyzer/global-temp-views.js';

/** Runs a statement that is not a query; returns undefined for a query. */
export function runCommand(statement: Statement, session: SqlSession): DataFrame | undefined {
  switch (statement.kind) {
    case 'query':
      return undefined;
    case 'createView': {
      const name = createdViewName(statement.name, statement.global);
      if (statement.ifNotExists && session.catalog.tableExists(name)) return noRows(session);
      const view = session.dataFrame(queryToPlan(statement.query, new Map(), statement.columns));
      session.registerTempView(name, view.plan, statement.orReplace);
      return noRows(session);
    }
    case 'dropView': {
      const name = viewName(statement.name);
      if (!session.catalog.dropTempView(name) && !statement.ifExists) {
        throw new Error(`[TABLE_OR_VIEW_NOT_FOUND] The table or view ${quoted(statement.name)} cannot be found. SQLSTATE: 42P01`);
      }
      return noRows(session);
    }
    case 'showTables': {
      const matches = statement.pattern === null ? () => true : likePattern(statement.pattern);
      const rows = session.catalog
        .listTables()
        .filter((t) => matches(t.name))
        .map((t) => ({ namespace: '', tableName: t.name, isTemporary: t.isTemporary }));
      return session.createDataFrame(rows, 'namespace STRING, tableName STRING, isTemporary BOOLEAN');
    }
    case 'describe': {
      const target = statement.target;
      const df = target.kind === 'table' ? session.table(viewName(target.name)) : session.dataFrame(queryToPlan(target));
      const rows = df.schema.fields.map((f) => ({ col_name: f.name, data_type: f.dataType.simpleString(), comment: null }));
      return session.createDataFrame(rows, 'col_name STRING, data_type STRING, comment STRING');
    }
    case 'explain': {
      const inner = statement.statement;
      if (inner.kind !== 'query') throw new Error('[UNSUPPORTED_FEATURE] Flint SQL explains queries only.');
      const parsed = queryToPlan(inner);
      const explained = session.dataFrame(parsed);
      explained.parsedPlan = parsed;
      const text = explained.explainString(statement.mode);
      return session.createDataFrame([{ plan: text }], 'plan STRING');
    }
    case 'set':
      return runSet(statement.key, statement.value, session);
    case 'reset':
      if (statement.key === null) session.conf.clear();
      else session.conf.unset(statement.key);
      return noRows(session);
  }
}

function runSet(key: string | null, value: string | null, session: SqlSession): DataFrame {
  if (key !== null && value !== null) session.conf.set(key, value);
  const rows =
    key === null
      ? [...session.conf.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => ({ key: k, value: v }))
      : [{ key, value: value ?? session.conf.get(key) ?? UNDEFINED }];
  return session.createDataFrame(rows, 'key STRING, value STRING');
}

/** What Spark's SET prints for a key that has no value. */
const UNDEFINED = '<undefined>';

/** Temp views live in no database: `v`, or Spark's global temporary view `global_temp.v` (a view apart from `v`). */
function viewName(parts: readonly string[]): string {
  if (parts.length === 2 && parts[0]!.toLowerCase() === GLOBAL_TEMP_DATABASE) return `${GLOBAL_TEMP_DATABASE}.${parts[1]!}`;
  if (parts.length > 1) throw new Error(`[UNSUPPORTED_FEATURE] Flint SQL has temporary views only, not \`${parts.join('.')}\`.`);
  return parts[0]!;
}

/** CREATE [GLOBAL] TEMPORARY VIEW: a global view goes to `global_temp`; a session view takes a one-part name, as in Spark. */
function createdViewName(parts: readonly string[], global: boolean): string {
  const name = viewName(parts);
  if (global) return globalViewName(name) === undefined ? `${GLOBAL_TEMP_DATABASE}.${name}` : name;
  if (parts.length > 1) {
    throw new Error(`[TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS] CREATE TEMPORARY VIEW or the corresponding Dataset APIs only accept single-part view names, but got: ${quoted(parts)}. SQLSTATE: 428EK`);
  }
  return name;
}

/** A multi-part name as Spark prints it: `global_temp`.`v`. */
function quoted(parts: readonly string[]): string {
  return parts.map((part) => `\`${part}\``).join('.');
}

/** What CREATE VIEW and DROP VIEW return: no columns, no rows. */
function noRows(session: SqlSession): DataFrame {
  return session.createDataFrame([], new StructType([]));
}

/** SHOW TABLES LIKE: `*` matches any text, `|` separates alternatives, case-insensitively (Spark's rule). */
function likePattern(pattern: string): (name: string) => boolean {
  const alternatives = pattern.split('|').map((p) => p.trim().replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*'));
  const regex = new RegExp(`^(?:${alternatives.join('|')})$`, 'i');
  return (name) => regex.test(name);
}
