// Exact 64-bit `bigint` (LongType) values: a long is a JS number while it is a safe integer and a JS
// bigint past 2^53 (never a bigint for a safe value), so no digit is lost on the way in, through
// comparisons, keys and arithmetic, or on the way out. DuckDB's BIGINT is the reference for values,
// orders and groups; Spark's goldens (sql-tests, docstrings) for messages and hashes.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col, functions as F, type DataFrame } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let db: DuckDbReference;
let dir: string;

/** Around 2^53 (where doubles stop being exact) and at both ends of the 64-bit range. */
const VALUES: (bigint | null)[] = [
  9007199254740993n, 9007199254740992n, 9007199254740993n, -9223372036854775808n, 9223372036854775807n,
  1n, null, 9007199254740994n, -9007199254740993n, 5n, 9223372036854775806n,
];
const OTHERS: bigint[] = [9007199254740993n, 9223372036854775807n, 1n, 9007199254740995n];

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-bigint-exact' });
  db = await DuckDbReference.open(1);
  dir = mkdtempSync(join(tmpdir(), 'flint-bigint-'));
  // Three partitions: groups, DISTINCT and joins cross a shuffle.
  fc.createDataFrame(VALUES.map((v, i) => [v, `r${i}`]), ['v', 's']).repartition(3).createOrReplaceTempView('t');
  fc.createDataFrame(OTHERS.map((v, i) => [v, `o${i}`]), ['v', 'w']).createOrReplaceTempView('u');
  await db.createTable('t', 'v BIGINT, s VARCHAR', VALUES.map((v, i) => [v, `r${i}`]));
  await db.createTable('u', 'v BIGINT, w VARCHAR', OTHERS.map((v, i) => [v, `o${i}`]));
});

