// PySpark 4's docstring examples (functions/builtin.py) of the string functions added with
// Spark 3.5 and 4: replace, position, printf, chr, mask, sentences, luhn_check, strings to bytes
// and back (encode, decode, to_binary, try_to_binary, the UTF-8 checks), the URL functions, and
// PySpark 4's column parameters of trim/ltrim/rtrim, instr and lpad/rpad.
// Expected text is the docstrings'; errors are Spark's; replace, position, to_binary and
// url_decode are cross-checked with DuckDB over the same inputs where DuckDB's function agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';
import { DuckDbReference } from '../duckdb-reference.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-string-url' });
});

afterAll(async () => {
  await fc.stop();
});

/** The one row of a SELECT, as its values in column order. */
const values = async (sql: string): Promise<unknown[]> => Object.values((await fc.sql(sql).collect())[0]!);
const bytes = (...b: number[]) => new Uint8Array(b);
/** PySpark's `spark.range(start, end)`. */
const sparkRange = (start: number, end: number) => fc.sql(`SELECT * FROM range(${start}, ${end})`);

describe('replace, position, printf, chr, mask, luhn_check, sentences', () => {
  it('replace', async () => {
    const df = fc.createDataFrame([['ABCabc', 'abc', 'DEF']], ['a', 'b', 'c']);
    expect(await df.select(sf.replace(df.col('a'), df.col('b'), df.col('c')).alias('r')).collect()).toEqual([{ r: 'ABCDEF' }]);
    expect(await df.select(sf.replace(df.col('a'), df.col('b')).alias('r')).collect()).toEqual([{ r: 'ABC' }]);
    // Spark's StringReplace fills in the empty replacement, and its name shows it.
    expect(df.select(sf.replace('a', 'b')).columns).toEqual(['replace(a, b, )']);
    expect(await values("SELECT replace('ABCabc', 'abc', 'DEF'), replace('ABCabc', '', 'x'), replace(NULL, 'a')")).toEqual(['ABCDEF', 'ABCabc', null]);
  });

  it('position', async () => {
    const df = fc.createDataFrame([['bar', 'foobarbar', 5]], ['a', 'b', 'c']);
    await shows(df.select(sf.position('a', 'b', 'c')), `
      +-----------------+
      |position(a, b, c)|
      +-----------------+
      |                7|
      +-----------------+`);
    await shows(df.select(sf.position('a', 'b')), `
      +-----------------+
      |position(a, b, 1)|
      +-----------------+
      |                4|
      +-----------------+`);
    // A start before 1 finds nothing; a null start is 0, as Hive and Spark have it.
    expect(await values("SELECT position('bar', 'foobarbar', 0), position('bar', 'foobarbar', NULL), position(NULL, 'foobarbar')")).toEqual([0, 0, null]);
    // position(a, b) keeps its name; Spark's parser makes POSITION(a IN b) a StringLocate, named locate.
    expect(fc.sql("SELECT position('b', 'abc'), POSITION('b' IN 'abc'), locate('b', 'abc')").columns).toEqual(['position(b, abc, 1)', 'locate(b, abc, 1)', 'locate(b, abc, 1)']);
  });

  it('printf and chr', async () => {
    await shows(fc.createDataFrame([['aa%d%s', 123, 'cc']], ['a', 'b', 'c']).select(sf.printf('a', 'b', 'c')), `
      +---------------+
      |printf(a, b, c)|
      +---------------+
      |        aa123cc|
      +---------------+`);
    await shows(sparkRange(60, 70).select('*', sf.chr('id')), `
      +---+-------+
      | id|chr(id)|
      +---+-------+
      | 60|      <|
      | 61|      =|
      | 62|      >|
      | 63|      ?|
      | 64|      @|
      | 65|      A|
      | 66|      B|
      | 67|      C|
      | 68|      D|
      | 69|      E|
      +---+-------+`);
  });

  it('mask', async () => {
    const df = fc.createDataFrame([['AbCD123-@$#'], ['abcd-EFGH-8765-4321']], ['data']);
    const r = async (c: ReturnType<typeof sf.mask>) => (await df.select(c.alias('r')).collect()).map((row) => row.r);
    expect(await r(sf.mask(df.col('data')))).toEqual(['XxXXnnn-@$#', 'xxxx-XXXX-nnnn-nnnn']);
    expect(await r(sf.mask(df.col('data'), sf.lit('Y')))).toEqual(['YxYYnnn-@$#', 'xxxx-YYYY-nnnn-nnnn']);
    expect(await r(sf.mask(df.col('data'), sf.lit('Y'), sf.lit('y')))).toEqual(['YyYYnnn-@$#', 'yyyy-YYYY-nnnn-nnnn']);
    expect(await r(sf.mask(df.col('data'), sf.lit('Y'), sf.lit('y'), sf.lit('d')))).toEqual(['YyYYddd-@$#', 'yyyy-YYYY-dddd-dddd']);
    expect(await r(sf.mask(df.col('data'), sf.lit('Y'), sf.lit('y'), sf.lit('d'), sf.lit('*')))).toEqual(['YyYYddd****', 'yyyy*YYYY*dddd*dddd']);
    // SQL's mask(str) names the defaults it fills in, as PySpark's passes them.
    expect(fc.sql("SELECT mask('AbCD123-@$#')").columns).toEqual(['mask(AbCD123-@$#, X, x, n, NULL)']);
    expect(await values("SELECT mask('AbCD123-@$#', NULL, 'q'), mask('abcd-EFGH-8765-4321', 'Q', 'q', 'd', 'o')")).toEqual(['AqCDnnn-@$#', 'qqqqoQQQQoddddodddd']);
    await expect(fc.sql("SELECT mask('abc', 'XY')").collect()).rejects.toThrow(/INPUT_SIZE_NOT_ONE.*upperChar/);
  });

  it('quote (Spark 4.1)', async () => {
    await shows(fc.createDataFrame(["Don't"], 'STRING').select('*', sf.quote('value')), `
      +-----+------------+
      |value|quote(value)|
      +-----+------------+
      |Don't|    'Don\\'t'|
      +-----+------------+`);
  });

  it("SQL's decode(expr, search, result, ..., default): the SQL reference's examples", async () => {
    const cities = "1, 'Southlake', 2, 'San Francisco', 3, 'New Jersey', 4, 'Seattle'";
    expect(await values(`SELECT decode(2, ${cities}, 'Non domestic'), decode(6, ${cities}, 'Non domestic'), decode(6, ${cities})`)).toEqual(['San Francisco', 'Non domestic', null]);
    // NULL matches NULL.
    expect(await values("SELECT decode(null, 6, 'Spark', NULL, 'SQL', 4, 'rocks')")).toEqual(['SQL']);
    expect(fc.sql("SELECT decode(2, 1, 'a', 'b')").columns).toEqual(['decode(2, 1, a, b)']);
  });

  it('luhn_check (the SQL reference examples)', async () => {
    expect(await values("SELECT luhn_check('8112189876'), luhn_check('79927398713'), luhn_check('79927398714'), luhn_check(''), luhn_check('8112a89876')"))
      .toEqual([true, true, false, false, false]);
    expect(fc.createDataFrame([['79927398713']], ['n']).select(sf.luhn_check('n')).columns).toEqual(['luhn_check(n)']);
  });

  it('sentences', async () => {
    const df = fc.createDataFrame([['This is an example sentence.']], ['s']);
    const expected = (name: string) => `
      +----------------------------+-----------------------------------+
      |s                           |${name.padEnd(35)}|
      +----------------------------+-----------------------------------+
      |This is an example sentence.|[[This, is, an, example, sentence]]|
      +----------------------------+-----------------------------------+`;
    await shows(df.select('*', sf.sentences(df.col('s'), sf.lit('en'), sf.lit('US'))), expected('sentences(s, en, US)'), 20, false);
    await shows(df.select('*', sf.sentences(df.col('s'), sf.lit('en'))), expected('sentences(s, en, )'), 20, false);
    await shows(df.select('*', sf.sentences(df.col('s'))), expected('sentences(s, , )'), 20, false);
    // The SQL reference's example: a sentence per array, punctuation dropped.
    expect(await values("SELECT sentences('Hi there! Good morning.')")).toEqual([[['Hi', 'there'], ['Good', 'morning']]]);
  });
});

