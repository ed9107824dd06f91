/**
 * Hadoop's Writables as a SequenceFile stores them (org.apache.hadoop.io), and the JS values they
 * stand for, converted as PySpark converts Python values: a string is Text, an integer IntWritable
 * (LongWritable past 32 bits), any other number DoubleWritable, a boolean BooleanWritable, bytes
 * BytesWritable, null NullWritable. Numbers are big-endian, as Java's DataOutput writes them.
 */
import { doubleToJavaString, floatToJavaString } from '@flint/sql/java-number';

export const WRITABLES = {
  'org.apache.hadoop.io.Text': 'text',
  'org.apache.hadoop.io.IntWritable': 'int',
  'org.apache.hadoop.io.LongWritable': 'long',
  'org.apache.hadoop.io.DoubleWritable': 'double',
  'org.apache.hadoop.io.FloatWritable': 'float',
  'org.apache.hadoop.io.BooleanWritable': 'boolean',
  'org.apache.hadoop.io.BytesWritable': 'bytes',
  'org.apache.hadoop.io.NullWritable': 'null',
} as const;

export type WritableClass = keyof typeof WRITABLES;
type Kind = (typeof WRITABLES)[WritableClass];

const CLASS_OF = Object.fromEntries(Object.entries(WRITABLES).map(([name, kind]) => [kind, name])) as Record<Kind, WritableClass>;
/** Number classes that can hold every value of the classes before them. */
const NUMBER_WIDTH: readonly Kind[] = ['int', 'long', 'double'];

export function isWritableClass(name: string): name is WritableClass {
  return Object.hasOwn(WRITABLES, name);
}

export function supportedWritables(): string {
  return Object.keys(WRITABLES).join(', ');
}

/** The Writable class that holds every one of `values` (the header names one class per column). */
export function writableClassFor(values: readonly unknown[], column: 'key' | 'value'): WritableClass {
  let chosen: Kind | undefined;
  for (const value of values) {
    const kind = kindOf(value);
    if (chosen === undefined || chosen === kind) chosen = kind;
    else if (NUMBER_WIDTH.includes(chosen) && NUMBER_WIDTH.includes(kind)) chosen = NUMBER_WIDTH[Math.max(NUMBER_WIDTH.indexOf(chosen), NUMBER_WIDTH.indexOf(kind))];
    else throw new TypeError(`a SequenceFile holds one Writable class per ${column}: this partition's ${column}s are both ${CLASS_OF[chosen]} and ${CLASS_OF[kind]}`);
  }
  return CLASS_OF[chosen ?? 'null'];
}

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'bigint') return 'long';
  if (value instanceof Uint8Array) return 'bytes';
  if (typeof value === 'number') return !Number.isInteger(value) ? 'double' : value >= -(2 ** 31) && value < 2 ** 31 ? 'int' : 'long';
  throw new TypeError(`a SequenceFile stores strings, numbers, booleans, bytes and null, not ${Array.isArray(value) ? 'an array' : typeof value}`);
}

/**
 * `value` as the Writable it is written as prints itself (its toString), as TextOutputFormat
 * writes it: a DoubleWritable as Java prints a double (`1.0`, `1.0E7`), a FloatWritable as a
 * float, a BytesWritable as hex bytes (`0a ff`). `className` is the declared class, if any.
 */
export function writableText(value: unknown, className: string | undefined): string {
  if (value instanceof Uint8Array) return Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  if (typeof value !== 'number') return String(value);
  const kind = className !== undefined && isWritableClass(className) ? WRITABLES[className] : kindOf(value);
  if (kind === 'float') return floatToJavaString(value);
  return kind === 'double' || !Number.isSafeInteger(value) ? doubleToJavaString(value) : String(value);
}

/** `value` serialized as an instance of `className`. */
export function writeWritable(className: WritableClass, value: unknown): Uint8Array {
  const kind = WRITABLES[className];
  const mismatch = (): never => {
    throw new TypeError(`cannot write ${typeof value} ${String(value).slice(0, 40)} as ${className}`);
  };
  switch (kind) {
    case 'text': {
      if (typeof value !== 'string') mismatch();
      const bytes = Buffer.from(value as string, 'utf8');
      return Buffer.concat([writeVLong(bytes.length), bytes]);
    }
    case 'int':
    case 'float': {
      if (typeof value !== 'number') mismatch();
      const out = Buffer.alloc(4);
      if (kind === 'int') out.writeInt32BE(value as number);
      else out.writeFloatBE(value as number);
      return out;
    }
    case 'long': {
      if (typeof value !== 'number' && typeof value !== 'bigint') mismatch();
      const out = Buffer.alloc(8);
      out.writeBigInt64BE(BigInt(value as number | bigint));
      return out;
    }
    case 'double': {
      if (typeof value !== 'number') mismatch();
      const out = Buffer.alloc(8);
      out.writeDoubleBE(value as number);
      return out;
    }
    case 'boolean':
      if (typeof value !== 'boolean') mismatch();
      return Uint8Array.of(value ? 1 : 0);
    case 'bytes': {
      if (!(value instanceof Uint8Array)) mismatch();
      const length = Buffer.alloc(4);
      length.writeInt32BE((value as Uint8Array).length);
      return Buffer.concat([length, value as Uint8Array]);
    }
    case 'null':
      if (value !== null && value !== undefined) mismatch();
      return new Uint8Array(0);
  }
}

/** The value of the `className` instance serialized in `bytes` (all of them). */
export function readWritable(className: WritableClass, bytes: Buffer): unknown {
  switch (WRITABLES[className]) {
    case 'text': {
      const [length, start] = readVLong(bytes, 0);
      return bytes.toString('utf8', start, start + length);
    }
    case 'int':
      return bytes.readInt32BE(0);
    case 'float':
      return bytes.readFloatBE(0);
    case 'long': {
      const value = bytes.readBigInt64BE(0);
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
    }
    case 'double':
      return bytes.readDoubleBE(0);
    case 'boolean':
      return bytes[0] !== 0;
    case 'bytes':
      return new Uint8Array(bytes.subarray(4, 4 + bytes.readInt32BE(0)));
    case 'null':
      return null;
  }
}

/** Hadoop's WritableUtils.writeVLong: one byte for -112..127, else a length byte and big-endian bytes. */
export function writeVLong(value: number): Buffer {
  if (value >= -112 && value <= 127) return Buffer.of(value & 0xff);
  let rest = BigInt(value);
  let length = -112;
  if (rest < 0n) {
    rest = ~rest;
    length = -120;
  }
  const bytes: number[] = [];
  for (let tmp = rest; tmp !== 0n; tmp >>= 8n) {
    bytes.unshift(Number(tmp & 0xffn));
    length--;
  }
  return Buffer.from([length & 0xff, ...bytes]);
}

/** WritableUtils.readVLong: the value at `offset` and the offset after it. */
export function readVLong(bytes: Buffer, offset: number): [number, number] {
  const first = bytes.readInt8(offset);
  if (first >= -112) return [first, offset + 1];
  const negative = first < -120;
  const size = negative ? -(first + 120) : -(first + 112);
  let value = 0n;
  for (let i = 1; i <= size; i++) value = (value << 8n) | BigInt(bytes[offset + i]);
  return [Number(negative ? ~value : value), offset + 1 + size];
}
