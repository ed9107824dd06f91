/**
 * Functions whose pattern, format, zone, JSON path or scale argument is a literal compile it once,
 * in the generated function's prologue (ScalarFunction.prepared); a column argument is prepared
 * row by row. Both must give the same answers, and DuckDB's where it has the function; a regular
 * expression that does not compile fails when the query runs with Spark's
 * INVALID_PARAMETER_VALUE.PATTERN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

const COLUMNS = 'id INT, s STRING, ts STRING, d STRING, j STRING, x DOUBLE';
const ROWS: (number | string | null)[][] = [
  [0, 'abc12de345', '2024-01-15 10:30:00', '05/03/2024', '{"a": {"b": "one"}}', 3.14159],
  [1, 'a_c', '2023-12-31 23:59:59', '29/02/2024', '{"a": {"b": 2}}', -2.71828],
  [2, 'x,y,,z', '2024-07-01 00:00:00', '31/12/1999', '{"a": [1]}', 1234.5678],
  [3, 'ab', '1999-02-28 12:00:00', '01/01/2000', 'not json', 0.005],
  [4, null, null, null, null, null],
];
/** The literal arguments, also stored in columns of every row so the same call can take a column. */
const ARGUMENTS: Record<string, string | number> = {
  digits: '[0-9]+', groups: '([a-z]+)([0-9]+)', comma: ',', starts: 'a%', ends: '%c', inside: '%b%', one: 'a_c', exact: 'ab',
  month: 'yyyy-MM', dmy: 'dd/MM/yyyy', path: '$.a.b', zone: 'Europe/Paris', unit: 'MONTH', pos: 2, len: 3, width: 6, pad: '0', scale: 2,
  weekday: 'monday', key: 'k', matching: 'abc', replacement: 'xy', mode: 'PERMISSIVE',
};
const argumentColumns = Object.entries(ARGUMENTS).map(([name, v]) => `${typeof v === 'number' ? v : `'${v}'`} AS ${name}`).join(', ');

/** Each call with `$name` where an argument goes: filled with the literal, then with its column. */
const CALLS: Record<string, string> = {
  replaced: "regexp_replace(s, $digits, '#')",
  matches: 's RLIKE $digits',
  extracted: 'regexp_extract(s, $groups, 2)',
  parts: 'split(s, $comma)',
  starts: 's LIKE $starts',
  ends: 's LIKE $ends',
  inside: 's LIKE $inside',
  one: 's LIKE $one',
  exact: 's LIKE $exact',
  sub: 'substring(s, $pos, $len)',
  padded: 'lpad(s, $width, $pad)',
  starred: "rpad(s, $width, '*')",
  translated: 'translate(s, $matching, $replacement)',
  month: 'date_format(CAST(ts AS TIMESTAMP), $month)',
  day: 'CAST(to_date(d, $dmy) AS STRING)',
  truncated: 'CAST(date_trunc($unit, CAST(ts AS TIMESTAMP)) AS STRING)',
  field: 'get_json_object(j, $path)',
  rounded: 'round(x, $scale)',
};
/** DuckDB's spelling of the same calls, with the literals. */
const DUCKDB: Record<string, string> = {
  replaced: "regexp_replace(s, '[0-9]+', '#', 'g')",
  matches: "regexp_matches(s, '[0-9]+')",
  extracted: "regexp_extract(s, '([a-z]+)([0-9]+)', 2)",
  parts: "string_split_regex(s, ',')",
  starts: "s LIKE 'a%'",
  ends: "s LIKE '%c'",
  inside: "s LIKE '%b%'",
  one: "s LIKE 'a_c'",
  exact: "s LIKE 'ab'",
  sub: 'substring(s, 2, 3)',
  padded: "lpad(s, 6, '0')",
  starred: "rpad(s, 6, '*')",
  translated: "translate(s, 'abc', 'xy')",
  month: "strftime(CAST(ts AS TIMESTAMP), '%Y-%m')",
  day: "strftime(strptime(d, '%d/%m/%Y'), '%Y-%m-%d')",
  truncated: "strftime(date_trunc('month', CAST(ts AS TIMESTAMP)), '%Y-%m-%d %H:%M:%S')",
  field: "CASE WHEN json_valid(j) THEN json_extract_string(j, '$.a.b') END",
  rounded: 'round(x, 2)',
};

