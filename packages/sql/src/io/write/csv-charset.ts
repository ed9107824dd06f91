/**
 * The CSV writer's `encoding` (alias `charset`, default UTF-8) option: the file's text in that
 * charset as Java's stream encoder writes it. A character the charset cannot hold becomes `?`;
 * `UTF-16` is big-endian after a byte order mark, as Java writes it once per file.
 */
import { readerOptionLookup, type ReaderOptions } from '../reader-options.js';

type Encode = (text: string) => Uint8Array;

const singleByte = (limit: number): Encode => (text) => {
  const out: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    out.push(code <= limit ? code : 0x3f);
  }
  return Uint8Array.from(out);
};

const utf16 = (bigEndian: boolean, byteOrderMark: boolean): Encode => (text) => {
  const start = byteOrderMark ? 2 : 0;
  const out = new Uint8Array(start + text.length * 2);
  const view = new DataView(out.buffer);
  if (byteOrderMark) view.setUint16(0, 0xfeff, false);
  for (let i = 0; i < text.length; i++) view.setUint16(start + i * 2, text.charCodeAt(i), !bigEndian);
  return out;
};

const utf8: Encode = (text) => new TextEncoder().encode(text);

// Java's canonical names and the aliases it accepts for them, compared upper-case.
const CHARSETS: ReadonlyMap<string, Encode> = new Map([
  ...['UTF-8', 'UTF8'].map((n) => [n, utf8] as const),
  ...['ISO-8859-1', 'ISO8859-1', 'ISO_8859_1', 'LATIN1', 'L1'].map((n) => [n, singleByte(0xff)] as const),
  ...['US-ASCII', 'ASCII'].map((n) => [n, singleByte(0x7f)] as const),
  ...['UTF-16', 'UTF16'].map((n) => [n, utf16(true, true)] as const),
  ...['UTF-16BE', 'UTF_16BE'].map((n) => [n, utf16(true, false)] as const),
  ...['UTF-16LE', 'UTF_16LE'].map((n) => [n, utf16(false, false)] as const),
]);

/** The encoder the options name; throws for a charset the writer cannot write. */
export function csvCharsetEncoder(rawOptions: ReaderOptions): Encode {
  const o = readerOptionLookup(rawOptions);
  const name = o.string('encoding') ?? o.string('charset') ?? 'UTF-8';
  const encode = CHARSETS.get(name.toUpperCase());
  if (!encode) throw new Error(`java.nio.charset.UnsupportedCharsetException: ${name} (the CSV writer writes UTF-8, UTF-16, UTF-16BE, UTF-16LE, ISO-8859-1 and US-ASCII)`);
  return encode;
}
