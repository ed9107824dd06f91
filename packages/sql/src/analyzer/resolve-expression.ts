/**
 * Resolving one expression against the columns its operator sees: names become attributes,
 * functions are looked up and checked, and implicit casts are inserted where operand types
 * differ (Spark's TypeCoercion, simplified: numbers widen, strings compared with numbers or
 * dates are cast to them, `/` is double unless a decimal is involved; decimals follow Spark's
 * DecimalPrecision, decimal-coercion.ts).
 */
import type { QueryOrigin } from '../expr/query-context.js';
import { CalendarIntervalType, DayTimeIntervalType, YearMonthIntervalType, parseDataType, type DataType } from '../types/index.js';
import { aliasOf, takesOrigin, transformDown, transformUp, type Attr, type Expr, type SortOrderExpr, type WindowSpecExpr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { distinctAggregate } from '../expr/distinct-aggregate.js';
import { Types } from '../expr/types-used.js';
import { commonType, isAnsiInterval, isBoolean, isDate, isDateLike, isDayCount, isIntegral, isNull, isNumeric, isString, sameType, widerNumeric } from '../expr/type-rules.js';
import { UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING, prettyName } from '../expr/names.js';
import { literalExpr } from '../expr/literal.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { outputOf } from '../plan/output.js';
import { attrsReadBy } from './plan-reads.js';
import { AnalysisException, ambiguousReference, unresolvedColumn } from './analysis-error.js';
import { dataTypeOf } from './type-of.js';
import { resolveLambdas } from './lambdas.js';
import { datetimeSubtraction } from './datetime-subtraction.js';
import { decimalOperandTypes } from './decimal-coercion.js';
import { checkWindowOrder } from './window-order.js';
import { sessionFunction } from './session-functions.js';

const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The display name of an attribute in error messages: `t`.`a` when qualified. */
const displayName = (a: Attr) => (a.qualifier ? `${a.qualifier}.${a.name}` : a.name);

export function findAttr(name: string, qualifier: string | undefined, input: readonly Attr[]): Attr[] {
  const matches = input.filter((a) => same(a.name, name) && (qualifier === undefined || same(a.qualifier, qualifier)));
  const unique = new Map(matches.map((a) => [a.id, a]));
  return [...unique.values()];
}

const HIVE_GROUPING_ID = 'grouping__id';

export function resolveColumn(name: string, qualifier: string | undefined, input: readonly Attr[]): Expr {
  const matches = findAttr(name, qualifier, input);
  if (matches.length === 1) return matches[0];
  const fullName = qualifier ? `${qualifier}.${name}` : name;
  if (matches.length > 1) throw ambiguousReference(fullName, matches.map(displayName));
  // Hive's virtual column, which Spark reads (when no column has the name) as grouping_id().
  if (qualifier === undefined && same(name, HIVE_GROUPING_ID)) return aliasOf(resolveCall('grouping_id', [], false), HIVE_GROUPING_ID);
  if (qualifier !== undefined) {
    // `a.b` where `a` is a struct column: a field access.
    const struct = findAttr(qualifier, undefined, input);
    if (struct.length === 1 && struct[0].dataType.typeName() === 'struct') {
      // Spark names the column after the field: `select('p.x')` gives `x`.
      return aliasOf(resolveCall('get_field', [struct[0], { kind: 'literal', value: name, dataType: Types.string }], false), name);
    }
  }
  throw unresolvedColumn(fullName, input.map(displayName));
}

/**
 * Where an expression is resolved beyond its operator's input: the columns of enclosing queries
 * (a correlated subquery reads them) and how to analyze a subquery's plan.
 */
export interface OuterScope {
  readonly attrs: readonly Attr[];
  analyzeSubquery(plan: LogicalPlan, outer: readonly Attr[]): LogicalPlan;
}

export function resolveExpression(e: Expr, input: readonly Attr[], outer?: OuterScope): Expr {
  const withLambdas = resolveLambdas(expandStarArguments(e, input), input, (x, scope) => resolveExpression(x, scope, outer));
  return transformUp(withLambdas, (node) => resolveNode(node, input, outer));
}

/** `hash(*)`, `concat(t.*)`: a star among a function's arguments stands for the input columns, as in Spark. */
export function expandStarArguments(e: Expr, input: readonly Attr[]): Expr {
  return transformDown(e, (x) => {
    if (x.kind !== 'call' || !x.args.some((a) => a.kind === 'star')) return undefined;
    const args = x.args.flatMap((a): readonly Expr[] => {
      if (a.kind !== 'star') return [expandStarArguments(a, input)];
      return a.qualifier === undefined ? input : input.filter((c) => same(c.qualifier, a.qualifier));
    });
    return { ...x, args };
  });
}

function resolveNode(e: Expr, input: readonly Attr[], outer: OuterScope | undefined): Expr {
  switch (e.kind) {
    case 'column':
      if (outer && outer.attrs.length > 0 && findAttr(e.name, e.qualifier, input).length === 0) {
        const fromOuter = findAttr(e.name, e.qualifier, outer.attrs);
        if (fromOuter.length === 1) return fromOuter[0];
      }
      return resolveColumn(e.name, e.qualifier, input);
    case 'subquery': {
      if (!outer) throw new AnalysisException('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY', 'A subquery is not supported here. SQLSTATE: 0A000');
      const visible = [...input, ...outer.attrs];
      const plan = outer.analyzeSubquery(e.plan, visible);
      const columns = outputOf(plan).length;
      if (e.mode === 'scalar' && columns !== 1) {
        throw new AnalysisException(
          'INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN',
          `Invalid subquery: Scalar subquery must return only one column, but got ${columns}. SQLSTATE: 42823`,
        );
      }
      const visibleIds = new Set(visible.map((a) => a.id));
      return { ...e, plan, outerNames: attrsReadBy(plan).filter((a) => visibleIds.has(a.id)).map((a) => a.name) };
    }
    case 'star':
      throw new AnalysisException('INVALID_USAGE_OF_STAR_OR_REGEX', `Invalid usage of '*' in expression.`);
    case 'call':
      return keepOrigin(resolveCall(e.name, e.args, e.distinct ?? false), e.origin);
    case 'binary':
      return coerceBinary(e);
    case 'unary':
      if (e.op === '-') return { ...e, child: signOperand(e.child, '-') };
      return e.op === 'NOT' ? { ...e, child: castTo(e.child, Types.boolean) } : e;
    case 'caseWhen': {
      const valueTypes = [...e.branches.map(([, v]) => dataTypeOf(v)), ...(e.otherwise ? [dataTypeOf(e.otherwise)] : [])];
      const target = widest(valueTypes, 'CASE WHEN');
      return {
        ...e,
        branches: e.branches.map(([c, v]) => [castTo(c, Types.boolean), castTo(v, target)] as const),
        otherwise: e.otherwise && castTo(e.otherwise, target),
      };
    }
    case 'in': {
      const target = widest([dataTypeOf(e.child), ...e.list.map(dataTypeOf)], 'IN');
      return { ...e, child: castTo(e.child, target), list: e.list.map((x) => castTo(x, target)) };
    }
    case 'window':
      checkWindowOrder(e.fn, e.spec);
      return { ...e, spec: withDefaultFrame(e.fn, e.spec) };
    default:
      return e;
  }
}

/** The function a call resolves to keeps where the call was written (as Spark's rules keep CurrentOrigin). */
function keepOrigin(resolved: Expr, origin: QueryOrigin | undefined): Expr {
  if (origin === undefined || !takesOrigin(resolved)) return resolved;
  return resolved.origin === undefined ? { ...resolved, origin } : resolved;
}

/**
 * Unary minus and plus take numbers and intervals (Spark's UnaryMinus, UnaryPositive); text and
 * NULL become doubles, as their implicit casts make them; a date, timestamp, binary, boolean, ...
 * is a type mismatch.
 */
function signOperand(child: Expr, sign: '-' | '+'): Expr {
  const t = dataTypeOf(child);
  if (isNumeric(t) || isAnsiInterval(t) || t instanceof CalendarIntervalType) return child;
  if (isString(t) || isNull(t)) return castTo(child, Types.double);
  const required = '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")';
  throw new AnalysisException(
    'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
    `Cannot resolve "(${sign} ${prettyName(child)})" due to data type mismatch: The first parameter requires the ${required} type, however "${prettyName(child)}" has the type "${t.simpleString().toUpperCase()}". SQLSTATE: 42K09`,
  );
}

/** Spark's cast functions: `int(x)` is `CAST(x AS INT)`, and so on for each of these types. */
const CAST_FUNCTIONS = new Set(['boolean', 'tinyint', 'smallint', 'int', 'bigint', 'float', 'double', 'decimal', 'date', 'timestamp', 'binary', 'string']);

/** SQL's struct(a, b, 1): fields named after columns and aliases, `col<i>` otherwise (Spark's CreateStruct). */
function structFields(args: readonly Expr[]): Expr[] {
  return args.flatMap((a, i) => {
    const name = a.kind === 'attr' || a.kind === 'alias' ? a.name : `col${i + 1}`;
    return [{ kind: 'literal', value: name, dataType: Types.string } as Expr, a.kind === 'alias' ? a.child : a];
  });
}

/** arrays_zip's struct fields: named after columns and aliases, by position (`0`, `1`, ...) otherwise (Spark's ArraysZip). */
function zipFields(args: readonly Expr[]): Expr[] {
  return args.flatMap((a, i) => [{ kind: 'literal', value: a.kind === 'attr' || a.kind === 'alias' ? a.name : String(i), dataType: Types.string } as Expr, a]);
}

/** The try_ forms of the arithmetic operators (see expr/builtins/try-functions.ts). */
const TRY_OPERATORS: Record<string, '+' | '-' | '*' | '/' | '%'> = { try_add: '+', try_subtract: '-', try_multiply: '*', try_divide: '/', try_mod: '%' };

export function resolveCall(name: string, args: readonly Expr[], distinct: boolean): Expr {
  const tryOperator = TRY_OPERATORS[name.toLowerCase()];
  if (tryOperator !== undefined) {
    if (args.length !== 2) throw new AnalysisException('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', `The \`${name}\` requires 2 parameters but the actual number is ${args.length}. SQLSTATE: 42605`);
    const operation = coerceBinary({ kind: 'binary', op: tryOperator, left: args[0]!, right: args[1]! });
    // The operator in Spark's TRY mode: null for a zero divisor or an overflow (arithmetic-codegen.ts).
    return operation.kind === 'binary' ? { ...operation, evalMode: 'try' } : operation;
  }
  // pmod is a binary operator to Spark's DecimalPrecision: an integer literal beside a decimal is a decimal of its digits.
  const pmodDecimals = name.toLowerCase() === 'pmod' && args.length === 2 ? decimalOperandTypes(args[0]!, args[1]!, dataTypeOf(args[0]!), dataTypeOf(args[1]!), false) : undefined;
  if (pmodDecimals) return { kind: 'call', name: 'pmod', args: [castTo(args[0]!, pmodDecimals[0]), castTo(args[1]!, pmodDecimals[1])] };
  if (name.toLowerCase() === 'positive' && args.length === 1) return { kind: 'call', name: 'positive', args: [signOperand(args[0]!, '+')] };
  if (name.toLowerCase() === 'struct') return resolveCall('named_struct', structFields(args), false);
  if (name.toLowerCase() === 'arrays_zip') return resolveCall('arrays_zip_named', zipFields(args), false);
  // assert_true(c) is assert_true(c, "'<c>' is not true!"), Spark's AssertTrue message.
  if (name.toLowerCase() === 'assert_true' && args.length === 1) return resolveCall(name, [args[0]!, literalExpr(`'${prettyName(args[0]!)}' is not true!`)], false);
  const lookupName = distinct && name.toLowerCase() === 'count' ? 'count_distinct' : name;
  const def = lookupFunction(lookupName);
  if (!def && args.length === 1 && CAST_FUNCTIONS.has(name.toLowerCase())) {
    return { kind: 'cast', child: args[0], to: parseDataType(name) };
  }
  const registered = def ? undefined : sessionFunction(name);
  if (registered) return { kind: 'udf', udf: registered, args };
  if (!def) {
    throw new AnalysisException(
      'UNRESOLVED_ROUTINE',
      `Cannot resolve routine \`${name}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`]. SQLSTATE: 42883`,
    );
  }
  if (args.length < def.minArgs || args.length > def.maxArgs) {
    const expected = def.minArgs === def.maxArgs ? `${def.minArgs}` : def.maxArgs === Infinity ? `> ${def.minArgs - 1}` : `[${def.minArgs}, ${def.maxArgs}]`;
    throw new AnalysisException(
      'WRONG_NUM_ARGS.WITHOUT_SUGGESTION',
      `The \`${name}\` requires ${expected} parameters but the actual number is ${args.length}. SQLSTATE: 42605`,
    );
  }
  const argTypes = args.map(dataTypeOf);
  if (def.type === 'scalar') def.checkArgs?.(args, argTypes);
  const targets = def.coerceArgs?.(argTypes) ?? [];
  const coerced = args.map((a, i) => (targets[i] ? castTo(a, targets[i]!) : a));
  // An aggregate over DISTINCT rows, unless it is a distinct form already: its distinct form (sum(DISTINCT x) is sum_distinct).
  if (distinct && def.type === 'aggregate' && !def.distinct) return { kind: 'call', name: distinctAggregate(def).name, args: coerced };
  const resolvedName = lookupName === 'count_distinct' ? 'count_distinct' : name.toLowerCase();
  return { kind: 'call', name: resolvedName, args: coerced };
}

