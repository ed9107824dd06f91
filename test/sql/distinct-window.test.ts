// Spark 4 refuses an aggregate over DISTINCT values as a window function during analysis
// (CheckAnalysis: DISTINCT_WINDOW_FUNCTION_UNSUPPORTED, SQLSTATE 0A000, the window named as its
// column would be), from SQL and from the DataFrame API alike; approx_count_distinct is no
// DISTINCT aggregate and stays allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F, Window, type DataFrame } from '@flint/driver';

let fc: FlintContext;
let df: DataFrame;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', appName: 'distinct-window' });
  df = fc.createDataFrame([[1, 1], [1, 2], [1, 2], [2, 5]], ['k', 'v']);
  df.createOrReplaceTempView('kv');
});

afterAll(async () => {
  await fc.stop();
});

const refused = (windowExpr: string) =>
  `[DISTINCT_WINDOW_FUNCTION_UNSUPPORTED] Distinct window functions are not supported: "${windowExpr}". SQLSTATE: 0A000`;

describe('DISTINCT aggregates over a window', () => {
  it('SQL: refused while analysing, in a plain and in a grouped SELECT', () => {
    expect(() => fc.sql('SELECT k, sum(DISTINCT v) OVER (PARTITION BY k) FROM kv')).toThrow(
      refused('sum(DISTINCT v) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)'),
    );
    expect(() => fc.sql('SELECT avg(DISTINCT v) OVER (ORDER BY k) FROM kv')).toThrow(
      refused('avg(DISTINCT v) OVER (ORDER BY k ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)'),
    );
    expect(() => fc.sql('SELECT k, count(DISTINCT k) OVER () FROM kv GROUP BY k')).toThrow(
      refused('count(DISTINCT k) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)'),
    );
  });

  it('DataFrame: sum_distinct(...).over(w) and countDistinct(...).over(w)', () => {
    const w = Window.partitionBy('k').orderBy('v');
    const frame = 'PARTITION BY k ORDER BY v ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';
    expect(() => df.select(F.sum_distinct('v').over(w))).toThrow(refused(`sum(DISTINCT v) OVER (${frame})`));
    expect(() => df.withColumn('n', F.countDistinct('v').over(w))).toThrow(refused(`count(DISTINCT v) OVER (${frame})`));
  });

  it('the same aggregates without DISTINCT, and approx_count_distinct, still run over a window', async () => {
    const rows = await fc
      .sql('SELECT k, v, sum(v) OVER (PARTITION BY k) AS s, count(v) OVER (PARTITION BY k) AS n, approx_count_distinct(v) OVER (PARTITION BY k) AS d FROM kv ORDER BY k, v')
      .collect();
    expect(rows).toEqual([
      { k: 1, v: 1, s: 5, n: 3, d: 2 },
      { k: 1, v: 2, s: 5, n: 3, d: 2 },
      { k: 1, v: 2, s: 5, n: 3, d: 2 },
      { k: 2, v: 5, s: 5, n: 1, d: 1 },
    ]);
  });
});