describe("PySpark 4's column parameters: trim characters, instr, lpad and rpad", () => {
  it('trim, ltrim and rtrim with the characters to remove', async () => {
    const stars = fc.createDataFrame(['***Spark', 'Spark**', '*Spark'], 'STRING');
    await shows(stars.select('*', sf.trim('value', sf.lit('*'))), `
      +--------+-----------------------+
      |   value|TRIM(BOTH * FROM value)|
      +--------+-----------------------+
      |***Spark|                  Spark|
      | Spark**|                  Spark|
      |  *Spark|                  Spark|
      +--------+-----------------------+`);
    const perRow = fc.createDataFrame([['**Spark*', '*'], ['==Spark=', '=']], ['value', 't']);
    await shows(perRow.select('*', sf.trim('value', 't')), `
      +--------+---+-----------------------+
      |   value|  t|TRIM(BOTH t FROM value)|
      +--------+---+-----------------------+
      |**Spark*|  *|                  Spark|
      |==Spark=|  =|                  Spark|
      +--------+---+-----------------------+`);
    expect(await perRow.select(sf.ltrim('value', 't').alias('l'), sf.rtrim('value', 't').alias('r')).collect()).toEqual([
      { l: 'Spark*', r: '**Spark' },
      { l: 'Spark=', r: '==Spark' },
    ]);
    // SQL's TRIM(side chars FROM s), any expression as the characters, named as Spark names it.
    const sql = fc.sql("SELECT trim(BOTH 'xy' FROM 'yxSparkxy'), trim(LEADING 'x' FROM 'xxSparkx'), trim(TRAILING FROM ' a '), trim('xxa', 'x')");
    expect(sql.columns).toEqual(['TRIM(BOTH xy FROM yxSparkxy)', 'TRIM(LEADING x FROM xxSparkx)', 'rtrim( a )', 'TRIM(BOTH x FROM xxa)']);
    expect(Object.values((await sql.collect())[0]!)).toEqual(['Spark', 'Sparkx', ' a', 'a']);
  });

  it('instr with a column substring (Column.substr is named substr, as in Spark 4)', async () => {
    const df = fc.createDataFrame([['abcd'], ['xyz']], ['s']);
    await shows(df.select('*', sf.instr('s', sf.lit('abc').substr(0, 2))), `
      +----+---------------------------+
      |   s|instr(s, substr(abc, 0, 2))|
      +----+---------------------------+
      |abcd|                          1|
      | xyz|                          0|
      +----+---------------------------+`);
  });

  it('lpad and rpad with a bytes pad', async () => {
    const df = fc.createDataFrame([['abcd'], ['xyz'], ['12']], ['s']);
    await shows(df.select('*', sf.lpad(df.col('s'), 6, sf.lit(bytes(0x75, 0x76)))), `
      +----+-------------------+
      |   s|lpad(s, 6, X'7576')|
      +----+-------------------+
      |abcd|             uvabcd|
      | xyz|             uvuxyz|
      |  12|             uvuv12|
      +----+-------------------+`);
    await shows(df.select('*', sf.rpad(df.col('s'), 6, sf.lit(bytes(0x75, 0x76)))), `
      +----+-------------------+
      |   s|rpad(s, 6, X'7576')|
      +----+-------------------+
      |abcd|             abcduv|
      | xyz|             xyzuvu|
      |  12|             12uvuv|
      +----+-------------------+`);
  });
});

