/**
 * EXTRACT(field FROM source) and its function forms date_part(field, source) / datepart: the
 * field (a string literal, case-insensitive, with Spark's abbreviations) picks a calendar field of
 * a date or of a timestamp read in the session time zone. SECOND is decimal(8,6) with the
 * fraction (Spark's SecondWithFraction), every other field an int.
 */
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { DecimalType, type DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { ZONE, constantZone } from './time-zone-codegen.js';
import { UTC_MS } from './utc-calendar.js';

/** Spark's DatePart.parseExtractField spellings, by the field they read. */
const FIELDS: Record<string, string[]> = {
  YEAR: ['YEAR', 'Y', 'YEARS', 'YR', 'YRS'],
  YEAROFWEEK: ['YEAROFWEEK'],
  QUARTER: ['QUARTER', 'QTR'],
  MONTH: ['MONTH', 'MON', 'MONS', 'MONTHS'],
  WEEK: ['WEEK', 'W', 'WEEKS'],
  DAY: ['DAY', 'D', 'DAYS'],
  DAYOFWEEK: ['DAYOFWEEK', 'DOW'],
  DAYOFWEEK_ISO: ['DAYOFWEEK_ISO', 'DOW_ISO'],
  DOY: ['DOY'],
  HOUR: ['HOUR', 'H', 'HOURS', 'HR', 'HRS'],
  MINUTE: ['MINUTE', 'M', 'MIN', 'MINS', 'MINUTES'],
  SECOND: ['SECOND', 'S', 'SEC', 'SECONDS', 'SECS'],
};
const FIELD_OF = new Map(Object.entries(FIELDS).flatMap(([field, names]) => names.map((n) => [n, field] as const)));

/**
 * The field of a wall clock given as UTC milliseconds (a date's midnight, or a timestamp's wall
 * clock in the session zone); weeks are ISO 8601 weeks (Monday first, week 1 holds a Thursday).
 */
const EXTRACT = `function sqlExtract(field, ms) {
  const d = new Date(ms);
  switch (field) {
    case 'YEAR': return d.getUTCFullYear();
    case 'YEAROFWEEK': return sqlIsoThursday(ms).getUTCFullYear();
    case 'QUARTER': return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'MONTH': return d.getUTCMonth() + 1;
    case 'WEEK': { const t = sqlIsoThursday(ms); return Math.floor((t.getTime() - sqlUtc(t.getUTCFullYear(), 0, 1)) / 604800000) + 1; }
    case 'DAY': return d.getUTCDate();
    case 'DAYOFWEEK': return d.getUTCDay() + 1;
    case 'DAYOFWEEK_ISO': return ((d.getUTCDay() + 6) % 7) + 1;
    case 'DOY': return Math.floor((ms - sqlUtc(d.getUTCFullYear(), 0, 1)) / 86400000) + 1;
    case 'HOUR': return d.getUTCHours();
    case 'MINUTE': return d.getUTCMinutes();
    default: return d.getUTCSeconds() + d.getUTCMilliseconds() / 1000;
  }
}
function sqlIsoThursday(ms) {
  const t = new Date(ms);
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7) + 3);
  return t;
}`;

/** The canonical field of the literal as written (`year`, `Y`, ...): the field is always a literal, prepared once. */
const EXTRACT_FIELD = `const sqlExtractField = (() => {
  const spellings = ${JSON.stringify(Object.fromEntries(FIELD_OF))};
  return (text) => spellings[text.trim().toUpperCase()];
})();`;

/** The field a literal names, or Spark's INVALID_EXTRACT_FIELD. */
function fieldOf(literal: unknown, source: DataType): string {
  const field = typeof literal === 'string' ? FIELD_OF.get(literal.trim().toUpperCase()) : undefined;
  if (field === undefined) {
    throw new AnalysisException('INVALID_EXTRACT_FIELD', `Cannot extract \`${String(literal)}\` from "${source.simpleString().toUpperCase()}". SQLSTATE: 42601`);
  }
  return field;
}

for (const [name, pretty] of [
  ['extract', (f: string, s: string) => `extract(${f} FROM ${s})`],
  ['date_part', (f: string, s: string) => `date_part(${f}, ${s})`],
  ['datepart', (f: string, s: string) => `datepart(${f}, ${s})`],
] as const) {
  scalar(name, {
    args: 2,
    returns: ([, source], [field]) => {
      const f = fieldOf(field, source!);
      if (!['date', 'timestamp', 'timestamp_ntz', 'string', 'void'].includes(source!.typeName())) {
        const type = source!.simpleString().toUpperCase();
        throw new AnalysisException('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `Cannot resolve "${name}" due to data type mismatch: The second parameter requires the ("DATE" or "TIMESTAMP") type, however the value has the type "${type}". SQLSTATE: 42K09`);
      }
      return f === 'SECOND' ? new DecimalType(8, 6) : Types.int;
    },
    // A string is read as a timestamp; a date keeps its day (no time of day: hours are 0).
    coerce: ([, source]) => [Types.string, source?.typeName() === 'date' || source?.typeName() === 'timestamp_ntz' ? undefined : Types.timestamp],
    timeZoneAware: true,
    pretty: ([f, s]) => pretty(f!, s!),
    prepared: { 0: (field) => `sqlExtractField(${field})` },
    gen: ([field, source], [, type], tz, state) => {
      const wall = type!.typeName() === 'date' ? `${source} * 86400000` : type!.typeName() === 'timestamp_ntz' ? source! : `${constantZone(state, tz)}.wall(${source})`;
      return `sqlExtract(${field}, ${wall})`;
    },
    helpers: { sqlZone: ZONE, sqlUtc: UTC_MS, sqlExtract: EXTRACT, sqlExtractField: EXTRACT_FIELD },
  });
}
