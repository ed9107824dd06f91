/**
 * Turns tokenized CSV records into rows of the schema (positional arrays), applying the parse
 * mode to malformed records: a record with the wrong number of fields, or a field that is not a
 * value of its column's type. The corrupt-record column (`columnNameOfCorruptRecord`, a string
 * column of the schema) takes no field; in PERMISSIVE mode it holds the raw text of a malformed
 * record. Only the `columns` asked for are converted (the others stay null), as Spark's column
 * pruning does, so a bad value in a column the query does not read is not an error.
 */
import type { StructType } from '../../types/index.js';
import { MalformedRecordError, type RecordLocation } from '../parse-mode.js';
import { INVALID, makeValueParser, type ValueParser } from '../values/parse-value.js';
import type { CsvOptions } from './csv-options.js';
import type { CsvRecord } from './csv-tokenizer.js';

export class CsvRowConverter {
  private readonly parsers: ValueParser[];
  /** For each data field (token position), its position in the row. */
  private readonly rowPositions: number[];
  private readonly corruptPosition: number;
  private readonly wanted: boolean[];

  constructor(
    private readonly schema: StructType,
    private readonly options: CsvOptions,
    columns?: readonly number[],
  ) {
    this.corruptPosition = schema.fields.findIndex((f) => f.name === options.columnNameOfCorruptRecord);
    if (this.corruptPosition >= 0 && schema.fields[this.corruptPosition].dataType.typeName() !== 'string') {
      throw new Error(`The field for corrupt records must be string type and nullable: '${options.columnNameOfCorruptRecord}'`);
    }
    this.rowPositions = schema.fields.map((_, i) => i).filter((i) => i !== this.corruptPosition);
    this.parsers = this.rowPositions.map((i) => makeValueParser(schema.fields[i].dataType, options));
    const asked = new Set(columns ?? schema.fields.map((_, i) => i));
    this.wanted = this.rowPositions.map((i) => asked.has(i));
  }

  /** The row, or null when DROPMALFORMED drops the record; throws in FAILFAST mode. */
  convert(record: CsvRecord, file: string): unknown[] | null {
    const { fields } = record;
    const row = new Array<unknown>(this.schema.fields.length).fill(null);
    let problem: string | undefined;
    if (fields.length !== this.rowPositions.length) {
      problem = `expected ${this.rowPositions.length} fields, found ${fields.length}`;
    }
    const { nullValue } = this.options;
    const n = Math.min(fields.length, this.rowPositions.length);
    for (let i = 0; i < n; i++) {
      if (!this.wanted[i]) continue;
      const text = fields[i];
      if (text === nullValue) continue;
      const value = this.parsers[i](text);
      if (value === INVALID) {
        const field = this.schema.fields[this.rowPositions[i]];
        problem ??= `field '${field.name}' (column ${i + 1}) has '${text}', not a ${field.dataType.simpleString()}`;
        continue;
      }
      row[this.rowPositions[i]] = value;
    }
    if (problem === undefined) return row;
    return this.malformed(row, record, problem, { file, line: record.line });
  }

  private malformed(row: unknown[], record: CsvRecord, problem: string, location: RecordLocation): unknown[] | null {
    switch (this.options.mode) {
      case 'FAILFAST':
        throw new MalformedRecordError('CSV', location, problem);
      case 'DROPMALFORMED':
        return null;
      default:
        if (this.corruptPosition >= 0) row[this.corruptPosition] = record.text;
        return row;
    }
  }
}
