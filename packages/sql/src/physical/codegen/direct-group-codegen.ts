/**
 * A direct index in front of the word table's hash lookup (group-table-codegen.ts): when the
 * groups' words span small ranges — dictionary codes and numbered values are dense from 0, and
 * integer keys such as ids often fill a range — a group is found at its words' position in one
 * Int32Array (`(w0 - base0) * span1 + (w1 - base1)`, ...), with no hashing and no probing. The
 * sales group-by (5 regions x 1,000 products) spent half its row loop hashing and probing.
 *
 * The index is learned: each new group widens the ranges of its words, and once enough rows have
 * gone to the hash table since the ranges changed (so a rebuild costs little per row) the index is
 * rebuilt over every group when its cells stay within a bound. The rebuild is inline: a helper
 * called a few times had no type feedback when V8 inlined it, and deoptimized the loop. A row whose words fall outside the
 * ranges (or whose integer key is null or no int32, flags != 0) takes the hash table, which stays
 * the whole truth; the index only caches its answers.
 */

import { loopVar, type LoopVar } from './loop-state.js';

/** At most this many cells (16 MiB), and at most 16 per group (a small bound when there are few groups). */
const MOST_CELLS = 1 << 22;
const CELLS_PER_GROUP = 16;
const FEWEST_CELLS = 1 << 16;
/**
 * Rows that must miss the index (with the ranges changed) before a rebuild: a fixed part and a part
 * per group; the first build comes after a few hundred, so that the index's code runs (and V8 has seen its
 * types) before the loop is optimized: code first run after that deoptimized the loop.
 */
const FIRST_BUILD_AFTER_ROWS = 256;
const REBUILD_AFTER_ROWS = 1024;
const REBUILD_AFTER_ROWS_PER_GROUP = 2;

export interface DirectGroupCode {
  /** Variables of the row loop. */
  readonly state: readonly LoopVar[];
  /** Statements that set `g` to the row's group from the index, or to -1 (then `directAt` is the cell to fill, or -1). */
  readonly find: string;
  /** Statements when a group is made from the row's words: the ranges grow. */
  readonly onNewGroup: string;
  /** Statements after the hash table gave `g`: the index learns it, or is rebuilt once enough rows missed it. */
  readonly learn: string;
}

/**
 * The index over `words` (the value words, each a local of the row: an int32 per row) and
 * `flags` (the word of null / non-int32 flags, when there are integer keys; a row is indexed only
 * when it is 0); the group table is `groupWords` of `width` words per group, the flags at `width - 1`.
 */
export function directGroupIndex(words: readonly string[], flags: string | undefined, width: number): DirectGroupCode {
  const each = (f: (i: number) => string, sep = ' ') => words.map((_, i) => f(i)).join(sep);
  // The cell of words x0, x1, ... (each less its base): row-major over the spans.
  const cell = (x: (i: number) => string) => words.slice(1).reduce((at, _, j) => `(${at}) * dSpan${j + 1} + ${x(j + 1)}`, x(0));
  const cellOf = cell((i) => `x${i}`);
  // A group's cell from its stored words (a group with flags 0 lies within the ranges: they grew with it).
  const storedCell = cell((i) => `(groupWords[${width} * h + ${i}] - dBase${i})`);
  const inRange = [...(flags === undefined ? [] : [`${flags} === 0`]), ...words.map((_, i) => `(x${i} >>> 0) < dSpan${i}`)].join(' && ');
  const span = (i: number) => `(dHigh${i} - dLow${i} + 1)`;
  return {
    state: [
      loopVar('direct', 'new Int32Array(0)'),
      loopVar('directMisses', '0'),
      loopVar('directMissesToRebuild', `${FIRST_BUILD_AFTER_ROWS}`),
      loopVar('directStale', 'false'),
      ...words.flatMap((_, i) => [loopVar(`dLow${i}`, '2147483647'), loopVar(`dHigh${i}`, '-2147483648'), loopVar(`dBase${i}`, '0'), loopVar(`dSpan${i}`, '0')]),
    ],
    find: `${each((i) => `const x${i} = ${words[i]} - dBase${i};`)}
  let g = -1, directAt = -1;
  if (${inRange}) { directAt = ${cellOf}; g = direct[directAt]; }`,
    onNewGroup: `${flags === undefined ? '' : `if (${flags} === 0) `}{ ${each((i) => `if (${words[i]} < dLow${i}) { dLow${i} = ${words[i]}; directStale = true; } if (${words[i]} > dHigh${i}) { dHigh${i} = ${words[i]}; directStale = true; }`)} }`,
    learn: `if (directAt !== -1) direct[directAt] = g;
    else if (directStale && ++directMisses > directMissesToRebuild) {
      directMisses = 0;
      directMissesToRebuild = ${REBUILD_AFTER_ROWS} + ${REBUILD_AFTER_ROWS_PER_GROUP} * groupCount;
      directStale = false;
      if (${words.map((_, i) => span(i)).join(' * ')} <= Math.min(${MOST_CELLS}, Math.max(${FEWEST_CELLS}, ${CELLS_PER_GROUP} * groupCount))) {
        ${each((i) => `dBase${i} = dLow${i}; dSpan${i} = ${span(i)};`)}
        direct = new Int32Array(${words.map((_, i) => `dSpan${i}`).join(' * ')}).fill(-1);
        for (let h = 0; h < groupCount; h++) ${flags === undefined ? '' : `if (groupWords[${width} * h + ${width - 1}] === 0) `}direct[${storedCell}] = h;
      }
    }`,
  };
}