function coerceBinary(e: Extract<Expr, { kind: 'binary' }>): Expr {
  const l = dataTypeOf(e.left);
  const r = dataTypeOf(e.right);
  if (ARITHMETIC_OPS.has(e.op) && (isAnsiInterval(l) || isAnsiInterval(r)) && !isDateLike(l) && !isDateLike(r)) return intervalArithmetic(e, l, r);
  switch (e.op) {
    case 'AND':
    case 'OR':
      return { ...e, left: castTo(e.left, Types.boolean), right: castTo(e.right, Types.boolean) };
    case '/': {
      const [lt, rt] = decimalOperandTypes(e.left, e.right, l, r, false) ?? [Types.double, Types.double];
      return { ...e, left: castTo(e.left, lt), right: castTo(e.right, rt) };
    }
    case '+':
    case '-':
    case '*':
    case '%': {
      const datetime = datetimeArithmetic(e, l, r);
      if (datetime) return datetime;
      const days = dateDayArithmetic(e, l, r);
      if (days) return days;
      const difference = e.op === '-' ? datetimeSubtraction(e.left, e.right, l, r) : undefined;
      if (difference) return difference;
      if (isDateArithmetic(e.op, l, r)) return e;
      const decimal = decimalOperandTypes(e.left, e.right, l, r, false);
      if (decimal) return { ...e, left: castTo(e.left, decimal[0]), right: castTo(e.right, decimal[1]) };
      const target = isNumeric(l) && isNumeric(r) ? widerNumeric(l, r) : isNumeric(l) && isNull(r) ? l : isNumeric(r) && isNull(l) ? r : Types.double;
      return { ...e, left: castTo(e.left, target), right: castTo(e.right, target) };
    }
    default: {
      const target = decimalOperandTypes(e.left, e.right, l, r, true)?.[0] ?? commonType(l, r);
      if (!target) {
        throw new AnalysisException(
          'DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES',
          `Cannot resolve "(${e.op})" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("${l.simpleString().toUpperCase()}" and "${r.simpleString().toUpperCase()}"). SQLSTATE: 42K09`,
        );
      }
      return { ...e, left: castTo(e.left, target), right: castTo(e.right, target) };
    }
  }
}

