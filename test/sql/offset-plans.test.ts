// LIMIT / OFFSET in explain('extended') as Spark 4 prints them. The texts follow Spark's own rules:
// the parser's Limit over Offset (GlobalLimit n / LocalLimit n / Offset m), LimitPushDown's
// `LocalLimit(n, Offset(m, x)) => Offset(m, LocalLimit(n + m, x))`, EliminateOffsets (an offset
// over at most as many rows is an empty LocalRelation) and SpecialLimits, which plans the limit
// returning the answer as CollectLimitExec(limit + offset, offset). Answers are DuckDB's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, type DataFrame } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

const ROWS = Array.from({ length: 10 }, (_, i) => [i, (i * 7) % 10] as const);

let fc: FlintContext;
let duck: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-offset-plans' });
  fc.createDataFrame(ROWS.map(([a, b]) => [a, b]), 'a INT, b INT').createOrReplaceTempView('t');
  duck = await DuckDbReference.open(1);
  await duck.createTable('t', 'a INTEGER, b INTEGER', ROWS);
}, 60_000);

afterAll(async () => {
  duck?.close();
  await fc?.stop();
});

/** The plan's sections, ids renumbered (#N) and without the analyzed plan's schema line. */
function sections(df: DataFrame): Record<string, string> {
  const text = df.explainString('extended').replace(/#\d+/g, '#N');
  const out: Record<string, string> = {};
  for (const part of text.split(/^== /m).slice(1)) {
    const [title, ...body] = part.split('\n');
    out[title!.replace(/ ==$/, '')] = body.filter((l) => !/^\w+: /.test(l)).join('\n').trim();
  }
  return out;
}

describe('LIMIT and OFFSET plans', () => {
  it('LIMIT n OFFSET m: parsed GlobalLimit n / LocalLimit n / Offset m, optimized with the local limit pushed below the offset, run as CollectLimit n + m, m', async () => {
    const query = 'SELECT * FROM t LIMIT 3 OFFSET 2';
    const plan = sections(fc.sql(query));
    expect(plan['Parsed Logical Plan']).toBe("GlobalLimit 3\n+- LocalLimit 3\n   +- Offset 2\n      +- Project [*]\n         +- 'UnresolvedRelation [t]");
    expect(plan['Analyzed Logical Plan']).toMatch(/^GlobalLimit 3\n\+- LocalLimit 3\n {3}\+- Offset 2\n {6}\+- Project \[a#N, b#N\]\n/);
    expect(plan['Optimized Logical Plan']).toBe('GlobalLimit 3\n+- Offset 2\n   +- LocalLimit 5\n      +- LocalRelation [a#N, b#N]');
    expect(plan['Physical Plan']).toBe('CollectLimit 5, 2\n+- Scan LocalRelation [a#N, b#N]');
    expect(fc.sql(query).explainString('formatted')).toMatch(/\(2\) CollectLimit\nInput \[2\]: \[a#\d+, b#\d+\]\nArguments: 5, 2\n/);
    expect(await fc.sql(query).collect()).toEqual(await duck.query(query));
    // The same through the DataFrame API, offset first.
    const df = fc.table('t').offset(2).limit(3);
    expect(sections(df)['Optimized Logical Plan']).toBe('GlobalLimit 3\n+- Offset 2\n   +- LocalLimit 5\n      +- LocalRelation [a#N, b#N]');
    expect(await df.collect()).toEqual(await duck.query(query));
  });

  it('an offset alone is Offset m, run as CollectLimit -1, m; a limit alone GlobalLimit n / LocalLimit n, run as CollectLimit n', async () => {
    for (const [df, query] of [[fc.table('t').offset(7), 'SELECT * FROM t OFFSET 7'], [fc.sql('SELECT * FROM t OFFSET 7'), 'SELECT * FROM t OFFSET 7']] as const) {
      const plan = sections(df);
      expect(plan['Optimized Logical Plan']).toBe('Offset 7\n+- LocalRelation [a#N, b#N]');
      expect(plan['Physical Plan']).toBe('CollectLimit -1, 7\n+- Scan LocalRelation [a#N, b#N]');
      expect(await df.collect()).toEqual(await duck.query(query));
    }
    const plan = sections(fc.table('t').limit(4));
    expect(plan['Parsed Logical Plan']).toMatch(/^GlobalLimit 4\n\+- LocalLimit 4\n {3}\+- SubqueryAlias t\n/);
    expect(plan['Physical Plan']).toBe('CollectLimit 4\n+- Scan LocalRelation [a#N, b#N]');
  });

  it('df.limit(k).offset(m): Offset m over GlobalLimit k (Spark keeps both), run as CollectLimit k, m', async () => {
    const df = fc.table('t').limit(6).offset(4);
    const plan = sections(df);
    expect(plan['Parsed Logical Plan']).toMatch(/^Offset 4\n\+- GlobalLimit 6\n {3}\+- LocalLimit 6\n {6}\+- SubqueryAlias t\n/);
    expect(plan['Optimized Logical Plan']).toBe('Offset 4\n+- GlobalLimit 6\n   +- LocalLimit 6\n      +- LocalRelation [a#N, b#N]');
    expect(plan['Physical Plan']).toBe('CollectLimit 6, 4\n+- Scan LocalRelation [a#N, b#N]');
    expect(await df.collect()).toEqual(await duck.query('SELECT * FROM (SELECT * FROM t LIMIT 6) OFFSET 4'));
  });

  it('df.limit(3).offset(8): an offset past the limit is an empty LocalRelation (EliminateOffsets), sorted or not', async () => {
    for (const df of [fc.table('t').limit(3).offset(8), fc.table('t').orderBy('b').limit(3).offset(8), fc.table('t').limit(3).offset(3)]) {
      const plan = sections(df);
      expect(plan['Optimized Logical Plan']).toBe('LocalRelation <empty>, [a#N, b#N]');
      expect(plan['Physical Plan']).toBe('LocalTableScan <empty>, [a#N, b#N]');
      expect(await df.collect()).toEqual([]);
    }
  });

  it('a limit that does not return the answer stays GlobalLimit n, m over an exchange and LocalLimit n + m', async () => {
    const query = 'SELECT a FROM t WHERE b IN (SELECT b FROM t LIMIT 2 OFFSET 1) ORDER BY a';
    const df = fc.sql(query);
    expect(sections(df)['Physical Plan']).toMatch(/GlobalLimit 2, 1\n\s+\+- Exchange SinglePartition\n\s+\+- LocalLimit 3\n/);
    expect(await df.collect()).toEqual(await duck.query(query));
  });
});
