/**
 * A partial aggregation's group lookup by 32-bit words (partial-aggregate.ts): each group key
 * becomes one integer — an integer key itself, a dictionary-encoded scan column's code remapped
 * once per batch to the task's own numbering, any other value numbered through a Map — and the
 * row's words are found in an open-addressing table over Int32Arrays. A row then costs one probe
 * of typed arrays instead of one Map lookup per key (a Parquet group-by spent 35–45% of its task
 * time in two nested Map lookups), and no string of a dictionary column is read per row. A
 * direct index goes first (direct-group-codegen.ts); it reads a dictionary column's codes as they
 * are, so a row's renumbering is looked up only when the index misses.
 */
import type { Expr } from '../../expr/expression.js';
import { dataTypeOf } from '../../analyzer/type-of.js';
import type { CodegenContext } from './codegen-context.js';
import { directGroupIndex, type DirectCells, type DirectKey } from './direct-group-codegen.js';
import type { EncodedRead } from './encoded-read.js';
import { loopVar, type LoopVar } from './loop-state.js';

/** How a key becomes its word: a dictionary code, the integer itself, or a number given per distinct value. */
type KeyWord = { kind: 'encoded'; read: EncodedRead } | { kind: 'int' } | { kind: 'numbered' };

/** Types whose values are 32-bit integers in the engine (dates are day numbers). */
const INT_KEY_TYPES = new Set(['byte', 'short', 'integer', 'date']);

/** Numbers values as they come (Map compares primitives by value), and a dictionary's entries all at once. */
const NUMBERING_HELPERS = {
  numberOf: `function numberOf(numbers, v) {
  let n = numbers.get(v);
  if (n === undefined) { n = numbers.size; numbers.set(v, n); }
  return n;
}`,
  numbersOfDictionary: `function numbersOfDictionary(numbers, dictionary) {
  const out = new Int32Array(dictionary.length);
  for (let i = 0; i < dictionary.length; i++) out[i] = numberOf(numbers, dictionary[i]);
  return out;
}`,
};

const HASH_SEED = '0x2545f491';
const HASH_MULTIPLIER = '0x85ebca6b';
const HASH_FINAL = '0xc2b2ae35';

/**
 * Growing the table: every group's slot in `slots` (a new table, all -1, of a power of two slots:
 * the row loop's hash over the stored words). The loop allocates the table and the grown words
 * itself, so that the allocations' type feedback is the loop's (direct-group-codegen.ts's header).
 */
const TABLE_HELPERS = {
  groupTableSlots: `function groupTableSlots(words, groups, width, slots) {
  const size = slots.length;
  for (let g = 0; g < groups; g++) {
    let h = ${HASH_SEED};
    for (let j = 0; j < width; j++) { h = Math.imul(h ^ words[width * g + j], ${HASH_MULTIPLIER}); h ^= h >>> 13; }
    let s = (Math.imul(h, ${HASH_FINAL}) ^ (h >>> 16)) & (size - 1);
    while (slots[s] !== -1) s = (s + 1) & (size - 1);
    slots[s] = g;
  }
  return slots;
}`,
};

export interface GroupTableKey {
  readonly expr: Expr;
  /** The key's value code in the row loop (genExpr's). */
  readonly code: string;
  /** When `code` reads a possibly dictionary-encoded column (encodedRead). */
  readonly encoded: EncodedRead | undefined;
}

/** Whether the word table pays: a key is an integer or a column that may be dictionary-encoded (else Maps of the values do as well). */
export function wordTableApplies(keys: readonly GroupTableKey[]): boolean {
  const ints = keys.filter((k) => INT_KEY_TYPES.has(dataTypeOf(k.expr).typeName())).length;
  // At most 16 integer keys: their flags share one word, two bits each.
  return ints <= 16 && (ints > 0 || keys.some((k) => k.encoded !== undefined));
}

function keyWord(k: GroupTableKey): KeyWord {
  if (k.encoded !== undefined) return { kind: 'encoded', read: k.encoded };
  if (INT_KEY_TYPES.has(dataTypeOf(k.expr).typeName())) return { kind: 'int' };
  return { kind: 'numbered' };
}

export interface GroupLookupCode {
  /** Variables of the row loop. */
  readonly state: readonly LoopVar[];
  /** Statements to run before a row whose dictionaries may differ from the previous row's: once per batch of a scan, else per row. */
  readonly batch: string[];
  /** Statements per row that leave the row's group number in `g`, making the group (and running `onNew`) when it is new. */
  readonly row: string[];
  /**
   * With cell accumulators: rows for which `hit` holds (after `row`) accumulate at cell `directAt`;
   * the others run `miss`, which leaves their group in `g` (then `row` does not).
   */
  readonly cells?: { readonly hit: string; readonly miss: string };
  /** Statements after the last row. */
  readonly after: string[];
}

/**
 * The lookup of `keys` into groups numbered from 0 in the order they first appear
 * (`groupCount`, declared by the caller); `onNew(values)` gets each key's value expression.
 * With `cells`, rows the direct index finds accumulate per cell (direct-group-codegen.ts).
 */
