/**
 * ANSI mode's error for text a datetime pattern does not parse (Spark 4's CANNOT_PARSE_TIMESTAMP,
 * raised by to_timestamp, to_date, unix_timestamp, ... with a pattern where legacy mode gives
 * null): Java's DateTimeFormatter message (the index where parsing stopped, unparsed text left
 * over, or the field value that is out of range), then the try_ function that gives null instead.
 */

/** Generated code: `value` when the parse succeeded (not null), else throws for text `s` and `parser` (from sqlDatePattern). */
export const REQUIRE_PARSED = `function sqlRequireParsed(value, s, parser, tryFunction) {
  if (value !== null) return value;
  const text = s.trim();
  const fields = {};
  let at = 0;
  let failure;
  for (const token of parser.tokens) {
    const re = token.digits ? new RegExp('\\\\d{1,' + token.width + '}', 'y') : null;
    if (re !== null) re.lastIndex = at;
    const m = re !== null ? re.exec(text) : text.startsWith(token.text, at) ? [token.text] : null;
    if (m === null) { failure = "could not be parsed at index " + at; break; }
    if (token.digits) fields[token.text] = Number(m[0]);
    at += m[0].length;
  }
  if (failure === undefined && at < text.length) failure = "could not be parsed, unparsed text found at index " + at;
  if (failure === undefined) failure = "could not be parsed: " + sqlInvalidField(fields);
  throw new Error("[CANNOT_PARSE_TIMESTAMP] Text '" + s + "' " + failure + ". Use \`" + tryFunction + "\` to tolerate invalid input string and return NULL instead. SQLSTATE: 22007");
}
function sqlInvalidField(f) {
  const range = (name, low, high, v) => "Invalid value for " + name + " (valid values " + low + " - " + high + "): " + v;
  if (f.M !== undefined && (f.M < 1 || f.M > 12)) return range('MonthOfYear', 1, 12, f.M);
  if (f.d !== undefined && (f.d < 1 || f.d > 31)) return range('DayOfMonth', 1, '28/31', f.d);
  if (f.H !== undefined && f.H > 23) return range('HourOfDay', 0, 23, f.H);
  if (f.m !== undefined && f.m > 59) return range('MinuteOfHour', 0, 59, f.m);
  if (f.s !== undefined && f.s > 59) return range('SecondOfMinute', 0, 59, f.s);
  const month = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'][(f.M ?? 1) - 1];
  if (f.M === 2 && f.d === 29) return "Invalid date 'February 29' as '" + f.y + "' is not a leap year";
  return "Invalid date '" + month + " " + f.d + "'";
}`;

/**
 * Generated code reading text `x` with `parser`, a pattern from sqlDatePattern (sqlParseWithPattern:
 * a wall clock in UTC milliseconds, or null); in ANSI mode (no legacy EvalMode) text that does not
 * parse fails the query.
 */
export function parseWithPatternCode(x: string, parser: string, tryFunction: string, mode: string | undefined): string {
  if (mode === 'legacy') return `sqlParseWithPattern(${x}, ${parser})`;
  return `((text, parser) => sqlRequireParsed(sqlParseWithPattern(text, parser), text, parser, '${tryFunction}'))(${x}, ${parser})`;
}
