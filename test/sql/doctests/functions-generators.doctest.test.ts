// PySpark 4's docstring examples of pyspark.sql.functions (functions/builtin.py): generators
// (explode and its variants) and the array functions next to them, written as a Flint user
// writes them; expected text copied from the docstrings. Python dicts are JavaScript Maps here.
//
// Not ported: inline/inline_outer, array_sort with a comparator (lambdas), shuffle (Spark's
// generator), map_contains_key/map_keys/map_values, to_csv/schema_of_csv, and the examples
// of array_min/array_max/array_size on mixed-type Python lists (not a valid array in Flint).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-generators' });
});

afterAll(async () => {
  await fc.stop();
});


describe('explode', () => {
  it('arrays and maps, one and several rows', async () => {
    const one = fc.createDataFrame([[1, [1, 2, 3]]], ['id', 'values']);
    await shows(one.select(sf.explode(one.col('values')).alias('value')), `
      +-----+
      |value|
      +-----+
      |    1|
      |    2|
      |    3|
      +-----+`);
    const map = fc.createDataFrame([[1, new Map([['a', 'b'], ['c', 'd']])]], ['id', 'values']);
    await shows(map.select(sf.explode(map.col('values')).alias('key', 'value')), `
      +---+-----+
      |key|value|
      +---+-----+
      |  a|    b|
      |  c|    d|
      +---+-----+`);
    const two = fc.createDataFrame([[1, [1, 2]], [2, [3, 4]]], ['id', 'values']);
    await shows(two.select('id', sf.explode(two.col('values')).alias('value')), `
      +---+-----+
      | id|value|
      +---+-----+
      |  1|    1|
      |  1|    2|
      |  2|    3|
      |  2|    4|
      +---+-----+`);
    const maps = fc.createDataFrame([[1, new Map([['a', 'b'], ['c', 'd']])], [2, new Map([['e', 'f'], ['g', 'h']])]], ['id', 'values']);
    await shows(maps.select('id', sf.explode(maps.col('values')).alias('key', 'value')), `
      +---+---+-----+
      | id|key|value|
      +---+---+-----+
      |  1|  a|    b|
      |  1|  c|    d|
      |  2|  e|    f|
      |  2|  g|    h|
      +---+---+-----+`);
  });

  it('two array columns, an array of structs, empty arrays and maps', async () => {
    const lists = fc.createDataFrame([[1, [1, 2], [3, 4]]], ['a', 'list1', 'list2']);
    await shows(lists.select(sf.explode(lists.col('list1')).alias('list1'), 'list2').select('list1', sf.explode(lists.col('list2')).alias('list2')), `
      +-----+-----+
      |list1|list2|
      +-----+-----+
      |    1|    3|
      |    1|    4|
      |    2|    3|
      |    2|    4|
      +-----+-----+`);
    const structs = fc.createDataFrame([[1, [{ a: 1, b: 2 }, { a: 3, b: 4 }]]], 'id: int, structlist: array<struct<a:int,b:int>>');
    await shows(structs.select(sf.explode(structs.col('structlist')).alias('struct')).select('struct.*'), `
      +---+---+
      |  a|  b|
      +---+---+
      |  1|  2|
      |  3|  4|
      +---+---+`);
    const emptyArray = fc.createDataFrame([[1, []]], 'id: int, values: array<int>');
    await shows(emptyArray.select(sf.explode(emptyArray.col('values')).alias('value')), `
      +-----+
      |value|
      +-----+
      +-----+`);
    const emptyMap = fc.createDataFrame([[1, new Map()]], 'id: int, values: map<int,int>');
    await shows(emptyMap.select(sf.explode(emptyMap.col('values')).alias('key', 'value')), `
      +---+-----+
      |key|value|
      +---+-----+
      +---+-----+`);
  });

  it('posexplode', async () => {
    const df = fc.createDataFrame([[1, [1, 2, 3], new Map([['a', 'b']])]], ['a', 'intlist', 'mapfield']);
    expect(await df.select(sf.posexplode(df.col('intlist'))).collect()).toEqual([
      { pos: 0, col: 1 },
      { pos: 1, col: 2 },
      { pos: 2, col: 3 },
    ]);
    await shows(df.select(sf.posexplode(df.col('mapfield'))), `
      +---+---+-----+
      |pos|key|value|
      +---+---+-----+
      |  0|  a|    b|
      +---+---+-----+`);
  });

  it('explode_outer and posexplode_outer', async () => {
    const df = fc.createDataFrame(
      [[1, ['foo', 'bar'], new Map([['x', 1.0]])], [2, [], new Map()], [3, null, null]],
      'id BIGINT, an_array ARRAY<STRING>, a_map MAP<STRING, DOUBLE>',
    );
    await shows(df.select('id', 'an_array', sf.explode_outer('a_map')), `
      +---+----------+----+-----+
      | id|  an_array| key|value|
      +---+----------+----+-----+
      |  1|[foo, bar]|   x|  1.0|
      |  2|        []|NULL| NULL|
      |  3|      NULL|NULL| NULL|
      +---+----------+----+-----+`);
    await shows(df.select('id', 'a_map', sf.explode_outer('an_array')), `
      +---+----------+----+
      | id|     a_map| col|
      +---+----------+----+
      |  1|{x -> 1.0}| foo|
      |  1|{x -> 1.0}| bar|
      |  2|        {}|NULL|
      |  3|      NULL|NULL|
      +---+----------+----+`);
    await shows(df.select('id', 'an_array', sf.posexplode_outer('a_map')), `
      +---+----------+----+----+-----+
      | id|  an_array| pos| key|value|
      +---+----------+----+----+-----+
      |  1|[foo, bar]|   0|   x|  1.0|
      |  2|        []|NULL|NULL| NULL|
      |  3|      NULL|NULL|NULL| NULL|
      +---+----------+----+----+-----+`);
  });
});

