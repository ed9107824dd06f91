/**
 * DECIMAL as Spark types and rounds it. Result types are Spark's DecimalPrecision rules, checked
 * against Spark's own sql-tests golden (ansi/decimalArithmeticOperations.sql.out) and the rules'
 * table (+ - * / %, sum, avg, literals of just their digits); values against an exact reference
 * (BigInt arithmetic on the unscaled digits, HALF_UP to the result scale, as Spark's
 * Decimal.changePrecision) and against DuckDB for sums, whose decimal sums are exact too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, cast, parseDataType, tryCast } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let duck: DuckDbReference;

/** A decimal as its unscaled digits and scale (1.25 is 125n at scale 2). */
interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

const pow10 = (n: number) => 10n ** BigInt(n);
const text = ({ units, scale }: Exact): string => {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return units < 0n ? `-${body}` : body;
};
/** The double nearest the exact decimal: what Flint should collect. */
const nearest = (x: Exact): number => Number(text(x));
const rescale = (x: Exact, scale: number): bigint => x.units * pow10(scale - x.scale);
/** n / d rounded HALF_UP (away from zero at a half), as java.math.RoundingMode.HALF_UP. */
const divideHalfUp = (n: bigint, d: bigint): bigint => {
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = an / ad + (2n * (an % ad) >= ad ? 1n : 0n);
  return negative ? -q : q;
};

const add = (a: Exact, b: Exact, scale: number): Exact => ({ units: rescale(a, scale) + rescale(b, scale), scale });
const multiply = (a: Exact, b: Exact): Exact => ({ units: a.units * b.units, scale: a.scale + b.scale });
const divide = (a: Exact, b: Exact, scale: number): Exact => ({ units: divideHalfUp(a.units * pow10(scale + b.scale), b.units * pow10(a.scale)), scale });
const remainder = (a: Exact, b: Exact): Exact => {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) % rescale(b, scale), scale };
};

/** Deterministic rows: a, b decimal(8,2) in (-100000, 100000); c decimal(5,3), never zero; k a group key. */
const ROWS = (() => {
  let seed = 20251205;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: 240 }, (_, id) => {
    const a: Exact = { units: BigInt((next() % 19999999) - 9999999), scale: 2 };
    const b: Exact = { units: BigInt((next() % 19999999) - 9999999), scale: 2 };
    const cUnits = (next() % 99999) + 1;
    const c: Exact = { units: BigInt(next() % 2 === 0 ? cUnits : -cUnits), scale: 3 };
    return { id, k: id % 7, a, b, c };
  });
})();

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  const rows = ROWS.map((r) => ({ id: r.id, k: r.k, a: nearest(r.a), b: nearest(r.b), c: nearest(r.c) }));
  fc.createDataFrame(rows, 'id INT, k INT, a DECIMAL(8,2), b DECIMAL(8,2), c DECIMAL(5,3)').createOrReplaceTempView('d');
  duck = await DuckDbReference.open(1);
  await duck.createTable('d', 'id INTEGER, k INTEGER, a DECIMAL(8,2), b DECIMAL(8,2), c DECIMAL(5,3)', ROWS.map((r) => [r.id, r.k, text(r.a), text(r.b), text(r.c)]));
});
afterAll(async () => {
  await fc?.stop();
  duck?.close();
});

