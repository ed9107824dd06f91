// Joins on several keys and windows partitioned by several keys look rows up by a text of the
// key tuple: NaN, Infinity, -Infinity and NULL must stay four different values there (JSON writes
// all of them as null). DuckDB, which compares them as Spark does (NaN = NaN), is the reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let db: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-tuple-keys-special-doubles' });
  db = await DuckDbReference.open(1);
});

afterAll(async () => {
  await fc.stop();
  db?.close();
});

const SPECIALS = `(VALUES (CAST('NaN' AS DOUBLE), 1), (CAST('Infinity' AS DOUBLE), 1), (CAST('-Infinity' AS DOUBLE), 1), (CAST(NULL AS DOUBLE), 1), (1.5, 1))`;

/** Each row's values as text, the rows sorted: NaN, Infinity and null each by name. */
const sorted = (rows: Record<string, unknown>[]) => rows.map((row) => Object.values(row).map(String).join('|')).sort();

describe('tuple keys over NaN, Infinity, -Infinity and NULL', () => {
  it('a join on (double, int) pairs only equal keys, NaN with NaN', async () => {
    const query = `SELECT a.d AS l, b.d AS r FROM ${SPECIALS} AS a(d, k) JOIN ${SPECIALS} AS b(d, k) ON a.d = b.d AND a.k = b.k`;
    expect(sorted(await fc.sql(query).collect())).toEqual(sorted(await db.query(query)));
  });

  it('a window partitioned by (double, int) keeps each special value its own partition', async () => {
    const query = `SELECT d, k, count(*) OVER (PARTITION BY d, k) AS c FROM ${SPECIALS} AS t(d, k)`;
    expect(sorted(await fc.sql(query).collect())).toEqual(sorted(await db.query(query)));
  });
});
