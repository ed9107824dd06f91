// Aggregations, joins and window functions over generated data with nulls, compared with a
// sequential reference written with plain array methods over the same rows. Runs on local[2]
// with 3 shuffle partitions and in mapreduce mode (shuffles through disk).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F, col, Window, type DataFrame } from '@flint/driver';

interface Sale {
  id: number;
  region: string | null;
  product: number;
  qty: number | null;
  price: number;
}
interface Product {
  product: number;
  label: string;
}

/** Deterministic rows: a linear congruential generator, no Math.random. */
function sales(n: number): Sale[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const regions = ['north', 'south', 'east', null];
  return Array.from({ length: n }, (_, id) => ({
    id,
    region: regions[next() % 4],
    product: next() % 7,
    qty: next() % 10 === 0 ? null : next() % 20,
    price: (next() % 1000) / 8,
  }));
}

const SALES = sales(500);
const PRODUCTS: Product[] = [0, 1, 2, 3, 9].map((product) => ({ product, label: `p${product}` }));

const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const round = (x: unknown) => (typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : x);
const normalize = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)])));

function referenceGroupBy() {
  const groups = new Map<string, Sale[]>();
  for (const s of SALES) {
    const key = `${s.region}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((rows) => {
    const qtys = rows.map((r) => r.qty).filter((q): q is number => q !== null);
    return {
      region: rows[0].region,
      revenue: rows.reduce((acc, r) => (r.qty === null ? acc : acc + r.qty * r.price), 0),
      n: rows.length,
      avg_qty: qtys.reduce((a, b) => a + b, 0) / qtys.length,
      max_price: Math.max(...rows.map((r) => r.price)),
      products: new Set(rows.map((r) => r.product)).size,
    };
  });
}

function referenceJoin(how: 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti') {
  const out: Record<string, unknown>[] = [];
  const matchedProducts = new Set<number>();
  for (const s of SALES) {
    const matches = PRODUCTS.filter((p) => p.product === s.product);
    matches.forEach((p) => matchedProducts.add(p.product));
    if (how === 'left_semi') {
      if (matches.length > 0) out.push({ id: s.id });
      continue;
    }
    if (how === 'left_anti') {
      if (matches.length === 0) out.push({ id: s.id });
      continue;
    }
    for (const p of matches) out.push({ id: s.id, label: p.label });
    if (matches.length === 0 && (how === 'left' || how === 'full')) out.push({ id: s.id, label: null });
  }
  if (how === 'right' || how === 'full') {
    for (const p of PRODUCTS) if (!matchedProducts.has(p.product)) out.push({ id: null, label: p.label });
  }
  return out;
}

for (const mode of ['memory', 'mapreduce'] as const) {
  describe(`DataFrame queries (${mode} mode)`, () => {
    let fc: FlintContext;
    let salesDf: DataFrame;
    let productsDf: DataFrame;

    beforeAll(async () => {
      fc = await FlintContext.create({ master: 'local[2]', appName: `sql-queries-${mode}`, mode });
      fc.conf.set('spark.sql.shuffle.partitions', 3);
      salesDf = fc.createDataFrame(SALES, 'id BIGINT, region STRING, product BIGINT, qty BIGINT, price DOUBLE');
      productsDf = fc.createDataFrame(PRODUCTS, 'product BIGINT, label STRING');
    });

    afterAll(async () => {
      await fc.stop();
    });

    it('groupBy().agg() matches the sequential reference, null group included', async () => {
      const result = await salesDf
        .groupBy('region')
        .agg(
          F.sum(col('qty').multiply(col('price'))).alias('revenue'),
          F.count('*').alias('n'),
          F.avg('qty').alias('avg_qty'),
          F.max('price').alias('max_price'),
          F.countDistinct('product').alias('products'),
        )
        .collect();
      const key = (r: Record<string, unknown>) => String(r.region);
      expect(byKey(normalize(result), key)).toEqual(byKey(normalize(referenceGroupBy()), key));
    });

    it('a global aggregate over no rows gives one row of nulls and a zero count', async () => {
      const empty = salesDf.where(col('id').lt(0));
      expect(await empty.agg(F.sum('qty'), F.count('*'), F.max('price')).collect()).toEqual([{ 'sum(qty)': null, 'count(1)': 0, 'max(price)': null }]);
    });

    for (const strategy of ['BroadcastHashJoin', 'ShuffledHashJoin'] as const) {
      for (const how of ['inner', 'left', 'right', 'full', 'left_semi', 'left_anti'] as const) {
        it(`${how} join matches the nested-loop reference (${strategy} where the join type allows it)`, async () => {
          fc.conf.set('spark.sql.autoBroadcastJoinThreshold', strategy === 'BroadcastHashJoin' ? 10 * 1024 * 1024 : -1);
          const joined = salesDf.join(productsDf, salesDf.col('product').equalTo(productsDf.col('product')), how);
          const projected = how === 'left_semi' || how === 'left_anti' ? joined.select('id') : joined.select(salesDf.col('id'), productsDf.col('label'));
          expect(projected.explainString()).toContain(how === 'full' ? 'ShuffledHashJoin' : strategy);
          const key = (r: Record<string, unknown>) => `${r.id}/${r.label}`;
          expect(byKey(await projected.collect(), key)).toEqual(byKey(referenceJoin(how), key));
          fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
        });
      }
    }

    it('join on column names (USING) keeps one key column', async () => {
      const joined = salesDf.join(productsDf, 'product');
      expect(joined.columns).toEqual(['product', 'id', 'region', 'qty', 'price', 'label']);
      expect(await joined.count()).toBe(referenceJoin('inner').length);
    });

    it('a broadcast join on two keys, with repeated and null build keys, matches the nested-loop reference (inner fused, left)', async () => {
      const bonuses = [0, 1, 2, 3].flatMap((product) =>
        ['north', 'south', null].flatMap((region, r) => [1, 2].map((copy) => ({ product, region, bonus: product * 10 + r + copy / 4, note: `n${product}${copy}` }))),
      );
      const bonusDf = fc.createDataFrame(bonuses, 'product BIGINT, region STRING, bonus DOUBLE, note STRING');
      for (const how of ['inner', 'left'] as const) {
        const joined = salesDf
          .join(bonusDf, salesDf.col('product').equalTo(bonusDf.col('product')).and(salesDf.col('region').equalTo(bonusDf.col('region'))), how)
          .select(salesDf.col('id'), bonusDf.col('bonus'));
        expect(joined.explainString()).toContain('BroadcastHashJoin');
        const expected = SALES.flatMap((s): Record<string, unknown>[] => {
          const matches = bonuses.filter((b) => b.product === s.product && s.region !== null && b.region === s.region);
          return matches.length === 0 && how === 'left' ? [{ id: s.id, bonus: null }] : matches.map((b) => ({ id: s.id, bonus: b.bonus }));
        });
        const key = (r: Record<string, unknown>) => `${String(r.id).padStart(4)}/${r.bonus}`;
        expect(byKey(await joined.collect(), key)).toEqual(byKey(expected, key));
      }
    });

    it('a broadcast join on integer-valued keys (a dense index) matches only equal keys: negative, fractional, past the largest, null', async () => {
      const stream = [-1, 0, 0.5, 5, 999, 1000, 1001, 1e9, null].map((k, id) => ({ id, k }));
      const build = [0, 5, 5, 1000].map((k, copy) => ({ k, tag: `t${copy}` }));
      const streamDf = fc.createDataFrame(stream, 'id BIGINT, k DOUBLE');
      const buildDf = fc.createDataFrame(build, 'k DOUBLE, tag STRING');
      for (const how of ['inner', 'left_anti'] as const) {
        const joined = streamDf.join(buildDf, streamDf.col('k').equalTo(buildDf.col('k')), how);
        const projected = how === 'inner' ? joined.select(streamDf.col('id'), buildDf.col('tag')) : joined.select('id');
        expect(projected.explainString()).toContain('BroadcastHashJoin');
        const expected = stream.flatMap((s): Record<string, unknown>[] => {
          const matches = build.filter((b) => s.k !== null && b.k === s.k);
          if (how === 'left_anti') return matches.length === 0 ? [{ id: s.id }] : [];
          return matches.map((b) => ({ id: s.id, tag: b.tag }));
        });
        const key = (r: Record<string, unknown>) => `${String(r.id).padStart(2)}/${r.tag}`;
        expect(byKey(await projected.collect(), key)).toEqual(byKey(expected, key));
      }
    });

    it('a broadcast join on unique integer keys (rows at their key positions, strings as a dictionary) matches only equal keys and reads the right values', async () => {
      const stream = [-1, 0, -0, 0.5, 3, 4, 5, 999, 1000, 1001, 1e9, null].map((k, id) => ({ id, k }));
      const build = [
        { k: 1000, tag: 'b', weight: 1.5, count: 7 },
        { k: 3, tag: null, weight: 2.25, count: null },
        { k: 0, tag: 'a', weight: -4, count: 1 },
        { k: 5, tag: 'b', weight: 0, count: 2 },
      ];
      const streamDf = fc.createDataFrame(stream, 'id BIGINT, k DOUBLE');
      const buildDf = fc.createDataFrame(build, 'k DOUBLE, tag STRING, weight DOUBLE, count BIGINT');
      for (const how of ['inner', 'left'] as const) {
        const joined = streamDf
          .join(buildDf, streamDf.col('k').equalTo(buildDf.col('k')), how)
          .select(streamDf.col('id'), buildDf.col('tag'), buildDf.col('weight'), buildDf.col('count'));
        expect(joined.explainString()).toContain('BroadcastHashJoin');
        const expected = stream.flatMap((s): Record<string, unknown>[] => {
          const match = build.find((b) => s.k !== null && b.k === s.k);
          if (match === undefined) return how === 'left' ? [{ id: s.id, tag: null, weight: null, count: null }] : [];
          return [{ id: s.id, tag: match.tag, weight: match.weight, count: match.count }];
        });
        const key = (r: Record<string, unknown>) => String(r.id).padStart(2);
        expect(byKey(await joined.collect(), key)).toEqual(byKey(expected, key));
      }
    });

    it('shuffled semi and anti joins keep the left rows whose key is (not) on the right, null keys never matching', async () => {
      fc.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
      try {
        const regions = fc.createDataFrame([{ region: 'north' }, { region: null }, { region: 'east' }, { region: 'north' }], 'region STRING');
        for (const how of ['left_semi', 'left_anti'] as const) {
          const kept = salesDf.join(regions, salesDf.col('region').equalTo(regions.col('region')), how).select('id', 'region');
          expect(kept.explainString()).toContain('ShuffledHashJoin');
          const expected = SALES.filter((s) => (s.region === 'north' || s.region === 'east') === (how === 'left_semi')).map((s) => ({ id: s.id, region: s.region }));
          expect(byKey(await kept.collect(), (r) => String(r.id).padStart(4))).toEqual(expected);
        }
      } finally {
        fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
      }
    });

    it('sorts globally by several keys with directions', async () => {
      const rows = await salesDf.orderBy(col('region').desc(), col('price').asc(), 'id').select('id').collect();
      const cmp = (a: Sale, b: Sale) => {
        if (a.region !== b.region) {
          if (a.region === null) return 1;
          if (b.region === null) return -1;
          return a.region < b.region ? 1 : -1;
        }
        return a.price - b.price || a.id - b.id;
      };
      expect(rows.map((r) => r.id)).toEqual([...SALES].sort(cmp).map((s) => s.id));
    });

    it('top-n: orderBy().limit()', async () => {
      const rows = await salesDf.orderBy(F.desc('price'), 'id').limit(5).select('id').collect();
      const expected = [...SALES].sort((a, b) => b.price - a.price || a.id - b.id).slice(0, 5).map((s) => s.id);
      expect(rows.map((r) => r.id)).toEqual(expected);
    });

    it('window functions: row_number, rank, running sum, lag per partition', async () => {
      const w = Window.partitionBy('product').orderBy('price', 'id');
      const rows = await salesDf
        .select(
          'id',
          F.row_number().over(w).alias('rn'),
          F.rank().over(Window.partitionBy('product').orderBy('price')).alias('rk'),
          F.sum('price').over(w).alias('running'),
          F.lag('id').over(w).alias('prev'),
        )
        .collect();
      const expected = new Map<number, unknown[]>();
      for (let p = 0; p < 7; p++) {
        const part = SALES.filter((s) => s.product === p).sort((a, b) => a.price - b.price || a.id - b.id);
        let running = 0;
        part.forEach((s, i) => {
          running += s.price;
          const rank = part.findIndex((x) => x.price === s.price) + 1;
          expected.set(s.id, [i + 1, rank, round(running), i === 0 ? null : part[i - 1].id]);
        });
      }
      expect(rows).toHaveLength(SALES.length);
      for (const r of rows) expect([r.rn, r.rk, round(r.running), r.prev]).toEqual(expected.get(r.id as number));
    });
  });
}
