/**
 * SQL's `TIMESTAMP '...'` and `TIMESTAMP_NTZ '...'` literals. Spark parses them into literals
 * named by their value (`TIMESTAMP '2016-03-11 20:54:00'` for '2016-03-11 20:54:00.000', a date
 * alone gets 00:00:00) and rejects text that is not a timestamp when parsing. Here the value stays
 * a cast of the text, read in the session time zone when the query runs; the name is the text's
 * wall clock in Spark's form (with an explicit zone or offset in the text, the instant in UTC).
 */
import type { Expr } from '../expr/expression.js';
import { Types } from '../expr/types-used.js';
import { formatTimestamp } from '../format/index.js';
import { parseDataType, parseTimestamp } from '../types/index.js';

export function timestampLiteral(type: 'timestamp' | 'timestamp_ntz', text: string): Expr {
  const keyword = type.toUpperCase();
  const wallClock = parseTimestamp(text, 'UTC');
  if (wallClock === undefined) throw invalidTypedLiteral(keyword, text);
  const to = type === 'timestamp' ? Types.timestamp : parseDataType('timestamp_ntz');
  const child: Expr = { kind: 'literal', value: text, dataType: Types.string };
  return { kind: 'cast', child, to, typedLiteral: `${keyword} '${formatTimestamp(wallClock, 'UTC')}'` };
}

export function invalidTypedLiteral(keyword: string, text: string): Error {
  return new Error(`[INVALID_TYPED_LITERAL] The value of the typed literal "${keyword}" is invalid: '${text}'. SQLSTATE: 42604`);
}
