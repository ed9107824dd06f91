import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';

/** Sum and count per (a, b, c) computed sequentially: the reference. */
function reference(rows: [number | null, string | null, boolean | null, number][]) {
  const groups = new Map<string, { a: number | null; b: string | null; c: boolean | null; total: number; n: number }>();
  for (const [a, b, c, v] of rows) {
    const key = JSON.stringify([a, b, c]);
    const g = groups.get(key) ?? { a, b, c, total: 0, n: 0 };
    g.total += v;
    g.n++;
    groups.set(key, g);
  }
  return [...groups.values()];
}

const sortKey = (r: Record<string, unknown>) => JSON.stringify([r.a, r.b, r.c]);

describe('hash aggregation by several key columns (local[2])', () => {
  let fc: FlintContext;
  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local[2]' });
  });
  afterAll(async () => {
    await fc?.stop();
  });

  it('groups by int, string and boolean keys with nulls across partitions as a sequential fold does', async () => {
    const rows = Array.from({ length: 5000 }, (_, i): [number | null, string | null, boolean | null, number] => [
      i % 7 === 0 ? null : i % 5,
      i % 11 === 0 ? null : ['x', 'y', 'null', ''][i % 4],
      i % 13 === 0 ? null : i % 2 === 0,
      i,
    ]);
    const df = fc.createDataFrame(rows, 'a INT, b STRING, c BOOLEAN, v INT').repartition(4);
    const actual = await df.groupBy('a', 'b', 'c').agg(F.sum('v').alias('total'), F.count('*').alias('n')).collect();
    const expected = reference(rows);
    expect(actual.length).toBe(expected.length);
    expect([...actual].sort((x, y) => sortKey(x).localeCompare(sortKey(y)))).toEqual(
      [...expected].sort((x, y) => sortKey(x).localeCompare(sortKey(y))),
    );
  });
});
