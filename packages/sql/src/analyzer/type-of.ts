/**
 * The type and nullability of a resolved expression. The analyzer has inserted the casts that
 * make operand types agree, so these are plain structural rules.
 */
import { DecimalType, type DataType } from '../types/index.js';
import { datetimeArithmeticType, decimalArithmetic } from '../types/coercion.js';
import type { Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { Types } from '../expr/types-used.js';
import { arithmeticType, isAnsiInterval } from '../expr/type-rules.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { outputOf } from '../plan/output.js';

export function dataTypeOf(e: Expr): DataType {
  switch (e.kind) {
    case 'attr':
    case 'literal':
      return e.dataType;
    case 'alias':
    case 'sortOrder':
      return dataTypeOf(e.child);
    case 'cast':
      return e.to;
    case 'unary':
      return e.op === '-' ? dataTypeOf(e.child) : Types.boolean;
    case 'binary':
      return binaryType(e.op, dataTypeOf(e.left), dataTypeOf(e.right));
    case 'caseWhen':
      return firstKnown([...e.branches.map(([, v]) => dataTypeOf(v)), ...(e.otherwise ? [dataTypeOf(e.otherwise)] : [])]);
    case 'in':
      return Types.boolean;
    case 'call': {
      const def = lookupFunction(e.name);
      if (!def) throw new Error(`function ${e.name} is not resolved`);
      return def.returnType(e.args.map(dataTypeOf), e.args.map(constantValueOf));
    }
    case 'udf':
      return e.udf.returnType;
    case 'window':
      return dataTypeOf(e.fn);
    case 'subquery':
      return e.mode === 'scalar' ? subqueryType(e.plan) : Types.boolean;
    case 'column':
    case 'star':
      throw new Error(`expression ${e.kind} is not resolved`);
  }
}

/**
 * An argument's value when planning knows it: a literal's, a map of literals' (options), or a
 * constant call's whose function computes it (schema_of_json('...')); else undefined.
 */
function constantValueOf(e: Expr): unknown {
  if (e.kind === 'literal') return e.value;
  if (e.kind !== 'call') return undefined;
  const args = e.args.map(constantValueOf);
  if (args.some((a) => a === undefined)) return undefined;
  if (e.name === 'map') return new Map(args.flatMap((a, i) => (i % 2 === 0 ? [[a, args[i + 1]] as const] : [])));
  const def = lookupFunction(e.name);
  return def?.type === 'scalar' && def.constantValue ? def.constantValue(args) : undefined;
}

function binaryType(op: string, l: DataType, r: DataType): DataType {
  // Two decimals (the analyzer made integral operands decimals): Spark's DecimalPrecision result type.
  if (l instanceof DecimalType && r instanceof DecimalType && (op === '+' || op === '-' || op === '*' || op === '/' || op === '%')) return decimalArithmetic(op, l, r);
  switch (op) {
    case '+':
    case '-':
      // Two intervals of one kind: the interval spanning both (interval day + interval hour is day to hour).
      if (isAnsiInterval(l) && isAnsiInterval(r)) return datetimeArithmeticType(op, l, r)!;
      return arithmeticType(l, r);
    case '*':
    case '%':
      return arithmeticType(l, r);
    case '/':
      return Types.double;
    default:
      return Types.boolean;
  }
}

function firstKnown(types: DataType[]): DataType {
  return types.find((t) => t.typeName() !== 'void') ?? Types.null;
}

/** A scalar subquery's type is its plan's single output column's. */
function subqueryType(plan: LogicalPlan): DataType {
  return outputOf(plan)[0]?.dataType ?? Types.null;
}

export function nullableOf(e: Expr): boolean {
  switch (e.kind) {
    case 'attr':
      return e.nullable;
    case 'literal':
      return e.value === null;
    case 'cast':
      return e.try === true || nullableOf(e.child);
    case 'alias':
    case 'sortOrder':
      return nullableOf(e.child);
    case 'unary':
      return e.op === 'IS NULL' || e.op === 'IS NOT NULL' ? false : nullableOf(e.child);
    case 'binary':
      if (e.op === '<=>') return false;
      return e.op === '/' || e.op === '%' || e.evalMode === 'try' || nullableOf(e.left) || nullableOf(e.right);
    case 'caseWhen':
      return e.otherwise === undefined || e.branches.some(([, v]) => nullableOf(v)) || nullableOf(e.otherwise);
    case 'in':
      return nullableOf(e.child) || e.list.some(nullableOf);
    case 'call': {
      const def = lookupFunction(e.name);
      if (def?.type === 'aggregate') return def.nullableResult ?? false;
      if (def?.type === 'window') return def.nullableResult ?? false;
      return (def?.nullableResult ?? false) || e.args.some(nullableOf);
    }
    default:
      return true;
  }
}
