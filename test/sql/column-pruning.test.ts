/**
 * The optimizer's column pruning (Spark's EliminateSubqueryAliases, ColumnPruning, CollapseProject,
 * RemoveNoopOperators, RemoveRedundantAliases): the optimized plan of a query over a temp view
 * has no alias node and no re-aliasing projection, each operator gets only the columns read above
 * it, and the scan reads only those. Answers are checked against the same computation in plain
 * JavaScript over the rows the views were made from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col, functions as F, type DataFrame } from '@flint/driver';

interface Sale { order_id: number; customer_id: number; region: string; product: string; quantity: number; price: number; ts: Date }
const sales: Sale[] = Array.from({ length: 40 }, (_, i) => ({
  order_id: i, customer_id: i % 5, region: ['north', 'south', 'east'][i % 3]!, product: `p${i % 4}`, quantity: i % 7, price: i * 1.25, ts: new Date(Date.UTC(2024, 0, 1 + i)),
}));

let fc: FlintContext;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flint-column-pruning-'));
  fc = await FlintContext.create({ master: 'local[2]' });
  fc.conf.set('spark.sql.shuffle.partitions', '2');
  const schema = 'order_id INT, customer_id INT, region STRING, product STRING, quantity INT, price DOUBLE, ts TIMESTAMP';
  await fc.createDataFrame(sales, schema).write.parquet(join(dir, 'sales'));
  fc.read.parquet(join(dir, 'sales')).createOrReplaceTempView('sales');
});
afterAll(async () => {
  await fc?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const optimizedPlan = (df: DataFrame): string => {
  const text = df.explainString('extended');
  return text.slice(text.indexOf('== Optimized Logical Plan ==\n') + 29, text.indexOf('\n\n== Physical Plan =='));
};
const withoutIds = (text: string): string => text.replace(/#\d+L?/g, '');
const sorted = <T>(rows: T[]): T[] => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('column pruning in the optimized plan (Spark\'s ColumnPruning and friends)', () => {
  it('an aggregate over a view: no SubqueryAlias, no re-aliasing projection, the scan reads three of seven columns', async () => {
    const df = fc.sql('SELECT region, sum(price) AS total FROM sales WHERE quantity > 3 GROUP BY region');
    const plan = withoutIds(optimizedPlan(df));
    expect(plan.split('\n')).toEqual([
      'Aggregate [region], [region, sum(price) AS total]',
      '+- Project [region, price]',
      '   +- Filter (quantity > 3)',
      '      +- Relation [order_id,customer_id,region,product,quantity,price,ts] parquet',
    ]);
    expect(plan).not.toContain('SubqueryAlias');
    const formatted = df.explainString('formatted');
    expect(withoutIds(formatted)).toMatch(/\(1\) Scan parquet [^\n]*\nOutput \[3\]: \[region, quantity, price\]\nReadSchema: struct<region:string,quantity:int,price:double>\n/);
    const expected = new Map<string, number>();
    for (const s of sales) if (s.quantity > 3) expected.set(s.region, (expected.get(s.region) ?? 0) + s.price);
    expect(sorted(await df.collect())).toEqual(sorted([...expected].map(([region, total]) => ({ region, total }))));
  });

  it('a join gets only the read columns from each side; a self-join over one view keeps its sides apart', async () => {
    const df = fc.sql('SELECT a.region, b.product FROM sales a JOIN sales b ON a.order_id = b.order_id + 1 WHERE a.quantity > 4');
    const plan = withoutIds(optimizedPlan(df));
    expect(plan).toContain(':- Project [order_id, region]');
    expect(plan).toContain('+- Project [order_id AS order_id, product]');
    const expected = sales.flatMap((a) => sales.filter((b) => a.order_id === b.order_id + 1 && a.quantity > 4).map((b) => ({ region: a.region, product: b.product })));
    expect(sorted(await df.collect())).toEqual(sorted(expected));
  });

  it('never collapses a projection that would evaluate rand() twice', async () => {
    const df = fc.sql('SELECT x, x + 1 AS y FROM (SELECT rand(7) AS x, region FROM sales)');
    expect(optimizedPlan(df).split('\n').filter((line) => line.includes('Project'))).toHaveLength(2);
    for (const row of await df.collect()) expect(row.y).toBe((row.x as number) + 1);
  });

  it('a union takes the read positions into both children (a child may list one column twice)', async () => {
    const df = fc.sql('SELECT p FROM (SELECT product AS p, product AS q, quantity FROM sales UNION ALL SELECT region, product, quantity FROM sales)');
    expect(sorted(await df.collect())).toEqual(sorted([...sales.map((s) => ({ p: s.product })), ...sales.map((s) => ({ p: s.region }))]));
  });

  it('a window expression nobody reads goes; a cached plan keeps every column for later queries', async () => {
    const windowed = fc.sql('SELECT region FROM (SELECT region, row_number() OVER (PARTITION BY region ORDER BY price) AS rn FROM sales)');
    expect(optimizedPlan(windowed)).not.toContain('Window');
    const cached = fc.table('sales').where(col('quantity').gt(2)).cache();
    expect(await cached.select('region').count()).toBe(sales.filter((s) => s.quantity > 2).length);
    const totals = await cached.groupBy('product').agg(F.sum('price').alias('total'), F.max('ts').alias('last')).collect();
    const expected = new Map<string, { total: number; last: Date }>();
    for (const s of sales.filter((x) => x.quantity > 2)) {
      const e = expected.get(s.product);
      expected.set(s.product, { total: (e?.total ?? 0) + s.price, last: e && e.last > s.ts ? e.last : s.ts });
    }
    expect(sorted(totals)).toEqual(sorted([...expected].map(([product, e]) => ({ product, ...e }))));
    cached.unpersist();
  });

  it('count(*) over a view reads no column; a generator keeps the columns it and the query read', async () => {
    const counted = fc.sql('SELECT count(*) AS n FROM sales');
    expect(await counted.collect()).toEqual([{ n: sales.length }]);
    expect(withoutIds(counted.explainString('formatted'))).toContain('Output: []');
    const exploded = fc.sql('SELECT region, x FROM sales LATERAL VIEW explode(array(quantity, customer_id)) t AS x WHERE order_id < 3');
    expect(sorted(await exploded.collect())).toEqual(sorted(sales.filter((s) => s.order_id < 3).flatMap((s) => [{ region: s.region, x: s.quantity }, { region: s.region, x: s.customer_id }])));
  });
});
