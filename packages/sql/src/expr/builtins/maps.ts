/** Map functions: keys, values and entries, lookups, and maps from entries or other maps. Maps are JS Maps inside the engine. */
import { ArrayType, MapType, StructField, StructType, type DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { SPLIT_HELPERS, splitRegex } from './regex-functions.js';

const asMap = (t: DataType) => t as MapType;
const entryType = (m: MapType) => new StructType([new StructField('key', m.keyType, false), new StructField('value', m.valueType, true)]);

scalar('map_keys', { args: 1, returns: ([t]) => new ArrayType(asMap(t!).keyType, false), gen: ([m]) => `[...${m}.keys()]` });
scalar('map_values', { args: 1, returns: ([t]) => new ArrayType(asMap(t!).valueType, true), gen: ([m]) => `[...${m}.values()]` });
scalar('map_entries', { args: 1, returns: ([t]) => new ArrayType(entryType(asMap(t!)), false), gen: ([m]) => `Array.from(${m}, ([key, value]) => ({ key, value }))` });
scalar('map_contains_key', { args: 2, returns: Types.boolean, coerce: ([t]) => [undefined, asMap(t!).keyType], gen: ([m, k]) => `${m}.has(${k})` });

/** A second value for a key is Spark 4's error (spark.sql.mapKeyDedupPolicy=EXCEPTION). */
const PUT = `function sqlMapPut(m, k, v) {
  if (k === null) throw new Error('[NULL_MAP_KEY] Cannot use null as map key.');
  if (m.has(k)) throw new Error('[DUPLICATED_MAP_KEY] Duplicate map key ' + k + ' was found, please check the input data. If you want to remove the duplicated keys, you can set "spark.sql.mapKeyDedupPolicy" to "LAST_WIN" so that the key inserted at last takes precedence.');
  m.set(k, v);
}`;
/** map_from_entries(array of (key, value) structs). */
scalar('map_from_entries', {
  args: 1,
  returns: ([t]) => {
    const [k, v] = ((t as ArrayType).elementType as StructType).fields;
    return new MapType(k!.dataType, v!.dataType, true);
  },
  gen: ([a], [t]) => {
    const [k, v] = ((t as ArrayType).elementType as StructType).fields.map((f) => JSON.stringify(f.name));
    return `((m) => { for (const e of ${a}) { if (e === null) return null; sqlMapPut(m, e[${k}], e[${v}]); } return m; })(new Map())`;
  },
  nullableResult: true,
  helpers: { sqlMapPut: PUT },
});
scalar('map_concat', {
  args: [0, Infinity],
  returns: (t) => t[0] ?? new MapType(Types.string, Types.string, true),
  gen: (maps) => `((m) => { for (const x of [${maps.join(', ')}]) for (const [k, v] of x) sqlMapPut(m, k, v); return m; })(new Map())`,
  helpers: { sqlMapPut: PUT },
});

const delimiter = splitRegex('str_to_map');
/**
 * str_to_map(text, pairDelim = ',', keyValueDelim = ':'): both delimiters are regular expressions;
 * text is split at every pairDelim, each pair at its first keyValueDelim (no delimiter: a null
 * value), both as Spark's StringToMap splits them (UTF8String.split, limits -1 and 2: split's rules).
 */
scalar('str_to_map', {
  args: [1, 3],
  returns: new MapType(Types.string, Types.string, true),
  coerce: (t) => t.map(() => Types.string),
  pretty: ([s, pairs, keyValue]) => `str_to_map(${s}, ${pairs ?? ','}, ${keyValue ?? ':'})`,
  prepared: { 1: delimiter, 2: delimiter },
  gen: ([s, pairs, keyValue], _types, _tz, state) =>
    `((m, kv) => { for (const pair of sqlSplit(${s}, ${pairs ?? state.constant(delimiter(`','`))}, -1)) { const [k, v = null] = sqlSplit(pair, kv, 2); sqlMapPut(m, k, v); } return m; })(new Map(), ${keyValue ?? state.constant(delimiter(`':'`))})`,
  helpers: { sqlMapPut: PUT, ...SPLIT_HELPERS },
});
