// PySpark 4's docstring examples of the JSON and CSV functions (functions/builtin.py: from_json,
// to_json, schema_of_json, get_json_object, json_tuple, json_array_length, json_object_keys,
// from_csv, to_csv, schema_of_csv) and of DataFrame.toJSON, written as a Flint user writes them;
// expected text copied from the docstrings. Then the examples of Spark SQL's function reference
// (each expression's ExpressionDescription) as SQL text, and the parse modes' errors.
//
// Not ported: to_json of a variant (Flint has no VariantType).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArrayType, FlintContext, IntegerType, StructField, StructType, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-json-csv' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
});

afterAll(async () => {
  await fc.stop();
});

/** The one row of a SELECT, as its values in column order. */
const values = async (sql: string): Promise<unknown[]> => Object.values((await fc.sql(sql).collect())[0]!);

describe('JSON functions', () => {
  it('get_json_object', async () => {
    const df = fc.createDataFrame([['1', '{"f1": "value1", "f2": "value2"}'], ['2', '{"f1": "value12"}']], ['key', 'jstring']);
    await shows(df.select(df.col('key'), sf.get_json_object(df.col('jstring'), '$.f1').alias('c0'), sf.get_json_object(df.col('jstring'), '$.f2').alias('c1')), `
      +---+-------+------+
      |key|     c0|    c1|
      +---+-------+------+
      |  1| value1|value2|
      |  2|value12|  NULL|
      +---+-------+------+`);
    const arrays = fc.createDataFrame([['1', '[{"f1": "value1"},{"f1": "value2"}]'], ['2', '[{"f1": "value12"},{"f2": "value13"}]']], ['key', 'jarray']);
    await shows(arrays.select(arrays.col('key'), sf.get_json_object(arrays.col('jarray'), '$[0].f1').alias('c0'), sf.get_json_object(arrays.col('jarray'), '$[1].f2').alias('c1')), `
      +---+-------+-------+
      |key|     c0|     c1|
      +---+-------+-------+
      |  1| value1|   NULL|
      |  2|value12|value13|
      +---+-------+-------+`);
    await shows(arrays.select(arrays.col('key'), sf.get_json_object(arrays.col('jarray'), '$[*].f1').alias('c0'), sf.get_json_object(arrays.col('jarray'), '$[*].f2').alias('c1')), `
      +---+-------------------+---------+
      |key|                 c0|       c1|
      +---+-------------------+---------+
      |  1|["value1","value2"]|     NULL|
      |  2|          "value12"|"value13"|
      +---+-------------------+---------+`);
  });

  it('json_tuple', async () => {
    const df = fc.createDataFrame([['1', '{"f1": "value1", "f2": "value2"}'], ['2', '{"f1": "value12"}']], ['key', 'jstring']);
    expect(await df.select(df.col('key'), sf.json_tuple(df.col('jstring'), 'f1', 'f2')).collect()).toEqual([
      { key: '1', c0: 'value1', c1: 'value2' },
      { key: '2', c0: 'value12', c1: null },
    ]);
  });

  it('from_json', async () => {
    const df = fc.createDataFrame([[1, '{"a": 1}']], ['key', 'value']);
    const one = `
      +----+
      |json|
      +----+
      | {1}|
      +----+`;
    await shows(df.select(sf.from_json(df.col('value'), new StructType([new StructField('a', new IntegerType())])).alias('json')), one);
    await shows(df.select(sf.from_json(df.col('value'), 'a INT').alias('json')), one);
    await shows(df.select(sf.from_json(df.col('value'), 'MAP<STRING,INT>').alias('json')), `
      +--------+
      |    json|
      +--------+
      |{a -> 1}|
      +--------+`);
    const structs = fc.createDataFrame([[1, '[{"a": 1}]']], ['key', 'value']);
    await shows(structs.select(sf.from_json(structs.col('value'), new ArrayType(new StructType([new StructField('a', new IntegerType())]))).alias('json')), `
      +-----+
      | json|
      +-----+
      |[{1}]|
      +-----+`);
    const ints = fc.createDataFrame([[1, '[1, 2, 3]']], ['key', 'value']);
    await shows(ints.select(sf.from_json(ints.col('value'), new ArrayType(new IntegerType())).alias('json')), `
      +---------+
      |     json|
      +---------+
      |[1, 2, 3]|
      +---------+`);
    const lenient = fc.createDataFrame([[1, '{a:123}'], [2, '{"a":456}']], ['key', 'value']);
    await shows(lenient.select('value', sf.from_json(lenient.col('value'), 'a INT'), sf.from_json(lenient.col('value'), 'a INT', { allowUnquotedFieldNames: 'true' })), `
      +---------+----------------+----------------+
      |    value|from_json(value)|from_json(value)|
      +---------+----------------+----------------+
      |  {a:123}|          {NULL}|           {123}|
      |{"a":456}|           {456}|           {456}|
      +---------+----------------+----------------+`);
    await shows(df.select(sf.from_json(df.col('value'), sf.schema_of_json(sf.lit('{"a": 1}'))).alias('json')), one);
  });

  it('to_json', async () => {
    const people = fc.createDataFrame([[1, { age: 2, name: 'Alice' }]], ['key', 'value']);
    await shows(people.select(sf.to_json(people.col('value')).alias('json')), `
      +------------------------+
      |json                    |
      +------------------------+
      |{"age":2,"name":"Alice"}|
      +------------------------+`, 20, false);
    const list = fc.createDataFrame([[1, [{ age: 2, name: 'Alice' }, { age: 3, name: 'Bob' }]]], ['key', 'value']);
    await shows(list.select(sf.to_json(list.col('value')).alias('json')), `
      +-------------------------------------------------+
      |json                                             |
      +-------------------------------------------------+
      |[{"age":2,"name":"Alice"},{"age":3,"name":"Bob"}]|
      +-------------------------------------------------+`, 20, false);
    const map = fc.createDataFrame([[1, new Map([['name', 'Alice']])]], ['key', 'value']);
    await shows(map.select(sf.to_json(map.col('value')).alias('json')), `
      +----------------+
      |json            |
      +----------------+
      |{"name":"Alice"}|
      +----------------+`, 20, false);
    const maps = fc.createDataFrame([[1, [new Map([['name', 'Alice']]), new Map([['name', 'Bob']])]]], ['key', 'value']);
    await shows(maps.select(sf.to_json(maps.col('value')).alias('json')), `
      +---------------------------------+
      |json                             |
      +---------------------------------+
      |[{"name":"Alice"},{"name":"Bob"}]|
      +---------------------------------+`, 20, false);
    const names = fc.createDataFrame([[1, ['Alice', 'Bob']]], ['key', 'value']);
    await shows(names.select(sf.to_json(names.col('value')).alias('json')), `
      +---------------+
      |json           |
      +---------------+
      |["Alice","Bob"]|
      +---------------+`, 20, false);
    const dated = fc.sql("SELECT (DATE('2022-02-22'), 1) AS date");
    await shows(dated.select('date', sf.to_json(dated.col('date')), sf.to_json(dated.col('date'), { dateFormat: 'yyyy/MM/dd' })), `
      +---------------+------------------------------+------------------------------+
      |date           |to_json(date)                 |to_json(date)                 |
      +---------------+------------------------------+------------------------------+
      |{2022-02-22, 1}|{"col1":"2022-02-22","col2":1}|{"col1":"2022/02/22","col2":1}|
      +---------------+------------------------------+------------------------------+`, 20, false);
  });

  it('schema_of_json, json_array_length, json_object_keys', async () => {
    await shows(fc.sql('SELECT * FROM range(1)').select(sf.schema_of_json(sf.lit('{"a": 0}')), sf.schema_of_json('{a: 1}', { allowUnquotedFieldNames: 'true' })), `
      +------------------------+----------------------+
      |schema_of_json({"a": 0})|schema_of_json({a: 1})|
      +------------------------+----------------------+
      |       STRUCT<a: BIGINT>|     STRUCT<a: BIGINT>|
      +------------------------+----------------------+`);
    const arrays = fc.createDataFrame([[null], ['[1, 2, 3]'], ['[]']], 'data STRING');
    expect(await arrays.select(sf.json_array_length(arrays.col('data')).alias('r')).collect()).toEqual([{ r: null }, { r: 3 }, { r: 0 }]);
    const objects = fc.createDataFrame([[null], ['{}'], ['{"key1":1, "key2":2}']], 'data STRING');
    expect(await objects.select(sf.json_object_keys(objects.col('data')).alias('r')).collect()).toEqual([{ r: null }, { r: [] }, { r: ['key1', 'key2'] }]);
  });

  it('DataFrame.toJSON', async () => {
    const df = fc.createDataFrame([[2, 'Alice'], [5, 'Bob']], ['age', 'name']);
    expect(await df.toJSON().first()).toBe('{"age":2,"name":"Alice"}');
    const sparse = fc.createDataFrame([[null, 'x', [1.0, null]]], 'a INT, b STRING, c ARRAY<DOUBLE>');
    expect(await sparse.toJSON().collect()).toEqual(['{"b":"x","c":[1.0,null]}']);
    // And back: read.json takes an RDD of JSON strings, as PySpark's does.
    expect(await fc.read.schema('age BIGINT, name STRING').json(df.toJSON()).collect()).toEqual(await df.collect());
    const strings = fc.parallelize(['{"a": 1, "b": [1.5]}', '', '{"a": "x"}', '{"a": 3, "c": {"d": true}}', 'not json']);
    expect(fc.read.json(strings).schema.simpleString()).toBe('struct<_corrupt_record:string,a:string,b:array<double>,c:struct<d:boolean>>');
    expect(await fc.read.json(strings, { mode: 'DROPMALFORMED', schema: 'a BIGINT, c STRUCT<d: BOOLEAN>' }).collect()).toEqual([
      { a: 1, c: null },
      { a: 3, c: { d: true } },
    ]);
  });
});

