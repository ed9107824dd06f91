/**
 * The partial aggregation's word-table lookup (group-table-codegen.ts) run over column batches
 * as a scan hands them over: a string column whose batches carry different dictionaries (the
 * same value under different codes), a batch of plain strings, integer keys with nulls and with
 * values no 32-bit integer (an INT column may hold them unchecked), and enough groups to grow the
 * table. Reference: groups numbered by first appearance of the
 * key values' JSON text.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/expression.js';
import { Types } from '../../src/expr/types-used.js';
import { CodegenContext, functionSource } from '../../src/physical/codegen/codegen-context.js';
import { wordTableLookup, type GroupTableKey } from '../../src/physical/codegen/group-table-codegen.js';
import { declareVars } from '../../src/physical/codegen/loop-state.js';

interface Batch {
  length: number;
  columns: ArrayLike<unknown>[];
  dictionaries: (unknown[] | undefined)[];
}

const attr = (id: number, name: string, dataType: typeof Types.int | typeof Types.string): Expr => ({ kind: 'attr', id, name, dataType, nullable: true });

const stringKey: GroupTableKey = { expr: attr(1, 's', Types.string), code: '(dict0 === undefined ? col0[scanRow] : dict0[col0[scanRow]])', encoded: { codes: 'col0[scanRow]', dictionary: 'dict0' } };
const intKey = (column: number): GroupTableKey => ({ expr: attr(2 + column, `k${column}`, Types.int), code: `col${column}[scanRow]`, encoded: undefined });

/** A function over batches that returns each row's group number, each group's key values, and the direct index's cells at the end. */
function groupNumbering(keys: GroupTableKey[] = [stringKey, intKey(1)]): (batches: Batch[]) => { rowGroups: number[]; keys: unknown[][]; directCells: number } {
  const ctx = new CodegenContext();
  const lookup = wordTableLookup(keys, ctx, (values) => `groupKeys.push([${values.join(', ')}]);`);
  const body = `${declareVars(lookup.state)}
let groupCount = 0;
const groupKeys = [];
const rowGroups = [];
for (const scanBatch of input) {
  const col0 = scanBatch.columns[0]; const col1 = scanBatch.columns[1]; const col2 = scanBatch.columns[2]; const dict0 = scanBatch.dictionaries[0];
  ${lookup.batch.join('\n  ')}
  for (let scanRow = 0; scanRow < scanBatch.length; scanRow++) {
    ${lookup.row.join('\n    ')}
    rowGroups.push(g);
  }
}
return { rowGroups, keys: groupKeys, directCells: direct.length };`;
  return new Function(`return ${functionSource(ctx, ['input'], body)}`)();
}

/** A batch of (s, k) rows, s dictionary-encoded with `dictionary` (codes of its entries), or plain without one. */
function batchOf(rows: [string | null, number | null][], dictionary?: (string | null)[]): Batch {
  const strings = dictionary === undefined ? rows.map((r) => r[0]) : Int32Array.from(rows, (r) => dictionary.indexOf(r[0]));
  return { length: rows.length, columns: [strings, rows.map((r) => r[1])], dictionaries: [dictionary, undefined] };
}

/** Each row's group: keys numbered by the first appearance of their JSON text (-0 is 0's, as the engine's integer words have it). */
function referenceNumbering(rows: readonly unknown[][]): { rowGroups: number[]; keys: string[] } {
  const numbers = new Map<string, number>();
  const rowGroups = rows.map((r) => {
    const key = JSON.stringify(r);
    if (!numbers.has(key)) numbers.set(key, numbers.size);
    return numbers.get(key)!;
  });
  return { rowGroups, keys: [...numbers.keys()] };
}