describe('strings to bytes and back', () => {
  it('encode and decode', async () => {
    await shows(fc.createDataFrame([['abcd']], ['c']).select('*', sf.encode('c', 'UTF-8')), `
      +----+----------------+
      |   c|encode(c, UTF-8)|
      +----+----------------+
      |abcd|   [61 62 63 64]|
      +----+----------------+`);
    await shows(fc.createDataFrame([[bytes(0x61, 0x62, 0x63, 0x64)]], ['a']).select('*', sf.decode('a', 'UTF-8')), `
      +-------------+----------------+
      |            a|decode(a, UTF-8)|
      +-------------+----------------+
      |[61 62 63 64]|            abcd|
      +-------------+----------------+`);
    // Java's encoders: UTF-16 starts with a big-endian byte order mark, UTF-32 is big-endian.
    expect(await values("SELECT encode('aé', 'UTF-16'), encode('aé', 'utf-16le'), encode('a', 'UTF-32'), encode('aé', 'ISO-8859-1')")).toEqual([
      bytes(0xfe, 0xff, 0, 0x61, 0, 0xe9), bytes(0x61, 0, 0xe9, 0), bytes(0, 0, 0, 0x61), bytes(0x61, 0xe9),
    ]);
    expect(await values("SELECT decode(encode('héllo', 'UTF-16'), 'UTF-16'), decode(X'FFFE6100', 'UTF-16'), decode(X'E9', 'ISO-8859-1')")).toEqual(['héllo', 'a', 'é']);
    await expect(fc.sql("SELECT encode('é', 'US-ASCII')").collect()).rejects.toThrow(/\[MALFORMED_CHARACTER_CODING\].*`encode`/);
    await expect(fc.sql("SELECT decode(X'80', 'UTF-8')").collect()).rejects.toThrow(/\[MALFORMED_CHARACTER_CODING\].*`decode`/);
    await expect(fc.sql("SELECT encode('a', 'WINDOWS-1252')").collect()).rejects.toThrow(/\[INVALID_PARAMETER_VALUE.CHARSET\].*`encode`.*but got WINDOWS-1252/);
  });

  it('to_binary and try_to_binary', async () => {
    const abc = fc.createDataFrame([['abc']], ['e']);
    expect(await abc.select(sf.try_to_binary(abc.col('e'), sf.lit('utf-8')).alias('r')).collect()).toEqual([{ r: bytes(0x61, 0x62, 0x63) }]);
    const hex = fc.createDataFrame([['414243']], ['e']);
    expect(await hex.select(sf.try_to_binary(hex.col('e')).alias('r')).collect()).toEqual([{ r: bytes(0x41, 0x42, 0x43) }]);
    expect(await hex.select(sf.to_binary(hex.col('e')).alias('r')).collect()).toEqual([{ r: bytes(0x41, 0x42, 0x43) }]);
    await shows(sparkRange(0, 1).select(sf.try_to_binary(sf.lit('malformed'), sf.lit('hex'))), `
      +-----------------------------+
      |try_to_binary(malformed, hex)|
      +-----------------------------+
      |                         NULL|
      +-----------------------------+`);
    expect(await values("SELECT to_binary('YWJj', 'base64'), to_binary('abc', 'UTF8'), to_binary('abc', NULL), try_to_binary('abc', 'x')")).toEqual([bytes(0x61, 0x62, 0x63), bytes(0x61, 0x62, 0x63), null, null]);
    await expect(sparkRange(0, 1).select(sf.to_binary(sf.lit('malformed'), sf.lit('hex'))).collect()).rejects.toThrow(/\[CONVERSION_INVALID_INPUT\].*'malformed'.*try_to_binary/);
    await expect(fc.sql("SELECT to_binary('abc', 'x')").collect()).rejects.toThrow(/\[INVALID_PARAMETER_VALUE.BINARY_FORMAT\].*but got 'x'/);
  });

  it('binary contains, startswith and endswith over to_binary', async () => {
    const df = fc.createDataFrame([['414243', '4243']], ['c', 'd']);
    const bin = df.select(sf.to_binary('c').alias('c'), sf.to_binary('d').alias('d'));
    expect(bin.schema.treeString()).toBe('root\n |-- c: binary (nullable = true)\n |-- d: binary (nullable = true)\n');
    await shows(bin.select(sf.contains('c', 'd'), sf.contains('d', 'c')), `
      +--------------+--------------+
      |contains(c, d)|contains(d, c)|
      +--------------+--------------+
      |          true|         false|
      +--------------+--------------+`);
    await shows(bin.select(sf.endswith('c', 'd'), sf.endswith('d', 'c')), `
      +--------------+--------------+
      |endswith(c, d)|endswith(d, c)|
      +--------------+--------------+
      |          true|         false|
      +--------------+--------------+`);
  });

  it('is_valid_utf8, make_valid_utf8, validate_utf8, try_validate_utf8', async () => {
    const one = sparkRange(0, 1);
    await shows(one.select(sf.is_valid_utf8(sf.lit('SparkSQL'))), `
      +-----------------------+
      |is_valid_utf8(SparkSQL)|
      +-----------------------+
      |                   true|
      +-----------------------+`);
    await shows(one.select(sf.make_valid_utf8(sf.lit('SparkSQL'))), `
      +-------------------------+
      |make_valid_utf8(SparkSQL)|
      +-------------------------+
      |                 SparkSQL|
      +-------------------------+`);
    await shows(one.select(sf.validate_utf8(sf.lit('SparkSQL'))), `
      +-----------------------+
      |validate_utf8(SparkSQL)|
      +-----------------------+
      |               SparkSQL|
      +-----------------------+`);
    await shows(one.select(sf.try_validate_utf8(sf.lit('SparkSQL'))), `
      +---------------------------+
      |try_validate_utf8(SparkSQL)|
      +---------------------------+
      |                   SparkSQL|
      +---------------------------+`);
    // Bytes that are not UTF-8 (the SQL reference's x'61' / x'80' examples).
    expect(await values("SELECT is_valid_utf8(x'61'), is_valid_utf8(x'80'), make_valid_utf8(x'61FF62'), try_validate_utf8(x'80')")).toEqual([true, false, 'a\uFFFDb', null]);
    await expect(fc.sql("SELECT validate_utf8(x'80')").collect()).rejects.toThrow(/\[INVALID_UTF8_STRING\]/);
  });
});

