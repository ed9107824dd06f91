/**
 * A tiny schema language for wire messages: each schema both describes a TypeScript type
 * (via Infer) and validates an unknown value decoded from the network into that type.
 * Validation happens once, where bytes enter a process; everything past it is typed.
 */

import { DfsError } from '../errors.js';

export class ProtocolError extends DfsError {
  override name = 'ProtocolError';
  constructor(message: string) {
    super('PROTOCOL', message);
  }
}

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
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
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

export const number: Schema<number> = {
  parse: (value, where) => (typeof value === 'number' && Number.isFinite(value) ? value : fail(where, 'a number', value)),
};

/** A non-negative safe integer: sizes, offsets, counts, ports, timestamps. */
export const count: Schema<number> = {
  parse: (value, where) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fail(where, 'a non-negative integer', value),
};

export function literal<L extends string>(expected: L): Schema<L> {
  return { parse: (value, where) => (value === expected ? expected : fail(where, `"${expected}"`, value)) };
}

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

/** An object with a literal `type` field: one member of a discriminated union. */
export function message<T extends string, S extends Shape>(type: T, shape: S): Schema<Simplify<{ type: T } & InferShape<S>>> & { type: T } {
  const body = object(shape);
  return {
    type,
    parse: (value, where) => ({ type: literal(type).parse((value as { type?: unknown } | null)?.type, `${where}.type`), ...body.parse(value, where) }),
  };
}

/** A discriminated union of messages, dispatched on `type`. */
export function union<M extends (Schema<unknown> & { type: string })[]>(...members: M): Schema<Infer<M[number]>> {
  const byType = new Map<string, Schema<unknown>>(members.map((m) => [m.type, m]));
  return {
    parse: (value, where) => {
      const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
      const member = typeof type === 'string' ? byType.get(type) : undefined;
      if (!member) fail(`${where}.type`, [...byType.keys()].join(' | '), type);
      return member.parse(value, where) as Infer<M[number]>;
    },
  };
}
