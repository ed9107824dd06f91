/**
 * Apache Arrow interop: df.toArrow() and fc.createDataFrame(arrowTable) map every Flint type to
 * the Arrow type Spark's ArrowUtils uses, values survive the round trip, and Arrow's own IPC
 * writer and reader (an independent implementation of the format) see the same values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Arrow from 'apache-arrow';
import { FlintContext, functions as F, type DataFrame } from '@flint/driver';

let fc: FlintContext;
let df: DataFrame;

const DDL =
  'b TINYINT, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, dec DECIMAL(10,2), str STRING, ok BOOLEAN, ' +
  'day DATE, at TIMESTAMP, xs ARRAY<INT>, p STRUCT<x: INT, y: STRING>, m MAP<STRING, BIGINT>';

const ROWS = [
  {
    b: -7, s: 300, i: 70_000, l: 9_007_199_254_740_991, f: 1.5, d: -0.1, dec: 12345678.91, str: 'héllo 🔥', ok: true,
    day: new Date('2024-02-29T00:00:00Z'), at: new Date('2024-03-01T12:34:56.789Z'), xs: [1, null, 3], p: { x: 1, y: 'a' },
    m: new Map([['k', 5]]),
  },
  { b: null, s: null, i: null, l: null, f: null, d: null, dec: null, str: null, ok: null, day: null, at: null, xs: null, p: null, m: null },
  {
    b: 127, s: -32768, i: -1, l: -42, f: -2.25, d: 1e300, dec: -0.05, str: '', ok: false,
    day: new Date('1969-12-31T00:00:00Z'), at: new Date('1969-12-31T23:59:59.999Z'), xs: [], p: { x: null, y: null }, m: new Map(),
  },
];

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
  df = fc.createDataFrame(ROWS, DDL);
});
afterAll(async () => fc?.stop());

/** A table's rows as plain values, read with Arrow's own accessors (BigInt, Date32 as ms, nested as JSON). */
function arrowRows(table: Arrow.Table): Record<string, unknown>[] {
  return table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
}

