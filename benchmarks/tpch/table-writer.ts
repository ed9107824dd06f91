import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tpchColumns, type TpchTableName } from './schema.js';

const FLUSH_CHARS = 1 << 20;

/** Writes one table's CSV file: the header row, then rows buffered into ~1 MB writes. */
export class TableWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private buffered = 0;
  rows = 0;

  constructor(dir: string, table: TpchTableName) {
    this.fd = openSync(join(dir, `${table}.csv`), 'w');
    this.line(tpchColumns(table).join(','));
    this.rows = 0;
  }

  row(fields: (string | number)[]): void {
    this.line(fields.join(','));
    this.rows++;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private line(text: string): void {
    this.buffer.push(text);
    this.buffered += text.length + 1;
    if (this.buffered >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.buffered = 0;
  }
}
