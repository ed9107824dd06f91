/**
 * Spark 4's seeded random values: uniform(min, max[, seed]) and randstr(length[, seed]) draw from
 * the partition's XORShiftRandom(seed + partition index), as rand does, and shuffle(array[, seed])
 * permutes with catalyst's RandomIndicesGenerator (mersenne-twister.ts): the same seed on the same
 * partitioning gives Spark's values. Without a seed one is picked while planning, as for rand.
 */
import type { DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import type { GenState } from '../registry.js';
import { scalar } from './define.js';
import { XORSHIFT_RANDOM_SOURCE } from './xorshift-random.js';
import { RANDOM_INDICES_SOURCE } from './mersenne-twister.js';

const randomSeed = () => String(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER));

/** The partition's generator, made once per partition from `seed` (null is 0, as in Spark). */
function generator(make: string, seed: string | undefined, state: GenState): string {
  const rng = state.temp();
  return `(${rng} === undefined ? (${rng} = ${make}((${seed ?? randomSeed()} ?? 0) + ${state.partitionIndex()})) : ${rng})`;
}

/** Uniform's result type: integral when both bounds are (the wider), else double. */
function uniformType([min, max]: DataType[]): DataType {
  const names = [min!.typeName(), max!.typeName()];
  const integral = ['byte', 'short', 'integer', 'long'];
  if (names.every((n) => integral.includes(n))) return names.includes('long') ? Types.long : Types.int;
  return Types.double;
}

/** min + (max - min) * rand(seed), cast to the result type (Spark's Uniform.replacement). */
scalar('uniform', {
  args: [2, 3],
  returns: uniformType,
  coerce: (t) => [undefined, undefined, Types.long].slice(0, t.length),
  nondeterministic: true,
  nullTolerant: true,
  nullableResult: true,
  gen: ([min, max, seed], argTypes, _tz, state) => {
    const draw = `(${min} === null || ${max} === null ? null : ${min} + (${max} - ${min}) * ${generator('xorShiftRandom', seed, state)}.nextDouble())`;
    return uniformType(argTypes) === Types.double ? draw : `((v) => (v === null ? null : Math.trunc(v)))(${draw})`;
  },
  helpers: { xorShiftRandom: XORSHIFT_RANDOM_SOURCE },
});

/** randstr(length[, seed]): each character |nextInt() % 62| into 0-9, a-z, A-Z. */
const RANDSTR = `function sqlRandstr(rng, length) {
  let out = '';
  for (let i = 0; i < length; i++) {
    const v = Math.abs(rng.nextInt() % 62);
    out += String.fromCharCode(v < 10 ? 48 + v : v < 36 ? 87 + v : 29 + v);
  }
  return out;
}`;
scalar('randstr', {
  args: [1, 2],
  returns: Types.string,
  coerce: (t) => [Types.int, Types.long].slice(0, t.length),
  nondeterministic: true,
  nullTolerant: true,
  gen: ([length, seed], _t, _tz, state) => `sqlRandstr(${generator('xorShiftRandom', seed, state)}, ${length} ?? 0)`,
  helpers: { xorShiftRandom: XORSHIFT_RANDOM_SOURCE, sqlRandstr: RANDSTR },
});

/** shuffle(array[, seed]): named shuffle(array) with or without a seed, as in Spark. */
scalar('shuffle', {
  args: [1, 2],
  returns: ([t]) => t!,
  coerce: (t) => [undefined, Types.long].slice(0, t.length),
  nondeterministic: true,
  nullTolerant: true,
  nullableResult: true,
  pretty: ([a]) => `shuffle(${a})`,
  gen: ([a, seed], _t, _tz, state) => `(${a} === null ? null : ((a) => ${generator('randomIndices', seed, state)}.next(a.length).map((i) => a[i]))(${a}))`,
  helpers: { randomIndices: RANDOM_INDICES_SOURCE },
});
