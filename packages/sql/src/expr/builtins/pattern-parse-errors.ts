/**
 * Reading text with a datetime pattern in generated code (the parser from io/values/datetime-parser.ts,
 * the one the CSV and JSON readers use), and ANSI mode's error for text the pattern does not read
 * (Spark 4's CANNOT_PARSE_TIMESTAMP, raised by to_timestamp, to_date, unix_timestamp, ... with a
 * pattern where legacy mode gives null): Java's DateTimeFormatter message (the index where parsing
 * stopped, unparsed text left over, or the field value that is out of range), then the try_
 * function that gives null instead.
 */
import { FORMAT_FUNCTIONS_SYMBOL } from '../../io/format-functions-runtime.js';

/** Generated code: a pattern's parser, compiled once per pattern (prepared once for a literal). */
export const DATE_PATTERN = `const sqlDatePattern = globalThis[Symbol.for(${JSON.stringify(FORMAT_FUNCTIONS_SYMBOL)})].dateTimeParser;`;
export const datePattern = (pattern: string) => `sqlDatePattern(${pattern})`;

/** Generated code: `value` when the parse succeeded (not null), else throws for text `s` and its `parser`. */
export const REQUIRE_PARSED = `function sqlRequireParsed(value, s, parser, tryFunction) {
  if (value !== null) return value;
  throw new Error("[CANNOT_PARSE_TIMESTAMP] Text '" + s + "' " + parser.failure(s) + ". Use \`" + tryFunction + "\` to tolerate invalid input string and return NULL instead. SQLSTATE: 22007");
}`;

/**
 * Generated code reading text `x` with `parser` (from sqlDatePattern): `read(text, parser)` is the
 * parser call (its value, or null when the text does not parse); in ANSI mode (no legacy EvalMode)
 * text that does not parse fails the query.
 */
export function parseWithPatternCode(
  x: string, parser: string, read: (text: string, parser: string) => string, tryFunction: string, mode: string | undefined,
): string {
  const value = read('text', 'parser');
  const body = mode === 'legacy' ? value : `sqlRequireParsed(${value}, text, parser, '${tryFunction}')`;
  return `((text, parser) => ${body})(${x}, ${parser})`;
}

/**
 * Parser calls: the date (Spark's to_date is CAST(to_timestamp(s, fmt) AS DATE): the instant's
 * day in `zone`, a sqlZone object), the wall clock (timestamp_ntz), the instant (the text's
 * offset or zone, else `zone`'s wall clock).
 */
export const readDay = (zone: string) => (text: string, parser: string) =>
  `((ms) => ms === null ? null : Math.floor(${zone}.wall(ms) / 86400000))(${readInstant(zone)(text, parser)})`;
export const readWall = (text: string, parser: string) => `${parser}.wall(${text})`;
export const readInstant = (zone: string) => (text: string, parser: string) => `${parser}.instant(${text}, ${zone}, sqlZone.of)`;
