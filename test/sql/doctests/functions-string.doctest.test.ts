// PySpark 4's docstring examples of pyspark.sql.functions (functions/builtin.py): string
// functions, written as a Flint user writes them; expected text copied from the docstrings.
//
// Ported in files of their own: the hashes (functions-hash-try), soundex and regexp_instr
// (functions-misc), to_char (functions-datetime-number-formats), decode, encode, sentences,
// to_binary and the URL functions (functions-string-url), assert_true, raise_error and
// current_user/user/session_user (functions-session-bits-aes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-string' });
});

afterAll(async () => {
  await fc.stop();
});


const words = () => fc.createDataFrame(['Spark', 'PySpark', 'Pandas API'], 'STRING');
const padded = () => fc.createDataFrame(['   Spark', 'Spark  ', ' Spark'], 'STRING');

describe('case, codes and encodings', () => {
  it('upper, lower, ascii, base64', async () => {
    await shows(words().select(sf.upper('value')), `
      +------------+
      |upper(value)|
      +------------+
      |       SPARK|
      |     PYSPARK|
      |  PANDAS API|
      +------------+`);
    await shows(words().select(sf.lower('value')), `
      +------------+
      |lower(value)|
      +------------+
      |       spark|
      |     pyspark|
      |  pandas api|
      +------------+`);
    await shows(words().select(sf.ascii('value')), `
      +------------+
      |ascii(value)|
      +------------+
      |          83|
      |          80|
      |          80|
      +------------+`);
    await shows(words().select(sf.base64('value')), `
      +----------------+
      |   base64(value)|
      +----------------+
      |        U3Bhcms=|
      |    UHlTcGFyaw==|
      |UGFuZGFzIEFQSQ==|
      +----------------+`);
  });

  it('initcap, bin, hex, length, octet_length, bit_length', async () => {
    expect(await fc.createDataFrame([['ab cd']], ['a']).select(sf.initcap('a').alias('v')).collect()).toEqual([{ v: 'Ab Cd' }]);
    const ints = fc.createDataFrame([2, 5], 'INT');
    expect(await ints.select(sf.bin(ints.col('value')).alias('c')).collect()).toEqual([{ c: '10' }, { c: '101' }]);
    expect(await fc.createDataFrame([['ABC', 3]], ['a', 'b']).select(sf.hex('a'), sf.hex('b')).collect()).toEqual([{ 'hex(a)': '414243', 'hex(b)': '3' }]);
    expect(await fc.createDataFrame([['ABC ']], ['a']).select(sf.length('a').alias('length')).collect()).toEqual([{ length: 4 }]);
    const cats = fc.createDataFrame([['cat'], ['\u{1F408}']], ['cat']);
    expect(await cats.select(sf.octet_length('cat')).collect()).toEqual([{ 'octet_length(cat)': 3 }, { 'octet_length(cat)': 4 }]);
    expect(await cats.select(sf.bit_length('cat')).collect()).toEqual([{ 'bit_length(cat)': 24 }, { 'bit_length(cat)': 32 }]);
  });
});

