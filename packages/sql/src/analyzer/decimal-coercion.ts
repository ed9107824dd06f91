/**
 * Spark's DecimalPrecision rule for a binary operator with a decimal operand: an integral operand
 * becomes a decimal (an integer literal one of just its digits, `DecimalType.fromLiteral`; any
 * other integral `DecimalType.forType`: tinyint 3, smallint 5, int 10, bigint 20 digits), a
 * float or double makes the decimal a double, and a comparison of two different decimals casts
 * both to the decimal that holds either. Arithmetic keeps its two decimals as they are: its
 * result type is Spark's (types/coercion.ts, decimalArithmetic), and so is its rounding
 * (expr/decimal-arithmetic.ts, used by genDecimalArithmetic in physical/codegen/arithmetic-codegen.ts).
 */
import { DecimalType, DoubleType, decimalForIntegral, type DataType } from '../types/index.js';
import { decimalForLiteral, findTightestCommonType } from '../types/coercion.js';
import type { Expr } from '../expr/expression.js';
import { isIntegral, isNull } from '../expr/type-rules.js';

/** The decimal an integral or null operand becomes beside a decimal, or undefined for any other type. */
function asDecimal(e: Expr, t: DataType, other: DecimalType): DecimalType | undefined {
  if (t instanceof DecimalType) return t;
  if (isNull(t)) return other;
  if (!isIntegral(t)) return undefined;
  return e.kind === 'literal' && e.value !== null ? decimalForLiteral(Number(e.value), t) : decimalForIntegral(t);
}

/**
 * The operands' target types when one is a decimal and the other a number or NULL; undefined
 * when no decimal is involved or the other operand is not a number (text, dates: the caller's
 * rules apply). `comparison`: both become one decimal, as Spark compares them.
 */
export function decimalOperandTypes(left: Expr, right: Expr, l: DataType, r: DataType, comparison: boolean): [DataType, DataType] | undefined {
  const decimal = l instanceof DecimalType ? l : r instanceof DecimalType ? r : undefined;
  if (decimal === undefined) return undefined;
  // A float or double beside a decimal: both become doubles (the tightest common type's rule).
  const tight = findTightestCommonType(l, r);
  if (tight instanceof DoubleType) return [tight, tight];
  const a = asDecimal(left, l, decimal);
  const b = asDecimal(right, r, decimal);
  if (a === undefined || b === undefined) return undefined;
  if (!comparison) return [a, b];
  const common = findTightestCommonType(a, b)!;
  return [common, common];
}
