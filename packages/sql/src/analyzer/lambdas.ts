/**
 * Higher-order functions (transform, filter, exists, forall, aggregate, zip_with, map_filter,
 * transform_keys, transform_values, array_sort, map_zip_with): a lambda argument is a `lambdafunction(body, params...)`
 * call whose parameters are columns by name until resolved. The parameters' types follow from
 * the function's other arguments (an array's element type, a map's key and value types), so
 * these calls are resolved before the rest of the expression (Spark's ResolveLambdaVariables):
 * the other arguments first, then each lambda's body with its parameters as fresh attributes
 * that shadow input columns of the same name.
 */
import { newExprId, transformDown, type Attr, type Expr } from '../expr/expression.js';
import { ArrayType, MapType, type DataType } from '../types/index.js';
import { Types } from '../expr/types-used.js';
import { AnalysisException } from './analysis-error.js';
import { dataTypeOf } from './type-of.js';

export const LAMBDA = 'lambdafunction';

const elementOf = (t: DataType | undefined, fn: string): DataType => {
  if (t instanceof ArrayType) return t.elementType;
  throw new AnalysisException('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `${fn} needs an array, got "${t?.simpleString().toUpperCase()}". SQLSTATE: 42K09`);
};
const mapOf = (t: DataType | undefined, fn: string): MapType => {
  if (t instanceof MapType) return t;
  throw new AnalysisException('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `${fn} needs a map, got "${t?.simpleString().toUpperCase()}". SQLSTATE: 42K09`);
};

/**
 * For each higher-order function, the parameter types of its lambda at argument `i`, from the
 * types of the arguments before it (lambdas before it already resolved).
 */
const PARAMETER_TYPES: Record<string, (types: DataType[], i: number) => DataType[]> = {
  transform: ([a]) => [elementOf(a, 'transform'), Types.int],
  filter: ([a]) => [elementOf(a, 'filter'), Types.int],
  exists: ([a]) => [elementOf(a, 'exists')],
  forall: ([a]) => [elementOf(a, 'forall')],
  aggregate: ([a, zero, merge], i) => (i === 2 ? [zero!, elementOf(a, 'aggregate')] : [merge ?? zero!]),
  reduce: ([a, zero, merge], i) => (i === 2 ? [zero!, elementOf(a, 'reduce')] : [merge ?? zero!]),
  zip_with: ([a, b]) => [elementOf(a, 'zip_with'), elementOf(b, 'zip_with')],
  map_filter: ([m]) => [mapOf(m, 'map_filter').keyType, mapOf(m, 'map_filter').valueType],
  transform_keys: ([m]) => [mapOf(m, 'transform_keys').keyType, mapOf(m, 'transform_keys').valueType],
  transform_values: ([m]) => [mapOf(m, 'transform_values').keyType, mapOf(m, 'transform_values').valueType],
  array_sort: ([a]) => [elementOf(a, 'array_sort'), elementOf(a, 'array_sort')],
  map_zip_with: ([m1, m2]) => [mapOf(m1, 'map_zip_with').keyType, mapOf(m1, 'map_zip_with').valueType, mapOf(m2, 'map_zip_with').valueType],
};

const isLambda = (e: Expr): e is Extract<Expr, { kind: 'call' }> => e.kind === 'call' && e.name === LAMBDA;

/** Resolves the higher-order calls in `e`; `resolve` resolves an expression against some columns. */
export function resolveLambdas(e: Expr, input: readonly Attr[], resolve: (e: Expr, input: readonly Attr[]) => Expr): Expr {
  return transformDown(e, (x) => {
    if (x.kind !== 'call' || !x.args.some(isLambda)) return undefined;
    const parameterTypes = PARAMETER_TYPES[x.name.toLowerCase()];
    if (!parameterTypes) throw new AnalysisException('INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION', `A lambda function should only be used in a higher order function. However, its class is ${x.name}, which is not a higher order function. SQLSTATE: 42K0D`);
    const args: Expr[] = [];
    x.args.forEach((arg, i) => {
      if (!isLambda(arg)) {
        args.push(resolve(arg, input));
        return;
      }
      const types = parameterTypes(args.map(dataTypeOf), i);
      const [body, ...names] = arg.args;
      const params: Attr[] = names.map((n, j) => {
        if (n!.kind !== 'column' || types[j] === undefined) throw new AnalysisException('INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH', `A higher order function expects ${types.length} arguments, but got ${names.length}. SQLSTATE: 42K0D`);
        return { kind: 'attr', id: newExprId(), name: n.name, dataType: types[j]!, nullable: true };
      });
      const shadowed = new Set(params.map((p) => p.name.toLowerCase()));
      const scope = [...params, ...input.filter((a) => !shadowed.has(a.name.toLowerCase()))];
      args.push({ kind: 'call', name: LAMBDA, args: [resolve(body!, scope), ...params] });
    });
    return { ...x, args };
  });
}
