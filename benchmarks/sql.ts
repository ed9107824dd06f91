/**
 * SQL benchmark (`npm run bench -- sql [options]`): Flint's SQL, DataFrame and RDD APIs on
 * `local[2]` against a hand-written two-thread Node.js program, DuckDB, nodejs-polars and
 * arquero (both 2 threads where they have threads) on three queries over generated sales data
 * (sql/sales-data.ts) as CSV and Parquet, then the 22 TPC-H queries and (`--parts clickbench`) the
 * 43 ClickBench queries on a synthetic `hits` Parquet file, Flint against DuckDB.
 * Every engine runs in its own process (sql/engine-main.ts) per query; every answer is checked
 * against DuckDB's, and the benchmark exits non-zero if one differs. Results go to
 * benchmarks/results/sql-<date>.{json,md,svg,tpch.svg,clickbench.svg} (sql-sales-…, sql-tpch-sf0.1-… for
 * one part or other sizes).
 *
 *   --rows N            sales rows (default 10,000,000; customers are a tenth of that)
 *   --tpch-scale SF     TPC-H scale factor (default 1)
 *   --clickbench-rows N ClickBench hits rows (default 1,000,000)
 *   --parts sales,tpch  which parts to run (default sales,tpch; clickbench too)
 *   --engines a,b       sales engines (default all: see sql/engines.ts)
 *   --queries a,b       sales queries (group-by, join, sort); --tpch-queries 1,3,5 for TPC-H,
 *                       --clickbench-queries 1,29 for ClickBench
 *   --formats csv,parquet
 *   --runs N            runs of each (default 1), --timeout S per run (default 900)
 *   --cpu-prof DIR      write V8 CPU profiles of every run (task threads too) into DIR
 */
import { createHash } from 'node:crypto';
import { cpus, loadavg, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeResultFiles } from './results-files.js';
import { benchOptions } from './bench-options.js';
import { generateHits, hitsSelect } from './clickbench/generate.js';
import { clickbenchAnswerDifference } from './clickbench/answers.js';
import { CLICKBENCH_QUERY_NUMBERS, clickbenchQuery, duckdbHitsSource } from './clickbench/queries.js';
import { DuckDbReference, type ReferenceRow } from '../test/sql/duckdb-reference.js';
import { generateTpch } from './tpch/generate.js';
import { TPCH_QUERY_NUMBERS, tpchQuery } from './tpch/queries.js';
import { TPCH_TABLE_NAMES } from './tpch/schema.js';
import { clickbenchChart, salesChart, tpchChart } from './sql/charts.js';
import { ENGINES } from './sql/engines.js';
import { geometricMeans, markdownReport, targets, type SqlBenchReport } from './sql/report.js';
import { compileEngines, type RunOptions } from './sql/run-engine.js';
import { runRounds, type RoundsResult } from './sql/run-rounds.js';
import { SALES_QUERIES, SORT_MATERIALIZATION } from './sql/queries.js';
import { salesData, type InputFormat } from './sql/sales-data.js';

const DEFAULT_ROWS = 10_000_000;
const DEFAULT_TPCH_SCALE = 1;
const DEFAULT_CLICKBENCH_ROWS = 1_000_000;

