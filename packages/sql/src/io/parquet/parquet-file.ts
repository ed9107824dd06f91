/** Whole local Parquet files: read (only some columns, skipping row groups by statistics) and write. */
import { writeFileSync } from 'node:fs';
import type { StructType } from '../../types/index.js';
import { readParquetFooter, readRowGroupRows } from './parquet-read.js';
import { rowGroupsToRead, type ColumnPredicate } from './row-group-filter.js';
import { writeParquetBuffer } from './parquet-write.js';

export interface ParquetReadResult {
  schema: StructType;
  rows: unknown[][];
  /** How many row groups the statistics let the read skip. */
  skippedRowGroups: number;
}

export async function readParquetFile(
  path: string,
  columns?: readonly number[],
  predicates: readonly ColumnPredicate[] = [],
): Promise<ParquetReadResult> {
  const footer = readParquetFooter(path);
  const groups = rowGroupsToRead(footer.metadata, predicates);
  const rows: unknown[][] = [];
  for (const g of groups) for (const row of readRowGroupRows(path, footer, g, columns)) rows.push(row);
  return { schema: footer.schema, rows, skippedRowGroups: footer.metadata.row_groups.length - groups.length };
}

export function writeParquetFile(path: string, schema: StructType, rows: readonly unknown[][], rowGroupSize?: number): void {
  writeFileSync(path, writeParquetBuffer(schema, rows, rowGroupSize));
}
