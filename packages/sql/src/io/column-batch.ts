/**
 * Rows of a file scan as columns, the form in which the readers hand them to a stage's generated
 * loop (pipeline.ts): `columns[c][r]` is row r's value of column c, and every column the scan was
 * told to read holds `length` values (a column of the schema missing from the file: nulls, from
 * sharedNulls). A column the scan was not told to read is UNREAD_COLUMN, with no values: the
 * generated loop is the batch's only reader and binds such a column to null without touching it
 * (pipeline.ts, Pipeline.readColumns), and nothing above the scan's projection can name it (column
 * pruning, physical/scan-columns.ts). A column of numbers without nulls may be a typed array (the
 * Parquet reader's). A batch is one record of the scan's RDD, so the loop pays one iterator step
 * per batch instead of one row array and one step per row.
 */
export interface ColumnBatch {
  readonly length: number;
  readonly columns: ArrayLike<unknown>[];
  /**
   * Where a string column is kept dictionary-encoded (the Parquet reader's), its dictionary:
   * `columns[c]` then holds codes, and row r's value is `dictionaries[c][columns[c][r]]`.
   */
  readonly dictionaries?: readonly (readonly unknown[] | undefined)[];
}

/**
 * The column of a batch that the scan was not told to read: never indexed (see ColumnBatch). A
 * million shared nulls per thread instead cost each task thread ~7 ms to fill and its first full
 * garbage collections (a Parquet row group's 9 MB array).
 */
export const UNREAD_COLUMN: readonly unknown[] = Object.freeze([]);

/** Rows a CSV reader puts in one batch. */
export const BATCH_ROWS = 8192;

let nullColumn: unknown[] = [];

/**
 * At least `rows` nulls, one array shared by this thread's batches for the columns a query reads
 * that a file does not have (nothing writes to a batch; it may be longer than the batch). It grows with room to
 * spare: filling a million nulls again for each slightly longer Parquet row group cost more than
 * reading a column, and a fresh array per CSV piece was most of a lineitem scan's garbage.
 */
export function sharedNulls(rows: number): unknown[] {
  if (nullColumn.length < rows) nullColumn = new Array<unknown>(Math.max(rows + (rows >> 3), nullColumn.length * 2)).fill(null);
  return nullColumn;
}

/** Collects rows column by column; `take` hands them over as a batch and starts again. */
export class ColumnBatchBuilder {
  private columns: unknown[][];
  private rows = 0;
  /** The positions collected: the columns a query reads (the others are UNREAD_COLUMN). */
  private readonly collected: readonly number[];

  constructor(
    private readonly width: number,
    /** Values every row ends with (Hive-style partition columns). */
    private readonly trailing: readonly unknown[] = [],
    read?: readonly number[],
  ) {
    this.collected = read ?? Array.from({ length: width }, (_, i) => i);
    this.columns = this.empty();
  }

  /** Appends a row from its first `width` values. */
  push(values: ArrayLike<unknown>): void {
    const collected = this.collected;
    for (let i = 0; i < collected.length; i++) this.columns[i].push(values[collected[i]]);
    this.rows++;
  }

  get size(): number {
    return this.rows;
  }

  take(): ColumnBatch {
    const columns = new Array<unknown[] | undefined>(this.width).fill(undefined);
    this.collected.forEach((c, i) => (columns[c] = this.columns[i]));
    const filled = (value: unknown) => new Array<unknown>(this.rows).fill(value);
    const batch = { length: this.rows, columns: [...columns.map((column) => column ?? UNREAD_COLUMN), ...this.trailing.map(filled)] };
    this.columns = this.empty();
    this.rows = 0;
    return batch;
  }

  private empty(): unknown[][] {
    return this.collected.map(() => []);
  }
}
