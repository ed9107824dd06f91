// PySpark 4's docstring examples (functions/builtin.py) of bit_count, bit_get/getbit, the bitmap functions,
// nullifzero/zeroifnull, the session functions (current_catalog, current_database/current_schema,
// current_user/user/session_user, version), raise_error, assert_true and
// aes_encrypt/aes_decrypt/try_aes_decrypt (the docstrings' ciphertexts, byte for byte). The
// session functions' docstrings skip user() and version() (machine-dependent): here they are
// checked against the process's user and Flint's release. bit_count, nullifzero and zeroifnull
// are cross-checked with DuckDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userInfo } from 'node:os';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';
import { DuckDbReference } from '../duckdb-reference.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-session-bits-aes' });
});

afterAll(async () => {
  await fc.stop();
});

/** The one row of a SELECT, as its values in column order. */
const values = async (sql: string): Promise<unknown[]> => Object.values((await fc.sql(sql).collect())[0]!);
const one = () => fc.sql('SELECT * FROM range(1)');

describe('bits, nullifzero and zeroifnull', () => {
  it('bit_count, bit_get and getbit', async () => {
    const df = fc.createDataFrame([[1], [1], [2]], ['c']);
    await shows(df.select(sf.bit_count('c')), `
      +------------+
      |bit_count(c)|
      +------------+
      |           1|
      |           1|
      |           1|
      +------------+`);
    await shows(df.select(sf.bit_get('c', sf.lit(1))), `
      +-------------+
      |bit_get(c, 1)|
      +-------------+
      |            0|
      |            0|
      |            1|
      +-------------+`);
    await shows(df.select(sf.getbit('c', sf.lit(1))), `
      +------------+
      |getbit(c, 1)|
      +------------+
      |           0|
      |           0|
      |           1|
      +------------+`);
    // A negative value counts the bits of its 64-bit two's complement, as Long.bitCount does.
    expect(await values('SELECT bit_count(-1), bit_count(true), bit_get(11, 3), typeof(getbit(11, 0))')).toEqual([64, 1, 1, 'tinyint']);
    await expect(fc.sql('SELECT bit_get(11, 32)').collect()).rejects.toThrow('[INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE] The value of parameter(s) `pos` in `bit_get` is invalid: expects an integer value in [0, 32), but got 32.');
  });

  it('the bitmap functions (PySpark 3.5 docstrings)', async () => {
    const one = fc.createDataFrame([[123]], ['a']);
    expect(await one.select(sf.bitmap_bit_position(one.col('a')).alias('r'), sf.bitmap_bucket_number(one.col('a')).alias('b')).collect()).toEqual([{ r: 122, b: 1 }]);
    const three = fc.createDataFrame([[1], [2], [3]], ['a']);
    expect(await three.select(sf.substring(sf.hex(sf.bitmap_construct_agg(sf.bitmap_bit_position(three.col('a')))), 0, 6).alias('r')).collect()).toEqual([{ r: '070000' }]);
    const ffff = fc.createDataFrame([['FFFF']], ['a']);
    expect(await ffff.select(sf.bitmap_count(sf.to_binary(ffff.col('a'), sf.lit('hex'))).alias('r')).collect()).toEqual([{ r: 16 }]);
    const bytes = fc.createDataFrame([['10'], ['20'], ['40']], ['a']);
    expect(await bytes.select(sf.substring(sf.hex(sf.bitmap_or_agg(sf.to_binary(bytes.col('a'), sf.lit('hex')))), 0, 6).alias('r')).collect()).toEqual([{ r: '700000' }]);
    // Zero and negative values: bucket 0, position -v.
    expect(await values('SELECT bitmap_bucket_number(0), bitmap_bucket_number(-1), bitmap_bucket_number(32769), bitmap_bit_position(-1), bitmap_bit_position(32769)')).toEqual([0, 0, 2, 1, 0]);
    await expect(fc.sql('SELECT bitmap_construct_agg(40000)').collect()).rejects.toThrow(/\[INVALID_BITMAP_POSITION\] The 0-indexed bitmap position 40000 is out of bounds/);
  });

  it('bitmaps count distinct values as DuckDB count(DISTINCT) does', async () => {
    const vs = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 70001) - 1000);
    fc.createDataFrame(vs.map((v) => [v]), 'v BIGINT').repartition(3).createOrReplaceTempView('vs');
    const [row] = await fc.sql('SELECT sum(n) AS n FROM (SELECT bitmap_bucket_number(v), bitmap_count(bitmap_construct_agg(bitmap_bit_position(v))) AS n FROM vs GROUP BY 1)').collect();
    const db = await DuckDbReference.open(1);
    try {
      await db.createTable('vs', 'v BIGINT', vs.map((v) => [v]));
      expect([row]).toEqual(await db.query('SELECT count(DISTINCT v) AS n FROM vs'));
    } finally {
      db.close();
    }
  });

  it('nullifzero and zeroifnull', async () => {
    const zeros = fc.createDataFrame([[0], [1]], ['a']);
    for (const arg of [zeros.col('a'), 'a']) {
      await shows(zeros.select('*', sf.nullifzero(arg)), `
        +---+-------------+
        |  a|nullifzero(a)|
        +---+-------------+
        |  0|         NULL|
        |  1|            1|
        +---+-------------+`);
    }
    const nulls = fc.createDataFrame([[null], [1]], 'a BIGINT');
    for (const arg of [nulls.col('a'), 'a']) {
      await shows(nulls.select('*', sf.zeroifnull(arg)), `
        +----+-------------+
        |   a|zeroifnull(a)|
        +----+-------------+
        |NULL|            0|
        |   1|            1|
        +----+-------------+`);
    }
    expect(await values('SELECT typeof(zeroifnull(NULL)), typeof(zeroifnull(1.5D)), nullifzero(0.0D)')).toEqual(['int', 'double', null]);
  });

  it('agree with DuckDB (bit_count of non-negative values, nullif(x, 0), coalesce(x, 0))', async () => {
    const xs = [0, 1, 2, 7, 255, 1024, 123456789, null];
    fc.createDataFrame(xs.map((x, id) => [id, x]), 'id INT, x BIGINT').createOrReplaceTempView('xs');
    const db = await DuckDbReference.open(1);
    try {
      await db.createTable('xs', 'id INTEGER, x BIGINT', xs.map((x, id) => [id, x]));
      const theirs = await db.query('SELECT id, bit_count(x) AS b, nullif(x, 0) AS n, coalesce(x, 0) AS z FROM xs ORDER BY id');
      expect(await fc.sql('SELECT id, bit_count(x) AS b, nullifzero(x) AS n, zeroifnull(x) AS z FROM xs ORDER BY id').collect()).toEqual(theirs);
    } finally {
      db.close();
    }
  });
});

