/**
 * The regr_* aggregates over the (y, x) pairs where both are non-null, with the steps of the
 * Spark aggregates they are built on, so results agree with Spark's to the last digit:
 * regr_count (Count), regr_avgx/avgy (Average: sum / count), regr_sxx/syy (CentralMomentAgg's
 * second moment), regr_sxy (Covariance's co-moment), regr_slope and regr_intercept
 * (covar_pop(y, x) / var_pop(x)), regr_r2 (Pearson's correlation squared).
 */
import { registerFunction } from '../registry.js';
import { Types } from '../types-used.js';

/** Buffer slots: the count; sums of x and y; Covariance's means and co-moment; CentralMomentAgg's means and M2s; Pearson's M2s. */
const SLOTS = ['n', 'xSum', 'ySum', 'xAvg', 'yAvg', 'ck', 'xMean', 'yMean', 'xM2', 'yM2', 'xMk', 'yMk'] as const;
type Slot = (typeof SLOTS)[number];
type Buffer = Record<Slot, string>;
const named = (acc: string[]): Buffer => Object.fromEntries(SLOTS.map((s, i) => [s, acc[i]!])) as Buffer;

function update(b: Buffer, y: string, x: string): string {
  return (
    `if (${x} !== null && ${y} !== null) { ${b.n}++; ${b.xSum} += ${x}; ${b.ySum} += ${y}; ` +
    // Covariance and PearsonCorrelation: dx, dy against the old means.
    `const dx = ${x} - ${b.xAvg}; const dy = ${y} - ${b.yAvg}; ${b.xAvg} += dx / ${b.n}; ${b.yAvg} += dy / ${b.n}; ` +
    `${b.ck} += dx * (${y} - ${b.yAvg}); ${b.xMk} += dx * (${x} - ${b.xAvg}); ${b.yMk} += dy * (${y} - ${b.yAvg}); ` +
    // CentralMomentAgg (VariancePop): m2 += delta * (delta - delta / n).
    `const ex = ${x} - ${b.xMean}; const exN = ex / ${b.n}; ${b.xMean} += exN; ${b.xM2} += ex * (ex - exN); ` +
    `const ey = ${y} - ${b.yMean}; const eyN = ey / ${b.n}; ${b.yMean} += eyN; ${b.yM2} += ey * (ey - eyN); }`
  );
}

function merge(a: Buffer, b: Buffer): string {
  const moments = (mean: Slot, m2: Slot) =>
    `{ const d = ${b[mean]} - ${a[mean]}; const dN = d / t; ${a[m2]} = ${a[m2]} + ${b[m2]} + d * dN * ${a.n} * ${b.n}; ${a[mean]} += dN * ${b.n}; }`;
  return (
    `if (${b.n} > 0) { const t = ${a.n} + ${b.n}; ${a.xSum} += ${b.xSum}; ${a.ySum} += ${b.ySum}; ` +
    `const dx = ${b.xAvg} - ${a.xAvg}; const dy = ${b.yAvg} - ${a.yAvg}; const dxN = dx / t; const dyN = dy / t; ` +
    `${a.xAvg} += dxN * ${b.n}; ${a.yAvg} += dyN * ${b.n}; ${a.ck} = ${a.ck} + ${b.ck} + dx * dyN * ${a.n} * ${b.n}; ` +
    `${a.xMk} = ${a.xMk} + ${b.xMk} + dx * dxN * ${a.n} * ${b.n}; ${a.yMk} = ${a.yMk} + ${b.yMk} + dy * dyN * ${a.n} * ${b.n}; ` +
    `${moments('xMean', 'xM2')} ${moments('yMean', 'yM2')} ${a.n} = t; }`
  );
}

/** covar_pop(y, x) / var_pop(x), null without pairs or when var_pop(x) is 0. */
const slope = (b: Buffer) => `(${b.ck} / ${b.n}) / (${b.xM2} / ${b.n})`;

const results: Record<string, (b: Buffer) => string> = {
  regr_count: (b) => b.n,
  regr_avgx: (b) => `(${b.n} === 0 ? null : ${b.xSum} / ${b.n})`,
  regr_avgy: (b) => `(${b.n} === 0 ? null : ${b.ySum} / ${b.n})`,
  regr_sxx: (b) => `(${b.n} === 0 ? null : ${b.xM2})`,
  regr_syy: (b) => `(${b.n} === 0 ? null : ${b.yM2})`,
  regr_sxy: (b) => `(${b.n} === 0 ? null : ${b.ck})`,
  regr_slope: (b) => `(${b.n} === 0 || ${b.xM2} === 0 ? null : ${slope(b)})`,
  regr_intercept: (b) => `(${b.n} === 0 || ${b.xM2} === 0 ? null : ${b.yAvg} - ${slope(b)} * ${b.xAvg})`,
  // RegrR2: null when var_pop(x) is 0, 1 when var_pop(y) is 0, else corr(y, x) squared.
  regr_r2: (b) => `(${b.n} === 0 || ${b.xM2} === 0 ? null : ${b.yM2} === 0 ? 1 : Math.pow(${b.ck} / Math.sqrt(${b.xMk} * ${b.yMk}), 2))`,
};

for (const [name, result] of Object.entries(results)) {
  registerFunction({
    type: 'aggregate',
    name,
    minArgs: 2,
    maxArgs: 2,
    nullableResult: name !== 'regr_count',
    coerceArgs: () => [Types.double, Types.double],
    returnType: () => (name === 'regr_count' ? Types.long : Types.double),
    slots: SLOTS.length,
    init: () => SLOTS.map(() => '0'),
    update: (acc, [y, x]) => update(named(acc), y!, x!),
    merge: (acc, other) => merge(named(acc), named(other)),
    finish: (acc) => result(named(acc)),
  });
}