describe('array functions', () => {
  it('array_compact and array_append', async () => {
    const nulls = fc.createDataFrame([[[null, null, null]]], 'data ARRAY<STRING>');
    await shows(nulls.select(sf.array_compact(nulls.col('data'))), `
      +-------------------+
      |array_compact(data)|
      +-------------------+
      |                 []|
      +-------------------+`);
    const ints = fc.createDataFrame([[[1, 2, 3]]], ['data']);
    await shows(ints.select(sf.array_compact(ints.col('data'))), `
      +-------------------+
      |array_compact(data)|
      +-------------------+
      |          [1, 2, 3]|
      +-------------------+`);
    const c = fc.createDataFrame([[['b', 'a', 'c'], 'c']], ['c1', 'c2']);
    await shows(c.select(sf.array_append(c.col('c1'), c.col('c2'))), `
      +--------------------+
      |array_append(c1, c2)|
      +--------------------+
      |        [b, a, c, c]|
      +--------------------+`);
    await shows(ints.select(sf.array_append(ints.col('data'), 4)), `
      +---------------------+
      |array_append(data, 4)|
      +---------------------+
      |         [1, 2, 3, 4]|
      +---------------------+`);
    await shows(ints.select(sf.array_append(ints.col('data'), null)), `
      +------------------------+
      |array_append(data, NULL)|
      +------------------------+
      |         [1, 2, 3, NULL]|
      +------------------------+`);
    const nullArray = fc.createDataFrame([[null]], 'data ARRAY<INT>');
    await shows(nullArray.select(sf.array_append(nullArray.col('data'), 4)), `
      +---------------------+
      |array_append(data, 4)|
      +---------------------+
      |                 NULL|
      +---------------------+`);
  });

  it('size, array_min, array_max, array_size, cardinality', async () => {
    const df = fc.createDataFrame([[[1, 2, 3]], [[1]], [[]]], 'data ARRAY<BIGINT>');
    expect(await df.select(sf.size(df.col('data'))).collect()).toEqual([{ 'size(data)': 3 }, { 'size(data)': 1 }, { 'size(data)': 0 }]);
    await shows(df.select(sf.cardinality('data')), `
      +-----------------+
      |cardinality(data)|
      +-----------------+
      |                3|
      |                1|
      |                0|
      +-----------------+`);
    const ints = fc.createDataFrame([[[2, 1, 3]], [[null, 10, -1]]], 'data ARRAY<BIGINT>');
    await shows(ints.select(sf.array_min(ints.col('data'))), `
      +---------------+
      |array_min(data)|
      +---------------+
      |              1|
      |             -1|
      +---------------+`);
    await shows(ints.select(sf.array_max(ints.col('data'))), `
      +---------------+
      |array_max(data)|
      +---------------+
      |              3|
      |             10|
      +---------------+`);
    const fruit = fc.createDataFrame([[['apple', 'banana', 'cherry']]], ['data']);
    await shows(fruit.select(sf.array_min(fruit.col('data'))), `
      +---------------+
      |array_min(data)|
      +---------------+
      |          apple|
      +---------------+`);
    await shows(fruit.select(sf.array_max(fruit.col('data'))), `
      +---------------+
      |array_max(data)|
      +---------------+
      |         cherry|
      +---------------+`);
    const empty = fc.createDataFrame([[[]]], 'data ARRAY<INT>');
    await shows(empty.select(sf.array_min(empty.col('data'))), `
      +---------------+
      |array_min(data)|
      +---------------+
      |           NULL|
      +---------------+`);
    const sized = fc.createDataFrame([[[2, 1, 3]], [null]], 'data ARRAY<BIGINT>');
    await shows(sized.select(sf.array_size(sized.col('data'))), `
      +----------------+
      |array_size(data)|
      +----------------+
      |               3|
      |            NULL|
      +----------------+`);
    await shows(empty.select(sf.array_size(empty.col('data'))), `
      +----------------+
      |array_size(data)|
      +----------------+
      |               0|
      +----------------+`);
  });

  it('sort_array, reverse, flatten', async () => {
    const df = fc.createDataFrame([[[2, 1, null, 3]]], 'data ARRAY<BIGINT>');
    await shows(df.select(sf.sort_array(df.col('data'))), `
      +----------------------+
      |sort_array(data, true)|
      +----------------------+
      |       [NULL, 1, 2, 3]|
      +----------------------+`);
    await shows(df.select(sf.sort_array(df.col('data'), false)), `
      +-----------------------+
      |sort_array(data, false)|
      +-----------------------+
      |        [3, 2, 1, NULL]|
      +-----------------------+`);
    const nulls = fc.createDataFrame([[[null, null, null]]], 'data ARRAY<INT>');
    await shows(nulls.select(sf.sort_array(nulls.col('data'))), `
      +----------------------+
      |sort_array(data, true)|
      +----------------------+
      |    [NULL, NULL, NULL]|
      +----------------------+`);
    const text = fc.createDataFrame([['Spark SQL']], ['data']);
    await shows(text.select(sf.reverse(text.col('data'))), `
      +-------------+
      |reverse(data)|
      +-------------+
      |    LQS krapS|
      +-------------+`);
    const arrays = fc.createDataFrame([[[2, 1, 3]], [[1]], [[]]], 'data ARRAY<BIGINT>');
    await shows(arrays.select(sf.reverse(arrays.col('data'))), `
      +-------------+
      |reverse(data)|
      +-------------+
      |    [3, 1, 2]|
      |          [1]|
      |           []|
      +-------------+`);
    const nested = fc.createDataFrame([[[[1, 2, 3], [4, 5], [6]]]], ['data']);
    await shows(nested.select(sf.flatten(nested.col('data'))), `
      +------------------+
      |     flatten(data)|
      +------------------+
      |[1, 2, 3, 4, 5, 6]|
      +------------------+`);
    const withNull = fc.createDataFrame([[[null, [4, 5]]]], 'data ARRAY<ARRAY<BIGINT>>');
    await shows(withNull.select(sf.flatten(withNull.col('data'))), `
      +-------------+
      |flatten(data)|
      +-------------+
      |         NULL|
      +-------------+`);
  });
});
