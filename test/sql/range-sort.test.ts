/**
 * ORDER BY over all rows (the columnar range sort) on local[2] with 3 and 1 shuffle partitions:
 * numeric keys (the radix path: NaN, -0.0, infinities, ties), keys with nulls and strings (the
 * generated comparator), a computed key the query does not select, and an empty input; and a
 * CSV file of two 2.5 MB splits, whose range bounds come from a sample of each split's chunks.
 * Each answer is compared with a sequential sort of the same rows under Spark's ordering.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

interface Item {
  id: number;
  price: number | null;
  label: string | null;
  qty: number;
}

/** Deterministic rows (an LCG) with many ties and the special doubles. */
function items(n: number): Item[] {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8;
  const specials = [NaN, -0, 0, Infinity, -Infinity, null];
  const labels = ['kiwi', 'apple', 'Apple', 'app', '', null];
  return Array.from({ length: n }, (_, id) => ({
    id,
    price: next() % 10 === 0 ? specials[next() % specials.length] : (next() % 400) / 4 - 50,
    label: labels[next() % labels.length],
    qty: next() % 7,
  }));
}

const ITEMS = items(3000);

/** Spark's ordering of one sort column: nulls per NULLS FIRST/LAST, NaN above every number. */
function compareColumn(x: unknown, y: unknown, descending: boolean, nullsFirst: boolean): number {
  if (x === null || y === null) return x === y ? 0 : (x === null) === nullsFirst ? -1 : 1;
  let c: number;
  if (typeof x === 'number' && Number.isNaN(x)) c = Number.isNaN(y as number) ? 0 : 1;
  else if (typeof y === 'number' && Number.isNaN(y)) c = -1;
  else c = (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
  return descending ? -c : c;
}

type Key = [(item: Item) => unknown, boolean, boolean];

function reference(keys: Key[], rows: Item[] = ITEMS): Item[] {
  return [...rows].sort((a, b) => {
    for (const [of, descending, nullsFirst] of keys) {
      const c = compareColumn(of(a), of(b), descending, nullsFirst);
      if (c !== 0) return c;
    }
    return 0;
  });
}

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
  fc.createDataFrame(ITEMS, 'id INT, price DOUBLE, label STRING, qty INT').createOrReplaceTempView('items');
});
afterAll(async () => {
  await fc?.stop();
});

const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id);

describe.each([3, 1])('ORDER BY with %i shuffle partition(s)', (partitions) => {
  beforeAll(() => {
    fc.conf.set('spark.sql.shuffle.partitions', partitions);
  });

  it('sorts numbers without nulls (NaN last ascending, -0.0 equal to 0.0, ties broken by the next key)', async () => {
    const rows = await fc.sql('SELECT id, price FROM items WHERE price IS NOT NULL ORDER BY price, id DESC').collect();
    const expected = reference([[(i) => i.price, false, true], [(i) => i.id, true, true]], ITEMS.filter((i) => i.price !== null));
    expect(ids(rows)).toEqual(ids(expected as unknown as Record<string, unknown>[]));
    expect(rows.map((r) => r.price)).toEqual(expected.map((i) => i.price));
  });

  it('sorts with nulls first and last, strings by code unit, descending', async () => {
    const rows = await fc.sql('SELECT id FROM items ORDER BY label DESC NULLS FIRST, price ASC NULLS LAST, id').collect();
    const expected = reference([[(i) => i.label, true, true], [(i) => i.price, false, false], [(i) => i.id, false, true]]);
    expect(ids(rows)).toEqual(expected.map((i) => i.id));
  });

  it('sorts by a computed key it does not select', async () => {
    const rows = await fc.sql('SELECT label, id FROM items ORDER BY qty * 2 - id % 3 DESC, id').collect();
    const expected = reference([[(i) => i.qty * 2 - (i.id % 3), true, false], [(i) => i.id, false, true]]);
    expect(rows).toEqual(expected.map((i) => ({ label: i.label, id: i.id })));
  });

  it('carries a sort key that an operator above the sort reads, and not one only the sort reads', async () => {
    const above = await fc.sql('SELECT id, price + 1 AS next FROM (SELECT id, price FROM items ORDER BY price DESC, id) WHERE id >= 0').collect();
    const expected = reference([[(i) => i.price, true, false], [(i) => i.id, false, true]]);
    expect(above).toEqual(expected.map((i) => ({ id: i.id, next: i.price === null ? null : i.price + 1 })));
    const only = await fc.sql('SELECT id FROM items ORDER BY price DESC, id').collect();
    expect(ids(only)).toEqual(expected.map((i) => i.id));
  });

  it('gives no rows for an empty input', async () => {
    expect(await fc.sql('SELECT id FROM items WHERE id < 0 ORDER BY price').collect()).toEqual([]);
  });
});

describe('ORDER BY over a CSV file of two 2.5 MB splits (bounds sampled from chunks of each split)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flint-range-sort-'));
  const rows = items(110_000).map((i) => ({ ...i, price: i.price === null || !Number.isFinite(i.price) ? 1.5 : i.price === 0 ? 0 : i.price }));
  beforeAll(() => {
    const path = join(dir, 'items.csv');
    writeFileSync(path, ['id,price,label,qty', ...rows.map((i) => `${i.id},${i.price},${i.label ?? ''},${i.qty}`)].join('\n') + '\n');
    fc.conf.set('spark.sql.shuffle.partitions', 2);
    // Without the 4 MB open cost, the 5 MB file is cut in two (Spark's split sizing).
    fc.conf.set('spark.sql.files.openCostInBytes', '1k');
    const csv = fc.read.csv(path, { header: true, schema: 'id INT, price DOUBLE, label STRING, qty INT' });
    expect(csv.rdd.getNumPartitions()).toBe(2);
    csv.createOrReplaceTempView('items_csv');
  });
  afterAll(() => {
    fc.conf.unset('spark.sql.files.openCostInBytes');
    rmSync(dir, { recursive: true, force: true });
  });

  it('sorts by (price DESC, id) into partitions of about the same size, carrying only the selected column', async () => {
    const sorted = fc.sql('SELECT id FROM items_csv ORDER BY price DESC, id');
    const expected = reference([[(i) => i.price, true, false], [(i) => i.id, false, true]], rows as Item[]);
    expect(ids(await sorted.collect())).toEqual(expected.map((i) => i.id));
    const sizes = await sorted.rdd.mapPartitions((part: Iterable<unknown>) => [[...part].length]).collect();
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeGreaterThan(rows.length * 0.4);
  });

  it('keeps every column of the rows it sorts by a string key', async () => {
    const sorted = await fc.sql('SELECT * FROM items_csv ORDER BY label NULLS FIRST, id DESC').collect();
    const expected = reference([[(i) => (i.label === '' ? null : i.label), false, true], [(i) => i.id, true, true]], rows as Item[]);
    expect(sorted).toEqual(expected.map((i) => ({ id: i.id, price: i.price, label: i.label === '' ? null : i.label, qty: i.qty })));
  });
});
