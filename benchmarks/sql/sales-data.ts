/**
 * The sales benchmark's data: `sales` (order_id, customer_id, product_id, region, quantity,
 * price, ts) and `customers` (customer_id, name, segment), generated from a seeded PRNG so a
 * row count always yields the same bytes, written once as CSV (with a header) and converted to
 * Parquet by DuckDB, and cached in benchmarks/data/sql-<rows>/ between runs.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { cachedPath } from '../../examples/shared/generated-file.js';
import { SeededRandom } from '../tpch/random.js';

export const REGIONS = ['NORTH', 'SOUTH', 'EAST', 'WEST', 'CENTRAL'] as const;
export const SEGMENTS = ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'HOUSEHOLD', 'MACHINERY'] as const;
export const PRODUCTS = 1000;
const FIRST_TS_MS = Date.UTC(2024, 0, 1);
const YEAR_MS = 366 * 86_400_000;

export const SALES_DDL =
  'order_id INT, customer_id INT, product_id INT, region STRING, quantity INT, price DOUBLE, ts TIMESTAMP';
export const CUSTOMERS_DDL = 'customer_id INT, name STRING, segment STRING';

export interface SalesData {
  dir: string;
  rows: number;
  customers: number;
  csv: { sales: string; customers: string };
  parquet: { sales: string; customers: string };
}

export type InputFormat = 'csv' | 'parquet';

/** A DDL string of these tables (`name TYPE, ...`) as the `columns` struct of DuckDB's read_csv. */
export function duckDbColumns(ddl: string): string {
  return ddl
    .split(', ')
    .map((column) => {
      const [name, type] = column.split(' ');
      return `'${name}': '${type === 'STRING' ? 'VARCHAR' : type}'`;
    })
    .join(', ');
}

/** One customer per ten sales rows (the brief's 10 million to 1 million), at least one. */
export function customersFor(rows: number): number {
  return Math.max(1, Math.floor(rows / 10));
}

export function salesDataPaths(rows: number): SalesData {
  const dir = fileURLToPath(new URL(`../data/sql-${rows}/`, import.meta.url));
  return {
    dir,
    rows,
    customers: customersFor(rows),
    csv: { sales: join(dir, 'sales.csv'), customers: join(dir, 'customers.csv') },
    parquet: { sales: join(dir, 'sales.parquet'), customers: join(dir, 'customers.parquet') },
  };
}

/** The data for `rows` sales rows, generated only where a file is missing. */
export async function salesData(rows: number): Promise<SalesData> {
  const data = salesDataPaths(rows);
  mkdirSync(data.dir, { recursive: true });
  cachedPath(data.csv.customers, (path) => {
    console.log(`generating ${data.customers} customers at ${data.csv.customers} (once)...`);
    writeCsv(path, 'customer_id,name,segment', data.customers, customerLine());
  });
  cachedPath(data.csv.sales, (path) => {
    console.log(`generating ${rows} sales rows at ${data.csv.sales} (once)...`);
    writeCsv(path, 'order_id,customer_id,product_id,region,quantity,price,ts', rows, salesLine(data.customers));
  });
  for (const table of ['customers', 'sales'] as const) {
    if (!existsSync(data.parquet[table])) {
      await toParquet(data.csv[table], data.parquet[table], table === 'sales' ? SALES_DDL : CUSTOMERS_DDL, rowGroupSize(rows));
    }
  }
  return data;
}

function customerLine(): (id: number) => string {
  const random = SeededRandom.forStream('customers');
  return (id) => `${id},Customer#${String(id).padStart(9, '0')},${random.pick(SEGMENTS)}`;
}

function salesLine(customers: number): (id: number) => string {
  const random = SeededRandom.forStream('sales');
  return (id) => {
    const customer = random.int(1, customers);
    const product = random.int(1, PRODUCTS);
    const region = random.pick(REGIONS);
    const quantity = random.int(1, 20);
    // Cents, so that many rows share a price and the sort's second key matters.
    const price = (random.int(100, 100_000) / 100).toFixed(2);
    const ts = new Date(FIRST_TS_MS + Math.floor(random.next() * YEAR_MS)).toISOString().slice(0, 19).replace('T', ' ');
    return `${id},${customer},${product},${region},${quantity},${price},${ts}`;
  };
}

function writeCsv(path: string, header: string, rows: number, line: (id: number) => string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${header}\n`);
    let chunk: string[] = [];
    for (let id = 1; id <= rows; id++) {
      chunk.push(line(id));
      if (chunk.length === 50_000 || id === rows) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** About eight row groups (Parquet splits' unit), at most a million rows each. */
function rowGroupSize(rows: number): number {
  return Math.min(1_000_000, Math.max(10_000, Math.ceil(rows / 8)));
}

async function toParquet(csv: string, parquet: string, ddl: string, rowGroupRows: number): Promise<void> {
  console.log(`converting ${csv} to Parquet with DuckDB (once)...`);
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    const partial = `${parquet}.partial-${process.pid}`;
    await connection.run(
      `COPY (SELECT * FROM read_csv('${csv}', header = true, columns = {${duckDbColumns(ddl)}})) ` +
        `TO '${partial}' (FORMAT parquet, ROW_GROUP_SIZE ${rowGroupRows})`,
    );
    renameSync(partial, parquet);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
