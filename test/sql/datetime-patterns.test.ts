/**
 * One datetime pattern, two paths: the same patterns and texts through the SQL functions
 * (to_timestamp, to_date, date_format) and through a CSV read and write with that
 * timestampFormat / dateFormat must agree, with Spark's documented answers (PySpark doctests, the
 * "Datetime Patterns for Formatting and Parsing" page, Spark's datetime-formatting-invalid.sql
 * golden file for refused patterns) and, where DuckDB's strptime/strftime can spell the pattern,
 * with DuckDB's values.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { StructType, TimestampType } from '@flint/sql';
import { rowsToCsv } from '../../packages/sql/src/io/write/csv-writer.js';
import { jsonWriter, parseJsonWriteOptions } from '../../packages/sql/src/io/json/json-generator.js';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let duckdb: DuckDbReference;
let dir: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
  duckdb = await DuckDbReference.open(1);
  dir = mkdtempSync(join(tmpdir(), 'flint-dtpatterns-'));
});
afterAll(async () => {
  duckdb?.close();
  rmSync(dir, { recursive: true, force: true });
  await fc?.stop();
});

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** The UTC instant of a wall clock text `yyyy-MM-dd HH:mm:ss[.SSS]`, null for null. */
const utc = (wall: string | null) => (wall === null ? null : Date.parse(`${wall.replace(' ', 'T')}Z`));

/** Pattern, text, the wall clock Spark reads (null: no value), DuckDB's strptime format when it can spell the pattern. */
const PARSES: [string, string, string | null, string?][] = [
  // PySpark's to_timestamp/to_date doctests and Spark's SQL function examples.
  ['yyyy-MM-dd HH:mm:ss', '1997-02-28 10:30:00', '1997-02-28 10:30:00', '%Y-%m-%d %H:%M:%S'],
  ['yyyy-MM-dd', '2016-12-31', '2016-12-31 00:00:00', '%Y-%m-%d'],
  ['dd/MM/yyyy HH:mm:ss', '05/01/2024 10:30:00', '2024-01-05 10:30:00', '%d/%m/%Y %H:%M:%S'],
  ['yyyyMMdd', '20240105', '2024-01-05 00:00:00', '%Y%m%d'],
  ['yy-MM-dd', '24-01-05', '2024-01-05 00:00:00', '%y-%m-%d'],
  ['dd MMM yyyy', '05 Jan 2024', '2024-01-05 00:00:00', '%d %b %Y'],
  ['dd MMMM yyyy', '05 January 2024', '2024-01-05 00:00:00', '%d %B %Y'],
  ['yyyy-MM-dd hh:mm a', '2024-01-05 03:30 PM', '2024-01-05 15:30:00', '%Y-%m-%d %I:%M %p'],
  ["yyyy-MM-dd'T'HH:mm:ssXXX", '2024-01-05T10:30:00+02:00', '2024-01-05 08:30:00', '%Y-%m-%dT%H:%M:%S%z'],
  ['yyyy-MM-dd HH:mm:ss.SSS', '2024-01-05 10:30:00.123', '2024-01-05 10:30:00.123', '%Y-%m-%d %H:%M:%S.%g'],
  // java.time's strict reading, which DuckDB does not share: MM is two digits, M one or more.
  ['yyyy-MM-dd', '2024-1-5', null],
  ['yyyy-M-d', '2024-1-5', '2024-01-05 00:00:00'],
  // Optional sections (the docs: "the whole section may be missing from the parsed string").
  ['yyyy-MM-dd[ HH:mm]', '2024-01-05', '2024-01-05 00:00:00'],
  ['yyyy-MM-dd[ HH:mm]', '2024-01-05 10:30', '2024-01-05 10:30:00'],
  // Text: MMM is the short form only, read case-insensitively.
  ['dd MMM yyyy', '05 January 2024', null],
  ['dd MMM yyyy', '05 JAN 2024', '2024-01-05 00:00:00'],
  // Fractions: 1 to n digits (the docs), micro- and nanoseconds cut to the engine's milliseconds.
  ['yyyy-MM-dd HH:mm:ss.SSS', '2024-01-05 10:30:00.5', '2024-01-05 10:30:00.500'],
  ['yyyy-MM-dd HH:mm:ss.SSSSSS', '2024-01-05 10:30:00.123456', '2024-01-05 10:30:00.123'],
  // Day of year, an hour of the clock (k: 1-24), a zone id.
  ['yyyy DDD', '2024 060', '2024-02-29 00:00:00'],
  ['yyyy-MM-dd kk:mm', '2024-01-05 24:00', '2024-01-05 00:00:00'],
  ['yyyy-MM-dd HH:mm VV', '2024-07-01 12:00 America/Los_Angeles', '2024-07-01 19:00:00'],
  // Not a date, trailing text, out of range.
  ['yyyy-MM-dd', '2023-02-29', null],
  ['yyyy-MM-dd', '2024-01-05 ', null],
  ['yyyy-MM-dd HH:mm', '2024-01-05 24:00', null],
];