describe('trimming, padding and assembling', () => {
  it('ltrim, rtrim, trim', async () => {
    await shows(padded().select(sf.ltrim('value').alias('r')).withColumn('length', sf.length('r')), `
      +-------+------+
      |      r|length|
      +-------+------+
      |  Spark|     5|
      |Spark  |     7|
      |  Spark|     5|
      +-------+------+`);
    await shows(padded().select(sf.rtrim('value').alias('r')).withColumn('length', sf.length('r')), `
      +--------+------+
      |       r|length|
      +--------+------+
      |   Spark|     8|
      |   Spark|     5|
      |   Spark|     6|
      +--------+------+`);
    await shows(padded().select(sf.trim('value').alias('r')).withColumn('length', sf.length('r')), `
      +-----+------+
      |    r|length|
      +-----+------+
      |Spark|     5|
      |Spark|     5|
      |Spark|     5|
      +-----+------+`);
  });

  it('concat_ws, format_number, format_string, lpad, rpad, repeat', async () => {
    const sd = fc.createDataFrame([['abcd', '123']], ['s', 'd']);
    expect(await sd.select(sf.concat_ws('-', sd.col('s'), sd.col('d')).alias('s')).collect()).toEqual([{ s: 'abcd-123' }]);
    expect(await fc.createDataFrame([[5]], ['a']).select(sf.format_number('a', 4).alias('v')).collect()).toEqual([{ v: '5.0000' }]);
    const ab = fc.createDataFrame([[5, 'hello']], ['a', 'b']);
    expect(await ab.select(sf.format_string('%d %s', ab.col('a'), ab.col('b')).alias('v')).collect()).toEqual([{ v: '5 hello' }]);
    const s = fc.createDataFrame([['abcd']], ['s']);
    expect(await s.select(sf.lpad(s.col('s'), 6, '#').alias('s')).collect()).toEqual([{ s: '##abcd' }]);
    expect(await s.select(sf.rpad(s.col('s'), 6, '#').alias('s')).collect()).toEqual([{ s: 'abcd##' }]);
    await shows(fc.createDataFrame([['ab']], ['s']).select(sf.repeat('s', 3)), `
      +------------+
      |repeat(s, 3)|
      +------------+
      |      ababab|
      +------------+`);
    await shows(fc.createDataFrame([['ab']], ['s']).select(sf.repeat('s', sf.lit(4))), `
      +------------+
      |repeat(s, 4)|
      +------------+
      |    abababab|
      +------------+`);
    await shows(fc.createDataFrame([['ab', 5]], ['s', 't']).select(sf.repeat('s', 't')), `
      +------------+
      |repeat(s, t)|
      +------------+
      |  ababababab|
      +------------+`);
  });
});

describe('positions and substrings', () => {
  it('instr, locate, overlay', async () => {
    const s = fc.createDataFrame([['abcd']], ['s']);
    expect(await s.select(sf.instr(s.col('s'), 'b').alias('s')).collect()).toEqual([{ s: 2 }]);
    expect(await s.select(sf.locate('b', s.col('s'), 1).alias('s')).collect()).toEqual([{ s: 2 }]);
    const xy = fc.createDataFrame([['SPARK_SQL', 'CORE']], ['x', 'y']);
    expect(await xy.select(sf.overlay('x', 'y', 7).alias('overlayed')).collect()).toEqual([{ overlayed: 'SPARK_CORE' }]);
    expect(await xy.select(sf.overlay('x', 'y', 7, 0).alias('overlayed')).collect()).toEqual([{ overlayed: 'SPARK_CORESQL' }]);
    expect(await xy.select(sf.overlay('x', 'y', 7, 2).alias('overlayed')).collect()).toEqual([{ overlayed: 'SPARK_COREL' }]);
  });

  it('substring with numbers, columns and names', async () => {
    const s = fc.createDataFrame([['abcd']], ['s']);
    await shows(s.select('*', sf.substring(s.col('s'), 1, 2)), `
      +----+------------------+
      |   s|substring(s, 1, 2)|
      +----+------------------+
      |abcd|                ab|
      +----+------------------+`);
    const spl = fc.createDataFrame([['Spark', 2, 3]], ['s', 'p', 'l']);
    const table = (name: string) => `
      +-----+---+---+------------------+
      |    s|  p|  l|${name}|
      +-----+---+---+------------------+
      |Spark|  2|  3|               par|
      +-----+---+---+------------------+`;
    await shows(spl.select('*', sf.substring(spl.col('s'), 2, spl.col('l'))), table('substring(s, 2, l)'));
    await shows(spl.select('*', sf.substring(spl.col('s'), spl.col('p'), 3)), table('substring(s, p, 3)'));
    await shows(spl.select('*', sf.substring(spl.col('s'), spl.col('p'), spl.col('l'))), table('substring(s, p, l)'));
    await shows(spl.select('*', sf.substring(spl.col('s'), 2, 'l')), table('substring(s, 2, l)'));
    await shows(spl.select('*', sf.substring('s', 'p', 'l')), table('substring(s, p, l)'));
  });

  it('substring_index, levenshtein, translate', async () => {
    const s = fc.createDataFrame([['a.b.c.d']], ['s']);
    expect(await s.select(sf.substring_index(s.col('s'), '.', 2).alias('s')).collect()).toEqual([{ s: 'a.b' }]);
    expect(await s.select(sf.substring_index(s.col('s'), '.', -3).alias('s')).collect()).toEqual([{ s: 'b.c.d' }]);
    const lr = fc.createDataFrame([['kitten', 'sitting']], ['l', 'r']);
    expect(await lr.select(sf.levenshtein('l', 'r').alias('d')).collect()).toEqual([{ d: 3 }]);
    expect(await lr.select(sf.levenshtein('l', 'r', 2).alias('d')).collect()).toEqual([{ d: -1 }]);
    expect(await fc.createDataFrame([['translate']], ['a']).select(sf.translate('a', 'rnlt', '123').alias('r')).collect()).toEqual([{ r: '1a2s3ae' }]);
  });
});

