/**
 * A synthetic ClickBench `hits` table: `tsx benchmarks/clickbench/generate.ts --rows 200000 --out hits.parquet`.
 * The rows are one DuckDB SELECT over range(rows) (hits-columns.ts), every random draw an integer
 * hash of the row number, so a row count always yields the same values; DuckDB writes the Parquet
 * file. Times are TIMESTAMP WITH TIME ZONE in the file (Parquet's isAdjustedToUTC), which Spark
 * reads as `timestamp`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { pathToFileURL } from 'node:url';
import { HITS_COLUMNS, type HitsColumnType } from './schema.js';
import { HITS_HASH_MACROS, HITS_KEYS, HITS_VALUES, hitsDraws } from './hits-columns.js';

const SQL_TYPES: Record<HitsColumnType, string> = {
  SMALLINT: 'SMALLINT', INTEGER: 'INTEGER', BIGINT: 'BIGINT', TEXT: 'VARCHAR', TIMESTAMP: 'TIMESTAMPTZ', DATE: 'DATE', CHAR: 'VARCHAR',
};

const list = (columns: Record<string, string>) =>
  Object.entries(columns).map(([name, sql]) => `${sql} AS ${name}`).join(',\n    ');

/** The SELECT that yields `rows` rows of `hits`, every column in create.sql's order. */
export function hitsSelect(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`hits needs a positive whole number of rows, not ${rows}`);
  const missing = HITS_COLUMNS.filter(([name]) => !(name in HITS_VALUES)).map(([name]) => name);
  if (missing.length > 0) throw new Error(`no generator for hits columns ${missing.join(', ')}`);
  const values = HITS_COLUMNS.map(([name, type]) => `CAST(${HITS_VALUES[name]} AS ${SQL_TYPES[type]}) AS ${name}`);
  return `WITH draws AS (SELECT i,\n    ${list(hitsDraws(rows))}\n  FROM range(${rows}) t(i)),\n` +
    `keyed AS (SELECT *,\n    ${list(HITS_KEYS)}\n  FROM draws),\n` +
    `drawn AS (SELECT *, CASE WHEN ref_draw = 0 AND (url = 0 OR google) THEN 1 ELSE ref_draw END AS ref FROM keyed)\n` +
    `SELECT\n  ${values.join(',\n  ')}\nFROM drawn ORDER BY i`;
}

/** Writes `rows` rows of `hits` to the Parquet file `path`. */
export async function generateHits(rows: number, path: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    for (const macro of HITS_HASH_MACROS) await connection.run(macro);
    await connection.run(`COPY (${hitsSelect(rows)}) TO '${path.replaceAll("'", "''")}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function parseArgs(argv: string[]): { rows: number; out: string } {
  const usage = 'usage: generate.ts --rows <count> --out <file.parquet>';
  let rows: number | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--rows' && value !== undefined) rows = Number(value);
    else if (flag === '--out' && value !== undefined) out = value;
    else throw new Error(`unknown argument '${flag}'; ${usage}`);
  }
  if (rows === undefined || out === undefined) throw new Error(usage);
  return { rows, out };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { rows, out } = parseArgs(process.argv.slice(2));
    const started = Date.now();
    await generateHits(rows, out);
    console.log(`hits: ${rows} rows written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
