/**
 * ROLLUP, CUBE and GROUPING SETS as lists of grouping sets, each a list of positions in the
 * aggregate's grouping expressions (Spark's GroupingAnalytics, in Spark's order of sets).
 */

/** ROLLUP(e1, ..., en): (e1..en), (e1..en-1), ..., (). Each element may stand for several positions. */
export function rollupSets(elements: readonly (readonly number[])[]): number[][] {
  const sets: number[][] = [];
  for (let n = elements.length; n >= 0; n--) sets.push(elements.slice(0, n).flat());
  return sets;
}

/** CUBE(e1, ..., en): every subset, the full one first and () last, as Spark's cubeExprs orders them. */
export function cubeSets(elements: readonly (readonly number[])[]): number[][] {
  if (elements.length === 0) return [[]];
  const [head, ...rest] = elements;
  const tails = cubeSets(rest);
  return [...tails.map((tail) => [...head!, ...tail]), ...tails];
}

/** `GROUP BY a, ROLLUP(b, c)`: each item's sets combined with every other's (a cross product). */
export function crossSets(items: readonly (readonly (readonly number[])[])[]): number[][] {
  return items.reduce<number[][]>((acc, sets) => acc.flatMap((a) => sets.map((s) => [...a, ...s])), [[]]);
}

/**
 * grouping_id over `columns` (positions in groupBy) for rows of `set`: bit i, counted from the
 * last column, is 1 when column i is not grouped in those rows.
 */
export function groupingId(set: readonly number[], columns: readonly number[]): number {
  return columns.reduce((id, c) => id * 2 + (set.includes(c) ? 0 : 1), 0);
}
