/**
 * Frequency statistics of `df.stat` (and their DataFrame aliases): crosstab (a contingency table
 * of two columns), freqItems (items that may be frequent, per column) and sampleBy (a sample
 * stratified by a column's values), with PySpark 4's arguments and Spark's results.
 */
import { Column, columnExpr } from '../column.js';
import { aliasOf, callOf, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { isNumeric } from '../expr/type-rules.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { resolveExpression } from '../analyzer/resolve-expression.js';
import { Types } from '../expr/types-used.js';
import { StructField, StructType } from '../types/index.js';
import type { DataFrame } from './dataframe.js';
import { lit, when } from '../functions/core.js';
import { rand } from '../functions/math.js';
import { randomSeed } from './sampling.js';

/** A value as crosstab names and lists it: Java's toString, `null` for null. */
const asText = (name: string): Expr => callOf('coalesce', [{ kind: 'cast', child: { kind: 'column', name }, to: Types.string }, literalExpr('null')]);

/**
 * Spark's crossTabulate: one row per distinct value of `col1` (as text, in column `col1_col2`),
 * one `bigint` column per distinct value of `col2` (as text, sorted), holding how many rows have
 * both (0 for none). The columns depend on the data, so the counts are computed here, by a job.
 */
export async function crosstab(df: DataFrame, col1: string, col2: string): Promise<DataFrame> {
  for (const [name, value] of [['col1', col1], ['col2', col2]] as const) {
    if (typeof value !== 'string') throw new TypeError(`[NOT_STR] Argument \`${name}\` should be a str, got ${typeof value}.`);
  }
  const pairs = df.select(new Column(aliasOf(asText(col1), 'a')), new Column(aliasOf(asText(col2), 'b'))).groupBy('a', 'b').count();
  const counts = (await pairs.collect()) as { a: string; b: string; count: number }[];
  const columns = [...new Set(counts.map((c) => c.b))].sort();
  const position = new Map(columns.map((value, i) => [value, i + 1]));
  const rows = new Map<string, unknown[]>();
  for (const { a, b, count } of counts) {
    if (!rows.has(a)) rows.set(a, [a, ...columns.map(() => 0)]);
    rows.get(a)![position.get(b)!] = count;
  }
  const schema = new StructType([
    new StructField(`${col1}_${col2}`, Types.string, true),
    // Backquotes cannot be in a column name (Spark drops them too).
    ...columns.map((value) => new StructField(value.replaceAll('`', ''), Types.long, true)),
  ]);
  return df.session.createDataFrame([...rows.values()], schema);
}

/**
 * Spark's freqItems: for each column, `<col>_freqItems`, an array holding every value found in
 * more than `support` of the rows (and possibly others: one pass, at most 1/support counters).
 */
export function freqItems(df: DataFrame, cols: string[], support = 0.01): DataFrame {
  if (!Array.isArray(cols)) throw new TypeError(`[NOT_LIST_OR_TUPLE] Argument \`cols\` should be a list or tuple, got ${typeof cols}.`);
  if (!(support >= 1e-4 && support <= 1)) throw new RangeError(`requirement failed: Support must be in [1e-4, 1], but got ${support}.`);
  const size = Math.trunc(1 / support);
  return df.select(...cols.map((c) => new Column(aliasOf(callOf('collect_frequent_items', [{ kind: 'column', name: c }, literalExpr(size)]), `${c}_freqItems`))));
}

/** Fractions by stratum, as PySpark's dict: a Map, or an object (its keys read as numbers for a numeric column). */
export type SampleFractions = Map<unknown, number> | Record<string, number>;

/**
 * Spark's sampleBy: each row is kept with the probability its stratum (the value of `col`) has in
 * `fractions`, 0 for a stratum not listed or null: `rand(seed) < fraction of the stratum`, one
 * draw per row as Spark's, so a seed and partitioning give Spark's rows.
 */
export function sampleBy(df: DataFrame, col: Column | string, fractions: SampleFractions, seed?: number): DataFrame {
  if (typeof col !== 'string' && !(col instanceof Column)) throw new TypeError(`[NOT_COLUMN_OR_STR] Argument \`col\` should be a Column or str, got ${typeof col}.`);
  if (fractions === null || typeof fractions !== 'object') throw new TypeError(`[NOT_DICT] Argument \`fractions\` should be a dict, got ${typeof fractions}.`);
  const stratum = resolveExpression(columnExpr(col), df.output);
  const numeric = isNumeric(dataTypeOf(stratum));
  const entries: [unknown, number][] = fractions instanceof Map ? [...fractions] : Object.entries(fractions).map(([k, f]) => [numeric ? Number(k) : k, f]);
  for (const [key, fraction] of entries) {
    if (!['string', 'number', 'boolean'].includes(typeof key)) {
      throw new TypeError(`[DISALLOWED_TYPE_FOR_CONTAINER] Argument \`fractions\`(type: dict) should only contain a type in [float, int, str], got ${typeof key}`);
    }
    if (!(typeof fraction === 'number' && fraction >= 0 && fraction <= 1)) {
      throw new RangeError(`requirement failed: Fractions must be in [0, 1], but got ${JSON.stringify(Object.fromEntries(entries.map(([k, f]) => [String(k), f])))}.`);
    }
  }
  const fractionOfRow = entries.reduce(
    (otherwise: Column, [key, fraction]) => when(new Column(stratum).equalTo(key as string | number | boolean), fraction).otherwise(otherwise),
    lit(0.0),
  );
  return df.filter(rand(seed ?? randomSeed()).lt(fractionOfRow));
}