describe('URL functions', () => {
  const url = (text: string) => fc.createDataFrame([[text]], ['url']);

  it('url_encode', async () => {
    await shows(url('https://spark.apache.org').select(sf.url_encode('url')), `
      +------------------------------+
      |url_encode(url)               |
      +------------------------------+
      |https%3A%2F%2Fspark.apache.org|
      +------------------------------+`, 20, false);
    await shows(url('Hello World!').select(sf.url_encode('url')), `
      +---------------+
      |url_encode(url)|
      +---------------+
      | Hello+World%21|
      +---------------+`);
    await shows(url('A+B==').select(sf.url_encode('url')), `
      +---------------+
      |url_encode(url)|
      +---------------+
      |    A%2BB%3D%3D|
      +---------------+`);
    await shows(url('你好').select(sf.url_encode('url')), `
      +------------------+
      |   url_encode(url)|
      +------------------+
      |%E4%BD%A0%E5%A5%BD|
      +------------------+`);
    await shows(url('~!@#$%^&*()_+').select(sf.url_encode('url')), `
      +-----------------------------------+
      |url_encode(url)                    |
      +-----------------------------------+
      |%7E%21%40%23%24%25%5E%26*%28%29_%2B|
      +-----------------------------------+`, 20, false);
  });

  it('url_decode and try_url_decode', async () => {
    await shows(url('https%3A%2F%2Fspark.apache.org').select(sf.url_decode('url')), `
      +------------------------+
      |url_decode(url)         |
      +------------------------+
      |https://spark.apache.org|
      +------------------------+`, 20, false);
    const decoded = async (text: string) => (await url(text).select(sf.url_decode('url').alias('r')).collect())[0]!.r;
    expect(await decoded('Hello%20World%21')).toBe('Hello World!');
    expect(await decoded('A%2BB%3D%3D')).toBe('A+B==');
    expect(await decoded('%E4%BD%A0%E5%A5%BD')).toBe('你好');
    expect(await decoded('%7E%21%40%23%24%25%5E%26%2A%28%29%5F%2B')).toBe('~!@#$%^&*()_+');
    await shows(url('https%3A%2F%2Fspark.apache.org').select(sf.try_url_decode('url')), `
      +------------------------+
      |try_url_decode(url)     |
      +------------------------+
      |https://spark.apache.org|
      +------------------------+`, 20, false);
    await shows(url('https%3A%2F%2spark.apache.org').select(sf.try_url_decode('url')), `
      +-------------------+
      |try_url_decode(url)|
      +-------------------+
      |               NULL|
      +-------------------+`);
    await expect(url('https%3A%2F%2spark.apache.org').select(sf.url_decode('url')).collect()).rejects.toThrow(
      '[CANNOT_DECODE_URL] The provided URL cannot be decoded: https%3A%2F%2spark.apache.org. Please ensure that the URL is properly formatted and try again. SQLSTATE: 22546',
    );
  });

  it('parse_url and try_parse_url', async () => {
    const parts = (part: string, key?: string) =>
      fc.createDataFrame([['https://spark.apache.org/path?query=1', part, ...(key ? [key] : [])]], ['url', 'part', ...(key ? ['key'] : [])]);
    const table = (name: string, value: string) => {
      const width = Math.max(name.length, value.length);
      const line = `+${'-'.repeat(width)}+`;
      return `\n${line}\n|${name.padStart(width)}|\n${line}\n|${value.padStart(width)}|\n${line}`;
    };
    for (const [fn, name] of [[sf.parse_url, 'parse_url'], [sf.try_parse_url, 'try_parse_url']] as const) {
      for (const [part, value] of [['QUERY', 'query=1'], ['PROTOCOL', 'https'], ['HOST', 'spark.apache.org'], ['PATH', '/path']]) {
        const df = parts(part);
        await shows(df.select(fn(df.col('url'), df.col('part'))), table(`${name}(url, part)`, value));
      }
      const df = parts('QUERY', 'query');
      await shows(df.select(fn(df.col('url'), df.col('part'), df.col('key'))), table(`${name}(url, part, key)`, '1'));
    }
    const invalid = fc.createDataFrame([['inva lid://spark.apache.org/path?query=1', 'QUERY', 'query']], ['url', 'part', 'key']);
    await shows(invalid.select(sf.try_parse_url(invalid.col('url'), invalid.col('part'), invalid.col('key'))), table('try_parse_url(url, part, key)', 'NULL'));
    await expect(invalid.select(sf.parse_url(invalid.col('url'), invalid.col('part'), invalid.col('key'))).collect()).rejects.toThrow(
      '[INVALID_URL] The url is invalid: inva lid://spark.apache.org/path?query=1. Use `try_parse_url` to tolerate invalid URL and return NULL instead. SQLSTATE: 22P02',
    );
    // Every part java.net.URI gives; a part of another name, or a key outside QUERY, is null.
    const all = 'http://user:pw@spark.apache.org:8080/a/b?x=1&y=2#frag';
    const list = ['HOST', 'PATH', 'QUERY', 'REF', 'PROTOCOL', 'FILE', 'AUTHORITY', 'USERINFO', 'host'];
    expect(await values(`SELECT ${list.map((p) => `parse_url('${all}', '${p}')`).join(', ')}, parse_url('${all}', 'QUERY', 'y'), parse_url('${all}', 'PATH', 'y')`)).toEqual([
      'spark.apache.org', '/a/b', 'x=1&y=2', 'frag', 'http', '/a/b?x=1&y=2', 'user:pw@spark.apache.org:8080', 'user:pw', null, '2', null,
    ]);
    fc.conf.set('spark.sql.ansi.enabled', 'false');
    try {
      expect(await values("SELECT parse_url('inva lid://x', 'HOST'), url_decode('%2')")).toEqual([null, null]);
    } finally {
      fc.conf.set('spark.sql.ansi.enabled', 'true');
    }
  });
});