const ARITHMETIC_OPS = new Set(['+', '-', '*', '/', '%']);

/**
 * Arithmetic on ANSI intervals without a date or timestamp: two intervals of one kind add and
 * subtract (to the wider interval, Spark's result type); an interval times a number (either
 * order) or divided by one is Spark's Multiply/Divide YM/DT Interval (expr/builtins/
 * interval-arithmetic.ts), text and NULL taken as doubles; a number divided by an interval is
 * Spark's type mismatch; mixing kinds is not supported yet, and says so in one line.
 */
function intervalArithmetic(e: Extract<Expr, { kind: 'binary' }>, l: DataType, r: DataType): Expr {
  const sameKind = (l instanceof DayTimeIntervalType && r instanceof DayTimeIntervalType) || (l instanceof YearMonthIntervalType && r instanceof YearMonthIntervalType);
  if ((e.op === '+' || e.op === '-') && sameKind) return e;
  const isNumber = (t: DataType) => isNumeric(t) || isNull(t) || isString(t);
  if (e.op === '/' && isAnsiInterval(r) && isNumber(l)) {
    throw new AnalysisException(
      'DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES',
      `Cannot resolve "${prettyName(e)}" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("${l.simpleString().toUpperCase()}" and "${r.simpleString().toUpperCase()}"). SQLSTATE: 42K09`,
    );
  }
  const [interval, number, intervalType, numberType] = isAnsiInterval(l) ? [e.left, e.right, l, r] : [e.right, e.left, r, l];
  if ((e.op === '*' || (e.op === '/' && interval === e.left)) && isNumber(numberType)) {
    const n = isNumeric(numberType) ? number : castTo(number, Types.double);
    const kind = intervalType instanceof YearMonthIntervalType ? 'ym' : 'dt';
    return { kind: 'call', name: `${e.op === '*' ? 'multiply' : 'divide'}_${kind}_interval`, args: [interval, n] };
  }
  throw new AnalysisException(
    'UNSUPPORTED_FEATURE',
    `The feature is not supported: "${l.simpleString().toUpperCase()}" ${e.op} "${r.simpleString().toUpperCase()}" (Flint adds and subtracts intervals of one kind only, yet). SQLSTATE: 0A000`,
  );
}