describe('parsing: to_timestamp and the CSV reader read the same pattern alike', () => {
  const patterns = [...new Set(PARSES.map(([p]) => p))];

  it.each(patterns)('%s', async (pattern) => {
    const cases = PARSES.filter(([p]) => p === pattern);
    const expected = cases.map(([, , wall]) => utc(wall));
    fc.conf.set('spark.sql.ansi.enabled', 'false');
    try {
      const texts = cases.map(([, text]) => `SELECT ${quote(text)} AS s`).join(' UNION ALL ');
      const sql = await fc.sql(`SELECT unix_millis(to_timestamp(s, ${quote(pattern)})) AS t FROM (${texts})`).collect();
      expect(sql.map((r) => r.t)).toEqual(expected);
    } finally {
      fc.conf.unset('spark.sql.ansi.enabled');
    }
    const file = join(dir, `parse-${patterns.indexOf(pattern)}.csv`);
    writeFileSync(file, cases.map(([, text]) => `"${text}"\n`).join(''));
    const csv = await fc.read.schema('t TIMESTAMP').options({ timestampFormat: pattern, mode: 'PERMISSIVE' }).csv(file).collect();
    expect(csv.map((r) => (r.t === null ? null : (r.t as Date).getTime()))).toEqual(expected);
    for (const [, text, wall, duckFormat] of cases) {
      if (duckFormat === undefined) continue;
      const [row] = await duckdb.query(`SELECT epoch_ms(try_strptime(${quote(text)}, ${quote(duckFormat)})) AS t`);
      expect(row!.t, `DuckDB strptime('${text}', '${duckFormat}')`).toBe(utc(wall));
    }
  });

  it('to_date and a CSV date column with dateFormat read the same days', async () => {
    const texts = ['05 Jan 2024', '29 Feb 2024', '30 Feb 2024', '5 Jan 2024'];
    const expected = ['2024-01-05', '2024-02-29', null, null];
    fc.conf.set('spark.sql.ansi.enabled', 'false');
    try {
      const union = texts.map((t) => `SELECT ${quote(t)} AS s`).join(' UNION ALL ');
      const sql = await fc.sql(`SELECT CAST(to_date(s, 'dd MMM yyyy') AS STRING) AS d FROM (${union})`).collect();
      expect(sql.map((r) => r.d)).toEqual(expected);
    } finally {
      fc.conf.unset('spark.sql.ansi.enabled');
    }
    const file = join(dir, 'dates.csv');
    writeFileSync(file, texts.map((t) => `${t}\n`).join(''));
    const csv = await fc.read.schema('d DATE').option('dateFormat', 'dd MMM yyyy').csv(file).collect();
    expect(csv.map((r) => (r.d === null ? null : (r.d as Date).toISOString().slice(0, 10)))).toEqual(expected);
  });
});

const AT = '2024-01-05 15:30:45.123';
/** Pattern, session time zone, what Spark writes for TIMESTAMP '2024-01-05 15:30:45.123' there, DuckDB's strftime format when it has one. */
const FORMATS: [string, string, string, string?][] = [
  ['MM/dd/yyy', 'UTC', '01/05/2024', '%m/%d/%Y'],
  ['yy=MM=dd HH=mm=ss', 'UTC', '24=01=05 15=30=45', '%y=%m=%d %H=%M=%S'],
  ['d MMM', 'UTC', '5 Jan', '%-d %b'],
  ['LLLL', 'UTC', 'January', '%B'],
  ['EEE, dd MMM yyyy', 'UTC', 'Fri, 05 Jan 2024', '%a, %d %b %Y'],
  ['EEEE', 'UTC', 'Friday', '%A'],
  ['hh:mm a', 'UTC', '03:30 PM', '%I:%M %p'],
  ['DDD', 'UTC', '005', '%j'],
  ['yyyy-MM-dd HH:mm:ss.SSS', 'UTC', AT, '%Y-%m-%d %H:%M:%S.%g'],
  ['SSSSSS', 'UTC', '123000'],
  ['QQQ QQQQ q', 'UTC', 'Q1 1st quarter 1'],
  ['G GGGG', 'UTC', 'AD Anno Domini'],
  ['yyyy-MM-dd[ HH:mm]', 'UTC', '2024-01-05 15:30'],
  ['F k K', 'UTC', '5 15 3'],
  ["yyyy-MM-dd'T'HH:mm:ssXXX", 'UTC', '2024-01-05T15:30:45Z'],
  ['XXX x Z ZZZZ ZZZZZ O OOOO', 'America/Los_Angeles', '-08:00 -08 -0800 GMT-08:00 -08:00 GMT-8 GMT-08:00'],
  ['xxx Z O', 'UTC', '+00:00 +0000 GMT'],
  ['HH:mm VV z', 'America/Los_Angeles', '07:30 America/Los_Angeles PST'],
];

