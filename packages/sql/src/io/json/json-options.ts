/** The JSON-lines reader's options (Spark's JSONOptions, the ones Flint reads). */
import type { StructType } from '../../types/index.js';
import { parseMode, type ParseMode } from '../parse-mode.js';
import { readerOptionLookup, type ReaderOptions } from '../reader-options.js';
import { readerTimeZone } from '../values/time-zone.js';
import type { ValueParseOptions } from '../values/parse-value.js';

export interface JsonOptions extends ValueParseOptions {
  schema?: StructType;
  mode: ParseMode;
  columnNameOfCorruptRecord: string;
  /** Infer floating-point numbers as decimal (Spark's `prefersDecimal`). */
  prefersDecimal: boolean;
  /** Infer all primitive values as strings (Spark's `primitivesAsString`). */
  primitivesAsString: boolean;
}

export function parseJsonOptions(options: ReaderOptions = {}, sessionTimeZone?: string): JsonOptions {
  const o = readerOptionLookup(options);
  const timeZone = readerTimeZone(o.string('timeZone'), sessionTimeZone);
  return {
    schema: o.schema(),
    mode: parseMode(o.string('mode')),
    columnNameOfCorruptRecord: o.string('columnNameOfCorruptRecord') ?? '_corrupt_record',
    prefersDecimal: o.boolean('prefersDecimal', false),
    primitivesAsString: o.boolean('primitivesAsString', false),
    nanValue: 'NaN',
    positiveInf: 'Infinity',
    negativeInf: '-Infinity',
    dateFormat: o.string('dateFormat'),
    timestampFormat: o.string('timestampFormat'),
    timestampNTZFormat: o.string('timestampNTZFormat'),
    get timeZone() {
      return timeZone();
    },
  };
}
