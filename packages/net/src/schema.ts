/**
 * A tiny schema language for wire messages: each schema both describes a TypeScript type
 * (via Infer) and validates an unknown value decoded from the network into that type.
 * Validation happens once, where bytes enter a process; everything past it is typed.
 */

import { ProtocolError } from './errors.js';

export interface Schema<T> {
  parse(value: unknown, where: string): T;
}

/** Marks an object field that may be missing. */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type InferShape<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

function fail(where: string, expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : value instanceof Uint8Array ? 'bytes' : typeof value;
  throw new ProtocolError(`${where}: expected ${expected}, got ${got}`);
}

/** Accepts anything; for envelopes whose body is validated by the layer above. */
export const unknownValue: Schema<unknown> = { parse: (value) => value };

export const string: Schema<string> = {
  parse: (value, where) => (typeof value === 'string' ? value : fail(where, 'a string', value)),
};

export const boolean: Schema<boolean> = {
  parse: (value, where) => (typeof value === 'boolean' ? value : fail(where, 'a boolean', value)),
};

/** Bytes as msgpack's bin type decodes them (a Buffer, which is a Uint8Array). */
export const bytes: Schema<Uint8Array> = {
  parse: (value, where) => (value instanceof Uint8Array ? value : fail(where, 'bytes', value)),
};

/** A string of at most `maxLength` characters (ids, keys, names). */
export function shortString(maxLength: number): Schema<string> {
  return {
    parse: (value, where) => {
      if (typeof value !== 'string') fail(where, 'a string', value);
      if (value.length > maxLength) throw new ProtocolError(`${where}: longer than ${maxLength} characters`);
      return value;
    },
  };
}

/** A safe integer of either sign. */
export const integer: Schema<number> = {
  parse: (value, where) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : fail(where, 'an integer', value)),
};

export const number: Schema<number> = {
  parse: (value, where) => (typeof value === 'number' && Number.isFinite(value) ? value : fail(where, 'a number', value)),
};

/** A non-negative safe integer: sizes, offsets, counts, ports, timestamps. */
export const count: Schema<number> = {
  parse: (value, where) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fail(where, 'a non-negative integer', value),
};

export function literal<L extends string | boolean>(expected: L): Schema<L> {
  return { parse: (value, where) => (value === expected ? expected : fail(where, JSON.stringify(expected), value)) };
}

/**
 * The shape of an object schema for an interface declared elsewhere: it names every field of T,
 * optional ones too (`satisfies FieldsOf<T>`), so that a field added to T fails to compile where
 * its schema is missing instead of being dropped silently by object(), which keeps only the
 * fields of its shape.
 */
export type FieldsOf<T> = { readonly [K in keyof T]-?: Schema<unknown> };

export function oneOfStrings<L extends string>(...allowed: L[]): Schema<L> {
  return {
    parse: (value, where) =>
      typeof value === 'string' && (allowed as string[]).includes(value) ? (value as L) : fail(where, allowed.join(' | '), value),
  };
}

export function optional<T>(schema: Schema<T>): OptionalSchema<T> {
  return {
    optional: true,
    parse: (value, where) => (value === undefined || value === null ? undefined : schema.parse(value, where)),
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { parse: (value, where) => (value === null || value === undefined ? null : schema.parse(value, where)) };
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return {
    parse: (value, where) => {
      if (!Array.isArray(value)) fail(where, 'an array', value);
      return value.map((element, i) => item.parse(element, `${where}[${i}]`));
    },
  };
}

export function record<T>(item: Schema<T>): Schema<Record<string, T>> {
  return {
    parse: (value, where) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'an object', value);
      const result: Record<string, T> = {};
      for (const [key, element] of Object.entries(value)) result[key] = item.parse(element, `${where}.${key}`);
      return result;
    },
  };
}

/**
 * object() for an interface T declared elsewhere: `objectOf<T>()({ ... })`. The shape must name
 * every field of T (FieldsOf) and parse to a T, so a field added to T fails to compile where its
 * schema is missing, nested shapes included, instead of being dropped on the wire.
 */
export function objectOf<T>(): <S extends Shape & FieldsOf<T>>(shape: S & (InferShape<S> extends T ? unknown : never)) => Schema<T> {
  return (shape) => object(shape) as unknown as Schema<T>;
}

export function object<S extends Shape>(shape: S): Schema<InferShape<S>> {
  return {
    parse: (value, where) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'an object', value);
      const source = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const parsed = field.parse(source[key], `${where}.${key}`);
        if (parsed !== undefined) result[key] = parsed;
      }
      return result as InferShape<S>;
    },
  };
}

/** An object whose `tagField` holds `tag`: one member of a discriminated union. */
export function variant<F extends string, T extends string, S extends Shape>(
  tagField: F,
  tag: T,
  shape: S,
): Schema<Simplify<{ [K in F]: T } & InferShape<S>>> & { tagField: F; tag: T } {
  const body = object(shape);
  const tagSchema = literal(tag);
  return {
    tagField,
    tag,
    parse: (value, where) => {
      const parsed = body.parse(value, where);
      return { [tagField]: tagSchema.parse((value as Record<string, unknown>)[tagField], `${where}.${tagField}`), ...parsed } as Simplify<{ [K in F]: T } & InferShape<S>>;
    },
  };
}

/** A discriminated union of variants sharing one tag field, dispatched on it. */
export function variants<M extends (Schema<unknown> & { tagField: string; tag: string })[]>(...members: M): Schema<Infer<M[number]>> {
  const byTag = new Map<string, Schema<unknown>>(members.map((m) => [m.tag, m]));
  const tagField = members[0].tagField;
  return {
    parse: (value, where) => {
      const tag = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tagField] : undefined;
      const member = typeof tag === 'string' ? byTag.get(tag) : undefined;
      if (!member) fail(`${where}.${tagField}`, [...byTag.keys()].join(' | '), tag);
      return member.parse(value, where) as Infer<M[number]>;
    },
  };
}

/** A message: a variant tagged by its `type` field. */
export function message<T extends string, S extends Shape>(type: T, shape: S) {
  return variant('type', type, shape);
}

/** A discriminated union of messages, dispatched on `type`. */
export const union = variants;

/** A fixed-length array whose elements have their own schemas: `tuple(integer, number)`. */
export function tuple<S extends Schema<unknown>[]>(...items: S): Schema<{ [K in keyof S]: Infer<S[K]> }> {
  return {
    parse: (value, where) => {
      if (!Array.isArray(value) || value.length !== items.length) fail(where, `an array of ${items.length}`, value);
      return items.map((item, i) => item.parse(value[i], `${where}[${i}]`)) as { [K in keyof S]: Infer<S[K]> };
    },
  };
}
