/**
 * Whether an answer to a ClickBench query is DuckDB's, any tied row accepted under ORDER BY ...
 * LIMIT (test/sql/tied-rows.ts): the rows that can match are fetched from DuckDB's `hits`.
 */
import type { DuckDbReference, ReferenceRow } from '../../test/sql/duckdb-reference.js';
import { candidatesQuery, tiedRowsDifference } from '../../test/sql/tied-rows.js';
import { CLICKBENCH_ORDER_COLUMNS, clickbenchQuery, withoutLimit } from './queries.js';

/** The first difference of `actual` from DuckDB's answer `expected` to query `n`, or null; `db` holds `hits`. */
export async function clickbenchAnswerDifference(
  n: number,
  actual: Record<string, unknown>[],
  expected: ReferenceRow[],
  db: DuckDbReference,
  relativeTolerance: number,
): Promise<string | null> {
  const reference = clickbenchQuery(n, 'duckdb');
  const inexactColumns = await inexactColumnsOf(n, reference, db);
  const limited = withoutLimit(reference) !== reference && actual.length > 0 && expected.length > 0;
  const candidates = limited
    ? await db.query(candidatesQuery(withoutLimit(reference), Object.keys(expected[0]), actual, inexactColumns))
    : expected;
  return tiedRowsDifference(actual, expected, candidates, { orderColumns: CLICKBENCH_ORDER_COLUMNS[n] ?? [], inexactColumns, relativeTolerance });
}

/** Each query's inexact (floating or decimal) columns, from DuckDB's DESCRIBE once per query and database. */
const inexactByDb = new WeakMap<DuckDbReference, Map<number, Set<number>>>();

async function inexactColumnsOf(n: number, reference: string, db: DuckDbReference): Promise<Set<number>> {
  const known = inexactByDb.get(db) ?? new Map<number, Set<number>>();
  inexactByDb.set(db, known);
  const cached = known.get(n);
  if (cached) return cached;
  const types = await db.query(`SELECT column_type FROM (DESCRIBE ${reference})`);
  const inexact = new Set(types.flatMap(({ column_type: type }, c) => (/^(DOUBLE|FLOAT|DECIMAL)/.test(String(type)) ? [c] : [])));
  known.set(n, inexact);
  return inexact;
}