describe('CSV functions', () => {
  it('from_csv', async () => {
    const df = fc.createDataFrame([['1,2,3']], ['value']);
    const expected = `
      +---------------+
      |from_csv(value)|
      +---------------+
      |      {1, 2, 3}|
      +---------------+`;
    await shows(df.select(sf.from_csv(df.col('value'), 'a INT, b INT, c INT')), expected);
    await shows(df.select(sf.from_csv(df.col('value'), sf.schema_of_csv('1,2,3'))), expected);
    // PySpark 3's form of the same example names the inferred fields.
    expect(await df.select(sf.from_csv(df.col('value'), sf.schema_of_csv('1,2,3')).alias('csv')).collect()).toEqual([{ csv: { _c0: 1, _c1: 2, _c2: 3 } }]);
    const spaced = fc.createDataFrame([['   abc']], ['value']);
    await shows(spaced.select(sf.from_csv(spaced.col('value'), 's string', { ignoreLeadingWhiteSpace: true })), `
      +---------------+
      |from_csv(value)|
      +---------------+
      |          {abc}|
      +---------------+`);
    const missing = fc.createDataFrame([['1,2,']], ['value']);
    await shows(missing.select(sf.from_csv(missing.col('value'), 'a INT, b INT, c INT')), `
      +---------------+
      |from_csv(value)|
      +---------------+
      |   {1, 2, NULL}|
      +---------------+`);
    const semicolons = fc.createDataFrame([['1;2;3']], ['value']);
    await shows(semicolons.select(sf.from_csv(semicolons.col('value'), 'a INT, b INT, c INT', { delimiter: ';' })), expected);
  });

  it('schema_of_csv', async () => {
    const df = fc.sql('SELECT * FROM range(1)');
    const cases: [string, string, string][] = [
      ['1|a|true', '|', 'schema_of_csv(1|a|true)                    '],
      ['1||true', '|', 'schema_of_csv(1||true)                     '],
      ['1;a;true', ';', 'schema_of_csv(1;a;true)                    '],
      ['"1","a","true"', ',', 'schema_of_csv("1","a","true")              '],
    ];
    for (const [csv, sep, header] of cases) {
      await shows(df.select(sf.schema_of_csv(sf.lit(csv), { sep })), `
        +-------------------------------------------+
        |${header}|
        +-------------------------------------------+
        |STRUCT<_c0: INT, _c1: STRING, _c2: BOOLEAN>|
        +-------------------------------------------+`, 20, false);
    }
  });

  it('to_csv', async () => {
    const people = fc.createDataFrame([[1, { age: 2, name: 'Alice' }]], ['key', 'value']);
    await shows(people.select(sf.to_csv(people.col('value'))), `
      +-------------+
      |to_csv(value)|
      +-------------+
      |      2,Alice|
      +-------------+`);
    const scores = fc.createDataFrame([[1, { age: 2, name: 'Alice', scores: [100, 200, 300] }]], ['key', 'value']);
    await shows(scores.select(sf.to_csv(scores.col('value'))), `
      +-------------------------+
      |to_csv(value)            |
      +-------------------------+
      |2,Alice,"[100, 200, 300]"|
      +-------------------------+`, 20, false);
    const nulls = fc.createDataFrame([[1, { age: null, name: 'Alice' }]], 'key INT, value STRUCT<age: INT, name: STRING>');
    await shows(nulls.select(sf.to_csv(nulls.col('value'))), `
      +-------------+
      |to_csv(value)|
      +-------------+
      |       ,Alice|
      +-------------+`);
    const students = fc.createDataFrame([[1, { age: 2, name: 'Alice', isStudent: true }]], ['key', 'value']);
    await shows(students.select(sf.to_csv(students.col('value'))), `
      +-------------+
      |to_csv(value)|
      +-------------+
      | 2,Alice,true|
      +-------------+`);
  });
});

