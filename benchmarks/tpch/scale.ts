/** Table cardinalities for a scale factor (TPC-H 3.0 §4.2.5). */
export interface TpchScale {
  readonly sf: number;
  readonly suppliers: number;
  readonly parts: number;
  readonly customers: number;
  readonly orders: number;
  readonly clerks: number;
}

export function tpchScale(sf: number): TpchScale {
  if (!Number.isFinite(sf) || sf < 0.001 || sf > 1000) {
    throw new Error(`TPC-H scale factor must be a number between 0.001 and 1000, got ${sf}`);
  }
  const count = (base: number) => Math.max(1, Math.round(base * sf));
  return {
    sf,
    suppliers: count(10_000),
    parts: count(200_000),
    customers: count(150_000),
    orders: count(1_500_000),
    clerks: count(1_000),
  };
}

/**
 * The supplier of a part's i-th supply row (i in 0..3), spec §4.2.3 PS_SUPPKEY; lineitems pick
 * one of these four, so every (l_partkey, l_suppkey) is a partsupp row.
 */
export function supplierOfPart(partKey: number, i: number, suppliers: number): number {
  return ((partKey + i * (Math.floor(suppliers / 4) + Math.floor((partKey - 1) / suppliers))) % suppliers) + 1;
}

/** P_RETAILPRICE in cents, a function of the key (spec §4.2.3). */
export function retailPriceCents(partKey: number): number {
  return 90_000 + (Math.floor(partKey / 10) % 20_001) + 100 * (partKey % 1_000);
}

/** Order keys are sparse: the first 8 of every 32 keys are used (spec §4.2.3, O_ORDERKEY). */
export function orderKey(index: number): number {
  return Math.floor(index / 8) * 32 + (index % 8) + 1;
}