describe('formatting: date_format and the CSV writer write the same pattern alike', () => {
  it.each(FORMATS)('%s in %s', async (pattern, zone, expected, duckFormat) => {
    fc.conf.set('spark.sql.session.timeZone', zone);
    try {
      const instant = Date.parse(`${AT.replace(' ', 'T')}Z`);
      const [shown] = await fc.sql(`SELECT date_format(timestamp_millis(${instant}), ${quote(pattern)}) AS f`).collect();
      expect(shown!.f).toBe(expected);
      const written = new TextDecoder().decode(rowsToCsv(StructType.fromDDL('t TIMESTAMP'), [[instant]], { timestampFormat: pattern, quoteAll: true }, zone));
      expect(written).toBe(`"${expected}"\n`);
    } finally {
      fc.conf.set('spark.sql.session.timeZone', 'UTC');
    }
    if (duckFormat !== undefined && zone === 'UTC') {
      const [row] = await duckdb.query(`SELECT strftime(TIMESTAMP '${AT}', ${quote(duckFormat)}) AS f`);
      expect(row!.f).toBe(expected);
    }
  });

  // java.time's offsets in America/Los_Angeles: LMT -07:52:58 before 1883, PDT/PST on either side of the 2024-11-03 overlap.
  const ZONED: [string, string][] = [
    ['0050-06-01T20:00:00Z', '0050-06-01 12:07:02 -07:52:58'],
    ['2024-11-03T08:30:00Z', '2024-11-03 01:30:00 -07:00'],
    ['2024-11-03T09:30:00Z', '2024-11-03 01:30:00 -08:00'],
  ];
  it('the CSV and JSON writers: a named zone, a year below 100 and both sides of a DST overlap', () => {
    const options = { timestampFormat: 'yyyy-MM-dd HH:mm:ss XXXXX', timeZone: 'America/Los_Angeles' };
    const instants = ZONED.map(([iso]) => [Date.parse(iso)]);
    const csv = new TextDecoder().decode(rowsToCsv(StructType.fromDDL('t TIMESTAMP'), instants, options, 'UTC'));
    expect(csv).toBe(ZONED.map(([, text]) => `${text}\n`).join(''));
    const json = jsonWriter(new TimestampType(), parseJsonWriteOptions(options, 'UTC'));
    expect(instants.map(([t]) => json(t))).toEqual(ZONED.map(([, text]) => JSON.stringify(text)));
  });
});

const recognition = (p: string) =>
  `[INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize '${p}' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0.`;
/** Pattern, the error reading with it, the error writing with it (null: Spark writes with it). Spark's datetime-formatting-invalid.sql results. */
const REFUSED: [string, string, string | null][] = [
  ['YYYY-MM-dd', recognition('YYYY-MM-dd'), recognition('YYYY-MM-dd')],
  ['yyyy-ww', recognition('yyyy-ww'), recognition('yyyy-ww')],
  ['u', recognition('u'), recognition('u')],
  ['EEE, dd MMM yyyy', recognition('EEE, dd MMM yyyy'), null],
  ['MMMMM', recognition('MMMMM'), recognition('MMMMM')],
  ['ddd', recognition('ddd'), recognition('ddd')],
  ['aa', recognition('aa'), recognition('aa')],
  ['SSSSSSSSSS', recognition('SSSSSSSSSS'), recognition('SSSSSSSSSS')],
  ['qqqqq', 'Illegal pattern character found in datetime pattern: q', '[INVALID_DATETIME_PATTERN.LENGTH] Unrecognized datetime pattern: qqqqq. Too many letters in datetime pattern: qqqqq.'],
  ['e', 'All week-based patterns are unsupported since Spark 3.0, detected week-based character: e.', 'detected week-based character: e.'],
  ['A', '[INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER] Unrecognized datetime pattern: A. Illegal pattern character found in datetime pattern: A.', 'Illegal pattern character found in datetime pattern: A.'],
  ['V', 'Pattern letter count must be 2: V', 'Pattern letter count must be 2: V'],
  ['OO', 'Pattern letter count must be 1 or 4: O', 'Pattern letter count must be 1 or 4: O'],
  ['XXXXXX', 'Too many pattern letters: X', 'Too many pattern letters: X'],
  ['I', 'Unknown pattern letter: I', 'Unknown pattern letter: I'],
];

