/**
 * DuckDB with 2 threads, in memory: each table is a view over its file (read_csv with the
 * column types, or read_parquet; ClickBench's `hits` with naive timestamps), so DuckDB reads the
 * input inside the timed query as Flint does. The sort's rows are streamed chunk by chunk into
 * the order hash.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { normaliseValue } from '../../../test/sql/duckdb-reference.js';
import { TPCH_TABLES, TPCH_TABLE_NAMES } from '../../tpch/schema.js';
import { duckdbHitsSource } from '../../clickbench/queries.js';
import { digestRow, foldOrderId } from '../order-digest.js';
import { SALES_SQL } from '../queries.js';
import type { EngineTask } from '../engine-result.js';
import { CUSTOMERS_DDL, SALES_DDL, duckDbColumns } from '../sales-data.js';

const TPCH_TYPES: Record<string, string> = { bigint: 'BIGINT', int: 'INTEGER', double: 'DOUBLE', date: 'DATE', string: 'VARCHAR' };

export async function duckdb(task: EngineTask): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    for (const [table, path] of Object.entries(task.tables)) {
      const source = task.format === 'parquet' ? `read_parquet('${path}')` : `read_csv('${path}', header = true, columns = {${csvColumns(table)}})`;
      await connection.run(`CREATE VIEW ${table} AS ${table === 'hits' ? duckdbHitsSource(path) : `SELECT * FROM ${source}`}`);
    }
    if (task.sql !== undefined) return await rows(connection, task.duckdbSql ?? task.sql);
    if (task.query === 'sort') return [await sortDigest(connection)];
    return await rows(connection, SALES_SQL[task.query as 'group-by' | 'join']);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function csvColumns(table: string): string {
  if (table === 'sales' || table === 'customers') return duckDbColumns(table === 'sales' ? SALES_DDL : CUSTOMERS_DDL);
  if (!(TPCH_TABLE_NAMES as readonly string[]).includes(table)) throw new Error(`no column types known for table ${table}`);
  return Object.entries(TPCH_TABLES[table as keyof typeof TPCH_TABLES])
    .map(([name, type]) => `'${name}': '${TPCH_TYPES[type]}'`)
    .join(', ');
}

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  return reader.getRowsJS().map((values) => Object.fromEntries(names.map((name, i) => [name, normaliseValue(values[i])])));
}

async function sortDigest(connection: DuckDBConnection): Promise<Record<string, unknown>> {
  const result = await connection.stream(SALES_SQL.sort);
  let hash = 0;
  let count = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (const id of chunk.getColumnValues(0)) hash = foldOrderId(hash, id as number);
    count += chunk.rowCount;
  }
  return digestRow({ rows: count, hash });
}