describe('session functions', () => {
  it('current_catalog, current_database, current_schema', async () => {
    await shows(one().select(sf.current_catalog()), `
      +-----------------+
      |current_catalog()|
      +-----------------+
      |    spark_catalog|
      +-----------------+`);
    // Spark's CurrentDatabase is named current_schema() under either name.
    for (const c of [sf.current_database(), sf.current_schema()]) {
      await shows(one().select(c), `
        +----------------+
        |current_schema()|
        +----------------+
        |         default|
        +----------------+`);
    }
  });

  it('current_user, user, session_user and version', async () => {
    const me = process.env.SPARK_USER ?? userInfo().username;
    const df = one().select(sf.current_user(), sf.user(), sf.session_user(), sf.version());
    expect(df.columns).toEqual(['current_user()', 'user()', 'session_user()', 'version()']);
    const [row] = await df.collect();
    expect(Object.values(row!).slice(0, 3)).toEqual([me, me, me]);
    expect(row!['version()']).toMatch(/^\d+\.\d+\.\d+\S* flint$/);
    expect(await values('SELECT current_user() = user(), current_database()')).toEqual([true, 'default']);
  });
});

describe('raise_error and assert_true', () => {
  it('assert_true', async () => {
    const df = fc.createDataFrame([[0, 1]], ['a', 'b']);
    const less = df.col('a').lt(df.col('b'));
    expect(await df.select(sf.assert_true(less).alias('r')).collect()).toEqual([{ r: null }]);
    expect(await df.select(sf.assert_true(less, df.col('a')).alias('r')).collect()).toEqual([{ r: null }]);
    expect(await df.select(sf.assert_true(less, 'error').alias('r')).collect()).toEqual([{ r: null }]);
    expect(df.select(sf.assert_true(less)).columns).toEqual(["assert_true((a < b), '(a < b)' is not true!)"]);
    expect(df.select(sf.assert_true(less)).dtypes).toEqual([["assert_true((a < b), '(a < b)' is not true!)", 'void']]);
    const more = df.col('a').gt(df.col('b'));
    await expect(df.select(sf.assert_true(more, 'My error msg').alias('r')).collect()).rejects.toThrow('[USER_RAISED_EXCEPTION] My error msg SQLSTATE: P0001');
    await expect(df.select(sf.assert_true(more)).collect()).rejects.toThrow("[USER_RAISED_EXCEPTION] '(a > b)' is not true! SQLSTATE: P0001");
    // A null condition is not true either.
    await expect(fc.sql('SELECT assert_true(NULL)').collect()).rejects.toThrow(/USER_RAISED_EXCEPTION/);
  });

  it('raise_error fails only where a row reaches it', async () => {
    await expect(one().select(sf.raise_error('My error message')).collect()).rejects.toThrow('[USER_RAISED_EXCEPTION] My error message SQLSTATE: P0001');
    expect(await fc.sql("SELECT CASE WHEN id > 5 THEN raise_error('too big') ELSE id END AS x FROM range(3)").collect()).toEqual([{ x: 0 }, { x: 1 }, { x: 2 }]);
    await expect(fc.sql("SELECT CASE WHEN id > 1 THEN raise_error(concat('too big: ', id)) ELSE id END AS x FROM range(3)").collect()).rejects.toThrow('[USER_RAISED_EXCEPTION] too big: 2');
  });
});

