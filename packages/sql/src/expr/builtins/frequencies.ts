/**
 * Aggregates over every value's frequency: mode (the most frequent value; with `deterministic`,
 * the smallest of those tied) and percentile (exact, with an optional frequency per row, and
 * Spark's interpolation between the two closest ranks; a percentage array gives an array).
 */
import type { DataType } from '../../types/index.js';
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { registerFunction } from '../registry.js';
import { Types } from '../types-used.js';
import { KEY_TEXT } from '../key-text.js';
import { DISTINCT_KEY } from './aggregates.js';

/** mode(x, deterministic?, descending?): mode(x, true) is SQL's `mode() WITHIN GROUP (ORDER BY x DESC)`, the smallest tied value; ascending, the largest. */
registerFunction({
  type: 'aggregate',
  name: 'mode',
  minArgs: 1,
  maxArgs: 3,
  nullableResult: true,
  pretty: ([x, deterministic, descending]) =>
    deterministic === 'true' ? `mode() WITHIN GROUP (ORDER BY ${x}${descending === 'false' ? '' : ' DESC'})` : `mode(${x})`,
  returnType: ([t]) => t!,
  slots: 2,
  init: () => ['new Map()', 'false'],
  update: ([counts, largest], [x, , descending]) =>
    `if (${x} !== null) { const k = distinctKey(${x}); const e = ${counts}.get(k); if (e === undefined) ${counts}.set(k, [${x}, 1]); else e[1]++; }` +
    (descending === undefined ? '' : ` ${largest} = ${descending} === false;`),
  merge: ([counts, largest], [other, largest2]) =>
    `for (const [k, [v, n]] of ${other}) { const e = ${counts}.get(k); if (e === undefined) ${counts}.set(k, [v, n]); else e[1] += n; } ${largest} = ${largest} || ${largest2};`,
  finish: ([counts, largest]) =>
    `[...${counts}.values()].reduce((best, e) => (best === null || e[1] > best[1] || (e[1] === best[1] && (${largest} ? e[0] > best[0] : e[0] < best[0])) ? e : best), null)?.[0] ?? null`,
  helpers: { distinctKey: DISTINCT_KEY, keyText: KEY_TEXT },
});

/**
 * Spark's Percentile.getPercentiles over (value, count) pairs sorted by value: the position
 * p * (total - 1) between ranks, interpolated as (higher - pos) * lowerValue + (pos - lower) * higherValue.
 */
const PERCENTILES = `function sqlPercentiles(counts, percentages, discrete = false, descending = false) {
  const sorted = [...counts].sort((a, b) => (descending ? b[0] - a[0] : a[0] - b[0]));
  let total = 0;
  const ends = sorted.map(([, n]) => (total += n));
  const at = (rank) => { let lo = 0, hi = ends.length - 1; while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[mid] > rank) hi = mid; else lo = mid + 1; } return sorted[lo][0]; };
  return percentages.map((p) => {
    // percentile_disc: the first value whose cumulative share reaches p (Spark 4's calculation).
    if (discrete) return at(Math.max(Math.ceil(total * p) - 1, 0));
    const position = (total - 1) * p;
    const lower = Math.floor(position), higher = Math.ceil(position);
    const low = at(lower), high = at(higher);
    return lower === higher || low === high ? low : (higher - position) * low + (position - lower) * high;
  });
}`;

const checkPercentage = (p: unknown) => {
  const ps = Array.isArray(p) ? p : [p];
  if (!ps.every((x) => typeof x === 'number' && x >= 0 && x <= 1)) {
    throw new AnalysisException('DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE', `Cannot resolve "percentile" due to data type mismatch: The percentage must be between 0.0 and 1.0, but got ${JSON.stringify(p)}. SQLSTATE: 42K09`);
  }
};

registerFunction({
  type: 'aggregate',
  name: 'percentile',
  minArgs: 2,
  maxArgs: 3,
  nullableResult: true,
  pretty: ([x, p, frequency]) => `percentile(${x}, ${p}, ${frequency ?? 1})`,
  coerceArgs: (t) => [Types.double, t[1]!.typeName() === 'array' ? Types.array(Types.double) : Types.double, Types.long].slice(0, t.length),
  returnType: ([, p]: DataType[], [, percentage]) => {
    if (percentage !== undefined) checkPercentage(percentage);
    return p!.typeName() === 'array' ? Types.array(Types.double) : Types.double;
  },
  slots: 2,
  init: () => ['new Map()', 'null'],
  update: ([counts, p], [x, percentage, frequency]) => {
    const n = frequency ?? '1';
    return `if (${x} !== null && ${n} !== null) { if (${n} < 0) throw new Error('[INVALID_PARAMETER_VALUE.FREQUENCY] Negative values found in ' + ${n}); ${counts}.set(${x}, (${counts}.get(${x}) ?? 0) + ${n}); } ${p} = ${percentage};`;
  },
  merge: ([counts, p], [other, p2]) => `for (const [v, n] of ${other}) ${counts}.set(v, (${counts}.get(v) ?? 0) + n); if (${p} === null) ${p} = ${p2};`,
  finish: ([counts, p]) =>
    `(${counts}.size === 0 || ${p} === null ? null : Array.isArray(${p}) ? sqlPercentiles(${counts}, ${p}) : sqlPercentiles(${counts}, [${p}])[0])`,
  helpers: { sqlPercentiles: PERCENTILES },
});

/** percentile_cont(x, p, descending) and percentile_disc(...): SQL's `percentile_cont(p) WITHIN GROUP (ORDER BY x [DESC])`. */
for (const discrete of [false, true]) {
  const name = discrete ? 'percentile_disc' : 'percentile_cont';
  registerFunction({
    type: 'aggregate',
    name,
    minArgs: 3,
    maxArgs: 3,
    nullableResult: true,
    pretty: ([x, p, descending]) => `${name}(${p}) WITHIN GROUP (ORDER BY ${x}${descending === 'true' ? ' DESC' : ''})`,
    coerceArgs: () => [Types.double, Types.double, Types.boolean],
    returnType: (_types, [, percentage]) => {
      if (percentage !== undefined) checkPercentage(percentage);
      return Types.double;
    },
    slots: 3,
    init: () => ['new Map()', 'null', 'false'],
    update: ([counts, p, descending], [x, percentage, desc]) =>
      `if (${x} !== null) ${counts}.set(${x}, (${counts}.get(${x}) ?? 0) + 1); ${p} = ${percentage}; ${descending} = ${desc};`,
    merge: ([counts, p, descending], [other, p2, descending2]) =>
      `for (const [v, n] of ${other}) ${counts}.set(v, (${counts}.get(v) ?? 0) + n); if (${p} === null) ${p} = ${p2}; ${descending} = ${descending} || ${descending2};`,
    finish: ([counts, p, descending]) => `(${counts}.size === 0 || ${p} === null ? null : sqlPercentiles(${counts}, [${p}], ${discrete}, ${descending})[0])`,
    helpers: { sqlPercentiles: PERCENTILES },
  });
}
