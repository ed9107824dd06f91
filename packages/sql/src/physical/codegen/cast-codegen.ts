/**
 * CAST as generated code. Invalid input casts to null (Spark with `spark.sql.ansi.enabled=false`;
 * Spark 4's ANSI default raises an error instead). Dates are day numbers, timestamps epoch
 * milliseconds; timestamps print and parse in the process's time zone (the session default).
 */
import type { DataType } from '../../types/index.js';
import type { CodegenContext } from './codegen-context.js';

const JAVA_DOUBLE = `function sqlDoubleToString(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) {
    const [m, e] = v.toExponential().split('e');
    return (m.includes('.') ? m : m + '.0') + 'E' + Number(e);
  }
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}`;

const PARSE_INT = `function sqlParseInt(s) {
  const t = s.trim();
  if (/^[+-]?\\d+$/.test(t)) return Number(t);
  if (/^[+-]?(\\d+\\.?\\d*|\\.\\d+)$/.test(t)) return Math.trunc(Number(t));
  return null;
}`;

const PARSE_DOUBLE = `function sqlParseDouble(s) {
  const t = s.trim();
  if (t === '' ) return null;
  if (/^[+-]?(NaN|Infinity|inf)$/i.test(t)) return t.toLowerCase().includes('nan') ? NaN : t.startsWith('-') ? -Infinity : Infinity;
  const n = Number(t.replace(/[dDfF]$/, ''));
  return Number.isNaN(n) ? null : n;
}`;

const PARSE_BOOLEAN = `function sqlParseBoolean(s) {
  const t = s.trim().toLowerCase();
  if (t === 't' || t === 'true' || t === 'y' || t === 'yes' || t === '1') return true;
  if (t === 'f' || t === 'false' || t === 'n' || t === 'no' || t === '0') return false;
  return null;
}`;

const PARSE_DATE = `function sqlParseDate(s) {
  const m = /^\\s*(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?(?:[ T].*)?\\s*$/.exec(s);
  if (m === null) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = m[3] === undefined ? 1 : Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const c = new Date(ms);
  return c.getUTCMonth() === mo - 1 && c.getUTCDate() === d ? Math.floor(ms / 86400000) : null;
}`;

const PARSE_TIMESTAMP = `function sqlParseTimestamp(s) {
  const m = /^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?\\s*(Z)?\\s*$/.exec(s);
  if (m === null) return null;
  const ms = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
  const parts = [Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms];
  return m[8] ? Date.UTC(...parts) : new Date(...parts).getTime();
}`;

const DATE_TO_STRING = `function sqlDateToString(days) {
  return new Date(days * 86400000).toISOString().slice(0, 10);
}`;

const TIMESTAMP_TO_STRING = `function sqlTimestampToString(ms) {
  const d = new Date(ms);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  const frac = d.getMilliseconds() === 0 ? '' : '.' + p(d.getMilliseconds(), 3).replace(/0+$/, '');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds()) + frac;
}`;

const TIMESTAMP_TO_DAYS = `function sqlTimestampToDays(ms) {
  const d = new Date(ms);
  return Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000);
}`;

const DAYS_TO_TIMESTAMP = `function sqlDaysToTimestamp(days) {
  const d = new Date(days * 86400000);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()).getTime();
}`;

const INTEGRAL = new Set(['byte', 'short', 'integer', 'long']);
const FRACTIONAL = new Set(['float', 'double', 'decimal']);

export function genCast(code: string, from: DataType, to: DataType, ctx: CodegenContext): string {
  const f = from.typeName();
  const t = to.typeName();
  if (f === t && f !== 'decimal') return code;
  const v = ctx.temp();
  const guarded = (conversion: string) => `((${v} = ${code}) === null ? null : ${conversion})`;
  const helper = (name: string, source: string) => {
    ctx.addHelper(name, source);
    return guarded(`${name}(${v})`);
  };
  if (f === 'void') return 'null';
  switch (t) {
    case 'string':
      if (FRACTIONAL.has(f)) return helper('sqlDoubleToString', JAVA_DOUBLE);
      if (f === 'date') return helper('sqlDateToString', DATE_TO_STRING);
      if (f === 'timestamp' || f === 'timestamp_ntz') return helper('sqlTimestampToString', TIMESTAMP_TO_STRING);
      if (f === 'array' || f === 'struct' || f === 'map') return guarded(`JSON.stringify(${v})`);
      return guarded(`String(${v})`);
    case 'byte':
    case 'short':
    case 'integer':
    case 'long':
      if (f === 'string') return helper('sqlParseInt', PARSE_INT);
      if (f === 'boolean') return guarded(`(${v} ? 1 : 0)`);
      if (FRACTIONAL.has(f)) return guarded(`(Number.isFinite(${v}) ? Math.trunc(${v}) : null)`);
      if (f === 'timestamp') return guarded(`Math.floor(${v} / 1000)`);
      return INTEGRAL.has(f) ? code : 'null';
    case 'float':
    case 'double':
    case 'decimal':
      if (f === 'string') return helper('sqlParseDouble', PARSE_DOUBLE);
      if (f === 'boolean') return guarded(`(${v} ? 1 : 0)`);
      if (f === 'timestamp') return guarded(`(${v} / 1000)`);
      if (t === 'decimal' && 'scale' in to) {
        const factor = 10 ** (to as unknown as { scale: number }).scale;
        return guarded(`(Math.round(${v} * ${factor}) / ${factor})`);
      }
      return code;
    case 'boolean':
      if (f === 'string') return helper('sqlParseBoolean', PARSE_BOOLEAN);
      return guarded(`(${v} !== 0)`);
    case 'date':
      if (f === 'string') return helper('sqlParseDate', PARSE_DATE);
      if (f === 'timestamp' || f === 'timestamp_ntz') return helper('sqlTimestampToDays', TIMESTAMP_TO_DAYS);
      return 'null';
    case 'timestamp':
    case 'timestamp_ntz':
      if (f === 'string') return helper('sqlParseTimestamp', PARSE_TIMESTAMP);
      if (f === 'date') return helper('sqlDaysToTimestamp', DAYS_TO_TIMESTAMP);
      if (INTEGRAL.has(f) || FRACTIONAL.has(f)) return guarded(`(${v} * 1000)`);
      return code;
    default:
      return code;
  }
}