afterAll(async () => {
  await fc.stop();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const failure = (df: DataFrame) => df.collect().then(() => 'no error', (error: Error) => error.message);
const overflow = (hint?: string) =>
  `[ARITHMETIC_OVERFLOW] long overflow.${hint ? ` Use '${hint}' to tolerate overflow and return NULL instead.` : ''} If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003`;

describe('bigint values in and out', () => {
  it('integer literals past 2^53 keep every digit, typed as Spark types them, in collect() and show()', async () => {
    const df = fc.sql('SELECT 9223372036854775807 AS a, -9223372036854775808 AS b, 9007199254740993L AS c, 2147483648 AS d, -9007199254740991L AS e');
    expect(df.dtypes).toEqual([['a', 'bigint'], ['b', 'bigint'], ['c', 'bigint'], ['d', 'bigint'], ['e', 'bigint']]);
    const [reference] = await db.query('SELECT 9223372036854775807::BIGINT AS a, (-9223372036854775808)::BIGINT AS b, 9007199254740993::BIGINT AS c, 2147483648::BIGINT AS d, -9007199254740991::BIGINT AS e');
    expect(await df.collect()).toEqual([reference]);
    // A safe value stays a number (never a JS bigint), so === and Map keys see one form.
    expect(reference).toEqual({ a: 9223372036854775807n, b: -9223372036854775808n, c: 9007199254740993n, d: 2147483648, e: -9007199254740991 });
    expect(await df.showString()).toBe([
      '+-------------------+--------------------+----------------+----------+-----------------+',
      '|                  a|                   b|               c|         d|                e|',
      '+-------------------+--------------------+----------------+----------+-----------------+',
      '|9223372036854775807|-9223372036854775808|9007199254740993|2147483648|-9007199254740991|',
      '+-------------------+--------------------+----------------+----------+-----------------+',
    ].join('\n'));
  });

  it('CAST between text, doubles and bigint is exact; past 64 bits it is CAST_INVALID_INPUT, or null under try_cast', async () => {
    const [exact] = await fc.sql(`SELECT CAST('9223372036854775807' AS BIGINT) AS a, CAST(' -9223372036854775808 ' AS BIGINT) AS b,
      CAST(9007199254740993L AS STRING) AS c, CAST(9007199254740993L AS DOUBLE) AS d, CAST(1e18 AS BIGINT) AS e,
      TRY_CAST('9223372036854775808' AS BIGINT) AS f, TRY_CAST(-9223372036854775807L AS INT) AS g`).collect();
    const [reference] = await db.query(`SELECT CAST('9223372036854775807' AS BIGINT) AS a, CAST(' -9223372036854775808 ' AS BIGINT) AS b,
      CAST(9007199254740993 AS VARCHAR) AS c, CAST(9007199254740993 AS DOUBLE) AS d, CAST(1e18 AS BIGINT) AS e,
      TRY_CAST('9223372036854775808' AS BIGINT) AS f, TRY_CAST(-9223372036854775807 AS INT) AS g`);
    expect(exact).toEqual(reference);
    expect(await failure(fc.sql("SELECT CAST('9223372036854775808' AS BIGINT)"))).toContain(
      `[CAST_INVALID_INPUT] The value '9223372036854775808' of the type "STRING" cannot be cast to "BIGINT" because it is malformed.`,
    );
    expect(await failure(fc.sql('SELECT CAST(-9223372036854775807L AS INT)'))).toContain(
      '[CAST_OVERFLOW] The value -9223372036854775807L of the type "BIGINT" cannot be cast to "INT" due to an overflow.',
    );
  });

  it('createDataFrame takes JS bigints as bigint; a safe one collects as a number; past 64 bits is an error', async () => {
    const df = fc.createDataFrame([[12n], [-9223372036854775808n], [2n ** 53n + 1n], [null]], ['v']);
    expect(df.dtypes).toEqual([['v', 'bigint']]);
    expect((await df.collect()).map((r) => r.v)).toEqual([12, -9223372036854775808n, 9007199254740993n, null]);
    const typed = fc.createDataFrame([[9223372036854775807n]], 'v BIGINT');
    expect(await typed.select(col('v').minus(1).alias('w')).collect()).toEqual([{ w: 9223372036854775806n }]);
    expect(() => fc.createDataFrame([[2n ** 63n]], 'v BIGINT')).toThrow('[VALUE_OUT_OF_BOUNDS]');
  });

  it('an integral JS number past 2^53 in a bigint column is that exact long: it groups and joins with 2^60 computed in SQL', async () => {
    fc.createDataFrame([{ a: 2 ** 60 }, { a: 7 }], 'a BIGINT').createOrReplaceTempView('numbers_past_2_53');
    expect(await fc.sql('SELECT a, count(*) AS c FROM (SELECT a FROM numbers_past_2_53 UNION ALL SELECT shiftleft(1L, 60)) GROUP BY a ORDER BY a').collect())
      .toEqual([{ a: 7, c: 1 }, { a: 2n ** 60n, c: 2 }]);
    expect(await fc.sql('SELECT a FROM numbers_past_2_53 JOIN (SELECT shiftleft(1L, 60) AS b) ON a = b').collect()).toEqual([{ a: 2n ** 60n }]);
    expect(() => fc.createDataFrame([[2 ** 63]], 'v BIGINT')).toThrow('[VALUE_OUT_OF_BOUNDS]');
  });

  it('a bigint UDF returns a JS bigint exactly (64 bits, as Java narrows), and df.rdd gives it back', async () => {
    const df = fc.createDataFrame([[9007199254740993n], [5n]], ['v']);
    const next = F.udf((v: number | bigint) => (typeof v === 'bigint' ? v + 1n : v + 1), 'bigint');
    expect(await df.select(next(col('v')).alias('u')).collect()).toEqual([{ u: 9007199254740994n }, { u: 6 }]);
    const wrap = F.udf(() => 2n ** 63n, 'bigint');
    expect(await df.limit(1).select(wrap().alias('u')).collect()).toEqual([{ u: -(2n ** 63n) }]);
    expect(await df.rdd.map((row) => (row as { v: number | bigint }).v).collect()).toEqual([9007199254740993n, 5]);
  });

  it('xxhash64 and hash of a long past 2^53 hash its exact 64 bits', async () => {
    // Spark's XXH64.hashLong and Murmur3_x86_32.hashLong equal their hashes of the long's eight
    // little-endian bytes, a path Spark's string goldens check (doctests/functions-hash-try).
    for (const v of [9223372036854775807n, -9223372036854775807n, 9007199254740993n, -9007199254740993n, 1n]) {
      const bytes = Buffer.alloc(8);
      bytes.writeBigInt64LE(v);
      const hex = bytes.toString('hex');
      const [row] = await fc.sql(`SELECT xxhash64(${v}L) AS a, xxhash64(X'${hex}') AS b, hash(${v}L) AS c, hash(X'${hex}') AS d`).collect();
      expect(row!.a).toEqual(row!.b);
      expect(row!.c).toEqual(row!.d);
    }
    expect(await fc.sql("SELECT xxhash64('a') AS h").collect()).toEqual([{ h: -8582455328737087284n }]);
  });

  it('range() takes bounds past 2^53 and makes exact ids (DuckDB\'s range as the reference)', async () => {
    for (const args of ['9007199254740990, 9007199254740995', '9223372036854775805, 9223372036854775807', '-9223372036854775808, -9223372036854775805', '9223372036854775806, 9223372036854775800, -2']) {
      const query = `SELECT id FROM range(${args}) ORDER BY id`;
      expect(await fc.sql(query).collect()).toEqual(await db.query(query.replace('SELECT id', 'SELECT range AS id')));
    }
  });

  it('format_number of a long past 2^53 shows every digit', async () => {
    expect(await fc.sql('SELECT format_number(9007199254740993L, 0) AS a, format_number(-9223372036854775808L, 2) AS b, format_number(12345L, 1) AS c').collect())
      .toEqual([{ a: '9,007,199,254,740,993', b: '-9,223,372,036,854,775,808.00', c: '12,345.0' }]);
  });
});

describe('bigint past 2^53 in comparisons, orders and keys (DuckDB as the reference)', () => {
  it.each<string | [string, string]>([
    'SELECT s FROM t WHERE v = 9007199254740993 ORDER BY s',
    'SELECT s FROM t WHERE v > 9007199254740992 ORDER BY s',
    'SELECT s FROM t WHERE v <= -9007199254740993 ORDER BY s',
    'SELECT s FROM t WHERE v IN (9223372036854775807, 9007199254740994, 1) ORDER BY s',
    ['SELECT s, v = 9007199254740992 AS e, v <=> 9007199254740993 AS n FROM t ORDER BY s', 'SELECT s, v = 9007199254740992 AS e, v IS NOT DISTINCT FROM 9007199254740993 AS n FROM t ORDER BY s'],
    'SELECT v FROM t ORDER BY v NULLS FIRST',
    'SELECT v, s FROM t ORDER BY v DESC NULLS LAST, s',
    'SELECT v, count(*) AS c FROM t GROUP BY v ORDER BY v NULLS FIRST',
    'SELECT DISTINCT v FROM t ORDER BY v NULLS FIRST',
    'SELECT count(DISTINCT v) AS c FROM t',
    'SELECT min(v) AS lo, max(v) AS hi FROM t',
    'SELECT v > 0 AS positive, min(v) AS lo, max(v) AS hi FROM t WHERE v IS NOT NULL GROUP BY v > 0 ORDER BY positive',
    'SELECT t.s, u.w FROM t JOIN u ON t.v = u.v ORDER BY t.s',
    ['SELECT t.s FROM t LEFT ANTI JOIN u ON t.v = u.v ORDER BY t.s', 'SELECT t.s FROM t ANTI JOIN u ON t.v = u.v ORDER BY t.s'],
    'SELECT s, v - 1 AS a, v + 1 AS b FROM t WHERE v BETWEEN -9223372036854775807 AND 9223372036854775806 ORDER BY s',
    'SELECT s, v * 2 AS a, -v AS b, abs(v) AS c FROM t WHERE v BETWEEN -4611686018427387904 AND 4611686018427387903 ORDER BY s',
  ])('%s', async (query) => {
    const [flint, duckdb] = typeof query === 'string' ? [query, query] : query;
    expect(await fc.sql(flint).collect()).toEqual(await db.query(duckdb));
  });

  it('joins past 2^53 meet on exact keys through a shuffle too', async () => {
    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
    try {
      for (const query of [
        'SELECT t.s, u.w FROM t JOIN u ON t.v = u.v ORDER BY t.s',
        "SELECT t.s, u.w FROM t JOIN u ON t.v = u.v AND substr(t.s, 1, 1) = 'r' ORDER BY t.s",
      ]) expect(await fc.sql(query).collect()).toEqual(await db.query(query));
    } finally {
      fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
  });

  it.each<string | [string, string]>([
    // Keys of several values, or of a struct, are hashed and matched as a tuple's text.
    "SELECT t.s, u.w FROM t JOIN u ON t.v = u.v AND substr(t.s, 1, 1) = 'r' ORDER BY t.s",
    'SELECT s, v, count(*) OVER (PARTITION BY v, s > \'r4\') AS c FROM t ORDER BY s',
    [
      'SELECT k.v AS v, c FROM (SELECT struct(v) AS k, count(*) AS c FROM t GROUP BY struct(v)) ORDER BY v NULLS FIRST',
      "SELECT k.v AS v, c FROM (SELECT {'v': v} AS k, count(*) AS c FROM t GROUP BY {'v': v}) ORDER BY v NULLS FIRST",
    ],
    ['SELECT count(DISTINCT v, s) AS c FROM t', 'SELECT count(DISTINCT (v, s)) AS c FROM t WHERE v IS NOT NULL AND s IS NOT NULL'],
    'SELECT mode(v) AS m FROM (SELECT v FROM t UNION ALL SELECT 9007199254740993)',
    'SELECT v FROM t INTERSECT SELECT v FROM u ORDER BY v',
    ['SELECT bit_and(v) AS a, bit_or(v) AS o, bit_xor(v) AS x FROM t WHERE v > 9007199254740992', 'SELECT bit_and(v) AS a, bit_or(v) AS o, bit_xor(v) AS x FROM t WHERE v > 9007199254740992'],
    ['SELECT percentile_approx(v, 0.5) AS m, max_by(s, v) AS hi, min_by(s, v) AS lo FROM t', 'SELECT quantile_disc(v, 0.5) AS m, arg_max(s, v) AS hi, arg_min(s, v) AS lo FROM t'],
    // Window frames and orders over longs past 2^53 (RANGE offsets computed exactly).
    `SELECT s, count(*) OVER (ORDER BY v RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS c,
      row_number() OVER (ORDER BY v DESC NULLS LAST, s) AS r FROM t WHERE v > -9223372036854775808 ORDER BY s`,
    ['SELECT sequence(v, v + 2) AS q FROM t WHERE v = 9007199254740993 AND s = \'r0\'', 'SELECT generate_series(v, v + 2) AS q FROM t WHERE v = 9007199254740993 AND s = \'r0\''],
    'SELECT v FROM t EXCEPT SELECT v FROM u ORDER BY v NULLS FIRST',
  ])('%s', async (query) => {
    const [flint, duckdb] = typeof query === 'string' ? [query, query] : query;
    expect(await fc.sql(flint).collect()).toEqual(await db.query(duckdb));
  });

  it('arrays holding longs past 2^53 meet by exact content in mode, array_distinct and the array set functions', async () => {
    const big = 2n ** 60n;
    expect(await fc.sql('SELECT mode(array(v)) AS m FROM t').collect()).toEqual([{ m: [9007199254740993n] }]);
    const [row] = await fc.sql(`SELECT array_distinct(array(array(${big}L), array(${big}L), array(${big + 1n}L))) AS d,
      array_union(array(array(${big}L)), array(array(${big}L), array(2L))) AS u,
      array_intersect(array(array(${big}L), array(${big + 1n}L)), array(array(${big + 1n}L))) AS i,
      array_except(array(array(${big}L), array(${big + 1n}L)), array(array(${big}L))) AS e`).collect();
    expect(row).toEqual({ d: [[big], [big + 1n]], u: [[big], [2]], i: [[big + 1n]], e: [[big + 1n]] });
  });
});

describe('bigint arithmetic: exact, with Spark\'s overflow rules', () => {
  it('results past 2^53 are exact', async () => {
    const query = `SELECT 9223372036854775807 - 1 AS a, 4611686018427387903 * 2 AS b, 9007199254740993 + 9007199254740993 AS c,
      -9223372036854775807 - 1 AS d, 3037000499 * 3037000499 AS e, 9007199254740993 - 9007199254740992 AS f`;
    expect(await fc.sql(query.replace(/(\d{10,})/g, '$1L')).collect()).toEqual(await db.query(query.replace(/(\d{10,})/g, '$1::BIGINT')));
  });

  it('div, %, pmod, bitwise operators, shifts, floor, ceil and factorial past 2^53 are Java\'s long results', async () => {
    const [row] = await fc.sql(`SELECT 9223372036854775807L div 2 AS a, -9223372036854775807L % 10 AS b, pmod(-9223372036854775807L, 10) AS c,
      9007199254740993L % 2 AS d, ~9007199254740993L AS e, 9007199254740993L & -2 AS f, 9007199254740993L | 4 AS g,
      shiftleft(3L, 61) AS h, shiftright(-9223372036854775807L, 3) AS i, shiftrightunsigned(-9007199254740993L, 1) AS j,
      floor(1e18 + 0.5) AS k, ceil(-1e300) AS l, factorial(20) AS m, abs(-9223372036854775807L) AS n,
      round(9007199254740993L, -2) AS o, round(-9007199254740950L, -2) AS p, bround(9007199254740995L, -1) AS q`).collect();
    const javaLong = (v: bigint) => BigInt.asIntN(64, v);
    const long = (v: bigint) => (Number.isSafeInteger(Number(v)) ? Number(v) : v);
    const max = 2n ** 63n - 1n;
    expect(row).toEqual({
      a: max / 2n, b: -7, c: 3, d: 1, e: ~9007199254740993n, f: 9007199254740992n, g: 9007199254740997n,
      h: javaLong(3n << 61n), i: -(max / 8n) - 1n, j: long(BigInt.asUintN(64, -9007199254740993n) >> 1n),
      k: 10n ** 18n, l: -(2n ** 63n), m: 2432902008176640000n, n: max,
      o: 9007199254741000n, p: -9007199254741000n, q: 9007199254741000n,
    });
    expect(await failure(fc.sql('SELECT (-9223372036854775807L - 1) div -1'))).toContain(
      '[ARITHMETIC_OVERFLOW] Overflow in integral divide. Use \'try_divide\' to tolerate overflow and return NULL instead.',
    );
  });

  it.each([
    ['SELECT 9223372036854775807L + 1', overflow('try_add')],
    ['SELECT -9223372036854775808L - 1', overflow('try_subtract')],
    ['SELECT 4611686018427387904L * 2', overflow('try_multiply')],
    ['SELECT -(-9223372036854775807L - 1)', overflow()],
  ])('%s is ARITHMETIC_OVERFLOW under ANSI', async (query, message) => {
    expect(await failure(fc.sql(query))).toContain(message);
  });

  it('try_ functions give null past 64 bits (Spark\'s try_arithmetic.sql.out), legacy mode wraps as Java', async () => {
    const [tried] = await fc.sql(`SELECT try_add(9223372036854775807L, 1) AS a, try_subtract(-9223372036854775808L, 1) AS b,
      try_multiply(-9223372036854775808L, -2) AS c, try_add(9223372036854775806L, 1) AS d`).collect();
    expect(tried).toEqual({ a: null, b: null, c: null, d: 9223372036854775807n });
    fc.conf.set('spark.sql.ansi.enabled', false);
    try {
      const [row] = await fc.sql(`SELECT 9223372036854775807L + 1 AS a, -9223372036854775808L - 1 AS b, 4611686018427387904L * 3 AS c,
        -(-9223372036854775807L - 1) AS d`).collect();
      const java = (v: bigint) => BigInt.asIntN(64, v);
      expect(row).toEqual({ a: java(2n ** 63n), b: java(-(2n ** 63n) - 1n), c: java(3n * 2n ** 62n), d: -9223372036854775808n });
    } finally {
      fc.conf.unset('spark.sql.ansi.enabled');
    }
  });
});

describe('sum(bigint) is exact, with Spark\'s overflow rules', () => {
  it.each([
    'SELECT sum(v) AS total FROM t WHERE v BETWEEN -4611686018427387904 AND 4611686018427387903',
    'SELECT v > 0 AS positive, sum(v) AS total, count(v) AS n FROM t WHERE v BETWEEN -4611686018427387904 AND 4611686018427387903 GROUP BY v > 0 ORDER BY positive',
    'SELECT s, sum(v) AS total FROM t GROUP BY s ORDER BY s',
    'SELECT sum(v) AS total FROM t WHERE v < 9223372036854775806',
  ])('%s', async (query) => {
    expect(await fc.sql(query).collect()).toEqual(await db.query(query));
  });

  it('past 64 bits: ARITHMETIC_OVERFLOW under ANSI, null for try_sum (Spark\'s try_aggregates.sql.out), wrapped with ANSI off', async () => {
    expect(await failure(fc.sql('SELECT sum(v) FROM t WHERE v > 0'))).toContain(overflow('try_add'));
    expect(await fc.sql('SELECT try_sum(col) AS s FROM VALUES (9223372036854775807L), (1L) AS tab(col)').collect()).toEqual([{ s: null }]);
    fc.conf.set('spark.sql.ansi.enabled', false);
    try {
      const [{ s }] = await fc.sql('SELECT sum(v) AS s FROM t WHERE v > 0').collect();
      const exact = VALUES.filter((v): v is bigint => v !== null && v > 0n).reduce((a, b) => a + b, 0n);
      expect(s).toBe(BigInt.asIntN(64, exact));
    } finally {
      fc.conf.unset('spark.sql.ansi.enabled');
    }
  });
});

describe('bigint past 2^53 through files', () => {
  const wholeTable = 'SELECT v, s FROM t ORDER BY s';

  it.each([
    ['parquet', 'read_parquet'],
    ['csv', 'read_csv'],
    ['json', 'read_json'],
  ] as const)('Flint writes %s that DuckDB reads exactly, and reads it back exactly', async (format, reader) => {
    const path = join(dir, `flint-${format}`);
    const df = fc.sql(wholeTable);
    await (format === 'csv' ? df.write.option('header', true).csv(path) : df.write[format](path));
    const options = format === 'csv' ? ", header = true, columns = {'v': 'BIGINT', 's': 'VARCHAR'}" : format === 'json' ? ", columns = {'v': 'BIGINT', 's': 'VARCHAR'}" : '';
    const files = readdirSync(path).filter((f) => f.startsWith('part-')).map((f) => `'${join(path, f)}'`);
    expect(await db.query(`SELECT v, s FROM ${reader}([${files.join(', ')}]${options}) ORDER BY s`)).toEqual(await db.query(wholeTable));
    const back = format === 'parquet' ? fc.read.parquet(path) : format === 'csv' ? fc.read.csv(path, { header: true, schema: 'v BIGINT, s STRING' }) : fc.read.schema('v BIGINT, s STRING').json(path);
    expect(await back.orderBy('s').collect()).toEqual(await db.query(wholeTable));
  });

  it('reads DuckDB\'s Parquet exactly: dictionary pages, and a long past 2^53 after pages of safe ones', async () => {
    const path = join(dir, 'duckdb.parquet');
    await db.query(`COPY (SELECT i AS id, CASE WHEN i = 299999 THEN 9007199254740993 WHEN i = 299998 THEN -9223372036854775808 ELSE i END AS v,
      CASE WHEN i % 3 = 0 THEN 9223372036854775807 ELSE 3 END AS d FROM range(300000) r(i)) TO '${path}' (FORMAT PARQUET)`);
    fc.read.parquet(path).createOrReplaceTempView('duck_parquet');
    const query = `SELECT max(v) AS hi, min(v) AS lo, count(*) AS n, count(DISTINCT d) AS dd, max(d) AS md FROM duck_parquet`;
    const [flint] = await fc.sql(query).collect();
    expect(flint).toEqual({ hi: 9007199254740993n, lo: -9223372036854775808n, n: 300000, dd: 2, md: 9223372036854775807n });
    expect(await fc.sql('SELECT id, v FROM duck_parquet WHERE v > 9007199254740992').collect()).toEqual([{ id: 299999, v: 9007199254740993n }]);
  });
});