const fill = (call: string, literal: boolean) =>
  call.replace(/\$(\w+)/g, (_, name: string) => (!literal ? name : typeof ARGUMENTS[name] === 'number' ? String(ARGUMENTS[name]) : `'${ARGUMENTS[name]}'`));
const select = (literal: boolean) => `SELECT id, ${Object.entries(CALLS).map(([alias, call]) => `${fill(call, literal)} AS ${alias}`).join(', ')} FROM t ORDER BY id`;

let fc: FlintContext;
let duckdb: DuckDbReference;

/** A query's generated function (EXPLAIN CODEGEN) split into the code before its row loop and the loop. */
async function generatedCode(query: string): Promise<[string, string]> {
  const code = String(Object.values((await fc.sql(`EXPLAIN CODEGEN ${query}`).collect())[0]!)[0]);
  const [prologue, loop] = code.split('for (const row of input)');
  return [prologue!, loop!];
}

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
  fc.createDataFrame(ROWS.map((r) => Object.fromEntries(COLUMNS.split(', ').map((c, i) => [c.split(' ')[0], r[i]]))), COLUMNS).createOrReplaceTempView('raw');
  fc.sql(`SELECT *, ${argumentColumns} FROM raw`).createOrReplaceTempView('t');
  duckdb = await DuckDbReference.open(1);
  await duckdb.createTable('t', 'id INTEGER, s VARCHAR, ts VARCHAR, d VARCHAR, j VARCHAR, x DOUBLE', ROWS);
});
afterAll(async () => {
  duckdb?.close();
  await fc?.stop();
});