const schemaOf = (query: string) => `struct<${fc.sql(query).dtypes.map(([name, type]) => `${name}:${type}`).join(',')}>`;
const valueOf = async (query: string) => Object.values((await fc.sql(query).collect())[0]!)[0];
async function failure(query: string): Promise<string> {
  try {
    await fc.sql(query).collect();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}
const OUT_OF_RANGE = (p: number, s: number) =>
  new RegExp(
    String.raw`\[NUMERIC_VALUE_OUT_OF_RANGE\.WITH_SUGGESTION\] \d+(\.\d+)? cannot be represented as Decimal\(${p}, ${s}\)\. If necessary set "spark\.sql\.ansi\.enabled" to "false" to bypass this error, and return NULL instead\. SQLSTATE: 22003`,
  );

describe('result types and values: Spark golden ansi/decimalArithmeticOperations.sql.out', () => {
  it.each([
    ['select 10.3 * 3.0', 'struct<(10.3 * 3.0):decimal(6,2)>', 30.9],
    ['select 10.3000 * 3.0', 'struct<(10.3000 * 3.0):decimal(9,5)>', 30.9],
    ['select 10.30000 * 30.0', 'struct<(10.30000 * 30.0):decimal(11,6)>', 309],
    ['select 10.300000000000000000 * 3.000000000000000000', 'struct<(10.300000000000000000 * 3.000000000000000000):decimal(38,34)>', 30.9],
    ['select 10.300000000000000000 * 3.0000000000000000000', 'struct<(10.300000000000000000 * 3.0000000000000000000):decimal(38,34)>', 30.9],
  ])('%s', async (query, schema, value) => {
    expect(schemaOf(query)).toBe(schema);
    expect(await valueOf(query)).toBe(value);
  });

  it('a decimal(38,18) times and over an integer literal: the literal is decimal(2,0), the scale gives way to the integer digits', async () => {
    const rows = [[1, '100.0', '999.0'], [2, '12345.123', '12345.123'], [3, '0.1234567891011', '1234.1']] as const;
    const query = `SELECT id, a * 10, b / 10 FROM (SELECT id, CAST(a AS DECIMAL(38,18)) a, CAST(b AS DECIMAL(38,18)) b
      FROM VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')} AS t(id, a, b)) ORDER BY id`;
    expect(schemaOf(query)).toBe('struct<id:int,(a * 10):decimal(38,15),(b / 10):decimal(38,18)>');
    expect((await fc.sql(query).collect()).map((r) => Object.values(r))).toEqual([
      [1, 1000, 99.9],
      [2, 123451.23, 1234.5123],
      [3, 1.234567891011, 123.41],
    ]);
  });

  it('types past 38 digits lose scale down to 6 (allowPrecisionLoss); literals are named by all their digits', () => {
    expect(schemaOf('select 12345678912345.123456789123 / 0.000000012345678')).toBe('struct<(12345678912345.123456789123 / 1.2345678E-8):decimal(38,9)>');
    expect(schemaOf('select 123456789123456789.1234567890 * 1.123456789123456789')).toBe('struct<(123456789123456789.1234567890 * 1.123456789123456789):decimal(38,18)>');
    expect(schemaOf('select 1.0123456789012345678901234567890123456e31BD / 10.0')).toBe('struct<(10123456789012345678901234567890.123456 / 10.0):decimal(38,6)>');
  });

  it('overflow past the precision: NUMERIC_VALUE_OUT_OF_RANGE under ANSI, NULL under legacy and try_', async () => {
    expect(await failure('select (5e36BD + 0.1) + 5e36BD')).toMatch(OUT_OF_RANGE(38, 1));
    expect(await failure('select 12345678901234567890.0 * 12345678901234567890.0')).toMatch(OUT_OF_RANGE(38, 2));
    expect(await valueOf('select try_add(5e36BD + 0.1, 5e36BD)')).toBe(null);
    fc.conf.set('spark.sql.ansi.enabled', false);
    try {
      // decimalArithmeticOperations.sql.out (non-ANSI): NULL.
      expect(await valueOf('select (5e36BD + 0.1) + 5e36BD')).toBe(null);
      expect(await valueOf('select 1e35BD / 0.1')).toBe(null);
      expect(await valueOf('select 1.10 / 0')).toBe(null);
    } finally {
      fc.conf.unset('spark.sql.ansi.enabled');
    }
    expect(await failure('select 1.10 / 0')).toContain('[DIVIDE_BY_ZERO]');
  });
});

describe('operators: Spark types, values HALF_UP at the result scale', () => {
  it('the brief: 1.10 * 3 is decimal(12,2) 3.3; / 3 is decimal(14,6); sum and avg widen by 10 and 4', async () => {
    const query = 'SELECT cast(1.10 as decimal(10,2)) * 3 AS d, cast(1.10 as decimal(10,2)) / 3 AS q';
    expect(schemaOf(query)).toBe('struct<d:decimal(12,2),q:decimal(14,6)>');
    expect(await fc.sql(query).collect()).toEqual([{ d: 3.3, q: 0.366667 }]);
    // 1.105 as decimal(10,2) is 1.11 (HALF_UP), so the sum is 3.11 and the average 1.555000.
    const aggregates = 'SELECT sum(cast(x as decimal(10,2))) s, avg(cast(x as decimal(10,2))) a FROM VALUES (1.105), (2.0) AS t(x)';
    expect(schemaOf(aggregates)).toBe('struct<s:decimal(20,2),a:decimal(14,6)>');
    expect(await fc.sql(aggregates).collect()).toEqual([{ s: 3.11, a: 1.555 }]);
  });

  it('integral operands: a literal is a decimal of its digits, a column of its type (int 10, bigint 20, smallint 5, tinyint 3)', () => {
    expect(schemaOf('SELECT a * 3 x, a + 100 y, a * -12345 z FROM d')).toBe('struct<x:decimal(10,2),y:decimal(9,2),z:decimal(14,2)>');
    expect(schemaOf('SELECT a * k x, a * CAST(k AS BIGINT) y, a * CAST(k AS SMALLINT) z, a + CAST(k AS TINYINT) w FROM d')).toBe(
      'struct<x:decimal(19,2),y:decimal(29,2),z:decimal(14,2),w:decimal(9,2)>',
    );
    expect(schemaOf('SELECT a * 1.5D x, a + CAST(1 AS FLOAT) y, a / k q FROM d')).toBe('struct<x:double,y:double,q:decimal(19,13)>');
  });

  it('+ - * / % and unary minus on every row equal the exact decimal results', async () => {
    const query = 'SELECT id, a + b AS s, a - c AS m, a * c AS p, a / c AS q, a % c AS r, -a AS n FROM d ORDER BY id';
    expect(schemaOf(query)).toBe('struct<id:int,s:decimal(9,2),m:decimal(10,3),p:decimal(14,5),q:decimal(17,8),r:decimal(5,3),n:decimal(8,2)>');
    const rows = await fc.sql(query).collect();
    const mismatches = ROWS.flatMap((x, i) => {
      const row = rows[i] as Record<string, number>;
      const expected = {
        s: nearest(add(x.a, x.b, 2)),
        m: nearest(add(x.a, { units: -x.c.units, scale: 3 }, 3)),
        p: nearest(multiply(x.a, x.c)),
        r: nearest(remainder(x.a, x.c)),
        n: nearest({ units: -x.a.units, scale: 2 }),
      };
      const exactOk = Object.entries(expected).every(([k, v]) => Object.is(row[k], v) || (row[k] === v));
      // A quotient has up to 17 digits: a double holds it to within one unit in its last place.
      const q = nearest(divide(x.a, x.c, 8));
      const quotientOk = Math.abs(row.q! - q) <= Math.abs(q) * Number.EPSILON;
      return exactOk && quotientOk ? [] : [{ id: x.id, row, expected: { ...expected, q } }];
    });
    expect(mismatches).toEqual([]);
    // DuckDB's + - * and % of decimals are exact too (its result types differ: only the values are compared).
    const duckRows = await duck.query('SELECT id, a + b AS s, a - c AS m, a * c AS p, a % c AS r, -a AS n FROM d ORDER BY id');
    expect(rows.map(({ q: _q, ...rest }) => rest)).toEqual(duckRows);
  });

  it('comparisons are exact: 0.1 + 0.2 = 0.3 row by row, and a decimal equals an integer of its value', async () => {
    expect(await fc.sql('SELECT x + y = z AS e, w = 2 AS f FROM VALUES (0.1, 0.2, 0.3, 2.00) AS t(x, y, z, w)').collect()).toEqual([{ e: true, f: true }]);
    expect(await valueOf('SELECT count(*) FROM d WHERE (a + c) - c = a AND a * c / c = a')).toBe(ROWS.length);
    expect(await valueOf('SELECT 2.00 = 2')).toBe(true);
    expect(await valueOf('SELECT 2.5 > 2')).toBe(true);
    expect(await valueOf('SELECT 1.5 IN (1, 2.25, 1.50)')).toBe(true);
  });
});

describe('aggregates', () => {
  it('sum and avg per group: sum equals DuckDB exact decimal sum, avg the exact mean HALF_UP at scale s + 4; min and max keep the type', async () => {
    const query = 'SELECT k, sum(a) s, avg(a) m, min(c) lo, max(c) hi, sum(a * c) sp FROM d GROUP BY k ORDER BY k';
    expect(schemaOf(query)).toBe('struct<k:int,s:decimal(18,2),m:decimal(12,6),lo:decimal(5,3),hi:decimal(5,3),sp:decimal(24,5)>');
    const reference = await duck.query('SELECT k, sum(a) s, min(c) lo, max(c) hi, sum(a * c) sp FROM d GROUP BY k ORDER BY k');
    const rows = await fc.sql(query).collect();
    const means = [...new Set(ROWS.map((r) => r.k))].sort().map((k) => {
      const group = ROWS.filter((r) => r.k === k);
      const total = group.reduce((t, r) => t + r.a.units, 0n);
      return nearest({ units: divideHalfUp(total * pow10(4), BigInt(group.length)), scale: 6 });
    });
    expect(rows).toEqual(reference.map((r, i) => ({ ...r, m: means[i] })));
  });

  it('sum(DISTINCT) and avg(DISTINCT) of decimals, and a running sum', async () => {
    const [row] = await fc.sql('SELECT sum(DISTINCT x) s, avg(DISTINCT x) a FROM VALUES (1.10), (2.20), (2.20), (-0.05) AS t(x)').collect();
    expect(row).toEqual({ s: 3.25, a: 1.083333 });
    const running = await fc.sql('SELECT sum(x) OVER (ORDER BY x) r FROM VALUES (1.1), (2.2), (0.1) AS t(x)').collect();
    expect(running).toEqual([{ r: 0.1 }, { r: 1.2 }, { r: 3.4 }]);
  });

  it('a sum past 38 digits: ARITHMETIC_OVERFLOW "Overflow in sum of decimals" (QueryExecutionErrors.overflowInSumOfDecimalError), null for try_sum and try_avg', async () => {
    const big = 'FROM VALUES (9e37), (9e37) AS t(x)';
    expect(await failure(`SELECT sum(CAST(x AS DECIMAL(38,0))) ${big}`)).toContain(
      '[ARITHMETIC_OVERFLOW] Overflow in sum of decimals. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003',
    );
    expect(await fc.sql(`SELECT try_sum(CAST(x AS DECIMAL(38,0))) s, try_avg(CAST(x AS DECIMAL(38,0))) a ${big}`).collect()).toEqual([{ s: null, a: null }]);
    expect(await fc.sql('SELECT try_sum(x) s, try_avg(x) a FROM VALUES (1.5), (2.25) AS t(x)').collect()).toEqual([{ s: 3.75, a: 1.875 }]);
    fc.conf.set('spark.sql.ansi.enabled', false);
    try {
      // Spark's CheckOverflowInSum with nullOnOverflow: null.
      const q = `SELECT sum(CAST(x AS DECIMAL(38,0))) s, avg(CAST(x AS DECIMAL(38,0))) a, sum(DISTINCT CAST(x AS DECIMAL(38,0)) + 1) d ${big}`;
      expect(await fc.sql(q).collect()).toEqual([{ s: null, a: null, d: 9e37 + 1 }]);
    } finally {
      fc.conf.unset('spark.sql.ansi.enabled');
    }
  });
});

describe('functions of decimals: Spark types (RoundBase, Ceil/Floor, Pmod), values HALF_UP', () => {
  it('round and bround keep a decimal: one more integer digit, the scale cut to the one asked for', async () => {
    const query = 'SELECT round(CAST(2.675 AS DECIMAL(5,3)), 2) a, round(9.95, 1) b, round(123.45, -1) c, round(-2.5) d, bround(2.5, 0) e, bround(-0.125, 2) f';
    expect(schemaOf(query)).toBe('struct<a:decimal(5,2),b:decimal(3,1),c:decimal(4,0),d:decimal(2,0),e:decimal(2,0),f:decimal(3,2)>');
    expect(await fc.sql(query).collect()).toEqual([{ a: 2.68, b: 10, c: 120, d: -3, e: 2, f: -0.12 }]);
  });

  it('ceil and floor of a decimal are integer decimals; abs and unary minus keep the type', async () => {
    const query = 'SELECT ceil(9.5) a, floor(-9.5) b, ceil(-0.1) c, floor(CAST(7 AS DECIMAL(5,0))) d, abs(-1.25) e, -a f FROM (SELECT 1.25 a)';
    expect(schemaOf(query)).toBe('struct<a:decimal(2,0),b:decimal(2,0),c:decimal(1,0),d:decimal(5,0),e:decimal(3,2),f:decimal(3,2)>');
    expect(await fc.sql(query).collect()).toEqual([{ a: 10, b: -10, c: 0, d: 7, e: 1.25, f: -1.25 }]);
  });

  it('pmod and div of decimals work on exact digits, row by row', async () => {
    const query = 'SELECT id, pmod(a, c) p, a div c q FROM d ORDER BY id';
    expect(schemaOf(query)).toBe('struct<id:int,p:decimal(5,3),q:bigint>');
    const rows = await fc.sql(query).collect();
    const expected = ROWS.map((x) => {
      const r = remainder(x.a, x.c);
      const divisor = rescale(x.c, 3);
      const p = r.units < 0n ? (r.units + divisor) % divisor : r.units;
      return { id: x.id, p: nearest({ units: p, scale: 3 }), q: Number(rescale(x.a, 3) / divisor) };
    });
    expect(rows).toEqual(expected);
    expect(await fc.sql('SELECT 0.3 div 0.1 a, pmod(3.3, 1.1) b').collect()).toEqual([{ a: 3, b: 0 }]);
    // An integer literal is a decimal of its digits (decimal(1,0)), a column of its type's: min(6, 1) + 2 and min(6, 10) + 2 digits.
    expect(schemaOf('SELECT pmod(a, 2) x, pmod(a, k) y, pmod(a, 1.5D) z FROM d')).toBe('struct<x:decimal(3,2),y:decimal(8,2),z:double>');
  });
});

describe('casts of decimals and integers into narrower decimals (inline code) match types/cast.ts', () => {
  const DECIMALS = [999.995, -999.994, 2.5, -2.5, 1.005, 0.045, 12345.678, -0.001, 99.95, 0];
  const INTEGERS = [0, 999, -1000, 12345, 5];
  it.each([
    ['DECIMAL(8,3)', DECIMALS, ['DECIMAL(5,2)', 'DECIMAL(4,0)', 'DECIMAL(3,1)', 'DECIMAL(6,1)']],
    ['INT', INTEGERS, ['DECIMAL(3,0)', 'DECIMAL(5,1)']],
  ] as const)('from %s', async (fromType, inputs, targets) => {
    fc.createDataFrame(inputs.map((v, id) => ({ id, v })), `id INT, v ${fromType}`).createOrReplaceTempView('casts');
    const from = parseDataType(fromType);
    for (const target of targets) {
      const to = parseDataType(target);
      const tried = await fc.sql(`SELECT try_cast(v AS ${target}) c FROM casts ORDER BY id`).collect();
      expect(tried.map((r) => r.c), `try_cast(${fromType} AS ${target})`).toEqual(inputs.map((v) => tryCast(v, from, to)));
      const errors = inputs.flatMap((v, id) => {
        try {
          cast(v, from, to);
          return [];
        } catch (error) {
          return [[id, (error as Error).message] as const];
        }
      });
      const good = inputs.map((_, id) => id).filter((id) => !errors.some(([bad]) => bad === id));
      const casted = await fc.sql(`SELECT CAST(v AS ${target}) c FROM casts WHERE id IN (${good.join(', ')}) ORDER BY id`).collect();
      expect(casted.map((r) => r.c)).toEqual(good.map((id) => tryCast(inputs[id], from, to)));
      for (const [id, message] of errors.slice(0, 1)) expect(await failure(`SELECT CAST(v AS ${target}) FROM casts WHERE id = ${id}`)).toContain(message);
    }
  });
});

describe('widening: CASE, coalesce, IN, UNION, greatest and least', () => {
  it('a decimal and an integral widen to a decimal holding both (widerDecimalType), a decimal and a double to double', async () => {
    expect(schemaOf('SELECT CASE WHEN id > 0 THEN a ELSE k END x, coalesce(c, a) y, coalesce(a, 1.5D) z FROM d')).toBe('struct<x:decimal(12,2),y:decimal(9,3),z:double>');
    expect(schemaOf('SELECT CAST(1.5 AS DECIMAL(3,2)) x UNION ALL SELECT CAST(2 AS DECIMAL(5,1))')).toBe('struct<x:decimal(6,2)>');
    const extremes = 'SELECT greatest(1.5, 2) g, least(1.25, CAST(3 AS BIGINT), 2.5) l, greatest(a, 2.5D) d FROM (SELECT 1.5 a)';
    expect(schemaOf(extremes)).toBe('struct<g:decimal(11,1),l:decimal(22,2),d:double>');
    expect(await fc.sql(extremes).collect()).toEqual([{ g: 2, l: 1.25, d: 2.5 }]);
    expect(await fc.sql('SELECT CAST(1.5 AS DECIMAL(3,2)) x UNION ALL SELECT CAST(1234.5 AS DECIMAL(5,1)) ORDER BY x').collect()).toEqual([{ x: 1.5 }, { x: 1234.5 }]);
  });

  it('show() prints a decimal with exactly its scale', async () => {
    const shown = await fc.sql('SELECT cast(1.10 as decimal(10,2)) * 3 AS d, 1.10 / 4 AS q').showString();
    expect(shown).toBe(['+----+--------+', '|   d|       q|', '+----+--------+', '|3.30|0.275000|', '+----+--------+'].join('\n'));
    // describe(): the mean is avg's decimal(p+4,s+4), min and max the column's decimals (stddev a double).
    const described = await fc.sql('SELECT CAST(x AS DECIMAL(10,2)) x FROM VALUES (1.10), (2.00), (3.35) AS t(x)').describe().collect();
    expect(described.filter((r) => r.summary !== 'stddev')).toEqual([
      { summary: 'count', x: '3' },
      { summary: 'mean', x: '2.150000' },
      { summary: 'min', x: '1.10' },
      { summary: 'max', x: '3.35' },
    ]);
  });
});
