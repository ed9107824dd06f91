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

interface Batch {
  length: number;
  columns: ArrayLike<unknown>[];
  dictionaries: (unknown[] | undefined)[];
}

const attr = (id: number, name: string, dataType: typeof Types.int | typeof Types.string): Expr => ({ kind: 'attr', id, name, dataType, nullable: true });

/** A function over batches that returns each row's group number and each group's key values. */
function groupNumbering(): (batches: Batch[]) => { rowGroups: number[]; keys: unknown[][] } {
  const ctx = new CodegenContext();
  const keys: GroupTableKey[] = [
    { expr: attr(1, 's', Types.string), code: '(dict0 === undefined ? col0[scanRow] : dict0[col0[scanRow]])', encodedColumn: 0 },
    { expr: attr(2, 'k', Types.int), code: 'col1[scanRow]', encodedColumn: undefined },
  ];
  const lookup = wordTableLookup(keys, ctx, (values) => `groupKeys.push([${values.join(', ')}]);`);
  const body = `${lookup.setup}
let groupCount = 0;
const groupKeys = [];
const rowGroups = [];
for (const scanBatch of input) {
  const col0 = scanBatch.columns[0]; const col1 = scanBatch.columns[1]; const dict0 = scanBatch.dictionaries[0];
  for (let scanRow = 0; scanRow < scanBatch.length; scanRow++) {
    ${lookup.row.join('\n    ')}
    rowGroups.push(g);
  }
}
return { rowGroups, keys: groupKeys };`;
  return new Function(`return ${functionSource(ctx, ['input'], body)}`)();
}

/** A batch of (s, k) rows, s dictionary-encoded with `dictionary` (codes of its entries), or plain without one. */
function batchOf(rows: [string | null, number | null][], dictionary?: (string | null)[]): Batch {
  const strings = dictionary === undefined ? rows.map((r) => r[0]) : Int32Array.from(rows, (r) => dictionary.indexOf(r[0]));
  return { length: rows.length, columns: [strings, rows.map((r) => r[1])], dictionaries: [dictionary, undefined] };
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
    const numbers = new Map<string, number>();
    const expected = rows.flat().map((r) => {
      const key = JSON.stringify(r);
      if (!numbers.has(key)) numbers.set(key, numbers.size);
      return numbers.get(key)!;
    });
    expect(numbers.size).toBeGreaterThan(1024);
    expect(rowGroups).toEqual(expected);
    expect(keys.map((k) => JSON.stringify(k))).toEqual([...numbers.keys()]);
  });
});