describe('literal and column arguments', () => {
  it("give the same answers, DuckDB's", async () => {
    const withLiterals = await fc.sql(select(true)).collect();
    const withColumns = await fc.sql(select(false)).collect();
    const reference = await duckdb.query(`SELECT id, ${Object.entries(DUCKDB).map(([alias, call]) => `${call} AS ${alias}`).join(', ')} FROM t ORDER BY id`);
    expect(withLiterals).toEqual(reference);
    expect(withColumns).toEqual(withLiterals);
  });

  it('give the same answers for the functions DuckDB spells differently (known answers)', async () => {
    const calls = {
      paris: "CAST(from_utc_timestamp(CAST(ts AS TIMESTAMP), $zone) AS STRING)",
      formatted: 'format_number(x, $scale)',
      charred: 'to_char(CAST(ts AS TIMESTAMP), $month)',
      monday: 'CAST(next_day(to_date(d, $dmy), $weekday) AS STRING)',
      k: "parse_url(concat('https://h/p?a=1&k=', id), 'QUERY', $key)",
      parsed: "to_json(from_json(j, 'a STRUCT<b: STRING>', map('mode', $mode)))",
      csv: "to_csv(named_struct('id', id, 's', s), map('sep', $comma))",
    };
    const query = (literal: boolean) => `SELECT ${Object.entries(calls).map(([alias, call]) => `${fill(call, literal)} AS ${alias}`).join(', ')} FROM t ORDER BY id`;
    const withLiterals = await fc.sql(query(true)).collect();
    expect(await fc.sql(query(false)).collect()).toEqual(withLiterals);
    // Paris is UTC+1 in winter, UTC+2 in summer; Java's DecimalFormat groups thousands, HALF_EVEN;
    // 2024-03-05 is a Tuesday, 2024-02-29 a Thursday, 1999-12-31 a Friday, 2000-01-01 a Saturday;
    // a record that does not fit the schema is all nulls (PERMISSIVE), which to_json leaves out.
    expect(withLiterals).toEqual([
      { paris: '2024-01-15 11:30:00', formatted: '3.14', charred: '2024-01', monday: '2024-03-11', k: '0', parsed: '{"a":{"b":"one"}}', csv: '0,abc12de345' },
      { paris: '2024-01-01 00:59:59', formatted: '-2.72', charred: '2023-12', monday: '2024-03-04', k: '1', parsed: '{"a":{"b":"2"}}', csv: '1,a_c' },
      { paris: '2024-07-01 02:00:00', formatted: '1,234.57', charred: '2024-07', monday: '2000-01-03', k: '2', parsed: '{}', csv: '2,"x,y,,z"' },
      { paris: '1999-02-28 13:00:00', formatted: '0.00', charred: '1999-02', monday: '2000-01-03', k: '3', parsed: '{}', csv: '3,ab' },
      { paris: null, formatted: null, charred: null, monday: null, k: '4', parsed: null, csv: '4,' },
    ]);
  });

  it('a literal is compiled once, in the generated code before the row loop', async () => {
    const [prologue, loop] = await generatedCode(select(true));
    expect(prologue).toContain(`sqlWallClockFormatter("yyyy-MM")`);
    expect(prologue).toContain(`sqlRegex("[0-9]+", 'regexp_replace', 'g')`);
    expect(prologue).toContain(`sqlLikePattern("a%", "\\\\")`);
    // Prepared from two literal arguments: lpad's fill from its pad and length, translate's map.
    expect(prologue).toContain(`sqlPadding("0", 6)`);
    expect(prologue).toContain(`sqlTranslation("abc", "xy")`);
    for (const literal of ['"yyyy-MM"', '"[0-9]+"', '"a%"', '"dd/MM/yyyy"', '"$.a.b"']) expect(loop).not.toContain(literal);
  });

  it("from_json's parser and to_json's writer are made once before the row loop", async () => {
    const [prologue, loop] = await generatedCode("SELECT to_json(from_json(j, 'a STRUCT<b: STRING>')) AS parsed FROM t");
    expect(prologue).toContain('sqlFormats.jsonParser(');
    expect(prologue).toContain('sqlFormats.jsonWriter(');
    expect(loop).not.toMatch(/jsonParser|jsonWriter|STRUCT|struct/);
  });

  it('a zone, the session\'s or a literal, is made once before the row loop', async () => {
    const [prologue, loop] = await generatedCode("SELECT from_utc_timestamp(CAST(ts AS TIMESTAMP), 'Europe/Paris') AS paris, hour(CAST(ts AS TIMESTAMP)) AS h FROM t");
    expect(prologue).toContain('sqlZone.of("Europe/Paris")');
    expect(prologue).toContain('sqlZone.of("UTC")');
    expect(loop).not.toContain('"Europe/Paris"');
    expect(loop).not.toContain('"UTC"');
  });
});

describe('a regular expression that does not compile', () => {
  const invalid = (fn: string) => `[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) \`regexp\` in \`${fn}\` is invalid: '[a'. SQLSTATE: 22023`;

  it.each([
    ["SELECT s RLIKE '[a' FROM t", 'rlike'],
    ["SELECT regexp_replace(s, '[a', 'x') FROM t", 'regexp_replace'],
    ["SELECT split(s, '[a') FROM t", 'split'],
  ])('%s passes analysis and fails when it runs, as Spark', async (query, fn) => {
    const df = fc.sql(query);
    await expect(df.collect()).rejects.toThrow(invalid(fn));
  });

  it('fails from a column too, only on a row that reaches it', async () => {
    // concat with an empty piece of s: a pattern computed per row, not folded into a literal.
    const perRow = "concat(substring(s, 1, 0), '[a')";
    await expect(fc.sql(`SELECT s RLIKE ${perRow} FROM raw`).collect()).rejects.toThrow(invalid('rlike'));
    expect(await fc.sql(`SELECT s RLIKE ${perRow} AS m FROM raw WHERE id < 0`).collect()).toEqual([]);
  });
});