/**
 * `date ± INTERVAL`, `timestamp ± INTERVAL` (and `INTERVAL + date`): calls of the interval
 * functions in expr/builtins/datetime.ts, with the interval negated for `-`.
 */
function datetimeArithmetic(e: Extract<Expr, { kind: 'binary' }>, l: DataType, r: DataType): Expr | undefined {
  const isInterval = (t: DataType) => t.typeName().startsWith('interval');
  if (e.op !== '+' && e.op !== '-') return undefined;
  const [value, interval, valueType, intervalType] = isInterval(r) ? [e.left, e.right, l, r] : e.op === '+' && isInterval(l) ? [e.right, e.left, r, l] : [];
  if (!value || !interval || !valueType || !intervalType) return undefined;
  if (intervalType instanceof CalendarIntervalType) return calendarArithmetic(value, valueType, interval, e.op === '-' ? -1 : 1);
  const amount: Expr = e.op === '-' ? { kind: 'unary', op: '-', child: interval } : interval;
  const yearMonth = intervalType instanceof YearMonthIntervalType;
  const typeName = valueType.typeName();
  if (typeName === 'date') {
    if (yearMonth) return { kind: 'call', name: 'add_months', args: [value, amount] };
    // A day-time interval with a time part makes a date a timestamp (Spark's ResolveBinaryArithmetic).
    const days = (intervalType as DayTimeIntervalType).endField === DayTimeIntervalType.DAY;
    return days ? { kind: 'call', name: 'date_add_interval', args: [value, amount] } : { kind: 'call', name: 'timestamp_add_interval', args: [castTo(value, Types.timestamp), amount] };
  }
  if (typeName === 'timestamp' || typeName === 'timestamp_ntz') {
    return { kind: 'call', name: yearMonth ? 'timestamp_add_months' : 'timestamp_add_interval', args: [value, amount] };
  }
  if (isString(valueType)) return datetimeArithmetic({ ...e, left: castTo(value, Types.date), right: interval }, Types.date, intervalType);
  return undefined;
}

