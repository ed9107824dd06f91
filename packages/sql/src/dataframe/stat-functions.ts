/**
 * `df.stat` (PySpark's DataFrameStatFunctions) and DataFrame.approxQuantile. approxQuantile keeps
 * every non-null, non-NaN value of a column (one job), so its answers are those of Spark's
 * quantile summary while that summary is exact: the value of rank ceil(p * n), the smallest for
 * p <= relativeError and the largest for p >= 1 - relativeError — within any error bound asked.
 */
import { Column } from '../column.js';
import { aliasOf, callOf } from '../expr/expression.js';
import { Types } from '../expr/types-used.js';
import type { DataFrame } from './dataframe.js';

export class DataFrameStatFunctions {
  constructor(private readonly df: DataFrame) {}

  approxQuantile(col: string, probabilities: number[], relativeError: number): Promise<number[]>;
  approxQuantile(col: string[], probabilities: number[], relativeError: number): Promise<number[][]>;
  approxQuantile(col: string | string[], probabilities: number[], relativeError: number): Promise<number[] | number[][]> {
    return approxQuantile(this.df, col as string, probabilities, relativeError);
  }
  corr(col1: string, col2: string, method?: string): Promise<number | null> {
    return this.df.corr(col1, col2, method);
  }
  cov(col1: string, col2: string): Promise<number | null> {
    return this.df.cov(col1, col2);
  }
  crosstab(col1: string, col2: string): Promise<DataFrame> {
    return this.df.crosstab(col1, col2);
  }
  freqItems(cols: string[], support?: number): DataFrame {
    return this.df.freqItems(cols, support);
  }
  sampleBy(col: Parameters<DataFrame['sampleBy']>[0], fractions: Parameters<DataFrame['sampleBy']>[1], seed?: number): DataFrame {
    return this.df.sampleBy(col, fractions, seed);
  }
}

export async function approxQuantile(df: DataFrame, col: string | string[], probabilities: number[], relativeError: number): Promise<number[] | number[][]> {
  const cols = Array.isArray(col) ? col : [col];
  if (cols.some((c) => typeof c !== 'string')) throw new TypeError('[NOT_LIST_OR_STR_OR_TUPLE] Argument `col` should be a list, str or tuple.');
  if (probabilities.some((p) => typeof p !== 'number' || !(p >= 0 && p <= 1))) {
    throw new RangeError(`[INVALID_PROBABILITY] Each probability should be a number in [0, 1], got ${JSON.stringify(probabilities)}.`);
  }
  if (!(relativeError >= 0)) throw new RangeError(`[NEGATIVE_VALUE] Value for \`relativeError\` must be greater than or equal to 0, got '${relativeError}'.`);
  const valuesOf = cols.map((c, i) => new Column(aliasOf(callOf('collect_list', [{ kind: 'cast', child: { kind: 'column', name: c }, to: Types.double }]), `q${i}`)));
  const [row] = await df.agg(...valuesOf).collect();
  const answers = cols.map((_, i) => {
    const values = (row![`q${i}`] as number[]).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    return values.length === 0 ? [] : probabilities.map((p) => quantile(values, p, relativeError));
  });
  return Array.isArray(col) ? answers : answers[0]!;
}

/** Spark's QuantileSummaries.query over an exact summary (every value a sample of its own). */
function quantile(sorted: number[], p: number, relativeError: number): number {
  if (p <= relativeError) return sorted[0]!;
  if (p >= 1 - relativeError) return sorted[sorted.length - 1]!;
  return sorted[Math.max(Math.ceil(p * sorted.length), 1) - 1]!;
}
