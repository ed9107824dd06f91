import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquetFile, StructType, writeParquetFile } from '@flint/sql';
import { readParquetFooter, readRowGroupColumns } from '../../packages/sql/src/io/parquet/parquet-read.js';
import { DuckDbReference } from './duckdb-reference.js';

const DAY_MS = 86_400_000;

/** The first row and the end (exclusive) of each row group, from the footer's row counts. */
function rowGroupRanges(metadata: ReturnType<typeof readParquetFooter>['metadata']): { rowStart: number; rowEnd: number }[] {
  let start = 0;
  return metadata.row_groups.map((g) => {
    const rowStart = start;
    start += Number(g.num_rows);
    return { rowStart, rowEnd: start };
  });
}

describe('Parquet files between Flint and DuckDB', () => {
  let dir: string;
  let db: DuckDbReference;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-parquet-'));
    db = await DuckDbReference.open(1);
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('DuckDB reads what Flint writes, every type and null', async () => {
    const schema = StructType.fromDDL(
      'id BIGINT, qty INT, small SMALLINT, price DOUBLE, name STRING, day DATE, ts TIMESTAMP, ok BOOLEAN',
    );
    const rows = [
      [1, 10, 3, 2.5, 'ann', Date.UTC(2024, 1, 29) / DAY_MS, Date.UTC(2024, 1, 29, 12, 30, 1, 250), true],
      [9_007_199_254_740_991, null, -7, -0.125, null, null, 0, false],
      [3, -2_147_483_648, null, null, 'ünïcode ✓', 0, null, null],
    ];
    const path = join(dir, 'flint.parquet');
    writeParquetFile(path, schema, rows);
    const back = await db.query(
      `select id, qty, small, price, name, day, epoch_ms(ts) as ts, ok from '${path}' order by id`,
    );
    expect(back).toEqual([
      { id: 1, qty: 10, small: 3, price: 2.5, name: 'ann', day: new Date(Date.UTC(2024, 1, 29)), ts: Date.UTC(2024, 1, 29, 12, 30, 1, 250), ok: true },
      { id: 3, qty: -2_147_483_648, small: null, price: null, name: 'ünïcode ✓', day: new Date(0), ts: null, ok: null },
      { id: 9_007_199_254_740_991, qty: null, small: -7, price: -0.125, name: null, day: null, ts: 0, ok: false },
    ]);
    const types = await db.query(`select column_name, column_type from (describe select * from '${path}')`);
    expect(types.map((t) => `${t.column_name} ${t.column_type}`)).toEqual([
      'id BIGINT', 'qty INTEGER', 'small SMALLINT', 'price DOUBLE', 'name VARCHAR', 'day DATE', 'ts TIMESTAMP WITH TIME ZONE', 'ok BOOLEAN',
    ]);
  });

  it('Flint reads what DuckDB writes, with the schema Spark would give', async () => {
    const path = join(dir, 'duck.parquet');
    await db.query(
      `copy (select i::bigint as id, (i % 7)::int as qty, i / 4.0 as price, 'n' || i as name, ` +
        `date '2020-01-01' + i::int as day, timestamp '2020-01-01 00:00:00' + to_seconds(i) as ts, ` +
        `case when i % 3 = 0 then null else i % 2 = 0 end as flag, (i * 1.25)::decimal(10,2) as amount ` +
        `from range(0, 2500) t(i)) to '${path}' (format parquet, row_group_size 1000)`,
    );
    const { schema, rows } = await readParquetFile(path);
    expect(schema.simpleString()).toBe(
      'struct<id:bigint,qty:int,price:double,name:string,day:date,ts:timestamp_ntz,flag:boolean,amount:decimal(10,2)>',
    );
    const expected = await db.query(
      `select id, qty, price, name, (day - date '1970-01-01')::int as day, epoch_ms(ts) as ts, flag, amount::double as amount from '${path}'`,
    );
    expect(rows).toEqual(expected.map((r) => Object.values(r)));
  });

  it("reads DuckDB's version 2 pages (delta, byte-stream-split, dictionary), unsigned, float and nanosecond columns with nulls", async () => {
    const path = join(dir, 'v2.parquet');
    await db.query(
      `copy (select i::bigint as id, case when i % 5 = 0 then null else i::int end as n, (i * 0.5)::double as d, ` +
        `case when i % 7 = 0 then null else 'v' || (i % 10) end as s, timestamp_ns '2020-01-01 00:00:00' + to_microseconds(i * 1001) as tns, ` +
        `(i % 200)::utinyint as ut, (i * 7)::ubigint as ub, (i / 3)::float as f from range(0, 3000) t(i)) ` +
        `to '${path}' (format parquet, parquet_version v2, row_group_size 1000)`,
    );
    const { rows } = await readParquetFile(path);
    const expected = await db.query(`select id, n, d, s, epoch_ms(tns) as tns, ut, ub, f from '${path}'`);
    expect(rows).toEqual(expected.map((r) => Object.values(r)));
    expect(rows.filter((r) => r[1] === null)).toHaveLength(600);
  });

  it.each([
    ['snappy', 'SNAPPY'],
    ['uncompressed', 'UNCOMPRESSED'],
    ['zstd', 'ZSTD'],
    ['gzip', 'GZIP'],
    ['brotli', 'BROTLI'],
    ['lz4', 'LZ4_RAW'],
  ])(
    "decodes DuckDB's dictionary-encoded and plain column chunks, with and without nulls, into the scan's columns (%s)",
    async (codec, codecInFile) => {
      const path = join(dir, `chunks-${codec}.parquet`);
      await db.query(
        `copy (select i::int as id, (i % 50)::int as k, case when i % 9 = 0 then null else (i % 40)::int end as kn, ` +
          `(i % 70)::bigint * 3000000000 as big, (i % 300) / 8 as d, case when i % 11 = 0 then null else (i % 30) * 0.5 end as dn, ` +
          `(i % 20)::float / 4 as f, 'r' || (i % 6) as s, case when i % 5 = 0 then null else 's' || (i % 4) end as sn, ` +
          `timestamp '2020-01-01' + to_seconds((i % 90) * 7) as ts, date '2021-03-01' + (i % 25)::int as day, ` +
          `case when i < 4096 then 1 else null end as late from range(0, 5000) t(i)) ` +
          `to '${path}' (format parquet, row_group_size 2048, compression ${codec})`,
      );
      const codecs = await db.query(`select distinct compression from parquet_metadata('${path}')`);
      expect(codecs.map((c) => c.compression)).toEqual([codecInFile]);
      const encodings = await db.query(`select distinct encodings from parquet_metadata('${path}')`);
      expect(encodings.map((e) => e.encodings).sort()).toEqual(['PLAIN', 'PLAIN_DICTIONARY']);
      const expected = await db.query(
        `select id, k, kn, big, d, dn, f, s, sn, epoch_ms(ts) as ts, (day - date '2020-01-01')::int + 18262 as day, late from '${path}'`,
      );
      const footer = readParquetFooter(path);
      const ranges = rowGroupRanges(footer.metadata);
      expect(ranges.map((g) => g.rowEnd - g.rowStart)).toEqual([2048, 2048, 904]);
      // The scan's form (dictionary strings as codes), whole row groups and their first rows.
      const decoded: unknown[][] = [];
      for (const [g, { rowStart, rowEnd }] of ranges.entries()) {
        for (const rows of [777, Infinity]) {
          const columns = readRowGroupColumns(path, footer, g, undefined, undefined, true, rows);
          const values = columns.map((c) => ('codes' in c ? Array.from(c.codes, (code) => c.dictionary[code]) : Array.from(c)));
          const want = expected.slice(rowStart, Math.min(rowEnd, rowStart + rows));
          expect(values.map((column) => column.length)).toEqual(values.map(() => want.length));
          const asRows = want.map((_, r) => values.map((column) => column[r]));
          expect(asRows).toEqual(want.map((row) => Object.values(row)));
          if (rows === Infinity) {
            decoded.push(...asRows);
            // Numbers without a null in the row group stay typed, strings stay codes.
            const kinds = columns.map((c) => ('codes' in c ? 'codes' : c.constructor.name));
            expect(kinds.slice(0, 2)).toEqual(['Int32Array', 'Int32Array']);
            expect(kinds.slice(3, 5)).toEqual(['Float64Array', 'Float64Array']);
            expect(kinds.slice(6, 9)).toEqual(['Float64Array', 'codes', 'codes']);
            expect(kinds[11]).toBe(g < 2 ? 'Int32Array' : 'Array');
          }
        }
      }
      expect(decoded).toHaveLength(5000);
    },
  );

  it('reads only the columns asked for, and skips row groups whose statistics exclude the filter', async () => {
    const path = join(dir, 'sorted.parquet');
    await db.query(`copy (select i::bigint as id, 'v' || i as v from range(0, 10000) t(i)) to '${path}' (format parquet, row_group_size 1000)`);
    const groups = await db.query(
      `select row_group_num_rows as n, stats_max::bigint as max from parquet_metadata('${path}') where path_in_schema = 'id'`,
    );
    const excluded = groups.filter((g) => (g.max as number) < 9500);
    expect(groups.length).toBeGreaterThan(2);
    expect(excluded.length).toBeGreaterThan(0);
    const { rows, skippedRowGroups } = await readParquetFile(path, [0], [{ column: 'id', op: '>=', value: 9500 }]);
    expect(skippedRowGroups).toBe(excluded.length);
    expect(rows).toHaveLength(10000 - excluded.reduce((n, g) => n + (g.n as number), 0));
    expect(rows.every((r) => r[1] === null)).toBe(true);
    const kept = rows.filter((r) => (r[0] as number) >= 9500).map((r) => r[0]);
    const reference = await db.query(`select id from '${path}' where id >= 9500 order by id`);
    expect(kept).toEqual(reference.map((r) => r.id));

    const none = await readParquetFile(path, [0, 1], [{ column: 'v', op: '=', value: 'x' }, { column: 'id', op: '<', value: 0 }]);
    expect(none.skippedRowGroups).toBe(groups.length);
    expect(none.rows).toEqual([]);
  });

  it('says in one line that a file is not Parquet', async () => {
    const path = join(dir, 'not.parquet');
    writeFileSync(path, 'a,b\n1,2\n');
    await expect(readParquetFile(path)).rejects.toThrow(`${path} is not a Parquet file`);
  });
});
