/**
 * Parsing and reading timestamps, Spark 3.5's additions: try_to_timestamp (null for text that is
 * no timestamp, whatever spark.sql.ansi.enabled), to_unix_timestamp and unix_timestamp (epoch
 * seconds of a timestamp, a date, or text in a pattern, default 'yyyy-MM-dd HH:mm:ss', read in
 * the session time zone), to_timestamp_ntz, and the _ltz names of to_timestamp and make_timestamp
 * (Flint's timestamp is Spark's TIMESTAMP_LTZ).
 */
import { CAST_RUNTIME_SYMBOL } from '../../physical/codegen/cast-runtime.js';
import { lookupFunction, registerFunction } from '../registry.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { ZONE, constantZone } from './time-zone-codegen.js';
import { DATE_PATTERN, REQUIRE_PARSED, datePattern, parseWithPatternCode, readInstant, readWall } from './pattern-parse-errors.js';
import { TimestampNTZType } from '../../types/index.js';

const NTZ = new TimestampNTZType();

/** TRY_CAST(text AS TIMESTAMP) in a zone, the cast functions made once per zone. */
const TRY_TO_TIMESTAMP = `const sqlTryToTimestamp = (() => {
  const casts = new Map();
  return (text, tz) => {
    let cast = casts.get(tz);
    if (cast === undefined) casts.set(tz, (cast = globalThis[Symbol.for(${JSON.stringify(CAST_RUNTIME_SYMBOL)})](${JSON.stringify(Types.string.json())}, ${JSON.stringify(Types.timestamp.json())}, 'try', tz)));
    return cast(text);
  };
})();`;

const isText = (t: { typeName(): string } | undefined) => t?.typeName() === 'string';

scalar('try_to_timestamp', {
  args: [1, 2],
  returns: Types.timestamp,
  nullableResult: true,
  coerce: (t) => (t.length === 2 ? [Types.string, Types.string] : [isText(t[0]) ? undefined : Types.timestamp]),
  timeZoneAware: true,
  prepared: { 1: datePattern },
  gen: ([x, f], [t], tz, state) => {
    if (f !== undefined) return parseWithPatternCode(x!, f, readInstant(constantZone(state, tz)), 'try_to_timestamp', 'legacy');
    return isText(t) ? `sqlTryToTimestamp(${x}, ${JSON.stringify(tz)})` : x!;
  },
  helpers: { sqlZone: ZONE, sqlDatePattern: DATE_PATTERN, sqlTryToTimestamp: TRY_TO_TIMESTAMP },
});

const DEFAULT_PATTERN = 'yyyy-MM-dd HH:mm:ss';

/**
 * to_unix_timestamp(x[, pattern]) and unix_timestamp([x[, pattern]]) (without arguments, now): a
 * timestamp's or date's epoch seconds, or text's read with the pattern; named with the pattern.
 */
for (const name of ['to_unix_timestamp', 'unix_timestamp']) {
  scalar(name, {
    args: name === 'unix_timestamp' ? [0, 2] : [1, 2],
    returns: Types.long,
    nullableResult: true,
    coerce: (t) => [isText(t[0]) || t[0]?.typeName() === 'date' ? undefined : Types.timestamp, Types.string].slice(0, t.length),
    timeZoneAware: true,
    ansiAware: true,
    // Without arguments the clock's reading: never folded while planning.
    nondeterministic: name === 'unix_timestamp',
    pretty: ([x, f]) => `${name}(${x ?? 'current_timestamp()'}, ${f ?? DEFAULT_PATTERN})`,
    prepared: { 1: datePattern },
    gen: ([x, f], [t], tz, state, mode) => {
      if (x === undefined) return 'Math.floor(Date.now() / 1000)';
      const zone = constantZone(state, tz);
      if (t!.typeName() === 'date') return `Math.floor(${zone}.instant(${x} * 86400000) / 1000)`;
      if (!isText(t)) return `Math.floor(${x} / 1000)`;
      const parsed = parseWithPatternCode(x, f ?? state.constant(datePattern(JSON.stringify(DEFAULT_PATTERN))), readInstant(zone), 'try_to_timestamp', mode);
      return `((ms) => ms === null ? null : Math.floor(ms / 1000))(${parsed})`;
    },
    helpers: { sqlZone: ZONE, sqlDatePattern: DATE_PATTERN, sqlRequireParsed: REQUIRE_PARSED },
  });
}

/** to_timestamp_ntz(x[, pattern]): the wall clock text spells (or a timestamp's in the session time zone), no zone applied. */
scalar('to_timestamp_ntz', {
  args: [1, 2],
  returns: NTZ,
  nullableResult: true,
  ansiAware: true,
  coerce: (t) => (t.length === 2 ? [Types.string, Types.string] : [NTZ]),
  prepared: { 1: datePattern },
  gen: ([x, f], _t, _tz, _state, mode) => (f === undefined ? x! : parseWithPatternCode(x!, f, readWall, 'try_to_timestamp', mode)),
  helpers: { sqlDatePattern: DATE_PATTERN, sqlRequireParsed: REQUIRE_PARSED },
});

registerFunction(lookupFunction('to_timestamp')!, 'to_timestamp_ltz');
registerFunction(lookupFunction('make_timestamp')!, 'make_timestamp_ltz');
