/**
 * Strings to bytes and back: encode / decode (and SQL's CASE-like decode) in Spark 4's charsets (US-ASCII, ISO-8859-1, UTF-8,
 * UTF-16BE, UTF-16LE, UTF-16, UTF-32; an unmappable character or a malformed byte is an error, as
 * spark.sql.legacy.codingErrorAction=false reports it), to_binary / try_to_binary (hex, utf-8,
 * base64), and the UTF-8 validity functions. Strings are JavaScript strings inside the engine, so
 * an invalid UTF-8 string is one with a lone surrogate; a binary argument is checked as bytes.
 */
import { BinaryType, type DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { widestType } from '../type-rules.js';
import { SQL_EQUALS } from '../../physical/codegen/complex-equality.js';
import { all, scalar } from './define.js';

const S = Types.string;
const BINARY = new BinaryType();
const isBinary = (t: DataType | undefined) => t?.typeName() === 'binary';

const CHARSET = `function sqlCharset(name, fn) {
  const key = String(name).toLowerCase();
  if (!['us-ascii', 'iso-8859-1', 'utf-8', 'utf-16be', 'utf-16le', 'utf-16', 'utf-32'].includes(key)) {
    throw new Error('[INVALID_PARAMETER_VALUE.CHARSET] The value of parameter(s) \`charset\` in \`' + fn + '\` is invalid: expects one of the charsets \\'US-ASCII\\', \\'ISO-8859-1\\', \\'UTF-8\\', \\'UTF-16BE\\', \\'UTF-16LE\\', \\'UTF-16\\', \\'UTF-32\\', but got ' + name + '. SQLSTATE: 22023');
  }
  return key;
}
function sqlCodingError(fn, charset) {
  return new Error('[MALFORMED_CHARACTER_CODING] Invalid value found when performing \`' + fn + '\` with \`' + charset + '\`. SQLSTATE: 22000');
}`;

/** Java's encoders: UTF-16 writes a big-endian byte order mark first, UTF-32 is big-endian without one. */
const ENCODE = `function sqlEncode(s, name) {
  const charset = sqlCharset(name, 'encode');
  const codes = Array.from(s, (c) => c.codePointAt(0));
  const single = (max) => {
    if (codes.some((c) => c > max)) throw sqlCodingError('encode', name);
    return new Uint8Array(codes);
  };
  const utf16 = (bigEndian, bom) => {
    const le = Buffer.from(s, 'utf16le');
    if (bigEndian) le.swap16();
    return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), le]) : le);
  };
  switch (charset) {
    case 'us-ascii': return single(0x7f);
    case 'iso-8859-1': return single(0xff);
    case 'utf-8': return new Uint8Array(Buffer.from(s, 'utf8'));
    case 'utf-16be': return utf16(true, false);
    case 'utf-16le': return utf16(false, false);
    case 'utf-16': return s.length === 0 ? new Uint8Array(0) : utf16(true, true);
    default: {
      const out = new Uint8Array(codes.length * 4);
      const view = new DataView(out.buffer);
      codes.forEach((c, i) => view.setUint32(i * 4, c));
      return out;
    }
  }
}`;

/** Java's decoders; UTF-16 reads a byte order mark when there is one, else big-endian. */
const DECODE = `function sqlDecode(bytes, name) {
  const charset = sqlCharset(name, 'decode');
  const strict = (label, b) => {
    try { return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(b); } catch { throw sqlCodingError('decode', name); }
  };
  switch (charset) {
    case 'us-ascii':
      if (bytes.some((b) => b > 0x7f)) throw sqlCodingError('decode', name);
      return String.fromCharCode(...bytes);
    case 'iso-8859-1': return Buffer.from(bytes).toString('latin1');
    case 'utf-8': return strict('utf-8', bytes);
    case 'utf-16be': return strict('utf-16be', bytes);
    case 'utf-16le': return strict('utf-16le', bytes);
    case 'utf-16':
      if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2));
      return strict('utf-16be', bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes);
    default: {
      if (bytes.length % 4 !== 0) throw sqlCodingError('decode', name);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      let out = '';
      for (let i = 0; i < bytes.length; i += 4) {
        const c = view.getUint32(i);
        if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) throw sqlCodingError('decode', name);
        out += String.fromCodePoint(c);
      }
      return out;
    }
  }
}`;

/** to_binary's formats; a malformed value is Spark's CONVERSION_INVALID_INPUT (null for try_to_binary, as is an unknown format). */
const TO_BINARY = `function sqlToBinary(s, format, lenient) {
  const fmt = String(format).toLowerCase();
  const malformed = (name) => {
    if (lenient) return null;
    throw new Error("[CONVERSION_INVALID_INPUT] The value '" + s + "' (" + name + ') cannot be converted to "BINARY" because it is malformed. Correct the value as per the syntax, or change its format. Use \`try_to_binary\` to tolerate malformed input and return NULL instead. SQLSTATE: 22018');
  };
  if (fmt === 'hex') {
    if (!/^[0-9a-fA-F]*$/.test(s)) return malformed('HEX');
    return new Uint8Array(Buffer.from(s.length % 2 === 1 ? '0' + s : s, 'hex'));
  }
  if (fmt === 'utf-8' || fmt === 'utf8') return new Uint8Array(Buffer.from(s, 'utf8'));
  if (fmt === 'base64') {
    const text = s.replace(/\\s/g, '');
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/.test(text)) return malformed('BASE64');
    return new Uint8Array(Buffer.from(text, 'base64'));
  }
  if (lenient) return null;
  throw new Error("[INVALID_PARAMETER_VALUE.BINARY_FORMAT] The value of parameter(s) \`format\` in \`to_binary\` is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got '" + format + "'. SQLSTATE: 22023");
}`;

scalar('encode', { args: 2, returns: BINARY, coerce: all(S), gen: ([s, c]) => `sqlEncode(${s}, ${c})`, helpers: { sqlCharset: CHARSET, sqlEncode: ENCODE } });
/**
 * decode(bin, charset), or SQL's decode(expr, search, result [, search, result] ... [, default]):
 * the result of the first search equal to expr (null equal to null), else default (or null).
 */
const isDefault = (i: number, count: number) => count % 2 === 0 && i === count - 1;
const decodeTypes = (t: DataType[]) => {
  const searches = t.filter((_, i) => i % 2 === 1 && !isDefault(i, t.length));
  const results = t.filter((_, i) => i > 0 && (i % 2 === 0 || isDefault(i, t.length)));
  return { key: widestType([t[0]!, ...searches]), value: widestType(results) };
};
scalar('decode', {
  args: [2, Infinity],
  returns: (t) => (t.length === 2 ? S : decodeTypes(t).value),
  coerce: (t) => {
    if (t.length === 2) return [isBinary(t[0]) ? undefined : S, S];
    const { key, value } = decodeTypes(t);
    return t.map((_, i) => (i === 0 || (i % 2 === 1 && !isDefault(i, t.length)) ? key : value));
  },
  nullTolerant: true,
  nullableResult: true,
  gen: ([expr, ...rest], [t]) => {
    if (rest.length === 1) return `(${expr} === null || ${rest[0]} === null ? null : sqlDecode(${isBinary(t) ? expr : `new Uint8Array(Buffer.from(${expr}, 'utf8'))`}, ${rest[0]}))`;
    const fallback = rest.length % 2 === 1 ? rest[rest.length - 1] : 'null';
    const branches = Array.from({ length: Math.floor(rest.length / 2) }, (_, i) => [rest[2 * i]!, rest[2 * i + 1]!] as const);
    return `((v) => ${branches.reduceRight((otherwise, [search, result]) => `(sqlEquals(v, ${search}) ? ${result} : ${otherwise})`, fallback)})(${expr})`;
  },
  helpers: { sqlCharset: CHARSET, sqlDecode: DECODE, sqlEquals: SQL_EQUALS },
});
for (const [name, lenient] of [['to_binary', false], ['try_to_binary', true]] as const) {
  scalar(name, {
    args: [1, 2],
    returns: BINARY,
    coerce: all(S),
    nullableResult: true,
    gen: ([s, format]) => `sqlToBinary(${s}, ${format ?? `'hex'`}, ${lenient})`,
    helpers: { sqlToBinary: TO_BINARY },
  });
}

/** Whether a value is valid UTF-8: a string without lone surrogates, or bytes a strict decoder accepts. */
const VALID_UTF8 = `function sqlIsValidUtf8(v) {
  if (typeof v === 'string') return v.isWellFormed();
  try { new TextDecoder('utf-8', { fatal: true }).decode(v); return true; } catch { return false; }
}`;
const asText = (v: string, t: DataType | undefined) => (isBinary(t) ? `Buffer.from(${v}).toString('utf8')` : `${v}.toWellFormed()`);
const utf8Input = (t: DataType[]) => [isBinary(t[0]) ? undefined : S];
const helpers = { sqlIsValidUtf8: VALID_UTF8 };

scalar('is_valid_utf8', { args: 1, returns: Types.boolean, coerce: utf8Input, gen: ([v]) => `sqlIsValidUtf8(${v})`, helpers });
scalar('make_valid_utf8', { args: 1, returns: S, coerce: utf8Input, gen: ([v], [t]) => asText(v, t), helpers });
scalar('validate_utf8', {
  args: 1,
  returns: S,
  coerce: utf8Input,
  gen: ([v], [t]) => `(sqlIsValidUtf8(${v}) ? ${asText(v, t)} : sqlInvalidUtf8(${v}))`,
  helpers: {
    ...helpers,
    sqlInvalidUtf8: `function sqlInvalidUtf8(v) {
  const shown = typeof v === 'string' ? v.toWellFormed() : Buffer.from(v).toString('utf8');
  throw new Error('[INVALID_UTF8_STRING] Invalid UTF8 byte sequence found in string: ' + shown + '. SQLSTATE: 22029');
}`,
  },
});
scalar('try_validate_utf8', { args: 1, returns: S, coerce: utf8Input, nullableResult: true, gen: ([v], [t]) => `(sqlIsValidUtf8(${v}) ? ${asText(v, t)} : null)`, helpers });
