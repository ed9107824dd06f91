/**
 * `+ - * / %` as generated code (expr/ansi-arithmetic.ts has the ANSI errors): by default a zero
 * divisor and int or bigint overflow fail, as in Spark 4; EvalMode `legacy`
 * (spark.sql.ansi.enabled=false) gives null for a zero divisor and wraps integers as Java does;
 * `try` (try_add, try_divide, ...) gives null for both.
 */
import type { DataType, DecimalType } from '../../types/index.js';
import type { EvalMode } from '../../expr/expression.js';
import { ARITHMETIC_HELPERS, arithmeticOverflowMessage, integralRange, withContextCode, zeroDivisorCode, type IntegralRange } from '../../expr/ansi-arithmetic.js';
import { DECIMAL_HELPERS, decimalResultCode } from '../../expr/decimal-arithmetic.js';
import { LONG_ARITHMETIC_HELPERS, longOverflowCode, longRemainderCode } from '../../expr/long-arithmetic.js';
import type { CodegenContext } from './codegen-context.js';

/**
 * `l op r` on two decimals (non-null, in temporaries) as a value of the decimal `type`
 * (expr/decimal-arithmetic.ts). `%` works on the operands scaled to integers, where a double
 * remainder is exact (3.3 % 1.1 is 0.0, where doubles give 1.0999999999999996).
 */
export function genDecimalArithmetic(op: '+' | '-' | '*' | '/' | '%', l: string, r: string, operands: [DecimalType, DecimalType], type: DecimalType, evalMode: EvalMode | undefined, ctx: CodegenContext): string {
  ctx.addHelpers(ARITHMETIC_HELPERS);
  ctx.addHelpers(DECIMAL_HELPERS);
  const integral = operands[0].scale === 0 && operands[1].scale === 0 && type.scale === 0;
  // Only ANSI mode raises errors, which take the query context.
  const context = evalMode === undefined ? ctx.errorContext() : undefined;
  const result = (v: string) => decimalResultCode(v, type, integral && op !== '/', evalMode, context);
  if (op === '/') return zeroDivisorCode(r, result(`${l} / ${r}`), evalMode, context);
  if (op === '%') return zeroDivisorCode(r, result(`sqlDecimalRemainder(${l}, ${r}, ${10 ** Math.max(operands[0].scale, operands[1].scale)})`), evalMode, context);
  return result(`${l} ${op} ${r}`);
}

const TRY_FUNCTION: Readonly<Record<string, string>> = { '+': 'try_add', '-': 'try_subtract', '*': 'try_multiply' };

/** `l op r` for non-null operands held in temporaries; `type` is the result type. */
export function genArithmetic(op: '+' | '-' | '*' | '/' | '%', l: string, r: string, type: DataType, evalMode: EvalMode | undefined, ctx: CodegenContext): string {
  ctx.addHelpers(ARITHMETIC_HELPERS);
  const range = integralRange(type);
  // Only ANSI mode raises errors (a zero divisor, an integral overflow), which take the query context.
  const context = evalMode === undefined && (op === '/' || op === '%' || range !== undefined) ? ctx.errorContext() : undefined;
  if (op === '%' && range?.name === 'long') {
    ctx.addHelpers(LONG_ARITHMETIC_HELPERS);
    return zeroDivisorCode(r, longRemainderCode(l, r), evalMode, context);
  }
  if (op === '/' || op === '%') return zeroDivisorCode(r, `${l} ${op} ${r}`, evalMode, context);
  if (range === undefined) return `${l} ${op} ${r}`;
  const t = ctx.scratch();
  if (range.name === 'long') {
    // Plain double arithmetic while both operands are numbers and the result is a safe integer
    // (then it is exact); else exact in BigInt, then range-checked (expr/long-arithmetic.ts).
    ctx.addHelpers(LONG_ARITHMETIC_HELPERS);
    const exact = `sqlLongResult(BigInt(${l}) ${op} BigInt(${r}), ${longOverflowCode(evalMode, overflowMessageCode(op, l, r, range, context))})`;
    return `typeof ${l} === 'number' && typeof ${r} === 'number' && Number.isSafeInteger(${t} = ${l} ${op} ${r}) ? ${t} : ${exact}`;
  }
  const outside = `(${t} = ${l} ${op} ${r}) < ${range.min} || ${t} >= ${range.end}`;
  switch (evalMode) {
    case 'try':
      return `${outside} ? null : ${t}`;
    case 'legacy':
      // Math.imul keeps an int product's low bits exact.
      return op === '*' && range.name === 'integer' ? `Math.imul(${l}, ${r})` : `${outside} ? ${range.wrap(t)} : ${t}`;
    default:
      return `${outside} ? sqlOverflow(${overflowMessageCode(op, l, r, range, context)}) : ${t}`;
  }
}

/** The ANSI error text for an overflowing `l op r`, with its query context, as code (tinyint and smallint name their operands, as Spark). */
function overflowMessageCode(op: string, l: string, r: string, range: IntegralRange, context: string | undefined): string {
  if (range.name === 'tinyint' || range.name === 'smallint') {
    return withContextCode(`\`[BINARY_ARITHMETIC_OVERFLOW] \${${l}}S ${op} \${${r}}S caused overflow. SQLSTATE: 22003\``, context);
  }
  return withContextCode(JSON.stringify(arithmeticOverflowMessage(`${range.name} overflow`, TRY_FUNCTION[op])), context);
}
