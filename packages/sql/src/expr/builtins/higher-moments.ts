/**
 * skewness and kurtosis: Welford's count, mean and central moments M2..M4, updated and merged with
 * Spark's exact floating-point steps (CentralMomentAgg), so results agree with Spark's; no rows
 * give null, and so does a zero M2 (Spark 4's division by zero in an aggregate result).
 */
import { registerFunction, type AggregateFunction } from '../registry.js';
import { Types } from '../types-used.js';

function higherMoment(name: string, result: (n: string, m2: string, m3: string, m4: string) => string): AggregateFunction {
  return {
    type: 'aggregate',
    name,
    minArgs: 1,
    maxArgs: 1,
    nullableResult: true,
    coerceArgs: () => [Types.double],
    returnType: () => Types.double,
    slots: 5,
    init: () => ['0', '0', '0', '0', '0'],
    update: ([n, avg, m2, m3, m4], [x]) =>
      `if (${x} !== null) { const t = ${n} + 1; const d = ${x} - ${avg}; const dN = d / t; const d2 = d * d; const dN2 = dN * dN; ` +
      `const nm2 = ${m2} + d * (d - dN); const nm3 = ${m3} - 3 * dN * nm2 + d * (d2 - dN2); ` +
      `${m4} = ${m4} - 4 * dN * nm3 - 6 * dN2 * nm2 + d * (d * d2 - dN * dN2); ${m3} = nm3; ${m2} = nm2; ${avg} += dN; ${n} = t; }`,
    merge: ([n, avg, m2, m3, m4], [n2, avg2, m22, m32, m42]) =>
      `if (${n2} > 0) { const n1 = ${n}; const t = n1 + ${n2}; const d = ${avg2} - ${avg}; const dN = d / t; ` +
      `const nm2 = ${m2} + ${m22} + d * dN * n1 * ${n2}; ` +
      `const nm3 = ${m3} + ${m32} + dN * dN * d * n1 * ${n2} * (n1 - ${n2}) + 3 * dN * (n1 * ${m22} - ${n2} * ${m2}); ` +
      `${m4} = ${m4} + ${m42} + dN * dN * dN * d * n1 * ${n2} * (n1 * n1 - n1 * ${n2} + ${n2} * ${n2}) + ` +
      `6 * dN * dN * (n1 * n1 * ${m22} + ${n2} * ${n2} * ${m2}) + 4 * dN * (n1 * ${m32} - ${n2} * ${m3}); ` +
      `${m3} = nm3; ${m2} = nm2; ${avg} += dN * ${n2}; ${n} = t; }`,
    finish: ([n, , m2, m3, m4]) => `(${n} === 0 || ${m2} === 0 ? null : ${result(n, m2, m3, m4)})`,
  };
}

registerFunction(higherMoment('skewness', (n, m2, m3) => `Math.sqrt(${n}) * ${m3} / Math.sqrt(${m2} * ${m2} * ${m2})`));
registerFunction(higherMoment('kurtosis', (n, m2, _m3, m4) => `${n} * ${m4} / (${m2} * ${m2}) - 3`));
