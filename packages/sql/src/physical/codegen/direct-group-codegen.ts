/**
 * A direct index in front of the word table's hash lookup (group-table-codegen.ts): when the
 * groups' keys span small ranges — dictionary codes are dense from 0, numbered values too, and
 * integer keys such as ids often fill a range — a group is found at its keys' position in one
 * Int32Array (`(d0 - base0) * span1 + (d1 - base1)`, ...), with no hashing and no probing. The
 * sales group-by (5 regions x 1,000 products) spent half its row loop hashing and probing.
 *
 * The index is keyed by each key's direct word `d`: a dictionary-encoded column's code in the
 * current batch's dictionary (base 0, span the dictionary's length), so that a row reads no
 * renumbering of its code (the table word, the task's own number of the value, is looked up only
 * when the index misses); any other key's table word. A batch with another dictionary makes the
 * index stale: the index is rebuilt for the new codes at the batch's first miss.
 *
 * The index is learned: each new group widens the ranges of its table words, and once enough rows
 * have gone to the hash table since the ranges changed (so a rebuild costs little per row) the
 * index is rebuilt over every group when its cells stay within a bound. A bound that refuses the
 * ranges leaves the index stale, to be tried again after as many misses: the bound grows with the
 * groups, and the ranges of 100,000 groups (5 regions x 1,000 products x 20 quantities) are all
 * seen long before there are groups enough to admit their cells; cleared at the refusal, the index
 * was never built and every row went to the hash table. The rebuild is inline, down to its
 * allocations: a helper called a few times has no type feedback when V8 inlines it into the
 * optimized loop (V8 gives a function its feedback late), and its first call there deoptimized the
 * loop (a helper of the dictionary codes did so at a Parquet row group's new dictionary). A
 * row whose words fall outside the ranges (or whose integer key is null or no int32, flags != 0)
 * takes the hash table, which stays the whole truth; the index only caches its answers.
 *
 * With cell accumulators (typed aggregates), a row found in the index accumulates at its cell's
 * slots (`cellAcc`, `width` per cell, laid out as the index) instead of its group's: the slots'
 * address then hangs on the row's keys only, not on a load of the group number from the index. The
 * cells are merged into their groups (and zeroed) through the index that placed them, before it is
 * rebuilt (its ranges grew, a batch brought another dictionary) and after the last row. They are
 * kept only while the index is small (CELL_SLOTS); a larger index holds -2 - g, which no row takes
 * for a cell.
 */

import { loopVar, type LoopVar } from './loop-state.js';

/** At most this many cells (16 MiB), and at most 16 per group (a small bound when there are few groups). */
const MOST_CELLS = 1 << 22;
const CELLS_PER_GROUP = 16;
const FEWEST_CELLS = 1 << 16;
/** At most this many cell accumulator slots (8 MiB). */
const CELL_SLOTS = 1 << 20;
/**
 * Rows that must miss the index (with the ranges changed) before a rebuild: a fixed part and a part
 * per group; the first build comes after a few hundred, so that the index's code runs (and V8 has seen its
 * types) before the loop is optimized: code first run after that deoptimized the loop.
 */
const FIRST_BUILD_AFTER_ROWS = 256;
const REBUILD_AFTER_ROWS = 1024;
const REBUILD_AFTER_ROWS_PER_GROUP = 2;

/** One key of the index. */
export interface DirectKey {
  /** The row's table word (a local of the row: an int32). */
  readonly word: string;
  /** The row's direct word: the word itself, or for a dictionary key the row's code when `remap` is defined. */
  readonly direct: string;
  /** For a dictionary key: the batch's renumbering of its codes to table words (undefined without a dictionary) and the Map of the numbers. */
  readonly dictionary?: { readonly remap: string; readonly numbers: string };
}

/** Accumulators per cell of the index, for typed slots. */
export interface DirectCells {
  /** Slots per cell. */
  readonly width: number;
  /** The statement that merges each indexed cell's slots (Float64Array `cells`) into its group's (group at `direct[cell]`, -1 for none), then zeroes them. */
  flush(direct: string, cells: string): string;
}

