/**
 * `fc.udf`: PySpark's UDFRegistration. `register(name, f, returnType?)` makes a function callable
 * by name from SQL text (`fc.sql`, `selectExpr`, `F.expr`) and returns it as a UDF for DataFrame
 * code; its columns are named after the registered name, `add_one(v1)`.
 */
import type { UdfRef } from './expr/expression.js';
import type { DataType } from './types/index.js';
import { udfRef, udfRefOf, userDefinedFunction, type UserDefinedFunction } from './functions/udf.js';

export class UDFRegistration {
  constructor(private readonly functions: Map<string, UdfRef>) {}

  /** `f` a function (its result read as `returnType`, default string) or a UDF from `F.udf` (which has its type). */
  register(name: string, f: ((...args: never[]) => unknown) | UserDefinedFunction, returnType?: DataType | string): UserDefinedFunction {
    const defined = udfRefOf(f);
    if (defined && returnType !== undefined) {
      throw new TypeError(`[CANNOT_SPECIFY_RETURN_TYPE_FOR_UDF] returnType can not be specified when \`f\` is a user-defined function, but got ${String(returnType)}.`);
    }
    const ref = { ...(defined ?? udfRef(f as (...args: never[]) => unknown, returnType)), name };
    this.functions.set(name.toLowerCase(), ref);
    return userDefinedFunction(ref);
  }
}