describe('AES', () => {
  const key32 = 'abcdefghijklmnop12345678ABCDEFGH';
  const aad = 'This is an AAD mixed into the input';

  it('aes_encrypt with a given IV gives the docstrings\' ciphertexts', async () => {
    const df = fc.createDataFrame([['Spark', key32, 'GCM', 'DEFAULT', '000000000000000000000000', aad]], ['input', 'key', 'mode', 'padding', 'iv', 'aad']);
    const iv = sf.to_binary(df.col('iv'), sf.lit('hex'));
    await shows(df.select(sf.base64(sf.aes_encrypt(df.col('input'), df.col('key'), 'mode', df.col('padding'), iv, df.col('aad')))), `
      +-----------------------------------------------------------------------+
      |base64(aes_encrypt(input, key, mode, padding, to_binary(iv, hex), aad))|
      +-----------------------------------------------------------------------+
      |AAAAAAAAAAAAAAAAQiYi+sTLm7KD9UcZ2nlRdYDe/PX4                           |
      +-----------------------------------------------------------------------+`, 20, false);
    await shows(df.select(sf.base64(sf.aes_encrypt(df.col('input'), df.col('key'), 'mode', df.col('padding'), iv))), `
      +--------------------------------------------------------------------+
      |base64(aes_encrypt(input, key, mode, padding, to_binary(iv, hex), ))|
      +--------------------------------------------------------------------+
      |AAAAAAAAAAAAAAAAQiYi+sRNYDAOTjdSEcYBFsAWPL1f                        |
      +--------------------------------------------------------------------+`, 20, false);
  });

  it('aes_encrypt and aes_decrypt round trips', async () => {
    const ecb = fc.createDataFrame([['Spark SQL', '1234567890abcdef', 'ECB', 'PKCS']], ['input', 'key', 'mode', 'padding']);
    await shows(ecb.select(sf.aes_decrypt(sf.aes_encrypt(ecb.col('input'), ecb.col('key'), 'mode', ecb.col('padding')), ecb.col('key'), ecb.col('mode'), ecb.col('padding')).cast('STRING')), `
      +---------------------------------------------------------------------------------------------+
      |CAST(aes_decrypt(aes_encrypt(input, key, mode, padding, , ), key, mode, padding, ) AS STRING)|
      +---------------------------------------------------------------------------------------------+
      |Spark SQL                                                                                    |
      +---------------------------------------------------------------------------------------------+`, 20, false);
    const byMode = fc.createDataFrame([['Spark SQL', '0000111122223333', 'ECB']], ['input', 'key', 'mode']);
    await shows(byMode.select(sf.aes_decrypt(sf.aes_encrypt(byMode.col('input'), byMode.col('key'), 'mode'), byMode.col('key'), byMode.col('mode')).cast('STRING')), `
      +---------------------------------------------------------------------------------------------+
      |CAST(aes_decrypt(aes_encrypt(input, key, mode, DEFAULT, , ), key, mode, DEFAULT, ) AS STRING)|
      +---------------------------------------------------------------------------------------------+
      |Spark SQL                                                                                    |
      +---------------------------------------------------------------------------------------------+`, 20, false);
    const byKey = fc.createDataFrame([['Spark SQL', 'abcdefghijklmnop']], ['input', 'key']);
    await shows(byKey.select(sf.aes_decrypt(sf.unbase64(sf.base64(sf.aes_encrypt(byKey.col('input'), byKey.col('key')))), byKey.col('key')).cast('STRING')), `
      +-------------------------------------------------------------------------------------------------------------+
      |CAST(aes_decrypt(unbase64(base64(aes_encrypt(input, key, GCM, DEFAULT, , ))), key, GCM, DEFAULT, ) AS STRING)|
      +-------------------------------------------------------------------------------------------------------------+
      |Spark SQL                                                                                                    |
      +-------------------------------------------------------------------------------------------------------------+`, 20, false);
  });

  it('aes_decrypt and try_aes_decrypt of the docstrings\' ciphertexts', async () => {
    const gcm = fc.createDataFrame([['AAAAAAAAAAAAAAAAQiYi+sTLm7KD9UcZ2nlRdYDe/PX4', key32, 'GCM', 'DEFAULT', aad]], ['input', 'key', 'mode', 'padding', 'aad']);
    const decrypted = async (c: ReturnType<typeof sf.aes_decrypt>) => (await gcm.select(c.cast('STRING').alias('r')).collect())[0]!.r;
    expect(await decrypted(sf.aes_decrypt(sf.unbase64(gcm.col('input')), gcm.col('key'), 'mode', gcm.col('padding'), gcm.col('aad')))).toBe('Spark');
    expect(await decrypted(sf.try_aes_decrypt(sf.unbase64(gcm.col('input')), gcm.col('key'), 'mode', gcm.col('padding'), gcm.col('aad')))).toBe('Spark');
    // The GCM ciphertext read as CBC does not decrypt: null from try_aes_decrypt, Spark's error from aes_decrypt.
    expect(await decrypted(sf.try_aes_decrypt(sf.unbase64(gcm.col('input')), gcm.col('key'), sf.lit('CBC'), gcm.col('padding'), gcm.col('aad')))).toBe(null);
    await expect(gcm.select(sf.aes_decrypt(sf.unbase64(gcm.col('input')), gcm.col('key'), sf.lit('GCM'))).collect()).rejects.toThrow(/\[INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR\]/);
    const cbc = fc.createDataFrame([['AAAAAAAAAAAAAAAAAAAAAPSd4mWyMZ5mhvjiAPQJnfg=', key32, 'CBC', 'DEFAULT']], ['input', 'key', 'mode', 'padding']);
    await shows(cbc.select(sf.aes_decrypt(sf.unbase64(cbc.col('input')), cbc.col('key'), 'mode').cast('STRING')), `
      +------------------------------------------------------------------+
      |CAST(aes_decrypt(unbase64(input), key, mode, DEFAULT, ) AS STRING)|
      +------------------------------------------------------------------+
      |Spark                                                             |
      +------------------------------------------------------------------+`, 20, false);
    const hex = fc.createDataFrame([['83F16B2AA704794132802D248E6BFD4E380078182D1544813898AC97E709B28A94', '0000111122223333']], ['input', 'key']);
    await shows(hex.select(sf.aes_decrypt(sf.unhex(hex.col('input')), hex.col('key')).cast('STRING')), `
      +--------------------------------------------------------------+
      |CAST(aes_decrypt(unhex(input), key, GCM, DEFAULT, ) AS STRING)|
      +--------------------------------------------------------------+
      |Spark                                                         |
      +--------------------------------------------------------------+`, 20, false);
    await expect(fc.sql("SELECT aes_encrypt('x', 'short')").collect()).rejects.toThrow('[INVALID_PARAMETER_VALUE.AES_KEY_LENGTH] The value of parameter(s) `key` in `aes_encrypt` is invalid: expects a binary value with 16, 24 or 32 bytes, but got 5 bytes.');
    await expect(fc.sql("SELECT aes_encrypt('x', '0000111122223333', 'GCM', 'PKCS')").collect()).rejects.toThrow(/\[UNSUPPORTED_FEATURE.AES_MODE\]/);
  });
});
