/**
 * rand([seed]) and randn([seed]), as Spark's Rand and Randn: each partition draws from its own
 * XORShiftRandom seeded with seed + partition index, so a seeded query gives Spark's numbers on
 * the same partitioning. Without a seed one is chosen while planning (Spark picks it during
 * analysis), so a retried task draws the same numbers again. A null seed is 0, as in Spark.
 */
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { XORSHIFT_RANDOM_SOURCE } from './xorshift-random.js';
import { POISSON_SAMPLER_SOURCE } from './poisson-sampler.js';

const randomSeed = () => String(Math.floor(Math.random() * Number.MAX_SAFE_INTEGER));

for (const [name, draw] of [['rand', 'nextDouble'], ['randn', 'nextGaussian']] as const) {
  scalar(name, {
    args: [0, 1],
    returns: Types.double,
    coerce: () => [Types.long],
    nullTolerant: true,
    nondeterministic: true,
    aliases: name === 'rand' ? ['random'] : [],
    gen: ([seed], _types, _tz, state) => {
      const generator = state.temp();
      const start = `xorShiftRandom((${seed ?? randomSeed()} ?? 0) + ${state.partitionIndex()})`;
      return `(${generator} === undefined ? (${generator} = ${start}) : ${generator}).${draw}()`;
    },
    helpers: { xorShiftRandom: XORSHIFT_RANDOM_SOURCE },
  });
}

/**
 * Spark's BernoulliCellSampler as a filter condition (Sample without replacement, randomSplit):
 * one draw per row from the partition's XORShiftRandom(seed + index), kept when it falls in
 * [lowerBound, upperBound). Planned from a sample node, not called by users.
 */
scalar('bernoulli_cell_sample', {
  args: 3,
  returns: Types.boolean,
  nondeterministic: true,
  gen: ([seed, lowerBound, upperBound], _types, _tz, state) => {
    const generator = state.temp();
    const draw = state.temp();
    const start = `xorShiftRandom(${seed} + ${state.partitionIndex()})`;
    return `((${draw} = (${generator} === undefined ? (${generator} = ${start}) : ${generator}).nextDouble()) >= ${lowerBound} && ${draw} < ${upperBound})`;
  },
  helpers: { xorShiftRandom: XORSHIFT_RANDOM_SOURCE },
});

/**
 * Spark's PoissonSampler (Sample with replacement): how many copies of the row to keep, one draw
 * per row from the partition's sampler (poisson-sampler.ts). Planned from a sample node, not called by users.
 */
scalar('poisson_sample', {
  args: 2,
  returns: Types.int,
  nondeterministic: true,
  gen: ([seed, fraction], _types, _tz, state) => {
    const sampler = state.temp();
    const start = `poissonSampler(${seed}, ${state.partitionIndex()}, ${fraction})`;
    return `(${sampler} === undefined ? (${sampler} = ${start}) : ${sampler}).sample()`;
  },
  helpers: { poissonSampler: POISSON_SAMPLER_SOURCE },
});