describe('patterns Spark refuses: the same error on both paths', () => {
  it.each(REFUSED)('%s', async (pattern, readError, writeError) => {
    await expect(fc.sql(`SELECT to_timestamp('2024', ${quote(pattern)})`).collect()).rejects.toThrow(readError);
    const file = join(dir, 'refused.csv');
    writeFileSync(file, '2024\n');
    await expect(fc.read.schema('t TIMESTAMP').option('timestampFormat', pattern).csv(file).collect()).rejects.toThrow(readError);
    const format = fc.sql(`SELECT date_format(TIMESTAMP'2024-01-05 00:00:00', ${quote(pattern)}) AS f`).collect();
    const write = () => rowsToCsv(StructType.fromDDL('t TIMESTAMP'), [[0]], { timestampFormat: pattern }, 'UTC');
    if (writeError === null) {
      await expect(format).resolves.toHaveLength(1);
      expect(write).not.toThrow();
    } else {
      await expect(format).rejects.toThrow(writeError);
      expect(write).toThrow(writeError);
    }
  });
});

describe('a date from text with an offset', () => {
  it("to_date is CAST(to_timestamp(s, fmt) AS DATE) in the session zone; a CSV dateFormat column keeps the text's own date", async () => {
    const pattern = "yyyy-MM-dd'T'HH:mm:ssXXX";
    const text = '2024-01-05T23:30:00-05:00';
    const [row] = await fc.sql(`SELECT CAST(to_date(${quote(text)}, ${quote(pattern)}) AS STRING) AS d`).collect();
    expect(row!.d).toBe('2024-01-06');
    const file = join(dir, 'offset-date.csv');
    writeFileSync(file, `${text}\n`);
    const [csv] = await fc.read.schema('d DATE').option('dateFormat', pattern).csv(file).collect();
    expect((csv!.d as Date).toISOString().slice(0, 10)).toBe('2024-01-05');
  });
});

describe("each path keeps its own answer to text the pattern does not read", () => {
  it('SQL: ANSI mode fails with CANNOT_PARSE_TIMESTAMP (Java\'s message), legacy mode gives null', async () => {
    await expect(fc.sql("SELECT to_timestamp('2024-1-5', 'yyyy-MM-dd')").collect()).rejects.toThrow(
      "[CANNOT_PARSE_TIMESTAMP] Text '2024-1-5' could not be parsed at index 5. Use `try_to_timestamp` to tolerate invalid input string and return NULL instead. SQLSTATE: 22007",
    );
    await expect(fc.sql("SELECT to_date('05 January 2024', 'dd MMM yyyy')").collect()).rejects.toThrow("Text '05 January 2024' could not be parsed at index 6");
    const [row] = await fc.sql("SELECT try_to_timestamp('2024-1-5', 'yyyy-MM-dd') AS t").collect();
    expect(row!.t).toBeNull();
  });

  it('CSV: PERMISSIVE gives null, FAILFAST names the file, the line and the field', async () => {
    const file = join(dir, 'modes.csv');
    writeFileSync(file, 'id,t\n1,05 Jan 2024\n2,05 January 2024\n');
    const read = (mode: string) => fc.read.schema('id INT, t DATE').options({ header: true, dateFormat: 'dd MMM yyyy', mode }).csv(file).collect();
    expect((await read('PERMISSIVE')).map((r) => r.t === null)).toEqual([false, true]);
    await expect(read('FAILFAST')).rejects.toThrow(`Malformed CSV record in ${file} at line 3: field 't' (column 2) has '05 January 2024', not a date. Parse Mode: FAILFAST.`);
  });
});

