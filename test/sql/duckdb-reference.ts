/**
 * DuckDB as the reference engine for Flint's SQL: loads the TPC-H CSV files (or any CSV with
 * a known schema) into an in-memory DuckDB and runs SQL, returning rows as plain objects whose
 * values are normalised the way Flint collects them: numbers (BIGINT/HUGEINT/DECIMAL too; an
 * integer past 2^53 as a JS bigint, Flint's exact long), strings, booleans, `Date`s (DATE at UTC
 * midnight), and null.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { TPCH_TABLE_NAMES, TPCH_TABLES, type TpchColumnType } from '../../benchmarks/tpch/schema.js';

export type ReferenceValue = number | bigint | string | boolean | Date | null | ReferenceValue[] | { [key: string]: ReferenceValue };
export type ReferenceRow = Record<string, ReferenceValue>;

const DUCKDB_TYPES: Record<TpchColumnType, string> = {
  bigint: 'BIGINT', int: 'INTEGER', double: 'DOUBLE', date: 'DATE', string: 'VARCHAR',
};

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function normaliseValue(value: unknown): ReferenceValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseValue(v)]));
  }
  throw new Error(`cannot normalise a DuckDB value of type ${typeof value}`);
}

export class DuckDbReference {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(threads = 2): Promise<DuckDbReference> {
    const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
    return new DuckDbReference(instance, await instance.connect());
  }

  /** Opens DuckDB with the eight TPC-H tables of `dataDir` (as written by generate.ts) loaded. */
  static async withTpch(dataDir: string, threads = 2): Promise<DuckDbReference> {
    const db = await DuckDbReference.open(threads);
    for (const table of TPCH_TABLE_NAMES) {
      await db.loadCsv(table, join(dataDir, `${table}.csv`), TPCH_TABLES[table]);
    }
    return db;
  }

  /** Creates table `name` from a CSV file with a header row and the given column types. */
  async loadCsv(name: string, path: string, columns: Record<string, TpchColumnType>): Promise<void> {
    const columnSpec = Object.entries(columns)
      .map(([column, type]) => `${sqlString(column)}: ${sqlString(DUCKDB_TYPES[type])}`)
      .join(', ');
    await this.connection.run(
      `CREATE TABLE ${name} AS SELECT * FROM read_csv(${sqlString(path)}, header = true, delim = ',', ` +
        `quote = '"', columns = {${columnSpec}})`,
    );
  }

  /** Creates table `name` (`columns`: DuckDB's column list, `id INTEGER, tag VARCHAR`) holding `rows` (none: an empty table). */
  async createTable(name: string, columns: string, rows: readonly (readonly (number | bigint | string | null)[])[]): Promise<void> {
    const value = (v: number | bigint | string | null) => (v === null ? 'NULL' : typeof v === 'string' ? sqlString(v) : String(v));
    const insert = rows.length === 0 ? '' : `; INSERT INTO ${name} VALUES ${rows.map((r) => `(${r.map(value).join(', ')})`).join(', ')}`;
    await this.connection.run(`CREATE TABLE ${name} (${columns})${insert}`);
  }

  async query(sql: string): Promise<ReferenceRow[]> {
    const reader = await this.connection.runAndReadAll(sql);
    const names = reader.columnNames();
    return reader.getRowsJS().map((values) => {
      const row: ReferenceRow = {};
      names.forEach((name, i) => (row[name] = normaliseValue(values[i])));
      return row;
    });
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
