/**
 * User-defined functions: `F.udf(fn, returnType = 'string')`. The function travels as source
 * text under the same rules as RDD functions (free variables are an error; use `capture`).
 */
import { toFnRef } from '@flint/rdd';
import { Column, columnExpr } from '../column.js';
import type { UdfRef } from '../expr/expression.js';
import { parseDataType, type DataType } from '../types/index.js';
import { flat, type ColumnOrName } from './call.js';

export type UserDefinedFunction = ((...cols: (ColumnOrName | ColumnOrName[])[]) => Column) & { readonly returnType: DataType };

/** The function and return type behind each UserDefinedFunction, for `fc.udf.register`. */
const refs = new WeakMap<UserDefinedFunction, UdfRef>();

export function udf(f: (...args: never[]) => unknown, returnType: DataType | string = 'string'): UserDefinedFunction {
  return userDefinedFunction(udfRef(f, returnType));
}

/** What a UDF of `f` calls: its source, captured values, name (the function's, else `udf`) and return type. */
export function udfRef(f: (...args: never[]) => unknown, returnType: DataType | string = 'string'): UdfRef {
  const ref = toFnRef(f, 'udf');
  const type = typeof returnType === 'string' ? parseDataType(returnType) : returnType;
  const target = typeof f === 'function' ? f : (f as { fn: { name: string } }).fn;
  const name = target.name && !target.name.startsWith('bound ') ? target.name : 'udf';
  return { source: ref.source, env: ref.env, name, returnType: type, ...(typeof target === 'function' ? { fn: target } : {}) };
}

/** A UDF calling `ref`: its columns are named `<ref.name>(args)`. */
export function userDefinedFunction(ref: UdfRef): UserDefinedFunction {
  const call = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => new Column({ kind: 'udf', udf: ref, args: flat(cols).map(columnExpr) });
  const defined = Object.assign(call, { returnType: ref.returnType });
  refs.set(defined, ref);
  return defined;
}

export function udfRefOf(f: unknown): UdfRef | undefined {
  return typeof f === 'function' ? refs.get(f as UserDefinedFunction) : undefined;
}