describe('df.toArrow()', () => {
  it('maps each Flint type to the Arrow type Spark uses', async () => {
    const table = await df.toArrow();
    expect(table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual([
      'b: Int8', 's: Int16', 'i: Int32', 'l: Int64', 'f: Float32', 'd: Float64', 'dec: Decimal[10e+2]', 'str: Utf8', 'ok: Bool',
      'day: Date32<DAY>', 'at: Timestamp<MICROSECOND, UTC>', 'xs: List<Int32>', 'p: Struct<{x:Int32, y:Utf8}>',
      'm: Map<{key:Utf8, value:Int64}>',
    ]);
    const decimal = table.schema.fields[6].type as Arrow.Decimal;
    expect([decimal.precision, decimal.scale, decimal.bitWidth]).toEqual([10, 2, 128]);
    expect(table.numRows).toBe(3);
  });

  it('gives Arrow the values, nulls included, as Arrow represents them', async () => {
    const table = await df.toArrow();
    const first = table.get(0)!;
    expect([first.b, first.s, first.i, first.l, first.f, first.d]).toEqual([-7, 300, 70_000, 9_007_199_254_740_991n, 1.5, -0.1]);
    expect(String(first.dec)).toBe('1234567891'); // the unscaled value, scale 2
    expect([first.str, first.ok]).toEqual(['héllo 🔥', true]);
    expect(first.day).toBe(Date.UTC(2024, 1, 29));
    expect(first.at).toBe(Date.UTC(2024, 2, 1, 12, 34, 56, 789));
    expect(table.getChild('at')!.data[0].values[0]).toBe(BigInt(Date.UTC(2024, 2, 1, 12, 34, 56, 789)) * 1000n); // microseconds
    expect([...first.xs]).toEqual([1, null, 3]);
    expect(first.p.toJSON()).toEqual({ x: 1, y: 'a' });
    expect([...first.m]).toEqual([['k', 5n]]);
    expect(Object.values(arrowRows(table)[1]).every((v) => v === null)).toBe(true);
    const third = table.get(2)!;
    expect([String(third.dec), third.day, third.at, [...third.xs], third.p.toJSON(), [...third.m]]).toEqual([
      '-5', -Date.UTC(1970, 0, 1) - 86_400_000, -1, [], { x: null, y: null }, [],
    ]);
  });

  it('survives Arrow’s own IPC writer and reader unchanged', async () => {
    const table = await df.toArrow();
    const read = Arrow.tableFromIPC(Arrow.tableToIPC(table));
    expect(read.schema.fields.map((f) => [f.name, String(f.type), f.nullable])).toEqual(table.schema.fields.map((f) => [f.name, String(f.type), f.nullable]));
    expect(JSON.stringify(arrowRows(read), (_, v) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(
      JSON.stringify(arrowRows(table), (_, v) => (typeof v === 'bigint' ? `${v}n` : v)),
    );
  });

  it('carries a query’s result: an empty result is an empty table with the schema', async () => {
    const empty = await df.where(F.col('i').gt(1_000_000)).select('i', 'str').toArrow();
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Utf8']);
  });
});

describe('fc.createDataFrame(arrowTable)', () => {
  it('round-trips every type: the same schema and the same rows', async () => {
    const back = fc.createDataFrame(await df.toArrow());
    expect(back.schema.simpleString()).toBe(df.schema.simpleString());
    expect(await back.collect()).toEqual(await df.collect());
  });

  it('reads a table Arrow built itself (unsigned ints, dictionaries, other units) and queries it', async () => {
    const table = new Arrow.Table({
      id: Arrow.vectorFromArray([1, 2, 3], new Arrow.Uint32()),
      city: Arrow.vectorFromArray(['Oslo', 'Lima', 'Oslo'], new Arrow.Dictionary(new Arrow.Utf8(), new Arrow.Int32())),
      at: Arrow.vectorFromArray([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), null], new Arrow.TimestampMillisecond()),
      day: Arrow.vectorFromArray([Date.UTC(2024, 0, 1), null, Date.UTC(2024, 0, 3)], new Arrow.DateMillisecond()),
      big: Arrow.vectorFromArray([10n, 20n, 2n ** 40n], new Arrow.Int64()),
    });
    const flint = fc.createDataFrame(table);
    expect(flint.dtypes).toEqual([['id', 'bigint'], ['city', 'string'], ['at', 'timestamp_ntz'], ['day', 'date'], ['big', 'bigint']]);
    flint.createOrReplaceTempView('arrow_cities');
    expect(await fc.sql('SELECT city, sum(big) AS total, count(day) AS days FROM arrow_cities GROUP BY city ORDER BY city').collect()).toEqual([
      { city: 'Lima', total: 20, days: 0 },
      { city: 'Oslo', total: 10 + 2 ** 40, days: 2 },
    ]);
    expect((await flint.select('at', 'day').collect())[0]).toEqual({ at: new Date(Date.UTC(2024, 0, 1)), day: new Date(Date.UTC(2024, 0, 1)) });
  });

  it('reads an Int64 past JavaScript’s safe integers exactly (a JS bigint), and writes it back exactly', async () => {
    const values = [2n ** 60n + 1n, -(2n ** 63n), 2n ** 63n - 1n, 7n, null];
    const table = new Arrow.Table({ n: Arrow.vectorFromArray(values, new Arrow.Int64()) });
    const flint = fc.createDataFrame(table);
    expect((await flint.collect()).map((r) => r.n)).toEqual([2n ** 60n + 1n, -(2n ** 63n), 2n ** 63n - 1n, 7, null]);
    expect([...(await flint.toArrow()).getChild('n')!]).toEqual(values);
  });

  it('refuses a schema beside the table, and names an Arrow type Flint has no match for', () => {
    const table = new Arrow.Table({ n: Arrow.vectorFromArray([1], new Arrow.Int32()) });
    expect(() => fc.createDataFrame(table, 'n BIGINT')).toThrow(/takes its schema from the table/);
    const times = new Arrow.Table({ t: Arrow.vectorFromArray([1000], new Arrow.TimeMillisecond()) });
    expect(() => fc.createDataFrame(times)).toThrow('[UNSUPPORTED_ARROWTYPE] Unsupported arrow type Time32<MILLISECOND>.');
  });
});