/** A date or timestamp ± a calendar interval (make_interval): the calls in expr/builtins/zone-conversions.ts. */
function calendarArithmetic(value: Expr, valueType: DataType, interval: Expr, sign: number): Expr | undefined {
  const signed = [interval, { kind: 'literal', value: sign, dataType: Types.int } as Expr];
  if (valueType.typeName() === 'date') return { kind: 'call', name: 'date_add_calendar_interval', args: [value, ...signed] };
  if (valueType.typeName() === 'timestamp' || isString(valueType)) return { kind: 'call', name: 'timestamp_add_calendar_interval', args: [castTo(value, Types.timestamp), ...signed] };
  return undefined;
}

/**
 * The call Spark's analyzer rewrites `date + n`, `n + date`, `date - n` into (n an integer day
 * count or NULL: date + NULL is date_add(d, NULL), Spark's DateAdd), the date first; else undefined.
 */
export function dayCountCall(e: Extract<Expr, { kind: 'binary' }>, l: DataType, r: DataType): { name: 'date_add' | 'date_sub'; args: [Expr, Expr] } | undefined {
  if (e.op === '+' && isDate(l) && isDayCount(r)) return { name: 'date_add', args: [e.left, e.right] };
  if (e.op === '+' && isDayCount(l) && isDate(r)) return { name: 'date_add', args: [e.right, e.left] };
  if (e.op === '-' && isDate(l) && isDayCount(r)) return { name: 'date_sub', args: [e.left, e.right] };
  return undefined;
}

