import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TPCH_TABLE_NAMES, tpchColumns } from '../../benchmarks/tpch/schema.js';
import { tpchScale } from '../../benchmarks/tpch/scale.js';
import { DuckDbReference } from './duckdb-reference.js';
import { generateTpchFixture, type TpchFixture } from './tpch-fixture.js';

const SF = 0.01;

function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    TPCH_TABLE_NAMES.map((t) => [t, createHash('sha256').update(readFileSync(join(dir, `${t}.csv`))).digest('hex')]),
  );
}

describe('TPC-H generator', () => {
  let data: TpchFixture;
  let db: DuckDbReference;
  const scalar = async (sql: string) => Object.values((await db.query(sql))[0])[0];

  beforeAll(async () => {
    data = generateTpchFixture(SF);
    db = await DuckDbReference.withTpch(data.dir);
  });
  afterAll(() => {
    db?.close();
    data?.remove();
  });

  it('writes the same bytes for the same scale factor, and other bytes for another', () => {
    const again = generateTpchFixture(SF);
    const other = generateTpchFixture(0.02);
    try {
      expect(digests(again.dir)).toEqual(digests(data.dir));
      expect(digests(other.dir).lineitem).not.toEqual(digests(data.dir).lineitem);
    } finally {
      again.remove();
      other.remove();
    }
  });

  it('writes a header row of the schema columns in every file', () => {
    for (const table of TPCH_TABLE_NAMES) {
      const header = readFileSync(join(data.dir, `${table}.csv`), 'utf8').split('\n', 1)[0];
      expect(header).toBe(tpchColumns(table).join(','));
    }
  });

  it('has the row counts of the spec', async () => {
    const scale = tpchScale(SF);
    expect(await scalar('select count(*) from region')).toBe(5);
    expect(await scalar('select count(*) from nation')).toBe(25);
    expect(await scalar('select count(*) from supplier')).toBe(10_000 * SF);
    expect(await scalar('select count(*) from part')).toBe(200_000 * SF);
    expect(await scalar('select count(*) from partsupp')).toBe(800_000 * SF);
    expect(await scalar('select count(*) from customer')).toBe(150_000 * SF);
    expect(await scalar('select count(*) from orders')).toBe(scale.orders);
    const lineitems = (await scalar('select count(*) from lineitem')) as number;
    // 1..7 lines per order: 4 on average, so about 6,000,000 x SF.
    expect(lineitems).toBeGreaterThan(6_000_000 * SF * 0.97);
    expect(lineitems).toBeLessThan(6_000_000 * SF * 1.03);
    expect(await scalar('select min(c), max(c) from (select count(*) c from lineitem group by l_orderkey)')).toBe(1);
    expect(await scalar('select max(c) from (select count(*) c from lineitem group by l_orderkey)')).toBe(7);
  });

  it('has unique primary keys and sparse order keys', async () => {
    expect(await scalar('select count(*) - count(distinct p_partkey) from part')).toBe(0);
    expect(await scalar('select count(*) - count(distinct s_suppkey) from supplier')).toBe(0);
    expect(await scalar('select count(*) - count(distinct c_custkey) from customer')).toBe(0);
    expect(await scalar('select count(*) - count(distinct o_orderkey) from orders')).toBe(0);
    expect(await scalar('select count(*) from (select distinct ps_partkey, ps_suppkey from partsupp)')).toBe(800_000 * SF);
    expect(await scalar('select count(*) from (select distinct l_orderkey, l_linenumber from lineitem)'))
      .toBe(await scalar('select count(*) from lineitem'));
    // Only the first 8 of every 32 order keys are used.
    expect(await scalar('select count(*) from orders where (o_orderkey - 1) % 32 >= 8')).toBe(0);
  });

  it('resolves every foreign key', async () => {
    const dangling = [
      'select count(*) from nation left join region on n_regionkey = r_regionkey where r_regionkey is null',
      'select count(*) from supplier left join nation on s_nationkey = n_nationkey where n_nationkey is null',
      'select count(*) from customer left join nation on c_nationkey = n_nationkey where n_nationkey is null',
      'select count(*) from partsupp left join part on ps_partkey = p_partkey where p_partkey is null',
      'select count(*) from partsupp left join supplier on ps_suppkey = s_suppkey where s_suppkey is null',
      'select count(*) from orders left join customer on o_custkey = c_custkey where c_custkey is null',
      'select count(*) from lineitem left join orders on l_orderkey = o_orderkey where o_orderkey is null',
      'select count(*) from lineitem left join partsupp on l_partkey = ps_partkey and l_suppkey = ps_suppkey where ps_partkey is null',
    ];
    for (const sql of dangling) expect(await scalar(sql), sql).toBe(0);
    expect(await scalar('select count(*) from part where p_partkey not in (select ps_partkey from partsupp)')).toBe(0);
  });

  it('keeps the value domains the queries filter on', async () => {
    expect(await scalar("select count(*) from orders where o_orderdate < date '1992-01-01' or o_orderdate > date '1998-08-02'")).toBe(0);
    expect(await scalar("select max(l_receiptdate) <= date '1998-12-31' from lineitem")).toBe(true);
    expect(await scalar('select count(distinct c_mktsegment) from customer')).toBe(5);
    expect(await scalar('select count(distinct o_orderpriority) from orders')).toBe(5);
    expect(await scalar('select count(distinct l_shipmode) from lineitem')).toBe(7);
    expect(await scalar('select count(distinct p_type) from part')).toBe(150);
    expect(await scalar('select count(distinct p_container) from part')).toBe(40);
    expect(await scalar('select count(distinct p_brand) from part')).toBe(25);
    expect(await scalar("select count(*) from part where p_brand <> 'Brand#' || substring(p_mfgr, 14) || substring(p_brand, 8)")).toBe(0);
    expect(await scalar("select count(*) from part where len(string_split(p_name, ' ')) <> 5")).toBe(0);
    expect(await scalar('select min(l_discount) = 0 and max(l_discount) = 0.1 and max(l_tax) = 0.08 from lineitem')).toBe(true);
    expect(await scalar('select min(l_quantity) = 1 and max(l_quantity) = 50 from lineitem')).toBe(true);
    expect(await scalar('select count(*) from lineitem, part where l_partkey = p_partkey and abs(l_extendedprice - l_quantity * p_retailprice) > 0.001')).toBe(0);
    // Phone country codes are nationkey + 10.
    expect(await scalar('select count(*) from customer where cast(substring(c_phone, 1, 2) as int) <> c_nationkey + 10')).toBe(0);
    expect(await scalar('select count(*) from supplier where cast(substring(s_phone, 1, 2) as int) <> s_nationkey + 10')).toBe(0);
    // A third of the customers (custkey divisible by 3) place no orders.
    expect(await scalar('select count(*) from orders where o_custkey % 3 = 0')).toBe(0);
    expect(await scalar("select count(*) from supplier where s_comment like '%Customer%Complaints%'")).toBeGreaterThan(0);
    expect(await scalar("select count(*) from orders where o_comment like '%special%requests%'")).toBeGreaterThan(0);
  });

  it('derives return flags, line statuses, order statuses and total prices as the spec says', async () => {
    expect(await scalar(
      "select count(*) from lineitem where (l_receiptdate <= date '1995-06-17') <> (l_returnflag in ('R', 'A'))",
    )).toBe(0);
    expect(await scalar(
      "select count(*) from lineitem where (l_shipdate > date '1995-06-17') <> (l_linestatus = 'O')",
    )).toBe(0);
    expect(await scalar(`
      select count(*) from orders join (
        select l_orderkey, bool_and(l_linestatus = 'F') all_f, bool_and(l_linestatus = 'O') all_o,
               sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)) total
        from lineitem group by l_orderkey
      ) on o_orderkey = l_orderkey
      where o_orderstatus <> case when all_f then 'F' when all_o then 'O' else 'P' end
         or abs(o_totalprice - total) > 0.011`)).toBe(0);
    expect(await scalar("select count(distinct o_orderstatus) from orders")).toBe(3);
    expect(await scalar(
      'select count(*) from lineitem, orders where l_orderkey = o_orderkey and (' +
        'l_shipdate - o_orderdate not between 1 and 121 or l_commitdate - o_orderdate not between 30 and 90 ' +
        'or l_receiptdate - l_shipdate not between 1 and 30)',
    )).toBe(0);
  });

  it('rejects a bad scale factor with one line', () => {
    expect(() => tpchScale(Number('abc'))).toThrow('TPC-H scale factor must be a number between 0.001 and 1000, got NaN');
    expect(() => tpchScale(0)).toThrow(/got 0$/);
  });
});
