/**
 * -0 across the codec. msgpackr writes a number that is an unsigned 32-bit int as that int, and
 * `-0 >>> 0 === -0`, so -0 arrived as 0: a double column's -0.0 became 0.0 in every task, shuffle,
 * cache and collect (atan2(-0.0, -1) is -π, atan2(0.0, -1) is π). Java's serialization keeps
 * -0.0, so Spark's rows and RDDs do too. A value holding a -0 is encoded as a copy in which each
 * -0 is NEGATIVE_ZERO, an extension that decodes as -0. Only the containers msgpackr takes apart
 * are searched: arrays, plain objects, Map values (a Map's keys and a Set's elements are never -0:
 * they normalize it to 0) and a function's captured values; typed arrays keep their bytes as they are.
 */
import { FnRef } from '../fn/fn-ref.js';

export class NegativeZero {}

export const NEGATIVE_ZERO = new NegativeZero();

function isNegativeZero(value: number): boolean {
  return value === 0 && 1 / value < 0;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether `value` has a -0 where msgpackr would write it as 0. Kept lean: every encode runs it. */
export function holdsNegativeZero(value: unknown): boolean {
  if (typeof value === 'number') return isNegativeZero(value);
  return typeof value === 'object' && value !== null && objectHoldsNegativeZero(value);
}

function objectHoldsNegativeZero(value: object): boolean {
  if (Array.isArray(value)) return arrayHoldsNegativeZero(value);
  if (ArrayBuffer.isView(value)) return false;
  if (value instanceof Map) {
    for (const item of value.values()) if (holdsNegativeZero(item)) return true;
    return false;
  }
  if (value instanceof FnRef) return value.env !== undefined && objectHoldsNegativeZero(value.env);
  return isPlainObject(value) && fieldsHoldNegativeZero(value);
}

function arrayHoldsNegativeZero(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (holdsNegativeZero(values[i])) return true;
  return false;
}

function fieldsHoldNegativeZero(value: Record<string, unknown>): boolean {
  for (const key in value) if (holdsNegativeZero(value[key])) return true;
  return false;
}

/**
 * `value` with each -0 that holdsNegativeZero would find replaced by NEGATIVE_ZERO: the containers
 * holding one are copied, the rest are shared. Only the top level runs holdsNegativeZero (the lean
 * pass for the common value without a -0); below it one walk copies a container on its first change.
 */
export function markNegativeZeros(value: unknown): unknown {
  if (typeof value === 'number') return isNegativeZero(value) ? NEGATIVE_ZERO : value;
  return holdsNegativeZero(value) ? (markedCopy(value) ?? value) : value;
}

/** `value` with its -0s marked, or undefined when it holds none (then the caller keeps `value`). */
function markedCopy(value: unknown): unknown {
  if (typeof value === 'number') return isNegativeZero(value) ? NEGATIVE_ZERO : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return markedArray(value);
  if (ArrayBuffer.isView(value)) return undefined;
  if (value instanceof Map) return markedMap(value);
  if (value instanceof FnRef) {
    const env = value.env === undefined ? undefined : markedCopy(value.env);
    return env === undefined ? undefined : new FnRef(value.source, env as Record<string, unknown>, value.site);
  }
  return isPlainObject(value) ? markedFields(value) : undefined;
}

function markedArray(values: readonly unknown[]): unknown[] | undefined {
  let copy: unknown[] | undefined;
  for (let i = 0; i < values.length; i++) {
    const marked = markedCopy(values[i]);
    if (marked === undefined) continue;
    copy ??= values.slice();
    copy[i] = marked;
  }
  return copy;
}

function markedMap(map: Map<unknown, unknown>): Map<unknown, unknown> | undefined {
  let copy: Map<unknown, unknown> | undefined;
  for (const [key, item] of map) {
    const marked = markedCopy(item);
    if (marked === undefined) continue;
    copy ??= new Map(map);
    copy.set(key, marked);
  }
  return copy;
}

function markedFields(value: Record<string, unknown>): Record<string, unknown> | undefined {
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    const marked = markedCopy(value[key]);
    if (marked === undefined) continue;
    copy ??= copyOfFields(value);
    copy[key] = marked;
  }
  return copy;
}

function copyOfFields(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null);
  for (const key in value) copy[key] = value[key];
  return copy;
}
