// PySpark 4's docstring examples of pyspark.sql.functions (functions/builtin.py): map and array
// functions, written as a Flint user writes them; expected text copied from the docstrings.
// Python dicts are JavaScript Maps here (a plain object is a struct, DESIGN.md §8).
//
// Not ported: try_element_at, mask, collate/collation, and the binary example of concat
// (bytearray): not in Flint (see the report of issue 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-collection' });
});

afterAll(async () => {
  await fc.stop();
});


describe('maps', () => {
  it('create_map', async () => {
    const df = fc.createDataFrame([['Alice', 2], ['Bob', 5]], ['name', 'age']);
    const expected = `
      +--------------+
      |map(name, age)|
      +--------------+
      |  {Alice -> 2}|
      |    {Bob -> 5}|
      +--------------+`;
    await shows(df.select(sf.create_map('name', 'age')), expected);
    await shows(df.select(sf.create_map([df.col('name'), df.col('age')])), expected);
    const g = fc.createDataFrame([['Alice', 2, 'female'], ['Bob', 5, 'male']], ['name', 'age', 'gender']);
    await shows(g.select(sf.create_map(sf.lit('name'), g.col('name'), sf.lit('gender'), g.col('gender'))), `
      +---------------------------------+
      |map(name, name, gender, gender)  |
      +---------------------------------+
      |{name -> Alice, gender -> female}|
      |{name -> Bob, gender -> male}    |
      +---------------------------------+`, 20, false);
    const w = fc.createDataFrame([['Alice', 2, 22.2], ['Bob', 5, 36.1]], ['name', 'age', 'weight']);
    await shows(w.select(sf.create_map(sf.lit('age'), w.col('age'), sf.lit('weight'), w.col('weight'))), `
      +-----------------------------+
      |map(age, age, weight, weight)|
      +-----------------------------+
      |{age -> 2.0, weight -> 22.2} |
      |{age -> 5.0, weight -> 36.1} |
      +-----------------------------+`, 20, false);
  });

  it('map_from_arrays', async () => {
    const table = (value: string) => `
      +---------------------+
      |map_from_arrays(k, v)|
      +---------------------+
      |${value.padStart(21)}|
      +---------------------+`;
    const kv = fc.createDataFrame([[[2, 5], ['a', 'b']]], ['k', 'v']);
    await shows(kv.select(sf.map_from_arrays(kv.col('k'), kv.col('v'))), table('{2 -> a, 5 -> b}'));
    const withNull = fc.createDataFrame([[[1, 2], ['a', null]]], 'k ARRAY<BIGINT>, v ARRAY<STRING>');
    await shows(withNull.select(sf.map_from_arrays(withNull.col('k'), withNull.col('v'))), table('{1 -> a, 2 -> NULL}'));
    const empty = fc.createDataFrame([[[], []]], 'k ARRAY<INT>, v ARRAY<STRING>');
    await shows(empty.select(sf.map_from_arrays(empty.col('k'), empty.col('v'))), table('{}'));
  });

  it('element_at on maps', async () => {
    const m = fc.createDataFrame([[new Map([['a', 1.0], ['b', 2.0]])]], 'data MAP<STRING, DOUBLE>');
    await shows(m.select(sf.element_at(m.col('data'), sf.lit('a'))), `
      +-------------------+
      |element_at(data, a)|
      +-------------------+
      |                1.0|
      +-------------------+`);
    await shows(m.select(sf.element_at(m.col('data'), sf.lit('c'))), `
      +-------------------+
      |element_at(data, c)|
      +-------------------+
      |               NULL|
      +-------------------+`);
    const mb = fc.createDataFrame([[new Map([['a', 1.0], ['b', 2.0]]), 'a']], 'data MAP<STRING, DOUBLE>, b STRING');
    await shows(mb.select(sf.element_at(mb.col('data'), 'b')), `
      +-------------------+
      |element_at(data, b)|
      +-------------------+
      |                2.0|
      +-------------------+`);
  });
});