describe('word-table group lookup', () => {
  it('gives equal keys one group across dictionaries, plain batches, nulls and table growth', () => {
    const rowsOf = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, j): [string | null, number | null] => {
        const i = from + j;
        // Values an INT column should not hold but may (no reader checks): each its own group.
        const odd = i % 500 === 1 ? 1.5 : i % 500 === 2 ? 2 ** 33 : undefined;
        return [i % 11 === 0 ? null : ['a', 'b', 'c'][i % 3], i % 7 === 0 ? null : (odd ?? i % 1500)];
      });
    const rows = [rowsOf(0, 3000), rowsOf(3000, 5000), rowsOf(5000, 8000)];
    const batches = [batchOf(rows[0], ['a', 'b', 'c', null]), batchOf(rows[1], [null, 'c', 'a', 'b']), batchOf(rows[2])];
    const { rowGroups, keys } = groupNumbering()(batches);
    const expected = referenceNumbering(rows.flat());
    expect(expected.keys.length).toBeGreaterThan(1024);
    expect(rowGroups).toEqual(expected.rowGroups);
    expect(keys.map((k) => JSON.stringify(k))).toEqual(expected.keys);
  });

  it('keeps the groups of the direct index (direct-group-codegen.ts) as ranges widen, go negative, and outgrow it', () => {
    // Two int keys over three phases of 40,000 rows: small ranges (the index is built), ranges
    // that widen below zero (rebuilt at new bases), then one key spread far (too many cells: the
    // hash table alone). Nulls, -0, 1.5 and 2^33 (flags != 0) never enter the index.
    const phases: ((i: number) => [number | null, number | null])[] = [
      (i) => [i % 7, i % 11 === 0 ? null : i % 300],
      (i) => [(i % 61) - 40, i % 500 === 3 ? 1.5 : i % 500 === 4 ? -0 : (i % 900) - 450],
      (i) => [i % 5, i % 250 === 7 ? 2 ** 33 : Math.imul(i, 2654435761) % 1000000],
    ];
    const rows = phases.flatMap((phase, p) => Array.from({ length: 40_000 }, (_, j) => phase(p * 40_000 + j)));
    const batches: Batch[] = [];
    for (let from = 0; from < rows.length; from += 8192) {
      const part = rows.slice(from, from + 8192);
      batches.push({ length: part.length, columns: [[], part.map((r) => r[0]), part.map((r) => r[1])], dictionaries: [undefined, undefined, undefined] });
    }
    const { rowGroups, keys } = groupNumbering([intKey(1), intKey(2)])(batches);
    const expected = referenceNumbering(rows);
    expect(rowGroups).toEqual(expected.rowGroups);
    expect(keys.map((k) => JSON.stringify(k))).toEqual(expected.keys);
  });

  it('builds the direct index once there are groups enough for cells that a first, smaller count refused', () => {
    // 5 x 1,000 x 20 keys (100,000 cells, more than 16 per group at first): every range is seen in
    // the first rows, the groups come later (30,000 of them, each twice), and the index must be
    // built when their count admits its cells, though no range changes then.
    const rows = Array.from({ length: 60_000 }, (_, i): [number, number, number] => {
      const combination = ((i % 30_000) * 7919) % 100_000;
      return [combination % 5, Math.floor(combination / 5) % 1000, Math.floor(combination / 5000)];
    });
    const batches: Batch[] = [];
    for (let from = 0; from < rows.length; from += 8192) {
      const part = rows.slice(from, from + 8192);
      batches.push({ length: part.length, columns: [0, 1, 2].map((c) => part.map((r) => r[c])), dictionaries: [undefined, undefined, undefined] });
    }
    const { rowGroups, keys, directCells } = groupNumbering([intKey(0), intKey(1), intKey(2)])(batches);
    const expected = referenceNumbering(rows);
    expect(rowGroups).toEqual(expected.rowGroups);
    expect(keys.map((k) => JSON.stringify(k))).toEqual(expected.keys);
    expect(directCells).toBe(5 * 1000 * 20);
  });
});

describe('direct index over dictionary codes (direct-group-codegen.ts)', () => {
  it('finds groups by each batch its own codes: dictionaries in other orders, a repeated entry, plain batches between, int keys beyond the range', () => {
    // 60,000 rows in batches of 6,000: the string's dictionary changes order from batch to batch
    // (a batch's code for 'a' is another's for 'c'), one dictionary holds 'b' twice, every third
    // batch is plain; the int key is small (the index holds it) except in one batch, far apart.
    const values = ['a', 'b', 'c', 'd', null];
    const orders: (string | null)[][] = [
      ['a', 'b', 'c', 'd', null],
      ['d', 'c', null, 'b', 'a'],
      ['c', 'b', 'a', 'b', 'd', null],
      [null, 'a', 'd', 'c', 'b'],
    ];
    const batches: Batch[] = [];
    const rows: [string | null, number | null][] = [];
    for (let b = 0; b < 10; b++) {
      const part = Array.from({ length: 6000 }, (_, j): [string | null, number | null] => {
        const i = b * 6000 + j;
        const k = b === 7 ? Math.imul(i, 2654435761) % 100000 : i % 13 === 0 ? null : (i * 7) % 40;
        return [values[(i * 3 + b) % values.length], k];
      });
      rows.push(...part);
      if (b % 3 === 2) {
        batches.push(batchOf(part));
        continue;
      }
      const dictionary = orders[b % orders.length];
      // The first code of a repeated entry in some rows, its second in others.
      const codes = Int32Array.from(part, (r, j) => (r[0] === 'b' && j % 2 === 1 ? dictionary.lastIndexOf('b') : dictionary.indexOf(r[0])));
      batches.push({ length: part.length, columns: [codes, part.map((r) => r[1])], dictionaries: [dictionary, undefined] });
    }
    const { rowGroups, keys } = groupNumbering()(batches);
    const expected = referenceNumbering(rows);
    expect(rowGroups).toEqual(expected.rowGroups);
    expect(keys.map((k) => JSON.stringify(k))).toEqual(expected.keys);
  });
});