describe('no pattern: the readers read text as the cast does (Spark stringToDate / stringToTimestamp)', () => {
  // Spark's DateTimeUtils forms: yyyy, yyyy-[m]m, yyyy-[m]m-[d]d, then [ T] and a time, an optional zone; spaces trimmed.
  const ROWS: [string, string | null, string | null][] = [
    ['2024-1-5', '2024-01-05', '2024-01-05 00:00:00'],
    [' 2024-01-05 ', '2024-01-05', '2024-01-05 00:00:00'],
    ['2024', '2024-01-01', '2024-01-01 00:00:00'],
    ['2024-01', '2024-01-01', '2024-01-01 00:00:00'],
    ['2024-1-5 1:2:3', '2024-01-05', '2024-01-05 01:02:03'],
    ['2024-01-05 10', '2024-01-05', '2024-01-05 10:00:00'],
    ['2024-01-05T10:00:00+02:00', '2024-01-05', '2024-01-05 08:00:00'],
    ['2024-02-30', null, null],
    ['Jan 5 2024', null, null],
  ];

  it('CSV date and timestamp columns without dateFormat/timestampFormat, CAST(s AS DATE/TIMESTAMP)', async () => {
    const file = join(dir, 'lenient.csv');
    writeFileSync(file, ROWS.map(([text]) => `"${text}","${text}"\n`).join(''));
    const csv = await fc.read.schema('d DATE, t TIMESTAMP').csv(file).collect();
    const day = (d: unknown) => (d === null ? null : (d as Date).toISOString().slice(0, 10));
    const instant = (t: unknown) => (t === null ? null : (t as Date).getTime());
    expect(csv.map((r) => [day(r.d), instant(r.t)])).toEqual(ROWS.map(([, d, t]) => [d, utc(t)]));
    const union = ROWS.map(([text]) => `SELECT ${quote(text)} AS s`).join(' UNION ALL ');
    const cast = await fc.sql(`SELECT try_cast(s AS DATE) AS d, try_cast(s AS TIMESTAMP) AS t FROM (${union})`).collect();
    expect(cast.map((r) => [day(r.d), instant(r.t)])).toEqual(ROWS.map(([, d, t]) => [d, utc(t)]));
  });
});

describe('timestamp_ntz columns read with timestampNTZFormat (Spark parseWithoutTimeZone, no zone allowed)', () => {
  it('CSV and JSON: the NTZ pattern, not timestampFormat; text naming a zone is null', async () => {
    const texts = ['05/01/2024 10:30', '2024-01-05 10:30', '05/01/2024 10:30 +02:00'];
    const csvFile = join(dir, 'ntz.csv');
    writeFileSync(csvFile, texts.map((t) => `${t}\n`).join(''));
    const jsonFile = join(dir, 'ntz.json');
    writeFileSync(jsonFile, texts.map((t) => `${JSON.stringify({ t })}\n`).join(''));
    const wall = (r: Record<string, unknown>) => (r.t === null ? null : (r.t as Date).getTime());
    const options = { timestampFormat: 'yyyy-MM-dd HH:mm', timestampNTZFormat: 'dd/MM/yyyy HH:mm[ XXX]' };
    const expected = [utc('2024-01-05 10:30:00'), null, null];
    expect((await fc.read.schema('t TIMESTAMP_NTZ').options(options).csv(csvFile).collect()).map(wall)).toEqual(expected);
    expect((await fc.read.schema('t TIMESTAMP_NTZ').options(options).json(jsonFile).collect()).map(wall)).toEqual(expected);
    // Without the option, Spark's pattern-less reading, which refuses a zone too.
    writeFileSync(csvFile, '2024-01-05 10:30:00\n2024-01-05T10:30:00Z\n');
    expect((await fc.read.schema('t TIMESTAMP_NTZ').csv(csvFile).collect()).map(wall)).toEqual([utc('2024-01-05 10:30:00'), null]);
  });
});