/** Date ± a day count: date_add / date_sub, resolved. */
function dateDayArithmetic(e: Extract<Expr, { kind: 'binary' }>, l: DataType, r: DataType): Expr | undefined {
  const rewrite = dayCountCall(e, l, r);
  return rewrite && resolveCall(rewrite.name, rewrite.args, false);
}

/** `date ± number` that is not an integral day count (kept as plain arithmetic on day numbers). */
function isDateArithmetic(op: string, l: DataType, r: DataType): boolean {
  return (op === '+' || op === '-') && l.typeName() === 'date' && isNumeric(r);
}

function widest(types: DataType[], what: string): DataType {
  return types.reduce((a, b) => {
    const t = commonType(a, b);
    if (!t) throw new AnalysisException('DATATYPE_MISMATCH.DATA_DIFF_TYPES', `Cannot resolve ${what}: the values have different types (${types.map((x) => `"${x.simpleString().toUpperCase()}"`).join(', ')}). SQLSTATE: 42K09`);
    return t;
  });
}

export function castTo(e: Expr, to: DataType): Expr {
  const from = dataTypeOf(e);
  if (sameType(from, to)) return e;
  if (isNull(from) && e.kind === 'literal') return { kind: 'literal', value: null, dataType: to };
  if (isBoolean(to) && !isBoolean(from) && !isNull(from) && !isString(from)) {
    throw new AnalysisException('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', `Cannot use a ${from.simpleString()} value where a boolean is expected. SQLSTATE: 42K09`);
  }
  return { kind: 'cast', child: e, to };
}

/**
 * Spark's default frames: ranking functions use ROWS BETWEEN UNBOUNDED PRECEDING AND
 * CURRENT ROW; aggregates use RANGE ... CURRENT ROW when ordered, the whole partition otherwise.
 */
export function withDefaultFrame(fn: Expr, spec: WindowSpecExpr): WindowSpecExpr {
  if (spec.frame) return spec;
  const def = fn.kind === 'call' ? lookupFunction(fn.name) : undefined;
  if (fn.kind === 'call' && (fn.name === 'lag' || fn.name === 'lead')) {
    // Spark gives offset functions a one-row frame at the offset: lag(x, 1) is ROWS BETWEEN -1 FOLLOWING AND -1 FOLLOWING.
    const offset = fn.args[1]?.kind === 'literal' ? Number(fn.args[1].value) : 1;
    const at = fn.name === 'lag' ? -offset : offset;
    return { ...spec, frame: { type: 'rows', start: at, end: at } };
  }
  if (def?.type === 'window' && def.requiresOrder) return { ...spec, frame: { type: 'rows', start: UNBOUNDED_PRECEDING, end: 0 } };
  if (spec.orderBy.length > 0) return { ...spec, frame: { type: 'range', start: UNBOUNDED_PRECEDING, end: 0 } };
  return { ...spec, frame: { type: 'rows', start: UNBOUNDED_PRECEDING, end: UNBOUNDED_FOLLOWING } };
}

export function resolveSortOrder(o: SortOrderExpr, input: readonly Attr[]): SortOrderExpr {
  return resolveExpression(o, input) as SortOrderExpr;
}