describe('split and regular expressions', () => {
  it('split with a limit, a pattern column and a limit column', async () => {
    const df = fc.createDataFrame([['oneAtwoBthreeC']], ['s']);
    await shows(df.select(sf.split(df.col('s'), '[ABC]', 2).alias('s')), `
      +-----------------+
      |                s|
      +-----------------+
      |[one, twoBthreeC]|
      +-----------------+`);
    await shows(df.select(sf.split(df.col('s'), '[ABC]', -1).alias('s')), `
      +-------------------+
      |                  s|
      +-------------------+
      |[one, two, three, ]|
      +-------------------+`);
    const patterns = fc.createDataFrame([['oneAtwoBthreeC', '[ABC]'], ['1A2B3C', '[1-9]+'], ['aa2bb3cc4', '[1-9]+']], ['s', 'pattern']);
    await shows(patterns.select(sf.split(patterns.col('s'), patterns.col('pattern')).alias('s')), `
      +-------------------+
      |                  s|
      +-------------------+
      |[one, two, three, ]|
      |        [, A, B, C]|
      |     [aa, bb, cc, ]|
      +-------------------+`);
    const limits = fc.createDataFrame([['oneAtwoBthreeC', '[ABC]', 2], ['1A2B3C', '[1-9]+', -1]], ['s', 'pattern', 'expected_parts']);
    await shows(limits.select(sf.split(limits.col('s'), limits.col('pattern'), limits.col('expected_parts')).alias('s')), `
      +-----------------+
      |                s|
      +-----------------+
      |[one, twoBthreeC]|
      |      [, A, B, C]|
      +-----------------+`);
  });

  it('rlike, regexp, regexp_like, regexp_count, regexp_substr', async () => {
    const df = fc.createDataFrame([['1a 2b 14m', '(\\d+)']], ['str', 'regexp']);
    expect(await df.select(sf.rlike('str', sf.lit('(\\d+)')).alias('d')).collect()).toEqual([{ d: true }]);
    expect(await df.select(sf.rlike('str', sf.lit('\\d{2}b')).alias('d')).collect()).toEqual([{ d: false }]);
    expect(await df.select(sf.rlike('str', sf.col('regexp')).alias('d')).collect()).toEqual([{ d: true }]);
    await shows(df.select(sf.regexp('str', sf.lit('(\\d+)'))), `
      +------------------+
      |REGEXP(str, (\\d+))|
      +------------------+
      |              true|
      +------------------+`);
    await shows(df.select(sf.regexp('str', sf.lit('\\d{2}b'))), `
      +-------------------+
      |REGEXP(str, \\d{2}b)|
      +-------------------+
      |              false|
      +-------------------+`);
    await shows(df.select(sf.regexp('str', sf.col('regexp'))), `
      +-------------------+
      |REGEXP(str, regexp)|
      +-------------------+
      |               true|
      +-------------------+`);
    await shows(df.select(sf.regexp_like('str', sf.lit('(\\d+)'))), `
      +-----------------------+
      |REGEXP_LIKE(str, (\\d+))|
      +-----------------------+
      |                   true|
      +-----------------------+`);
    await shows(df.select(sf.regexp_like('str', sf.lit('\\d{2}b'))), `
      +------------------------+
      |REGEXP_LIKE(str, \\d{2}b)|
      +------------------------+
      |                   false|
      +------------------------+`);
    await shows(df.select(sf.regexp_like('str', sf.col('regexp'))), `
      +------------------------+
      |REGEXP_LIKE(str, regexp)|
      +------------------------+
      |                    true|
      +------------------------+`);
    const counted = fc.createDataFrame([['1a 2b 14m', '\\d+']], ['str', 'regexp']);
    expect(await counted.select(sf.regexp_count('str', sf.lit('\\d+')).alias('d')).collect()).toEqual([{ d: 3 }]);
    expect(await counted.select(sf.regexp_count('str', sf.lit('mmm')).alias('d')).collect()).toEqual([{ d: 0 }]);
    expect(await counted.select(sf.regexp_count('str', sf.col('regexp')).alias('d')).collect()).toEqual([{ d: 3 }]);
    expect(await counted.select(sf.regexp_substr('str', sf.lit('\\d+')).alias('d')).collect()).toEqual([{ d: '1' }]);
    expect(await counted.select(sf.regexp_substr('str', sf.lit('mmm')).alias('d')).collect()).toEqual([{ d: null }]);
    expect(await counted.select(sf.regexp_substr('str', sf.col('regexp')).alias('d')).collect()).toEqual([{ d: '1' }]);
  });

  it('regexp_extract, regexp_extract_all, regexp_replace', async () => {
    expect(await fc.createDataFrame([['100-200']], ['str']).select(sf.regexp_extract('str', '(\\d+)-(\\d+)', 1).alias('d')).collect()).toEqual([{ d: '100' }]);
    expect(await fc.createDataFrame([['foo']], ['str']).select(sf.regexp_extract('str', '(\\d+)', 1).alias('d')).collect()).toEqual([{ d: '' }]);
    expect(await fc.createDataFrame([['aaaac']], ['str']).select(sf.regexp_extract('str', '(a+)(b)?(c)', 2).alias('d')).collect()).toEqual([{ d: '' }]);
    const all = fc.createDataFrame([['100-200, 300-400', '(\\d+)-(\\d+)']], ['str', 'regexp']);
    expect(await all.select(sf.regexp_extract_all('str', sf.lit('(\\d+)-(\\d+)')).alias('d')).collect()).toEqual([{ d: ['100', '300'] }]);
    expect(await all.select(sf.regexp_extract_all('str', sf.lit('(\\d+)-(\\d+)'), 1).alias('d')).collect()).toEqual([{ d: ['100', '300'] }]);
    expect(await all.select(sf.regexp_extract_all('str', sf.lit('(\\d+)-(\\d+)'), 2).alias('d')).collect()).toEqual([{ d: ['200', '400'] }]);
    expect(await all.select(sf.regexp_extract_all('str', sf.col('regexp')).alias('d')).collect()).toEqual([{ d: ['100', '300'] }]);
    const rep = fc.createDataFrame([['100-200', '(\\d+)', '--']], ['str', 'pattern', 'replacement']);
    expect(await rep.select(sf.regexp_replace('str', '(\\d+)', '--').alias('d')).collect()).toEqual([{ d: '-----' }]);
    expect(await rep.select(sf.regexp_replace('str', sf.col('pattern'), sf.col('replacement')).alias('d')).collect()).toEqual([{ d: '-----' }]);
  });
});
