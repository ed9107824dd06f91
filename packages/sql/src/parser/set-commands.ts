/**
 * SET and RESET, read as Spark's SparkSqlAstBuilder reads them: the text after the keyword is not
 * tokenized, because configuration keys and values are free text (`spark.sql.ansi.enabled=false`,
 * a time zone id). `SET TIME ZONE 'zone' | LOCAL` sets the session time zone.
 */
import { defaultTimeZone } from '../format/datetime-text.js';
import type { ResetStatement, SetStatement } from './ast.js';

const TIME_ZONE_KEY = 'spark.sql.session.timeZone';
const KEY_VALUE = /^([a-zA-Z_\d\\.:]+)\s*=([^;]*);*$/;
const KEY = /^([a-zA-Z_\d\\.:]+);*$/;

/** The SET or RESET statement the text is, or undefined when it starts with neither keyword. */
export function parseSetCommand(sql: string): SetStatement | ResetStatement | undefined {
  const command = /^\s*(SET|RESET)(?:\s+|$)([\s\S]*)$/i.exec(sql);
  if (command === null) return undefined;
  const rest = command[2]!.trim();
  if (command[1]!.toUpperCase() === 'RESET') {
    const key = KEY.exec(rest);
    if (rest !== '' && rest.replace(/;+$/, '') !== '' && key === null) throw invalidKey(rest);
    return { kind: 'reset', key: key?.[1] ?? null };
  }
  const timeZone = /^TIME\s+ZONE\s+([\s\S]*?);*$/i.exec(rest);
  if (timeZone) return { kind: 'set', key: TIME_ZONE_KEY, value: timeZoneValue(timeZone[1]!.trim()) };
  if (rest.replace(/;+$/, '') === '') return { kind: 'set', key: null, value: null };
  const keyValue = KEY_VALUE.exec(rest);
  if (keyValue) return { kind: 'set', key: keyValue[1]!, value: keyValue[2]!.trim() };
  const key = KEY.exec(rest);
  if (key) return { kind: 'set', key: key[1]!, value: null };
  throw invalidKey(rest.split('=')[0]!.trim());
}

/** `'America/Los_Angeles'` (quoted), or LOCAL for the process's zone. */
function timeZoneValue(text: string): string {
  if (/^LOCAL$/i.test(text)) return defaultTimeZone();
  const quoted = /^(['"])(.*)\1$/.exec(text);
  if (quoted) return quoted[2]!;
  throw new Error(`[INVALID_SQL_SYNTAX.INVALID_TIME_ZONE] Invalid SQL syntax: SET TIME ZONE needs a quoted zone id or LOCAL, got ${text || 'nothing'}. SQLSTATE: 42000`);
}

function invalidKey(key: string): Error {
  return new Error(
    `[INVALID_PROPERTY_KEY] ${key} is an invalid property key, please use quotes, e.g. SET \`${key}\`=\`value\`. SQLSTATE: 42602`,
  );
}
