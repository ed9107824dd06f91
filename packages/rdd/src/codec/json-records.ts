/**
 * Records as JSON text, for mapreduce mode's stored job outputs: text that later jobs read back
 * and parse, as a chain of Hadoop jobs does. Plain JSON would change what a job computes: Maps,
 * Sets and typed arrays would come back as plain objects, undefined and NaN as null, Dates as
 * strings, and bigints would not encode at all. Such values are written as tagged objects,
 * `{"$flint": type, "v": payload}`, and recreated on reading, so a job reads back exactly the
 * values the binary codec would have carried. A plain object with a "$flint" key of its own is
 * tagged too (as its entries), so it is never mistaken for one of these. -0, which JSON writes
 * as 0, is tagged as NaN and the infinities are: the binary codec keeps it too.
 */
const TAG = '$flint';

type Tagged = { [TAG]: string; v?: unknown };

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;

type TypedArrayName = keyof typeof TYPED_ARRAYS;

export function recordToJson(record: unknown): string {
  return isPlainJson(record) ? JSON.stringify(record) : JSON.stringify(record, tagLossyValues);
}

/** Whether plain JSON keeps `value` as it is; such records skip the (3x slower) replacer. */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i])) return false;
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype || Object.hasOwn(value, TAG)) return false;
      for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** Parses one line written by recordToJson; lines without tags take JSON.parse's fast path. */
export function recordFromJson(line: string): unknown {
  if (!line.includes(`"${TAG}"`)) return JSON.parse(line);
  const record = JSON.parse(line, untag);
  return isUndefinedTag(record) ? undefined : record;
}

function tagLossyValues(this: Record<string, unknown>, key: string, value: unknown): unknown {
  // toJSON has already run on `value` (a Date is a string, a Buffer an object); the holder still has the original.
  const original = this[key];
  if (original instanceof Date) return tag('Date', value);
  if (ArrayBuffer.isView(original)) return typedArrayTag(original);
  switch (typeof value) {
    case 'number':
      if (Object.is(value, -0)) return tag('Number', '-0');
      return Number.isFinite(value) ? value : tag('Number', String(value));
    case 'bigint':
      return tag('BigInt', value.toString());
    case 'undefined':
      return tag('undefined');
    case 'object':
      if (value === null || Array.isArray(value)) return value;
      if (value instanceof Map) return tag('Map', [...value]);
      if (value instanceof Set) return tag('Set', [...value]);
      return Object.hasOwn(value, TAG) ? tag('Object', Object.entries(value)) : value;
    default:
      return value;
  }
}

/** Typed arrays by their standard class, so that a Buffer is stored as the Uint8Array it is. */
function typedArrayTag(view: ArrayBufferView): Tagged {
  const type = (Object.keys(TYPED_ARRAYS) as TypedArrayName[]).find((name) => view instanceof TYPED_ARRAYS[name]);
  if (type === undefined) throw new Error(`a ${view.constructor.name} cannot be stored as a record`);
  return tag(type, Array.from(view as Float64Array));
}

function tag(type: string, payload?: unknown): Tagged {
  return payload === undefined ? { [TAG]: type } : { [TAG]: type, v: payload };
}

/**
 * JSON.parse's reviver: runs bottom-up, so a tag's payload is already revived. An undefined tag is
 * left for its parent to replace, since a reviver that returns undefined deletes the element.
 */
function untag(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (!Object.hasOwn(value, TAG)) return replaceUndefinedTags(value as Record<string, unknown>);
  const { [TAG]: type, v } = value as Tagged;
  switch (type) {
    case 'undefined':
      return value;
    case 'Number':
      return Number(v);
    case 'BigInt':
      return BigInt(v as string);
    case 'Date':
      return new Date(v as string);
    case 'Map':
      return new Map(v as [unknown, unknown][]);
    case 'Set':
      return new Set(v as unknown[]);
    case 'Object':
      return Object.fromEntries(v as [string, unknown][]);
    default:
      if (Object.hasOwn(TYPED_ARRAYS, type)) return (TYPED_ARRAYS[type as TypedArrayName] as { from(values: unknown[]): unknown }).from(v as unknown[]);
      throw new Error(`stored record has an unknown ${TAG} tag: ${type}`);
  }
}

/** Arrays and plain objects: children tagged undefined become undefined, in place. */
function replaceUndefinedTags(container: Record<string, unknown>): unknown {
  for (const key of Object.keys(container)) if (isUndefinedTag(container[key])) container[key] = undefined;
  return container;
}

function isUndefinedTag(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Tagged)[TAG] === 'undefined' && Object.keys(value).length === 1;
}