describe('as SQL text (Spark SQL function reference examples)', () => {
  it('from_json, to_json, schema_of_json', async () => {
    expect(await values(`SELECT from_json('{"a":1, "b":0.8}', 'a INT, b DOUBLE')`)).toEqual([{ a: 1, b: 0.8 }]);
    expect(await values(`SELECT from_json('{"time":"26/08/2015"}', 'time Timestamp', map('timestampFormat', 'dd/MM/yyyy'))`)).toEqual([{ time: new Date('2015-08-26T00:00:00Z') }]);
    const nested = fc.sql(`SELECT from_json('{"teacher": "Alice", "student": [{"name": "Bob", "rank": 1}, {"name": "Charlie", "rank": 2}]}', 'STRUCT<teacher: STRING, student: ARRAY<STRUCT<name: STRING, rank: INT>>>') AS s`);
    await shows(nested, `
      +---------------------------------+
      |s                                |
      +---------------------------------+
      |{Alice, [{Bob, 1}, {Charlie, 2}]}|
      +---------------------------------+`, 20, false);
    expect(
      await values(
        "SELECT to_json(named_struct('a', 1, 'b', 2)), to_json(named_struct('time', to_timestamp('2015-08-26', 'yyyy-MM-dd')), map('timestampFormat', 'dd/MM/yyyy')), " +
          "to_json(array(named_struct('a', 1, 'b', 2))), to_json(map('a', named_struct('b', 1))), to_json(map('a', 1)), to_json(array(map('a', 1)))",
      ),
    ).toEqual(['{"a":1,"b":2}', '{"time":"26/08/2015"}', '[{"a":1,"b":2}]', '{"a":{"b":1}}', '{"a":1}', '[{"a":1}]']);
    // Timestamps in the session time zone with the default format; doubles as Java prints them; null fields left out.
    expect(await values("SELECT to_json(named_struct('t', TIMESTAMP '2015-08-26 10:20:30.123', 'd', 1.0D, 'n', CAST(NULL AS INT)))")).toEqual(['{"t":"2015-08-26T10:20:30.123Z","d":1.0}']);
    // PySpark's docstring: "the function supports the `pretty` option" (Jackson's DefaultPrettyPrinter layout).
    expect(await values("SELECT to_json(named_struct('a', 1, 'b', array(1, 2), 'c', named_struct('d', 'x'), 'e', array()), map('pretty', 'true'))")).toEqual([
      '{\n  "a" : 1,\n  "b" : [ 1, 2 ],\n  "c" : {\n    "d" : "x"\n  },\n  "e" : [ ]\n}',
    ]);
    const zoned = fc.sql("SELECT named_struct('t', TIMESTAMP '2015-08-26 10:20:30') AS s").select(sf.to_json('s', { timeZone: 'America/Los_Angeles' }).alias('la'), sf.to_json('s', { timestampFormat: 'dd/MM/yyyy HH:mm XXX', timeZone: '+05:30' }).alias('ist'));
    expect(Object.values((await zoned.collect())[0]!)).toEqual(['{"t":"2015-08-26T03:20:30.000-07:00"}', '{"t":"26/08/2015 15:50 +05:30"}']);
    expect(await values(`SELECT schema_of_json('[{"col":0}]'), schema_of_json('{"a": [1.5, null], "b": {"c": "x"}, "d": null}')`)).toEqual(['ARRAY<STRUCT<col: BIGINT>>', 'STRUCT<a: ARRAY<DOUBLE>, b: STRUCT<c: STRING>, d: STRING>']);
    expect(await values(`SELECT from_json('{"a":1}', schema_of_json('{"a":0}')).a`)).toEqual([1]);
    // Spark's sql-tests (json-functions.sql): arrays, a lone object as an array of structs, options of schema_of_json, struct map keys.
    expect(await values(`SELECT from_json('[null, {"a":2}]', 'array<struct<a:int>>'), from_json('{"a": 1}', 'array<struct<a:int>>'), from_json('[1, "2", 3]', 'array<int>'), from_json('[{"a": 1}, 2]', 'array<map<string,int>>')`)).toEqual([
      [null, { a: 2 }],
      [{ a: 1 }],
      null,
      null,
    ]);
    expect(await values(`SELECT schema_of_json('{"c1":1}', map('primitivesAsString', 'true')), schema_of_json('{"c1":01, "c2":0.1}', map('allowNumericLeadingZeros', 'true', 'prefersDecimal', 'true'))`)).toEqual([
      'STRUCT<c1: STRING>',
      'STRUCT<c1: BIGINT, c2: DECIMAL(1,1)>',
    ]);
    expect(await values(`SELECT to_json(map(named_struct('a', 1, 'b', 2), named_struct('a', 1, 'b', 2))), to_json(array(array(1, 2, 3), array(4)))`)).toEqual(['{"[1,2]":{"a":1,"b":2}}', '[[1,2,3],[4]]']);
    expect(() => fc.sql('SELECT schema_of_json(s) FROM VALUES (\'{"a": 1}\') AS t(s)').schema).toThrow(/NON_FOLDABLE_INPUT.*the input `json` should be a foldable "STRING" expression/);
  });

  it('get_json_object, json_tuple, json_array_length, json_object_keys', async () => {
    expect(await values(`SELECT get_json_object('{"a":"b"}', '$.a'), get_json_object('{"a":{"b":[1.50,{"c":true}]}}', '$.a.b'), get_json_object('{"a":{"b":[1,2]}}', '$.a.b[1]'), get_json_object('{"a":1}', 'a'), get_json_object('{"a":', '$.a')`)).toEqual([
      'b',
      '[1.5,{"c":true}]',
      '2',
      null,
      null,
    ]);
    await shows(fc.sql(`SELECT json_tuple('{"a":1, "b":2}', 'a', 'b')`), `
      +---+---+
      | c0| c1|
      +---+---+
      |  1|  2|
      +---+---+`);
    expect(await fc.sql(`SELECT k, json_tuple(j, 'a', 'c') FROM VALUES (1, '{"a":{"x":1},"c":null}'), (2, 'not json') AS t(k, j)`).collect()).toEqual([
      { k: 1, c0: '{"x":1}', c1: null },
      { k: 2, c0: null, c1: null },
    ]);
    expect(Object.values((await fc.sql(`SELECT json_tuple('{"a" : 1, "b" : 2}', CAST(NULL AS STRING), 'b', CAST(NULL AS STRING), 'a')`).collect())[0]!)).toEqual([null, '2', null, '1']);
    expect(await values(`SELECT json_array_length('[1,2,3,4]'), json_array_length('[1,2,3,{"f1":1,"f2":[5,6]},4]'), json_array_length('[1,2')`)).toEqual([4, 5, null]);
    expect(await values(`SELECT json_object_keys('{}'), json_object_keys('{"key": "value"}'), json_object_keys('{"f1":"abc","f2":{"f3":"a", "f4":"b"}}')`)).toEqual([[], ['key'], ['f1', 'f2']]);
  });

  it('from_csv, schema_of_csv, to_csv', async () => {
    expect(await values(`SELECT from_csv('1, 0.8', 'a INT, b DOUBLE'), from_csv('26/08/2015', 'time Timestamp', map('timestampFormat', 'dd/MM/yyyy'))`)).toEqual([
      { a: 1, b: 0.8 },
      { time: new Date('2015-08-26T00:00:00Z') },
    ]);
    expect(await values(`SELECT schema_of_csv('1,abc'), to_csv(named_struct('a', 1, 'b', 2)), to_csv(named_struct('time', to_timestamp('2015-08-26', 'yyyy-MM-dd')), map('timestampFormat', 'dd/MM/yyyy'))`)).toEqual([
      'STRUCT<_c0: INT, _c1: STRING>',
      '1,2',
      '26/08/2015',
    ]);
    expect(await values(`SELECT to_csv(named_struct('s', 'a,b', 'q', 'say "hi"', 'e', '', 'n', CAST(NULL AS STRING)))`)).toEqual(['"a,b","say \\"hi\\"","",']);
  });
});

