/**
 * User-defined functions: `F.udf(fn, returnType = 'string')`. The function travels as source
 * text under the same rules as RDD functions (free variables are an error; use `capture`).
 */
import { toFnRef } from '@flint/rdd';
import { Column, columnExpr } from '../column.js';
import { parseDataType, type DataType } from '../types/index.js';
import { flat, type ColumnOrName } from './call.js';

export type UserDefinedFunction = ((...cols: (ColumnOrName | ColumnOrName[])[]) => Column) & { readonly returnType: DataType };

export function udf(f: (...args: never[]) => unknown, returnType: DataType | string = 'string'): UserDefinedFunction {
  const ref = toFnRef(f, 'udf');
  const type = typeof returnType === 'string' ? parseDataType(returnType) : returnType;
  const target = typeof f === 'function' ? f : (f as { fn: { name: string } }).fn;
  const name = target.name && !target.name.startsWith('bound ') ? target.name : 'udf';
  const call = (...cols: (ColumnOrName | ColumnOrName[])[]): Column =>
    new Column({ kind: 'udf', udf: { source: ref.source, env: ref.env, name, returnType: type }, args: flat(cols).map(columnExpr) });
  return Object.assign(call, { returnType: type });
}
