/**
 * Schema inference for CSV, as Spark's CSVInferSchema does it: each column starts as `void`
 * and widens with every value: int → bigint → decimal(p,0) (integers beyond bigint; a negative
 * scale such as `1e3` is not allowed, so that is a double) → double;
 * then date (text matching dateFormat, `yyyy-MM-dd` by default, while preferDate), timestamp,
 * boolean; anything else, or a mix of these families, makes the column a string. Nulls
 * (the nullValue text) do not change a column's type; a column of only nulls is a string.
 */
import {
  BooleanType, DataType, DateType, DecimalType, DoubleType, IntegerType, LongType, StringType,
  StructField, StructType, TimestampType,
} from '../../types/index.js';
import { dateTimeParser, type DateTimeParser } from '../values/datetime-parser.js';
import { parseTimestampWallClock } from '../../types/datetime-parse.js';
import { INVALID, decimalShape, parseDouble, parseIntegral } from '../values/parse-value.js';
import type { CsvOptions } from './csv-options.js';

type Kind = 'void' | 'integer' | 'long' | 'decimal' | 'double' | 'date' | 'timestamp' | 'boolean' | 'string';

interface ColumnType {
  kind: Kind;
  precision: number;
  scale: number;
}

/** The type family rank: a column's type only moves up within the numeric chain. */
const NUMERIC: Kind[] = ['integer', 'long', 'decimal', 'double'];

class FieldInferrer {
  private readonly datePattern: DateTimeParser | undefined;
  private readonly timestampPattern: DateTimeParser | undefined;

  constructor(private readonly options: CsvOptions) {
    const dateFormat = options.dateFormat ?? (options.preferDate ? 'yyyy-MM-dd' : undefined);
    this.datePattern = options.preferDate && dateFormat ? dateTimeParser(dateFormat) : undefined;
    this.timestampPattern = options.timestampFormat ? dateTimeParser(options.timestampFormat) : undefined;
  }

  /** The type of one value on its own. */
  typeOf(text: string): ColumnType {
    const t = (kind: Kind, precision = 0, scale = 0): ColumnType => ({ kind, precision, scale });
    if (parseIntegral(text, 'integer') !== INVALID) return t('integer');
    if (parseIntegral(text, 'long') !== INVALID) return t('long');
    const shape = decimalShape(text);
    if (shape && shape.scale === 0 && shape.precision <= 38) return t('decimal', shape.precision, 0);
    if (parseDouble(text, this.options) !== INVALID) return t('double');
    if (this.datePattern && this.datePattern.wall(text) !== null) return t('date');
    const timestamp = this.timestampPattern ? this.timestampPattern.wall(text) !== null : parseTimestampWallClock(text) !== undefined;
    if (timestamp) return t('timestamp');
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'false') return t('boolean');
    return t('string');
  }

  merge(a: ColumnType, b: ColumnType): ColumnType {
    if (a.kind === 'void') return b;
    if (b.kind === 'void' || (a.kind === b.kind && a.kind !== 'decimal')) return a;
    const ra = NUMERIC.indexOf(a.kind);
    const rb = NUMERIC.indexOf(b.kind);
    if (ra >= 0 && rb >= 0) {
      if (a.kind === 'double' || b.kind === 'double') return { kind: 'double', precision: 0, scale: 0 };
      if (a.kind === 'decimal' || b.kind === 'decimal') {
        const digits = (c: ColumnType) => (c.kind === 'decimal' ? c.precision : c.kind === 'long' ? 20 : 10);
        const precision = Math.max(digits(a), digits(b));
        return precision > 38 ? { kind: 'double', precision: 0, scale: 0 } : { kind: 'decimal', precision, scale: 0 };
      }
      return ra > rb ? a : b;
    }
    return { kind: 'string', precision: 0, scale: 0 };
  }

  /** Spark's inferField: given the column's type so far, the type after one more value. */
  widen(soFar: ColumnType, text: string): ColumnType {
    if (text === '' || text === this.options.nullValue || soFar.kind === 'string') return soFar;
    return this.merge(soFar, this.typeOf(text));
  }
}

function toDataType(t: ColumnType): DataType {
  switch (t.kind) {
    case 'integer': return new IntegerType();
    case 'long': return new LongType();
    case 'decimal': return new DecimalType(t.precision, t.scale);
    case 'double': return new DoubleType();
    case 'date': return new DateType();
    case 'timestamp': return new TimestampType();
    case 'boolean': return new BooleanType();
    default: return new StringType();
  }
}

/** Infers a schema record by record (Spark's CSVInferSchema.infer) under the given column names. */
export class CsvSchemaInferrer {
  private readonly inferrer: FieldInferrer;
  private readonly types: ColumnType[];

  constructor(
    private readonly names: readonly string[],
    private readonly options: CsvOptions,
  ) {
    this.inferrer = new FieldInferrer(options);
    this.types = names.map(() => ({ kind: 'void', precision: 0, scale: 0 }));
  }

  add(fields: readonly string[]): void {
    const n = Math.min(fields.length, this.types.length);
    for (let i = 0; i < n; i++) this.types[i] = this.inferrer.widen(this.types[i], fields[i]);
  }

  /** Without `inferSchema`, every column is a string. */
  schema(): StructType {
    return new StructType(
      this.names.map((n, i) => new StructField(n, this.options.inferSchema ? toDataType(this.types[i]) : new StringType(), true)),
    );
  }
}

/**
 * Column names from a header record, made safe as Spark's CSVUtils does: an empty name becomes
 * `_c<i>`, and names that repeat (ignoring case) get their position appended.
 */
export function csvColumnNames(header: readonly string[] | undefined, columnCount: number): string[] {
  if (!header) return Array.from({ length: columnCount }, (_, i) => `_c${i}`);
  const lower = header.map((h) => h.toLowerCase());
  return header.map((name, i) => {
    if (name === '' || name === undefined) return `_c${i}`;
    return lower.indexOf(lower[i]) !== lower.lastIndexOf(lower[i]) ? `${name}${i}` : name;
  });
}

