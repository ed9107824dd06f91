/**
 * Spark 4's ANSI arithmetic errors as generated code (spark.sql.ansi.enabled=true, the default):
 * a zero divisor raises DIVIDE_BY_ZERO, int or bigint overflow ARITHMETIC_OVERFLOW (tinyint and
 * smallint BINARY_ARITHMETIC_OVERFLOW). Generated code is expressions, so a throw goes through
 * the helper functions here, which a stage inlines (ARITHMETIC_HELPERS). Longs are exact
 * (types/long-value.ts): their bounds are BigInt literals, and their arithmetic is expr/long-arithmetic.ts.
 */
import type { DataType } from '../types/index.js';
import type { EvalMode } from './expression.js';
import { LONG_MIN } from '../types/long-value.js';

const ANSI_BYPASS = 'If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.';
export const DIVIDE_BY_ZERO_MESSAGE = `[DIVIDE_BY_ZERO] Division by zero. Use \`try_divide\` to tolerate divisor being 0 and return NULL instead. ${ANSI_BYPASS} SQLSTATE: 22012`;

/** Spark's ARITHMETIC_OVERFLOW text: `integer overflow`, with the try_ function that tolerates it, if any. */
export function arithmeticOverflowMessage(message: string, hint: string | undefined): string {
  const alternative = hint ? ` Use '${hint}' to tolerate overflow and return NULL instead.` : '';
  return `[ARITHMETIC_OVERFLOW] ${message}.${alternative} ${ANSI_BYPASS} SQLSTATE: 22003`;
}

/** Helper sources the code below calls. */
export const ARITHMETIC_HELPERS: Readonly<Record<string, string>> = {
  sqlDivideByZero: `const sqlDivideByZero = (context = '') => { throw new Error(${JSON.stringify(DIVIDE_BY_ZERO_MESSAGE)} + context); };`,
  sqlOverflow: 'const sqlOverflow = (message) => { throw new Error(message); };',
};

/** A long's range is checked in BigInt (expr/long-arithmetic.ts's sqlLongResult); the smaller ones' in doubles. */
export type IntegralRange =
  | { readonly name: 'long'; readonly min: string }
  | {
      /** Java's name in overflow messages. */
      readonly name: 'tinyint' | 'smallint' | 'integer';
      readonly min: string;
      /** The first value past the range. */
      readonly end: string;
      /** Java's two's-complement wrap of an out-of-range result. */
      wrap(v: string): string;
    };

const RANGES: Readonly<Record<string, IntegralRange>> = {
  byte: { min: '-128', end: '128', name: 'tinyint', wrap: (v) => `(${v} << 24 >> 24)` },
  short: { min: '-32768', end: '32768', name: 'smallint', wrap: (v) => `(${v} << 16 >> 16)` },
  integer: { min: '-2147483648', end: '2147483648', name: 'integer', wrap: (v) => `(${v} | 0)` },
  long: { min: `${LONG_MIN}n`, name: 'long' },
};

/** The range of an integral type whose arithmetic can overflow (undefined for other types). */
export function integralRange(type: DataType): IntegralRange | undefined {
  return RANGES[type.typeName()];
}

/** `r === 0` fails (ANSI, with the query context in the code `context`) or gives null before `ok` is evaluated. */
export function zeroDivisorCode(r: string, ok: string, evalMode: EvalMode | undefined, context?: string): string {
  return `${r} === 0 ? ${evalMode === undefined ? `sqlDivideByZero(${context ?? ''})` : 'null'} : ${ok}`;
}

/** Code for an error message's text (code) followed by the query context (code), if any. */
export const withContextCode = (message: string, context: string | undefined): string => (context === undefined ? message : `${message} + ${context}`);

/**
 * `-v` (and abs of a negative v) for a non-null value in the temporary `v`: the most negative
 * int or bigint has no negation, an ARITHMETIC_OVERFLOW under ANSI (Java's Math.negateExact),
 * itself under legacy (Java wraps).
 */
export function negateCode(v: string, type: DataType, evalMode: EvalMode | undefined, context?: string): string {
  const range = integralRange(type);
  if (range === undefined) return `(-${v})`;
  if (evalMode !== undefined) return `(${v} === ${range.min} ? ${v} : -${v})`;
  const small = range.name === 'tinyint' || range.name === 'smallint';
  const message = small ? `- ${range.min} caused overflow.` : arithmeticOverflowMessage(`${range.name} overflow`, undefined);
  return `(${v} === ${range.min} ? sqlOverflow(${withContextCode(JSON.stringify(message), context)}) : -${v})`;
}