async function main(): Promise<number> {
  const values = benchOptions('sql', `[options]
  --rows N            sales rows (default ${DEFAULT_ROWS.toLocaleString('en')}; customers are a tenth of that)
  --tpch-scale SF     TPC-H scale factor (default ${DEFAULT_TPCH_SCALE})
  --clickbench-rows N ClickBench hits rows (default ${DEFAULT_CLICKBENCH_ROWS.toLocaleString('en')})
  --parts sales,tpch  which parts to run (default sales,tpch; clickbench too)
  --engines a,b       sales engines (default all: ${Object.keys(ENGINES).join(', ')})
  --queries a,b       sales queries (${SALES_QUERIES.join(', ')}); --tpch-queries 1,3,5 for TPC-H,
                      --clickbench-queries 1,29 for ClickBench
  --formats csv,parquet
  --runs N            runs of each (default 1), --timeout S per run (default 900)
  --cpu-prof DIR      write V8 CPU profiles of every run (task threads too) into DIR`, {
    rows: { type: 'string', default: String(DEFAULT_ROWS) },
    'tpch-scale': { type: 'string', default: String(DEFAULT_TPCH_SCALE) },
    'clickbench-rows': { type: 'string', default: String(DEFAULT_CLICKBENCH_ROWS) },
    parts: { type: 'string', default: 'sales,tpch' },
    engines: { type: 'string', default: Object.keys(ENGINES).join(',') },
    queries: { type: 'string', default: SALES_QUERIES.join(',') },
    'tpch-queries': { type: 'string', default: TPCH_QUERY_NUMBERS.join(',') },
    'clickbench-queries': { type: 'string', default: CLICKBENCH_QUERY_NUMBERS.join(',') },
    formats: { type: 'string', default: 'csv,parquet' },
    runs: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '900' },
    'cpu-prof': { type: 'string' },
  });
  const rows = positiveNumber('--rows', values.rows, Number.isInteger);
  const tpchScale = positiveNumber('--tpch-scale', values['tpch-scale']);
  const runs = positiveNumber('--runs', values.runs, Number.isInteger);
  const clickbenchRows = positiveNumber('--clickbench-rows', values['clickbench-rows'], Number.isInteger);
  const parts = listOf('--parts', values.parts, ['sales', 'tpch', 'clickbench']);
  const engines = listOf('--engines', values.engines, Object.keys(ENGINES));
  const queries = listOf('--queries', values.queries, SALES_QUERIES);
  const formats = listOf('--formats', values.formats, ['csv', 'parquet']) as InputFormat[];
  const tpchQueries = listOf('--tpch-queries', values['tpch-queries'], TPCH_QUERY_NUMBERS.map(String)).map(Number);
  const clickbenchQueries = listOf('--clickbench-queries', values['clickbench-queries'], CLICKBENCH_QUERY_NUMBERS.map(String)).map(Number);
  const options: RunOptions = { timeoutMs: positiveNumber('--timeout', values.timeout) * 1000, nodeFlags: profileFlags(values['cpu-prof']) };

  console.log('compiling the engine programs...');
  compileEngines();
  const loadBefore = loadavg()[0];
  const command = `npm run bench -- sql ${process.argv.slice(2).join(' ')}`.trim();
  const name = resultsName(parts, rows, tpchScale, clickbenchRows);
  let sales: SqlBenchReport['sales'] = null;
  let tpch: SqlBenchReport['tpch'] = null;
  let clickbench: SqlBenchReport['clickbench'] = null;
  const mismatches: string[] = [];
  // Results are written after every task, so a run stopped early keeps what it measured.
  const save = (final: boolean) => {
    const report: SqlBenchReport = {
      date: new Date().toISOString(),
      command,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: platform() },
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      runs,
      materialization: SORT_MATERIALIZATION,
      sales,
      tpch,
      clickbench,
      targets: targets({ sales, tpch }),
      mismatches,
    };
    const markdown = markdownReport(report);
    if (final) console.log(`\n${markdown}`);
    const files: Record<string, string> = { json: JSON.stringify(report, null, 2) + '\n', md: markdown };
    if (sales !== null) files.svg = salesChart(rows, sales.measurements);
    if (tpch !== null) files['tpch.svg'] = tpchChart(tpchScale, tpch.measurements);
    if (clickbench) files['clickbench.svg'] = clickbenchChart(clickbenchRows, clickbench.measurements);
    writeResultFiles(name, report.date, files, !final);
  };
  if (parts.includes('sales')) {
    const data = await salesData(rows);
    const tasks = formats.flatMap((format) => queries.map((query) => ({ query, format, tables: data[format] })));
    const result = await runRounds(tasks, engines, runs, options, (sofar) => {
      sales = { rows, customers: data.customers, measurements: sofar.measurements };
      save(false);
    });
    sales = { rows, customers: data.customers, measurements: result.measurements };
    mismatches.push(...result.mismatches);
  }
  if (parts.includes('tpch')) {
    const dir = tpchData(tpchScale);
    const tables = Object.fromEntries(TPCH_TABLE_NAMES.map((table) => [table, join(dir, `${table}.csv`)]));
    const tasks = tpchQueries.map((n) => ({ query: `tpch-q${String(n).padStart(2, '0')}`, format: 'csv' as const, tables, sql: tpchQuery(n) }));
    const progress = (measurements: RoundsResult['measurements']) => ({ scaleFactor: tpchScale, measurements, geometricMeans: geometricMeans(measurements) });
    const result = await runRounds(tasks, ['flint-sql'], runs, options, (sofar) => {
      tpch = progress(sofar.measurements);
      save(false);
    });
    tpch = progress(result.measurements);
    mismatches.push(...result.mismatches);
  }
  if (parts.includes('clickbench')) {
    const path = await clickbenchData(clickbenchRows);
    const query = (n: number) => `clickbench-q${String(n).padStart(2, '0')}`;
    const tasks = clickbenchQueries.map((n) => ({
      query: query(n), format: 'parquet' as const, tables: { hits: path }, sql: clickbenchQuery(n, 'spark'), duckdbSql: clickbenchQuery(n, 'duckdb'),
    }));
    const progress = (measurements: RoundsResult['measurements']) => ({ rows: clickbenchRows, measurements, geometricMeans: geometricMeans(measurements) });
    // Where ORDER BY ... LIMIT cuts through ties, the tied rows DuckDB did not pick are right too.
    const db = await DuckDbReference.open(2);
    try {
      await db.query(`CREATE VIEW hits AS ${duckdbHitsSource(path)}`);
      const check = (task: { query: string }, rows: Record<string, unknown>[], reference: Record<string, unknown>[]) =>
        clickbenchAnswerDifference(Number(task.query.slice('clickbench-q'.length)), rows, reference as ReferenceRow[], db, 1e-6);
      const result = await runRounds(tasks, ['flint-sql'], runs, options, (sofar) => {
        clickbench = progress(sofar.measurements);
        save(false);
      }, check);
      clickbench = progress(result.measurements);
      mismatches.push(...result.mismatches);
    } finally {
      db.close();
    }
  }
  save(true);
  if (mismatches.length > 0) {
    console.error(`\n${mismatches.length} answer(s) differ from DuckDB's:\n${mismatches.join('\n')}`);
    return 1;
  }
  return 0;
}

