/**
 * to_number/try_to_number(text, format) (a decimal whose precision and scale the format gives)
 * and to_char/to_varchar(value, format): a number through the same format, a date or timestamp
 * through a datetime pattern (as date_format, in the session time zone). The formats are Spark's
 * ToNumberParser's (physical/runtime/number-format.ts); they must be constants, as in Spark.
 */
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { NUMBER_FORMAT_SYMBOL, numberFormats } from '../../physical/runtime/number-format.js';
import { DecimalType, type DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { isDateLike } from '../type-rules.js';
import { scalar } from './define.js';
import { ZONE, constantZone } from './time-zone-codegen.js';
import { WALL_CLOCK_FORMATTER, formatInstant, wallClockFormatter } from './datetime.js';

const NUMBER_FORMAT = `const sqlNumberFormat = globalThis[Symbol.for(${JSON.stringify(NUMBER_FORMAT_SYMBOL)})];`;
/** A format argument prepared: read once when a literal (a number format always is one, as Spark requires). */
const numberFormat = (format: string) => `sqlNumberFormat.compile(${format})`;

/** The constant format, or Spark's NON_FOLDABLE_INPUT. */
function constantFormat(name: string, format: unknown): string {
  if (typeof format !== 'string') {
    throw new AnalysisException(
      'DATATYPE_MISMATCH.NON_FOLDABLE_INPUT',
      `Cannot resolve "${name}" due to data type mismatch: the input format should be a foldable "STRING" expression; however, got a column. SQLSTATE: 42K09`,
    );
  }
  return format;
}

for (const [name, errorOnFail] of [['to_number', true], ['try_to_number', false]] as const) {
  scalar(name, {
    args: 2,
    returns: (_, [, format]) => new DecimalType(...numberFormats.typeOf(constantFormat(name, format))),
    nullableResult: !errorOnFail,
    coerce: () => [Types.string, Types.string],
    prepared: { 1: numberFormat },
    gen: ([text, format]) => `${format}.parse(${text}, ${errorOnFail})`,
    helpers: { sqlNumberFormat: NUMBER_FORMAT },
  });
}

scalar('to_char', {
  args: 2,
  returns: ([value], [, format]) => {
    if (!isDateLike(value!)) numberFormats.typeOf(constantFormat('to_char', format));
    return Types.string;
  },
  coerce: ([value]) => [isDateLike(value!) ? undefined : Types.double, Types.string],
  timeZoneAware: true,
  prepared: { 1: (format, [type]) => (isDateLike(type!) ? wallClockFormatter(format) : numberFormat(format)) },
  gen: ([value, format], [type], tz, state) => {
    const kind = type!.typeName();
    if (kind === 'date') return `${format}(${value} * 86400000)`;
    if (kind === 'timestamp_ntz') return `${format}(${value})`;
    if (kind === 'timestamp') return formatInstant(state, format!, value!, tz);
    return `${format}.formatNumber(${value}, true)`;
  },
  helpers: { sqlNumberFormat: NUMBER_FORMAT, sqlWallClockFormatter: WALL_CLOCK_FORMATTER, sqlZone: ZONE },
  aliases: ['to_varchar'],
});