describe('arrays', () => {
  it('array', async () => {
    const df = fc.createDataFrame([['Alice', 'doctor'], ['Bob', 'engineer']], ['name', 'occupation']);
    const expected = `
      +-----------------------+
      |array(name, occupation)|
      +-----------------------+
      |        [Alice, doctor]|
      |        [Bob, engineer]|
      +-----------------------+`;
    await shows(df.select(sf.array('name', 'occupation')), expected);
    await shows(df.select(sf.array(df.col('name'), df.col('occupation'))), expected);
    await shows(df.select(sf.array(['name', 'occupation'])), expected);
    const w = fc.createDataFrame([['Alice', 2, 22.2], ['Bob', 5, 36.1]], ['name', 'age', 'weight']);
    await shows(w.select(sf.array(['age', 'weight'])), `
      +------------------+
      |array(age, weight)|
      +------------------+
      |       [2.0, 22.2]|
      |       [5.0, 36.1]|
      +------------------+`);
    const nulls = fc.createDataFrame([['Alice', null], ['Bob', 'engineer']], 'name STRING, occupation STRING');
    await shows(nulls.select(sf.array('name', 'occupation')), `
      +-----------------------+
      |array(name, occupation)|
      +-----------------------+
      |          [Alice, NULL]|
      |        [Bob, engineer]|
      +-----------------------+`);
  });

  it('array_contains', async () => {
    const df = fc.createDataFrame([[['a', 'b', 'c']], [[]]], 'data ARRAY<STRING>');
    await shows(df.select(sf.array_contains(df.col('data'), 'a')), `
      +-----------------------+
      |array_contains(data, a)|
      +-----------------------+
      |                   true|
      |                  false|
      +-----------------------+`);
    const items = fc.createDataFrame([[['a', 'b', 'c'], 'c'], [['c', 'd', 'e'], 'd'], [['e', 'a', 'c'], 'b']], ['data', 'item']);
    await shows(items.select(sf.array_contains(items.col('data'), sf.col('item'))), `
      +--------------------------+
      |array_contains(data, item)|
      +--------------------------+
      |                      true|
      |                      true|
      |                     false|
      +--------------------------+`);
    const nullArray = fc.createDataFrame([[null], [['a', 'b', 'c']]], 'data ARRAY<STRING>');
    await shows(nullArray.select(sf.array_contains(nullArray.col('data'), 'a')), `
      +-----------------------+
      |array_contains(data, a)|
      +-----------------------+
      |                   NULL|
      |                   true|
      +-----------------------+`);
    const withNull = fc.createDataFrame([[['a', null, 'c']]], 'data ARRAY<STRING>');
    await shows(withNull.select(sf.array_contains(withNull.col('data'), 'a')), `
      +-----------------------+
      |array_contains(data, a)|
      +-----------------------+
      |                   true|
      +-----------------------+`);
  });

  it('arrays_overlap', async () => {
    const table = (a: string, b: string) => `
      +--------------------+
      |arrays_overlap(x, y)|
      +--------------------+
      |${a.padStart(20)}|
      |${b.padStart(20)}|
      +--------------------+`;
    const schema = 'x ARRAY<STRING>, y ARRAY<STRING>';
    const run = (rows: unknown[][]) => {
      const df = fc.createDataFrame(rows, schema);
      return df.select(sf.arrays_overlap(df.col('x'), df.col('y')));
    };
    await shows(run([[['a', 'b'], ['b', 'c']], [['a'], ['b', 'c']]]), table('true', 'false'));
    await shows(run([[['a', null], ['b', null]], [['a'], ['b', 'c']]]), table('NULL', 'false'));
    await shows(run([[null, ['b', 'c']], [['a'], null]]), table('NULL', 'NULL'));
    await shows(run([[['a', 'b'], ['a', 'b']], [['a'], ['a']]]), table('true', 'true'));
  });

  it('slice', async () => {
    const df = fc.createDataFrame([[[1, 2, 3]], [[4, 5]]], ['x']);
    await shows(df.select(sf.slice(df.col('x'), 2, 2)), `
      +--------------+
      |slice(x, 2, 2)|
      +--------------+
      |        [2, 3]|
      |           [5]|
      +--------------+`);
    await shows(df.select(sf.slice(df.col('x'), -1, 1)), `
      +---------------+
      |slice(x, -1, 1)|
      +---------------+
      |            [3]|
      |            [5]|
      +---------------+`);
    const cols = fc.createDataFrame([[[1, 2, 3], 2, 2], [[4, 5], 1, 3]], ['x', 'start', 'length']);
    await shows(cols.select(sf.slice(cols.col('x'), cols.col('start'), cols.col('length'))), `
      +-----------------------+
      |slice(x, start, length)|
      +-----------------------+
      |                 [2, 3]|
      |                 [4, 5]|
      +-----------------------+`);
  });

  it('array_join', async () => {
    const df = fc.createDataFrame([[['a', 'b', 'c']], [['a', 'b']]], ['data']);
    await shows(df.select(sf.array_join(df.col('data'), ',')), `
      +-------------------+
      |array_join(data, ,)|
      +-------------------+
      |              a,b,c|
      |                a,b|
      +-------------------+`);
    const withNull = fc.createDataFrame([[['a', null, 'c']]], 'data ARRAY<STRING>');
    await shows(withNull.select(sf.array_join(withNull.col('data'), ',', 'NULL')), `
      +-------------------------+
      |array_join(data, ,, NULL)|
      +-------------------------+
      |                 a,NULL,c|
      +-------------------------+`);
    await shows(withNull.select(sf.array_join(withNull.col('data'), ',')), `
      +-------------------+
      |array_join(data, ,)|
      +-------------------+
      |                a,c|
      +-------------------+`);
    const nullArray = fc.createDataFrame([[null]], 'data ARRAY<STRING>');
    await shows(nullArray.select(sf.array_join(nullArray.col('data'), ',')), `
      +-------------------+
      |array_join(data, ,)|
      +-------------------+
      |               NULL|
      +-------------------+`);
    const onlyNulls = fc.createDataFrame([[[null, null]]], 'data ARRAY<STRING>');
    await shows(onlyNulls.select(sf.array_join(onlyNulls.col('data'), ',', 'NULL')), `
      +-------------------------+
      |array_join(data, ,, NULL)|
      +-------------------------+
      |                NULL,NULL|
      +-------------------------+`);
  });

  it('concat of strings, arrays, numbers and mixed types', async () => {
    const sd = fc.createDataFrame([['abcd', '123']], ['s', 'd']);
    await shows(sd.select(sf.concat(sd.col('s'), sd.col('d'))), `
      +------------+
      |concat(s, d)|
      +------------+
      |     abcd123|
      +------------+`);
    const arrays = fc.createDataFrame([[[1, 2], [3, 4], [5]], [[1, 2], null, [3]]], 'a ARRAY<BIGINT>, b ARRAY<BIGINT>, c ARRAY<BIGINT>');
    await shows(arrays.select(sf.concat(arrays.col('a'), arrays.col('b'), arrays.col('c'))), `
      +---------------+
      |concat(a, b, c)|
      +---------------+
      |[1, 2, 3, 4, 5]|
      |           NULL|
      +---------------+`);
    const numbers = fc.createDataFrame([[1, 2, 3]], ['a', 'b', 'c']);
    await shows(numbers.select(sf.concat(numbers.col('a'), numbers.col('b'), numbers.col('c'))), `
      +---------------+
      |concat(a, b, c)|
      +---------------+
      |            123|
      +---------------+`);
    const mixed = fc.createDataFrame([[1, 'abc', 3, 'def']], ['a', 'b', 'c', 'd']);
    await shows(mixed.select(sf.concat(mixed.col('a'), mixed.col('b'), mixed.col('c'), mixed.col('d'))), `
      +------------------+
      |concat(a, b, c, d)|
      +------------------+
      |          1abc3def|
      +------------------+`);
  });

  it('array_position', async () => {
    const table = (name: string, value: number) => `
      +${'-'.repeat(name.length)}+
      |${name}|
      +${'-'.repeat(name.length)}+
      |${String(value).padStart(name.length)}|
      +${'-'.repeat(name.length)}+`;
    const cba = fc.createDataFrame([[['c', 'b', 'a']]], ['data']);
    await shows(cba.select(sf.array_position(cba.col('data'), 'a')), table('array_position(data, a)', 3));
    const empty = fc.createDataFrame([[[]]], 'data ARRAY<STRING>');
    await shows(empty.select(sf.array_position(empty.col('data'), 'a')), table('array_position(data, a)', 0));
    const ints = fc.createDataFrame([[[1, 2, 3]]], ['data']);
    await shows(ints.select(sf.array_position(ints.col('data'), 2)), table('array_position(data, 2)', 2));
    await shows(cba.select(sf.array_position(cba.col('data'), 'd')), table('array_position(data, d)', 0));
    const withNull = fc.createDataFrame([[[null, 'b', 'a']]], 'data ARRAY<STRING>');
    await shows(withNull.select(sf.array_position(withNull.col('data'), 'a')), table('array_position(data, a)', 3));
    const byCol = fc.createDataFrame([[[10, 20, 30], 20]], ['data', 'col']);
    await shows(byCol.select(sf.array_position(byCol.col('data'), byCol.col('col'))), table('array_position(data, col)', 2));
  });

  it('element_at and get on arrays', async () => {
    const abc = fc.createDataFrame([[['a', 'b', 'c']]], ['data']);
    await shows(abc.select(sf.element_at(abc.col('data'), 1)), `
      +-------------------+
      |element_at(data, 1)|
      +-------------------+
      |                  a|
      +-------------------+`);
    await shows(abc.select(sf.element_at(abc.col('data'), -1)), `
      +--------------------+
      |element_at(data, -1)|
      +--------------------+
      |                   c|
      +--------------------+`);
    await shows(abc.select(sf.get(abc.col('data'), 1)), `
      +------------+
      |get(data, 1)|
      +------------+
      |           b|
      +------------+`);
    await shows(abc.select(sf.get(abc.col('data'), 3)), `
      +------------+
      |get(data, 3)|
      +------------+
      |        NULL|
      +------------+`);
    const idx = fc.createDataFrame([[['a', 'b', 'c'], 2]], ['data', 'index']);
    await shows(idx.select(sf.get(idx.col('data'), idx.col('index'))), `
      +----------------+
      |get(data, index)|
      +----------------+
      |               c|
      +----------------+`);
    await shows(idx.select(sf.get(idx.col('data'), idx.col('index').minus(1))), `
      +----------------------+
      |get(data, (index - 1))|
      +----------------------+
      |                     b|
      +----------------------+`);
    await shows(abc.select(sf.get(abc.col('data'), -1)), `
      +-------------+
      |get(data, -1)|
      +-------------+
      |         NULL|
      +-------------+`);
  });

  it('array_prepend and array_remove', async () => {
    const c = fc.createDataFrame([[['b', 'a', 'c'], 'c']], ['c1', 'c2']);
    await shows(c.select(sf.array_prepend(c.col('c1'), c.col('c2'))), `
      +---------------------+
      |array_prepend(c1, c2)|
      +---------------------+
      |         [c, b, a, c]|
      +---------------------+`);
    const data = fc.createDataFrame([[[1, 2, 3]]], ['data']);
    await shows(data.select(sf.array_prepend(data.col('data'), 4)), `
      +----------------------+
      |array_prepend(data, 4)|
      +----------------------+
      |          [4, 1, 2, 3]|
      +----------------------+`);
    await shows(data.select(sf.array_prepend(data.col('data'), null)), `
      +-------------------------+
      |array_prepend(data, NULL)|
      +-------------------------+
      |          [NULL, 1, 2, 3]|
      +-------------------------+`);
    const nullArray = fc.createDataFrame([[null]], 'data ARRAY<INT>');
    await shows(nullArray.select(sf.array_prepend(nullArray.col('data'), 4)), `
      +----------------------+
      |array_prepend(data, 4)|
      +----------------------+
      |                  NULL|
      +----------------------+`);
    const empty = fc.createDataFrame([[[]]], 'data ARRAY<INT>');
    await shows(empty.select(sf.array_prepend(empty.col('data'), 1)), `
      +----------------------+
      |array_prepend(data, 1)|
      +----------------------+
      |                   [1]|
      +----------------------+`);
    const removes = (rows: unknown[][], value: number, expected: string[]) => {
      const df = fc.createDataFrame(rows, 'data ARRAY<BIGINT>');
      return shows(df.select(sf.array_remove(df.col('data'), value)), `
        +---------------------+
        |array_remove(data, ${value})|
        +---------------------+
        ${expected.map((e) => `|${e.padStart(21)}|`).join('\n        ')}
        +---------------------+`);
    };
    await removes([[[1, 2, 3, 1, 1]]], 1, ['[2, 3]']);
    await removes([[[1, 2, 3, 1, 1]], [[4, 5, 5, 4]]], 5, ['[1, 2, 3, 1, 1]', '[4, 4]']);
    await removes([[[1, 2, 3]]], 4, ['[1, 2, 3]']);
    await removes([[[1, 1, 1]]], 1, ['[]']);
    await removes([[[]]], 1, ['[]']);
    const byCol = fc.createDataFrame([[[1, 2, 3, 1, 1], 1]], ['data', 'col']);
    await shows(byCol.select(sf.array_remove(byCol.col('data'), byCol.col('col'))), `
      +-----------------------+
      |array_remove(data, col)|
      +-----------------------+
      |                 [2, 3]|
      +-----------------------+`);
  });

  it('array_distinct', async () => {
    const df = fc.createDataFrame([[[1, 2, 3, 2]], [[4, 5, 5, 4]]], ['data']);
    await shows(df.select(sf.array_distinct(df.col('data'))), `
      +--------------------+
      |array_distinct(data)|
      +--------------------+
      |           [1, 2, 3]|
      |              [4, 5]|
      +--------------------+`);
  });
});
