/**
 * Statistical aggregates: variance and standard deviation (moments of one column), covariance and
 * Pearson correlation (co-moments of two), with Spark's exact update and merge steps so results
 * agree with Spark's to the last digit; fewer rows than the statistic needs give null.
 */
import { registerFunction, type AggregateFunction } from '../registry.js';
import { Types } from '../types-used.js';

const one = { minArgs: 1, maxArgs: 1 };

/**
 * Covariance and Pearson correlation of pairs with both values non-null: count, both means, the
 * co-moment and both second moments, updated and merged with Spark's exact steps (PearsonCorrelation).
 */
function coMoments(name: string, result: (n: string, ck: string, xMk: string, yMk: string) => string): AggregateFunction {
  return {
    type: 'aggregate',
    name,
    minArgs: 2,
    maxArgs: 2,
    nullableResult: true,
    coerceArgs: () => [Types.double, Types.double],
    returnType: () => Types.double,
    slots: 6,
    init: () => ['0', '0', '0', '0', '0', '0'],
    update: ([n, xAvg, yAvg, ck, xMk, yMk], [x, y]) =>
      `if (${x} !== null && ${y} !== null) { ${n}++; const dx = ${x} - ${xAvg}; const dy = ${y} - ${yAvg}; ` +
      `${xAvg} += dx / ${n}; ${yAvg} += dy / ${n}; ${ck} += dx * (${y} - ${yAvg}); ${xMk} += dx * (${x} - ${xAvg}); ${yMk} += dy * (${y} - ${yAvg}); }`,
    merge: ([n, xAvg, yAvg, ck, xMk, yMk], [n2, xAvg2, yAvg2, ck2, xMk2, yMk2]) =>
      `if (${n2} > 0) { const t = ${n} + ${n2}; const dx = ${xAvg2} - ${xAvg}; const dy = ${yAvg2} - ${yAvg}; const dxN = dx / t; const dyN = dy / t; ` +
      `${xAvg} += dxN * ${n2}; ${yAvg} += dyN * ${n2}; ${ck} = ${ck} + ${ck2} + dx * dyN * ${n} * ${n2}; ` +
      `${xMk} = ${xMk} + ${xMk2} + dx * dxN * ${n} * ${n2}; ${yMk} = ${yMk} + ${yMk2} + dy * dyN * ${n} * ${n2}; ${n} = t; }`,
    finish: ([n, , , ck, xMk, yMk]) => result(n, ck, xMk, yMk),
  };
}

/** Variance family: Welford's count, mean and M2, merged with Chan's formula (as Spark's CentralMomentAgg). */
function moments(name: string, result: (n: string, m2: string) => string): AggregateFunction {
  return {
    type: 'aggregate',
    name,
    ...one,
    nullableResult: true,
    coerceArgs: () => [Types.double],
    returnType: () => Types.double,
    slots: 3,
    init: () => ['0', '0', '0'],
    // Spark's exact floating-point steps, so results agree with Spark's to the last digit.
    update: ([n, mean, m2], [x]) =>
      `if (${x} !== null) { ${n}++; const d = ${x} - ${mean}; const dN = d / ${n}; ${mean} += dN; ${m2} += d * (d - dN); }`,
    merge: ([n, mean, m2], [n2, mean2, m22]) =>
      `if (${n2} > 0) { const t = ${n} + ${n2}; const d = ${mean2} - ${mean}; const dN = d / t; ` +
      `${m2} = ${m2} + ${m22} + d * dN * ${n} * ${n2}; ${mean} += dN * ${n2}; ${n} = t; }`,
    finish: ([n, , m2]) => result(n, m2),
  };
}

const statistics: AggregateFunction[] = [
  coMoments('corr', (n, ck, xMk, yMk) => `(${n} < 2 ? null : ${ck} / Math.sqrt(${xMk} * ${yMk}))`),
  coMoments('covar_samp', (n, ck) => `(${n} < 2 ? null : ${ck} / (${n} - 1))`),
  coMoments('covar_pop', (n, ck) => `(${n} === 0 ? null : ${ck} / ${n})`),
  moments('var_samp', (n, m2) => `(${n} < 2 ? null : ${m2} / (${n} - 1))`),
  moments('var_pop', (n, m2) => `(${n} === 0 ? null : ${m2} / ${n})`),
  moments('stddev_samp', (n, m2) => `(${n} < 2 ? null : Math.sqrt(${m2} / (${n} - 1)))`),
  moments('stddev_pop', (n, m2) => `(${n} === 0 ? null : Math.sqrt(${m2} / ${n}))`),
];

const aliases: Record<string, string[]> = { stddev_samp: ['stddev', 'std'], var_samp: ['variance'] };
for (const def of statistics) registerFunction(def, ...(aliases[def.name] ?? []));
