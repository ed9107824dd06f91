/**
 * A total order over keys, for sorts and range partitioning. Values of one type compare naturally
 * (numbers numerically, strings by code unit, arrays element by element); values of different
 * types order by type: null/undefined < boolean < number < string < Date < array < object. A
 * bigint (a long past 2^53) ranks with the numbers: JS's < compares a number and a bigint exactly.
 */
export function compareKeys(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 0:
      return 0;
    case 1:
    case 2:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 3:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 4:
      return (a as Date).getTime() - (b as Date).getTime();
    case 5:
      return compareArrays(a as unknown[], b as unknown[]);
    default:
      return compareKeys(JSON.stringify(a), JSON.stringify(b));
  }
}

function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  switch (typeof value) {
    case 'boolean':
      return 1;
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    default:
      return value instanceof Date ? 4 : Array.isArray(value) ? 5 : 6;
  }
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compareKeys(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
