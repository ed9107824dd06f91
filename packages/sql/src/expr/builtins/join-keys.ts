/**
 * join_key(x): a struct, array, map or binary join key as text, so that hash joins (which look keys
 * up in a Map, by identity for objects) match such keys by content, as Spark's joins compare their
 * keys' bytes. Floating-point values are normalized as Spark's NormalizeFloatingNumbers does
 * (-0.0 is 0.0, every NaN the same). Planned by equiJoinKeys, not called by users; it prints as
 * its argument, so plans show the key itself.
 */
import { Types } from '../types-used.js';
import { scalar } from './define.js';

const SQL_KEY = `function sqlKey(v) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return v !== v ? 'NaN' : v === 0 ? '0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (v instanceof Date) return 'd' + v.getTime();
  if (ArrayBuffer.isView(v)) return 'x' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
  if (v instanceof Map) return '<' + [...v].map((e) => sqlKey(e[0]) + ':' + sqlKey(e[1])).join(',') + '>';
  if (Array.isArray(v)) return '[' + v.map(sqlKey).join(',') + ']';
  return '{' + Object.values(v).map(sqlKey).join(',') + '}';
}`;

scalar('join_key', {
  args: 1,
  returns: Types.string,
  pretty: ([x]) => x!,
  gen: ([x]) => `sqlKey(${x})`,
  helpers: { sqlKey: SQL_KEY },
});
