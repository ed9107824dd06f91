// INTERSECT and EXCEPT key rows by their values: NaN, Infinity, -Infinity and NULL are four
// different values there (Spark's rewrite into an aggregate groups them apart), not all JSON's
// null. DuckDB, which keeps them apart the same way, is the reference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let db: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-set-ops-special-values' });
  db = await DuckDbReference.open(1);
});

afterAll(async () => {
  await fc.stop();
  db?.close();
});

const LEFT = `(VALUES (CAST('NaN' AS DOUBLE)), (CAST('NaN' AS DOUBLE)), (CAST('Infinity' AS DOUBLE)), (CAST('-Infinity' AS DOUBLE)), (1.5), (CAST(NULL AS DOUBLE))) AS l(x)`;
const RIGHT = `(VALUES (CAST(NULL AS DOUBLE)), (CAST(NULL AS DOUBLE)), (CAST('NaN' AS DOUBLE)), (1.5)) AS r(x)`;

/** The rows' values as text, sorted: NaN, Infinity and null each by name. */
const sorted = (rows: Record<string, unknown>[]) => rows.map((row) => String(Object.values(row)[0])).sort();

describe('INTERSECT and EXCEPT over NaN, Infinity and NULL', () => {
  for (const op of ['INTERSECT', 'INTERSECT ALL', 'EXCEPT', 'EXCEPT ALL']) {
    it(`${op} keeps NaN, Infinity, -Infinity and NULL apart, as DuckDB`, async () => {
      const query = `SELECT x FROM ${LEFT} ${op} SELECT x FROM ${RIGHT}`;
      const expected = sorted(await db.query(query));
      expect(sorted(await fc.sql(query).collect())).toEqual(expected);
    });
  }
});
