/**
 * The sort query's answer: the row count and a polynomial hash of the order_ids in their
 * sorted order, hash = (hash * BASE + order_id) mod MODULUS, row by row. Engines that sort in
 * parallel hash each sorted run and combine the runs in order with `combineDigests`.
 * Flint's RDD functions cannot import this module (they ship as source text): flint-rdd.ts
 * and flint-sql.ts repeat the two constants in their partition function.
 */
export const DIGEST_BASE = 1_000_003;
export const DIGEST_MODULUS = 2_147_483_647;

export interface OrderDigest {
  rows: number;
  hash: number;
}

/** Stays below 2^53: hash < 2^31 and BASE < 2^20. */
export function foldOrderId(hash: number, orderId: number): number {
  return (hash * DIGEST_BASE + orderId) % DIGEST_MODULUS;
}

export function digestOf(orderIds: ArrayLike<number>): OrderDigest {
  let hash = 0;
  for (let i = 0; i < orderIds.length; i++) hash = foldOrderId(hash, orderIds[i]);
  return { rows: orderIds.length, hash };
}

/** The digest of runs laid end to end, in the given order. */
export function combineDigests(runs: OrderDigest[]): OrderDigest {
  const modulus = BigInt(DIGEST_MODULUS);
  let hash = 0n;
  let rows = 0;
  for (const run of runs) {
    hash = (hash * power(BigInt(DIGEST_BASE), run.rows, modulus) + BigInt(run.hash)) % modulus;
    rows += run.rows;
  }
  return { rows, hash: Number(hash) };
}

function power(base: bigint, exponent: number, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/** The digest as the sort query's one answer row, as every engine reports it. */
export function digestRow(digest: OrderDigest): Record<string, unknown> {
  return { rows: digest.rows, order_hash: digest.hash };
}