export function wordTableLookup(keys: readonly GroupTableKey[], ctx: CodegenContext, onNew: (values: string[]) => string, cells?: DirectCells): GroupLookupCode {
  ctx.addHelpers(NUMBERING_HELPERS);
  ctx.addHelpers(TABLE_HELPERS);
  const words = keys.map(keyWord);
  const state: LoopVar[] = [];
  const row: string[] = [];
  const values: string[] = [];
  const directKeys: DirectKey[] = [];
  /** Table words of dictionary keys, found only when the direct index misses (a row's code is its direct word). */
  const missWords: string[] = [];
  // Two bits per integer key in one more word: null, or a value that is no 32-bit integer.
  const flags: string[] = [];
  words.forEach((word, i) => {
    const k = keys[i];
    if (word.kind === 'encoded') {
      const { codes } = word.read;
      // A dictionary is numbered once (a batch's, a broadcast table's); a batch without one (plain pages) numbers its values row by row.
      state.push(loopVar(`numbers${i}`, 'new Map()', false), loopVar(`numbered${i}`, 'null'), loopVar(`remap${i}`, 'undefined'));
      row.push(`const keyCode${i} = ${codes};`, `const directWord${i} = remap${i} === undefined ? numberOf(numbers${i}, keyCode${i}) : keyCode${i};`);
      missWords.push(`const w${i} = remap${i} === undefined ? directWord${i} : remap${i}[directWord${i}];`);
      directKeys.push({ word: `w${i}`, direct: `directWord${i}`, dictionary: { remap: `remap${i}`, numbers: `numbers${i}` } });
      values.push(k.code);
      return;
    }
    row.push(`const k${i} = ${k.code};`);
    values.push(`k${i}`);
    state.push(loopVar(`numbers${i}`, 'new Map()', false));
    directKeys.push({ word: `w${i}`, direct: `w${i}` });
    if (word.kind === 'int') {
      // Only a well-typed value is its own word: a reader does not check that an INT column holds
      // integers (createDataFrame([[1.5]], 'a INT')), and 1.5 must not join 1's group.
      row.push(`const w${i} = k${i} === null ? 0 : (k${i} | 0) === k${i} ? k${i} : numberOf(numbers${i}, k${i});`);
      flags.push(`(k${i} === null ? ${1 << (2 * flags.length)} : (k${i} | 0) === k${i} ? 0 : ${2 << (2 * flags.length)})`);
      return;
    }
    row.push(`const w${i} = numberOf(numbers${i}, k${i});`);
  });
  const ws = words.map((_, i) => `w${i}`);
  if (flags.length > 0) {
    row.push(`const wFlags = ${flags.join(' | ')};`);
    ws.push('wFlags');
  }
  const width = ws.length;
  const direct = directGroupIndex(directKeys, flags.length > 0 ? 'wFlags' : undefined, width, cells);
  const batch = words.flatMap((word, i) => {
    if (word.kind !== 'encoded') return [];
    const { dictionary } = word.read;
    return [`if (${dictionary} !== numbered${i}) { numbered${i} = ${dictionary}; remap${i} = ${dictionary} === undefined ? undefined : numbersOfDictionary(numbers${i}, ${dictionary}); ${direct.onDictionaryChange(i)} }`];
  });
  const stored = ws.map((_, j) => `groupWords[${width} * g + ${j}]`);
  state.push(
    loopVar('groupSlots', 'new Int32Array(1024).fill(-1)'),
    // A group's words at width * g: room for as many groups as slots, more than the table holds before it grows.
    loopVar('groupWords', `new Int32Array(${1024 * width})`),
    ...direct.state,
  );
  // Inline, and the table in locals of the function (no closure over them): the probe runs in registers.
  row.push(direct.find);
  const hashLookup = `{
    ${missWords.join('\n    ')}
    let slot = ${HASH_SEED};
    ${ws.map((w) => `slot = Math.imul(slot ^ ${w}, ${HASH_MULTIPLIER}); slot ^= slot >>> 13;`).join('\n    ')}
    slot = (Math.imul(slot, ${HASH_FINAL}) ^ (slot >>> 16)) & (groupSlots.length - 1);
    for (;;) {
      g = groupSlots[slot];
      if (g === -1) {
        g = groupCount++;
        groupSlots[slot] = g;
        ${ws.map((w, j) => `groupWords[${width} * g + ${j}] = ${w};`).join(' ')}
        ${direct.onNewGroup}
        ${onNew(values)}
        if (groupCount * 2 > groupSlots.length) {
          groupSlots = groupTableSlots(groupWords, groupCount, ${width}, new Int32Array(groupSlots.length * 2).fill(-1));
          const grownWords = new Int32Array(groupWords.length * 2); grownWords.set(groupWords); groupWords = grownWords;
        }
        break;
      }
      if (${ws.map((w, j) => `${stored[j]} === ${w}`).join(' && ')}) break;
      slot = (slot + 1) & (groupSlots.length - 1);
    }
    ${direct.learn}
  }`;
  if (direct.cellHit === undefined) return { state, batch, row: [...row, `if (g === -1) ${hashLookup}`], after: direct.after };
  return { state, batch, row, cells: { hit: direct.cellHit, miss: `${direct.unindexed} else ${hashLookup}` }, after: direct.after };
}
