/**
 * An array index past the array under Spark 4's ANSI mode (the default) and with
 * spark.sql.ansi.enabled=false. Expected texts: Spark's error-conditions.json
 * (INVALID_ARRAY_INDEX, INVALID_ARRAY_INDEX_IN_ELEMENT_AT, INVALID_INDEX_OF_ZERO, all SQLSTATE
 * 22003) and the fragments of sql-tests results/ansi/array.sql.out (`array(1, 2, 3)[5]`,
 * `elt(4, '123', '456')`, `element_at(array(1, 2, 3), 0)` at startIndex 8); NULL answers:
 * results/array.sql.out (ANSI off), try_element_at.sql.out, and get() in both.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col, functions as sf } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
});
afterAll(async () => fc?.stop());
afterEach(() => fc.conf.set('spark.sql.ansi.enabled', 'true'));

const errorOf = (query: string) => Promise.resolve().then(() => fc.sql(query).collect()).then(() => 'no error', (e: Error) => e.message);
const values = async (query: string): Promise<unknown[]> => Object.values((await fc.sql(query).collect())[0]!);

const outOfBounds = (index: number, size: number, hint: string) =>
  `The index ${index} is out of bounds. The array has ${size} elements. ${hint} to tolerate accessing element at invalid index and return NULL instead. SQLSTATE: 22003`;
const INVALID_ARRAY_INDEX = (index: number, size: number) => `[INVALID_ARRAY_INDEX] ${outOfBounds(index, size, 'Use the SQL function `get()`')}`;
const IN_ELEMENT_AT = (index: number, size: number) => `[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] ${outOfBounds(index, size, 'Use `try_element_at`')}`;
const INDEX_OF_ZERO = '[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1). SQLSTATE: 22003';
/** Spark's query context for a fragment starting at position 8 of a one-line query. */
const context = (query: string, fragment: string) => `\n== SQL (line 1, position 8) ==\n${query}\n       ${'^'.repeat(fragment.length)}\n`;

describe('under ANSI (the default)', () => {
  it('a[i] past the array raises INVALID_ARRAY_INDEX with the query context', async () => {
    expect(await errorOf('select array(1, 2, 3)[5]')).toBe(INVALID_ARRAY_INDEX(5, 3) + context('select array(1, 2, 3)[5]', 'array(1, 2, 3)[5]'));
    expect(await errorOf('select array(1, 2, 3)[-1]')).toBe(INVALID_ARRAY_INDEX(-1, 3) + context('select array(1, 2, 3)[-1]', 'array(1, 2, 3)[-1]'));
    const query = 'select a[id] from (select array(10L, 20L) as a, id from range(3))';
    expect(await errorOf(query)).toMatch(new RegExp(`^${escape(INVALID_ARRAY_INDEX(2, 2))}\\n== SQL \\(line 1, position 8\\) ==`));
    expect(await values('select array(1, 2, 3)[0], array(1, 2, 3)[2]')).toEqual([1, 3]);
  });

  it('Column.getItem raises it too, without a query context', async () => {
    const df = fc.sql('select array(1, 2, 3) as a');
    await expect(df.select(col('a').getItem(3)).collect()).rejects.toThrow(INVALID_ARRAY_INDEX(3, 3));
    expect(Object.values((await df.select(col('a').getItem(1)).collect())[0]!)).toEqual([2]);
  });

  it('element_at raises INVALID_ARRAY_INDEX_IN_ELEMENT_AT, and INVALID_INDEX_OF_ZERO for 0', async () => {
    expect(await errorOf('select element_at(array(1, 2, 3), 5)')).toBe(IN_ELEMENT_AT(5, 3) + context('select element_at(array(1, 2, 3), 5)', 'element_at(array(1, 2, 3), 5)'));
    expect(await errorOf('select element_at(array(1, 2, 3), -5)')).toBe(IN_ELEMENT_AT(-5, 3) + context('select element_at(array(1, 2, 3), -5)', 'element_at(array(1, 2, 3), -5)'));
    expect(await errorOf('select element_at(array(1, 2, 3), 0)')).toBe(INDEX_OF_ZERO + context('select element_at(array(1, 2, 3), 0)', 'element_at(array(1, 2, 3), 0)'));
    expect(await values('select element_at(array(1, 2, 3), 3), element_at(array(1, 2, 3), -3)')).toEqual([3, 1]);
  });

  it('elt past its arguments raises INVALID_ARRAY_INDEX; a null index is null', async () => {
    expect(await errorOf("select elt(4, '123', '456')")).toBe(INVALID_ARRAY_INDEX(4, 2) + context("select elt(4, '123', '456')", "elt(4, '123', '456')"));
    expect(await errorOf("select elt(0, '123', '456')")).toBe(INVALID_ARRAY_INDEX(0, 2) + context("select elt(0, '123', '456')", "elt(0, '123', '456')"));
    expect(await values("select elt(null, '123', '456'), elt(2, '123', null), elt(1, '123', null)")).toEqual([null, null, '123']);
  });

  it('try_element_at and get() are null past the array; try_element_at(a, 0) still fails', async () => {
    expect(await values('select try_element_at(array(1, 2, 3), 5), try_element_at(array(1, 2, 3), -5), try_element_at(array(1, 2, 3), 2)')).toEqual([null, null, 2]);
    expect(await values('select get(array(1, 2, 3), 3), get(array(1, 2, 3), -1), get(array(1, 2, 3), 0)')).toEqual([null, null, 1]);
    expect(await errorOf('select try_element_at(array(1, 2, 3), 0)')).toMatch(/^\[INVALID_INDEX_OF_ZERO\] /);
    const [row] = await fc.sql('select array(1, 2) as a').select(sf.try_element_at('a', sf.lit(3))).collect();
    expect(Object.values(row!)).toEqual([null]);
  });

  it('a missing map key is null, by subscript and element_at', async () => {
    expect(await values("select map(1, 'a')[2], element_at(map(1, 'a'), 2), map(1, 'a')[1]")).toEqual([null, null, 'a']);
  });
});

describe('with spark.sql.ansi.enabled=false', () => {
  it('a[i], element_at and elt past the array are null; element_at(a, 0) still fails', async () => {
    fc.conf.set('spark.sql.ansi.enabled', 'false');
    expect(await values("select array(1, 2, 3)[5], array(1, 2, 3)[-1], element_at(array(1, 2, 3), 5), element_at(array(1, 2, 3), -5), elt(4, '123', '456')")).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(await errorOf('select element_at(array(1, 2, 3), 0)')).toMatch(/^\[INVALID_INDEX_OF_ZERO\] /);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