describe('LATERAL VIEW (Spark SQL reference, SELECT ... LATERAL VIEW)', () => {
  const person = "SELECT * FROM VALUES (100, 'John', 30), (200, 'Mary', NULL), (300, 'Mike', 80), (400, 'Dan', 50) AS person(id, name, age)";

  it('explode, OUTER, and json_tuple with a qualified alias', async () => {
    const rows = await fc.sql(`SELECT id, c_age, d_age FROM (${person}) LATERAL VIEW EXPLODE(ARRAY(30, 60)) tableName AS c_age LATERAL VIEW EXPLODE(ARRAY(40, 80)) AS d_age`).collect();
    expect(rows).toHaveLength(16);
    expect(rows.slice(0, 4)).toEqual([
      { id: 100, c_age: 30, d_age: 40 },
      { id: 100, c_age: 30, d_age: 80 },
      { id: 100, c_age: 60, d_age: 40 },
      { id: 100, c_age: 60, d_age: 80 },
    ]);
    await shows(fc.sql(`SELECT c_age, COUNT(1) FROM (${person}) LATERAL VIEW EXPLODE(ARRAY(30, 60)) AS c_age LATERAL VIEW EXPLODE(ARRAY(40, 80)) AS d_age GROUP BY c_age ORDER BY c_age`), `
      +-----+--------+
      |c_age|count(1)|
      +-----+--------+
      |   30|       8|
      |   60|       8|
      +-----+--------+`);
    expect(await fc.sql(`SELECT * FROM (${person}) LATERAL VIEW EXPLODE(ARRAY()) tableName AS c_age`).count()).toBe(0);
    expect(await fc.sql(`SELECT id, c_age FROM (${person}) LATERAL VIEW OUTER EXPLODE(ARRAY()) tableName AS c_age`).collect()).toEqual([100, 200, 300, 400].map((id) => ({ id, c_age: null })));
    expect(await fc.sql(`SELECT t.k, jt.* FROM VALUES (1, '{"a": 1, "b": "x"}'), (2, 'bad') AS t(k, js) LATERAL VIEW json_tuple(t.js, 'a', 'b') jt AS a, b`).collect()).toEqual([
      { k: 1, a: '1', b: 'x' },
      { k: 2, a: null, b: null },
    ]);
  });
});