describe('against DuckDB', () => {
  it('replace, position, hex and base64 to_binary and url_decode agree', async () => {
    const texts = ['foobarbar', 'ABCabc', 'a%20b%2Fc', 'ünï%C3%BCcode', '', 'bar'];
    const db = await DuckDbReference.open(1);
    try {
      await db.createTable('t', 'id INTEGER, s VARCHAR', texts.map((s, i) => [i, s]));
      const theirs = await db.query(
        "SELECT id, replace(s, 'bar', 'X') AS r, position('bar' IN s) AS p, url_decode(s) AS u, hex(s) AS h, to_base64(encode(s)) AS b FROM t ORDER BY id",
      );
      fc.createDataFrame(texts.map((s, i) => [i, s]), ['id', 's']).createOrReplaceTempView('t');
      const ours = await fc
        .sql("SELECT id, replace(s, 'bar', 'X') AS r, position('bar', s) AS p, url_decode(s) AS u, hex(s) AS h, base64(to_binary(s, 'utf-8')) AS b FROM t ORDER BY id")
        .collect();
      expect(ours).toEqual(theirs);
      const roundTrip = await fc.sql("SELECT id, decode(to_binary(hex(s)), 'UTF-8') AS s, decode(to_binary(base64(encode(s, 'UTF-8')), 'base64'), 'UTF-8') AS s2 FROM t ORDER BY id").collect();
      expect(roundTrip).toEqual(texts.map((s, id) => ({ id, s, s2: s })));
    } finally {
      db.close();
    }
  });
});