export interface DirectGroupCode {
  /** Variables of the row loop. */
  readonly state: readonly LoopVar[];
  /** Statements that set `g` to the row's group from the index, or to -1 (then `directAt` is the cell to fill, or -1). */
  readonly find: string;
  /** Statements when a group is made from the row's words: the ranges grow. */
  readonly onNewGroup: string;
  /** Statements after the hash table gave `g`: the index learns it, or is rebuilt once enough rows missed it. */
  readonly learn: string;
  /** Statements after key `i`'s dictionary changed: its direct words mean other values, the index is rebuilt at the next miss. */
  onDictionaryChange(i: number): string;
  /**
   * With cells: the condition for the row to accumulate at cell `directAt` (after `find`), and the
   * statement that finds `g` of a row the index knows but whose cell has no accumulators, followed
   * by `else` and the hash table's lookup.
   */
  readonly cellHit?: string;
  readonly unindexed?: string;
  readonly after: string[];
}

/**
 * The index over `keys` and `flags` (the word of null / non-int32 flags, when there are integer
 * keys; a row is indexed only when it is 0); the group table is `groupWords` of `width` words per
 * group (key i's table word at i), the flags at `width - 1`.
 */
export function directGroupIndex(keys: readonly DirectKey[], flags: string | undefined, width: number, cells?: DirectCells): DirectGroupCode {
  const flush = cells === undefined ? '' : `if (cellsOn) ${cells.flush('direct', 'cellAcc')}`;
  // With cells, an index too large for them holds -2 - g: a row then finds g >= 0 only where it may accumulate at the cell.
  const entry = (g: string) => (cells === undefined ? g : `(cellsOn ? ${g} : -2 - ${g})`);
  const cellCount = keys.map((_, i) => `dSpan${i}`).join(' * ');
  const each = (f: (i: number) => string, sep = ' ') => keys.map((_, i) => f(i)).join(sep);
  // The cell of coordinates x0, x1, ... (each less its base): row-major over the spans.
  const cell = (x: (i: number) => string) => keys.slice(1).reduce((at, _, j) => `(${at}) * dSpan${j + 1} + ${x(j + 1)}`, x(0));
  const cellOf = cell((i) => `x${i}`);
  const stored = (i: number) => `groupWords[${width} * h + ${i}]`;
  // A group's coordinate from its stored word: a dictionary key's code in the batch's dictionary (-1 when it has none).
  const storedAt = (i: number) => (keys[i].dictionary === undefined ? `(${stored(i)} - dBase${i})` : `(groupCodes${i} === undefined ? ${stored(i)} - dBase${i} : groupCodes${i}[${stored(i)}])`);
  const storedCell = cell(storedAt);
  // Two signed compares, not (x >>> 0) < span: a key below the range made >>> give a value past
  // int32's, which V8 had not seen before it optimized the loop ("lost precision" deoptimized it).
  const inRange = [...(flags === undefined ? [] : [`${flags} === 0`]), ...keys.map((_, i) => `x${i} >= 0 && x${i} < dSpan${i}`)].join(' && ');
  // A key's range of direct words: a dictionary's codes, or the table words seen.
  const base = (i: number) => (keys[i].dictionary === undefined ? `dLow${i}` : `(${keys[i].dictionary!.remap} === undefined ? dLow${i} : 0)`);
  const span = (i: number) => (keys[i].dictionary === undefined ? `(dHigh${i} - dLow${i} + 1)` : `(${keys[i].dictionary!.remap} === undefined ? dHigh${i} - dLow${i} + 1 : ${keys[i].dictionary!.remap}.length)`);
  // Whether a key has a range: a dictionary, or a group seen (a rebuild at a new dictionary may come before any).
  const ranged = (i: number) => (keys[i].dictionary === undefined ? `dHigh${i} >= dLow${i}` : `(${keys[i].dictionary!.remap} !== undefined || dHigh${i} >= dLow${i})`);
  // Each table word's code in the batch's dictionary (-1 for words it lacks), inline: see the header.
  const codes = keys.flatMap((k, i) => {
    if (k.dictionary === undefined) return [];
    const { remap, numbers } = k.dictionary;
    return [`let groupCodes${i} = undefined;`, `if (${remap} !== undefined) { groupCodes${i} = new Int32Array(${numbers}.size).fill(-1); for (let c = 0; c < ${remap}.length; c++) groupCodes${i}[${remap}[c]] = c; }`];
  });
  const groupIndexed = [...(flags === undefined ? [] : [`${stored(width - 1)} === 0`]), ...keys.flatMap((k, i) => (k.dictionary === undefined ? [] : [`(groupCodes${i} === undefined || groupCodes${i}[${stored(i)}] !== -1)`]))];
  return {
    state: [
      loopVar('direct', 'new Int32Array(0)'),
      loopVar('directMisses', '0'),
      loopVar('directMissesToRebuild', `${FIRST_BUILD_AFTER_ROWS}`),
      loopVar('directStale', 'false'),
      ...keys.flatMap((_, i) => [loopVar(`dLow${i}`, '2147483647'), loopVar(`dHigh${i}`, '-2147483648'), loopVar(`dBase${i}`, '0'), loopVar(`dSpan${i}`, '0')]),
      ...(cells === undefined ? [] : [loopVar('cellAcc', 'new Float64Array(0)'), loopVar('cellsOn', 'false')]),
    ],
    find: `${each((i) => `const x${i} = ${keys[i].direct} - dBase${i};`)}
  let g = -1, directAt = -1;
  if (${inRange}) { directAt = ${cellOf}; g = direct[directAt]; }`,
    onNewGroup: `${flags === undefined ? '' : `if (${flags} === 0) `}{ ${each((i) => `if (${keys[i].word} < dLow${i}) { dLow${i} = ${keys[i].word}; directStale = true; } if (${keys[i].word} > dHigh${i}) { dHigh${i} = ${keys[i].word}; directStale = true; }`)} }`,
    learn: `if (directAt !== -1) direct[directAt] = ${entry('g')};
    else if (directStale && ++directMisses > directMissesToRebuild) {
      directMisses = 0;
      directMissesToRebuild = ${REBUILD_AFTER_ROWS} + ${REBUILD_AFTER_ROWS_PER_GROUP} * groupCount;
      if (${each(ranged, ' && ')} && ${keys.map((_, i) => span(i)).join(' * ')} <= Math.min(${MOST_CELLS}, Math.max(${FEWEST_CELLS}, ${CELLS_PER_GROUP} * groupCount))) {
        ${flush}
        directStale = false;
        ${each((i) => `dBase${i} = ${base(i)}; dSpan${i} = ${span(i)};`)}
        direct = new Int32Array(${cellCount}).fill(-1);
        ${cells === undefined ? '' : `cellsOn = ${cellCount} * ${cells.width} <= ${CELL_SLOTS}; if (cellsOn && cellAcc.length !== ${cellCount} * ${cells.width}) cellAcc = new Float64Array(${cellCount} * ${cells.width});`}
        ${codes.join('\n        ')}
        for (let h = 0; h < groupCount; h++) ${groupIndexed.length === 0 ? '' : `if (${groupIndexed.join(' && ')}) `}direct[${storedCell}] = ${entry('h')};
      }
    }`,
    // No row finds the index through this key until it is rebuilt, at the next miss.
    onDictionaryChange: (i) => `dSpan${i} = 0; directStale = true; directMisses = directMissesToRebuild;`,
    cellHit: cells === undefined ? undefined : 'g >= 0',
    unindexed: cells === undefined ? undefined : 'if (g < -1) g = -2 - g;',
    after: cells === undefined ? [] : [flush],
  };
}