describe('parse modes', () => {
  it('PERMISSIVE keeps the good fields and the corrupt record; FAILFAST raises Spark error; DROPMALFORMED is refused', async () => {
    expect(await values(`SELECT from_json('{"a":1,"b":"x"}', 'a INT, b INT'), from_json('{"a" 1}', 'a INT, _corrupt_record STRING'), from_json('[1,', 'ARRAY<INT>'), from_json('', 'a INT'), from_json('null', 'a INT'), from_json('[{"a":1}]', 'a INT')`)).toEqual([
      { a: 1, b: null },
      { a: null, _corrupt_record: '{"a" 1}' },
      null,
      null,
      null,
      { a: null },
    ]);
    await expect(fc.sql(`SELECT from_json('{"a":1,"b":"x"}', 'a INT, b INT', map('mode', 'FAILFAST'))`).collect()).rejects.toThrow('Malformed records are detected in record parsing: [1,null]');
    await expect(fc.sql(`SELECT from_json('[{"a":1}]', 'a INT', map('mode', 'FAILFAST'))`).collect()).rejects.toThrow(
      '[MALFORMED_RECORD_IN_PARSING.CANNOT_PARSE_JSON_ARRAYS_AS_STRUCTS] Malformed records are detected in record parsing: [{"a":1}].',
    );
    await expect(fc.sql(`SELECT from_json('{"a" 1}', 'a INT', map('mode', 'FAILFAST'))`).collect()).rejects.toThrow(
      "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: [null]. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.",
    );
    await expect(fc.sql(`SELECT from_csv('1,x', 'a INT, b INT', map('mode', 'FAILFAST'))`).collect()).rejects.toThrow('Malformed records are detected in record parsing: [1,null]');
    await expect(fc.sql(`SELECT from_json('{}', 'a INT', map('mode', 'DROPMALFORMED'))`).collect()).rejects.toThrow(
      "[PARSE_MODE_UNSUPPORTED] The function `from_json` doesn't support the DROPMALFORMED mode. Acceptable modes are PERMISSIVE and FAILFAST.",
    );
    expect(() => fc.sql(`SELECT from_json('{}', 'INT')`).schema).toThrow(/INVALID_JSON_SCHEMA.*Input schema "INT" must be a struct, an array, a map or a variant/);
    expect(() => fc.sql(`SELECT from_json(s, s) FROM VALUES ('{}') AS t(s)`).schema).toThrow(/INVALID_SCHEMA.NON_STRING_LITERAL/);
    expect(() => fc.sql(`SELECT to_json(1)`).schema).toThrow(/to_json.*the input should be a struct, an array or a map, got "INT"/);
  });
});