describe('zone offsets kept per day, per quarter hour on a DST day', () => {
  it('America/Los_Angeles around its 2024 changes (PST to PDT, back): formatting, parsing, the CSV reader', async () => {
    fc.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
    try {
      const before = Date.UTC(2024, 2, 10, 9, 59, 59);
      const [shown] = await fc.sql(`SELECT date_format(timestamp_millis(${before}), 'yyyy-MM-dd HH:mm:ss z') AS a, date_format(timestamp_millis(${before + 1000}), 'yyyy-MM-dd HH:mm:ss z') AS b`).collect();
      expect(shown).toEqual({ a: '2024-03-10 01:59:59 PST', b: '2024-03-10 03:00:00 PDT' });
      // java.time's ZonedDateTime.ofLocal: a wall clock in the skipped hour moves later by the gap
      // (02:30 is 03:30 PDT); in the repeated hour of 2024-11-03 the earlier instant (01:30 PDT).
      const texts = ['2024-03-10 01:30', '2024-03-10 02:30', '2024-03-11 01:30', '2024-11-03 01:30'];
      const expected = [Date.UTC(2024, 2, 10, 9, 30), Date.UTC(2024, 2, 10, 10, 30), Date.UTC(2024, 2, 11, 8, 30), Date.UTC(2024, 10, 3, 8, 30)];
      const union = texts.map((t) => `SELECT ${quote(t)} AS s`).join(' UNION ALL ');
      const sql = await fc.sql(`SELECT unix_millis(to_timestamp(s, 'yyyy-MM-dd HH:mm')) AS t FROM (${union})`).collect();
      expect(sql.map((r) => r.t)).toEqual(expected);
      const file = join(dir, 'dst.csv');
      writeFileSync(file, texts.map((t) => `${t}\n`).join(''));
      const csv = await fc.read.schema('t TIMESTAMP').option('timestampFormat', 'yyyy-MM-dd HH:mm').csv(file).collect();
      expect(csv.map((r) => (r.t as Date).getTime())).toEqual(expected);
      // Without a pattern: CAST (Spark's stringToTimestamp) and a CSV read resolve the gap and overlap alike.
      const cast = await fc.sql(`SELECT unix_millis(CAST(s AS TIMESTAMP)) AS t FROM (${union})`).collect();
      expect(cast.map((r) => r.t)).toEqual(expected);
      const lenient = await fc.read.schema('t TIMESTAMP').csv(file).collect();
      expect(lenient.map((r) => (r.t as Date).getTime())).toEqual(expected);
    } finally {
      fc.conf.set('spark.sql.session.timeZone', 'UTC');
    }
  });
});

describe('DATE literals are read as CAST reads text (Spark stringToDate), failing where the cast is null', () => {
  it('years below 100, a year alone, a leap day; an impossible day is INVALID_TYPED_LITERAL', async () => {
    const [row] = await fc.sql(`SELECT CAST(DATE '0001-01-01' AS STRING) AS a, CAST(DATE '0050-06-01' AS STRING) AS b, DATE '2024' AS c, DATE '2024-02-29' AS d`).collect();
    expect(row).toEqual({ a: '0001-01-01', b: '0050-06-01', c: new Date(Date.UTC(2024, 0, 1)), d: new Date(Date.UTC(2024, 1, 29)) });
    expect(() => fc.sql(`SELECT DATE '2024-02-30'`)).toThrow(`[INVALID_TYPED_LITERAL] The value of the typed literal "DATE" is invalid: '2024-02-30'. SQLSTATE: 42604`);
  });
});

describe('a timestamp cast to a date or timestamp_ntz takes its wall clock in the session zone', () => {
  it('in a year below 100 too (Date.UTC took year 50 for 1950), and across a day boundary', async () => {
    fc.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
    try {
      // 0050-06-01 12:00 in Los Angeles is LMT (-07:52:58): the cast gives back the same wall clock.
      const [row] = await fc
        .sql(`SELECT CAST(CAST(TIMESTAMP '0050-06-01 12:00:00' AS DATE) AS STRING) AS d, CAST(CAST(TIMESTAMP '0050-06-01 12:00:00' AS TIMESTAMP_NTZ) AS STRING) AS n,
                     CAST(CAST(TIMESTAMP '2024-06-01 23:30:00' AS DATE) AS STRING) AS late`)
        .collect();
      expect(row).toEqual({ d: '0050-06-01', n: '0050-06-01 12:00:00', late: '2024-06-01' });
      // A Date given to createDataFrame as a date keeps its day (its UTC midnight), year 50 too.
      const day50 = new Date(Date.UTC(2000, 5, 1));
      day50.setUTCFullYear(50);
      const [given] = await fc.createDataFrame([[day50]], 'd DATE').selectExpr('d', 'CAST(d AS STRING) AS s').collect();
      expect(given).toEqual({ d: day50, s: '0050-06-01' });
    } finally {
      fc.conf.set('spark.sql.session.timeZone', 'UTC');
    }
  });
});