/**
 * `sql` for the standard run (sales and TPC-H at their default sizes); a run of other parts or
 * sizes (a quick check) gets its own name, so that it does not replace the standard results:
 * sql-sales-100000rows, sql-tpch-sf0.1, sql-clickbench, sql-clickbench-hits200000.
 */
function resultsName(parts: string[], rows: number, scaleFactor: number, clickbenchRows: number): string {
  const has = (part: string) => parts.includes(part);
  const standard = has('sales') && has('tpch');
  const names = [
    ...(standard ? [] : ['sales', 'tpch'].filter(has)),
    has('clickbench') ? 'clickbench' : '',
    has('sales') && rows !== DEFAULT_ROWS ? `${rows}rows` : '',
    has('tpch') && scaleFactor !== DEFAULT_TPCH_SCALE ? `sf${scaleFactor}` : '',
    has('clickbench') && clickbenchRows !== DEFAULT_CLICKBENCH_ROWS ? `hits${clickbenchRows}` : '',
  ];
  return ['sql', ...names.filter((name) => name !== '')].join('-');
}

function tpchData(scaleFactor: number): string {
  const dir = fileURLToPath(new URL(`data/tpch-sf${scaleFactor}/`, import.meta.url));
  if (!existsSync(join(dir, 'lineitem.csv'))) {
    console.log(`generating TPC-H SF ${scaleFactor} at ${dir} (once)...`);
    generateTpch(scaleFactor, dir);
  }
  return dir;
}

/** The generated hits file, named by a hash of the generator's SELECT: a changed generator makes a new file. */
async function clickbenchData(rows: number): Promise<string> {
  const version = createHash('sha256').update(hitsSelect(rows)).digest('hex').slice(0, 8);
  const path = fileURLToPath(new URL(`data/clickbench-${rows}-${version}/hits.parquet`, import.meta.url));
  if (!existsSync(path)) {
    console.log(`generating ClickBench hits, ${rows} rows, at ${path} (once)...`);
    mkdirSync(dirname(path), { recursive: true });
    await generateHits(rows, `${path}.partial`);
    renameSync(`${path}.partial`, path);
  }
  return path;
}

function profileFlags(dir: string | undefined): string[] {
  if (dir === undefined) return [];
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true });
  console.log(`CPU profiles of every run go to ${absolute}`);
  return ['--cpu-prof', `--cpu-prof-dir=${absolute}`];
}

function positiveNumber(option: string, value: string, valid: (n: number) => boolean = Number.isFinite): number {
  const parsed = Number(value);
  if (!valid(parsed) || parsed <= 0) throw new Error(`${option} wants a positive number, got ${value}`);
  return parsed;
}

function listOf<T extends string>(option: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').filter((item) => item.length > 0);
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length > 0 || items.length === 0) throw new Error(`${option}: unknown ${unknown.join(', ') || '(empty list)'}; choose from ${allowed.join(', ')}`);
  return items as T[];
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
}
