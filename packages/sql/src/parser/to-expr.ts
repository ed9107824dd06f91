/**
 * Syntax-tree expressions → the spine's unresolved expressions (expr/expression.ts), with the
 * rewrites Spark's AstBuilder makes: `a <> b` is NOT (a = b), BETWEEN is two comparisons,
 * `x IS DISTINCT FROM y` is NOT (x <=> y), LIKE and `||` are function calls, `count(*)` is
 * count(1), `agg(x) FILTER (WHERE c)` aggregates CASE WHEN c THEN x END, and a date plus or minus
 * an INTERVAL of days or months is date_add / add_months. Subqueries become `subquery`
 * expressions over plans built by `toPlan`; the analyzer rewrites them into joins.
 */
import { addInterval, intervalLiteral } from './interval-literals.js';
import { binaryOf, callOf, takesOrigin, unaryOf, type Expr as PlanExpr, type SortOrderExpr, type WindowFrame, type WindowSpecExpr } from '../expr/expression.js';
import { UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING } from '../expr/names.js';
import { Types } from '../expr/types-used.js';
import { BinaryType, ByteType, DecimalType, FloatType, ShortType, parseDataType } from '../types/index.js';
import type { Expr, FrameBound, FunctionCall, Literal, SortItem, WindowRef, WindowSpec } from './ast.js';
import { formatExpr } from './ast-text.js';
import { invalidTypedLiteral, timestampLiteral } from './typed-literals.js';
import { parseDateDays } from '../types/datetime-parse.js';
import { longValue } from '../types/long-value.js';
import type { Query } from './ast.js';
import type { QueryOrigin } from '../expr/query-context.js';

/** What expression conversion needs from the query around it. */
export interface ExprScope {
  /** Builds a subquery's plan (in the scope of the enclosing query's CTEs). */
  readonly subqueryPlan: (query: Query) => unknown;
  /** Named windows of the enclosing SELECT (`WINDOW w AS (...)`). */
  readonly windows: ReadonlyMap<string, WindowSpec>;
}

export const NO_SCOPE: ExprScope = {
  subqueryPlan: () => {
    throw unsupported('a subquery here');
  },
  windows: new Map(),
};

/** An error for syntax the parser reads but the engine does not run. */
export function unsupported(what: string): Error {
  return new Error(`[UNSUPPORTED_FEATURE] Flint SQL does not support ${what} yet.`);
}

const not = (e: PlanExpr): PlanExpr => unaryOf('NOT', e);
const negateIf = (negated: boolean, e: PlanExpr): PlanExpr => (negated ? not(e) : e);
const lit = (value: unknown, dataType = Types.string): PlanExpr => ({ kind: 'literal', value, dataType });

export function toExpr(e: Expr, scope: ExprScope): PlanExpr {
  const converted = convert(e, scope);
  return 'origin' in e && e.origin !== undefined ? withOrigin(converted, e.origin) : converted;
}

/** An operation keeps the place in the text it was parsed from (a column or literal needs none). */
function withOrigin(e: PlanExpr, origin: QueryOrigin): PlanExpr {
  return takesOrigin(e) ? { ...e, origin } : e;
}

function convert(e: Expr, scope: ExprScope): PlanExpr {
  const x = (child: Expr) => toExpr(child, scope);
  switch (e.kind) {
    case 'literal':
      return literal(e);
    case 'interval':
      return intervalLiteral(e);
    case 'column':
      return column(e.name);
    case 'star':
      return e.qualifier ? { kind: 'star', qualifier: e.qualifier.join('.') } : { kind: 'star' };
    case 'unary':
      switch (e.op) {
        case 'not':
          return not(x(e.operand));
        case '-':
          return unaryOf('-', x(e.operand));
        case '+':
          return callOf('positive', [x(e.operand)]);
        case '~':
          return callOf('bitwise_not', [x(e.operand)]);
      }
      break;
    case 'binary':
      return binary(e.op, e.left, e.right, scope);
    case 'isNull':
      return unaryOf(e.negated ? 'IS NOT NULL' : 'IS NULL', x(e.operand));
    case 'isBoolean':
      if (e.value === null) return unaryOf(e.negated ? 'IS NOT NULL' : 'IS NULL', x(e.operand));
      return negateIf(e.negated, binaryOf('<=>', x(e.operand), lit(e.value, Types.boolean)));
    case 'isDistinctFrom':
      return negateIf(!e.negated, binaryOf('<=>', x(e.left), x(e.right)));
    case 'between': {
      const operand = x(e.operand);
      return negateIf(e.negated, binaryOf('AND', binaryOf('>=', operand, x(e.low)), binaryOf('<=', operand, x(e.high))));
    }
    case 'like': {
      const args = [x(e.operand), x(e.pattern), ...(e.escape === null ? [] : [lit(e.escape)])];
      return negateIf(e.negated, callOf(e.op, args));
    }
    case 'inList':
      return negateIf(e.negated, { kind: 'in', child: x(e.operand), list: e.list.map(x) });
    case 'inSubquery':
      return negateIf(e.negated, { kind: 'subquery', mode: 'in', plan: scope.subqueryPlan(e.query) as never, child: x(e.operand) });
    case 'exists':
      return { kind: 'subquery', mode: 'exists', plan: scope.subqueryPlan(e.query) as never };
    case 'scalarSubquery':
      return { kind: 'subquery', mode: 'scalar', plan: scope.subqueryPlan(e.query) as never };
    case 'case': {
      const operand = e.operand && x(e.operand);
      const branches = e.branches.map((b) => [operand ? binaryOf('=', operand, x(b.when)) : x(b.when), x(b.then)] as const);
      return { kind: 'caseWhen', branches, otherwise: e.else ? x(e.else) : undefined };
    }
    case 'cast':
      return { kind: 'cast', child: x(e.operand), to: parseDataType(e.type), ...(e.try ? { try: true } : {}) };
    case 'function':
      return functionCall(e, scope);
    case 'extract':
      return callOf('extract', [lit(e.field), x(e.source)]);
    case 'trim':
      return trim(e, scope);
    case 'subscript':
      return callOf('get_item', [x(e.base), x(e.index)]);
    case 'fieldAccess':
      return callOf('get_field', [x(e.base), lit(e.field)]);
    case 'row':
      return callOf('struct', e.items.map(x));
    case 'lambda':
      return callOf('lambdafunction', [toExpr(e.body, scope), ...e.params.map((p) => ({ kind: 'column', name: p }) as PlanExpr)]);
  }
  throw unsupported(formatExpr(e));
}

/** TRIM([side] [chars] FROM s): trim/ltrim/rtrim of spaces, or of any of the characters given. */
function trim(e: Extract<Expr, { kind: 'trim' }>, scope: ExprScope): PlanExpr {
  const name = e.side === 'both' ? 'trim' : e.side === 'leading' ? 'ltrim' : 'rtrim';
  return callOf(name, [toExpr(e.source, scope), ...(e.chars ? [toExpr(e.chars, scope)] : [])]);
}

/** `a`, `t.a`; longer paths read struct fields of `t.a`. */
function column(parts: readonly string[]): PlanExpr {
  const base: PlanExpr = parts.length === 1 ? { kind: 'column', name: parts[0]! } : { kind: 'column', name: parts[1]!, qualifier: parts[0]! };
  return parts.slice(2).reduce<PlanExpr>((struct, field) => callOf('get_field', [struct, lit(field)]), base);
}

function literal(e: Literal): PlanExpr {
  switch (e.type) {
    case 'null':
      return lit(null, Types.null);
    case 'boolean':
      return lit(e.value, Types.boolean);
    case 'int':
      return lit(e.value, Types.int);
    case 'bigint':
      return lit(longValue(BigInt(e.value)), Types.long);
    case 'smallint':
      return lit(e.value, new ShortType());
    case 'tinyint':
      return lit(e.value, new ByteType());
    case 'double':
      return lit(e.value, Types.double);
    case 'float':
      return lit(e.value, new FloatType());
    case 'decimal':
      return { kind: 'literal', value: Number(e.value), dataType: decimalTypeOf(e.value), digits: e.value };
    case 'string':
      return lit(e.value);
    case 'date': {
      // Spark reads a DATE literal as CAST does (stringToDate), failing where the cast would be null.
      const days = parseDateDays(e.value);
      if (days === undefined) throw invalidTypedLiteral('DATE', e.value);
      return lit(days, Types.date);
    }
    case 'timestamp':
    case 'timestamp_ntz':
      return timestampLiteral(e.type, e.value);
    case 'binary':
      // An odd number of digits reads as if a 0 led them (X'1' is X'01'), as Spark's hex parsing does.
      return lit(Uint8Array.from((e.value.length % 2 === 1 ? `0${e.value}` : e.value).match(/../g) ?? [], (h) => parseInt(h, 16)), new BinaryType());
  }
}

/** A decimal literal's type: its digits give the precision, those after the point the scale. */
function decimalTypeOf(text: string): DecimalType {
  const digits = text.replace(/^-/, '');
  const [whole = '', fraction = ''] = digits.split('.');
  const scale = fraction.length;
  const precision = Math.max(whole.replace(/^0+/, '').length + scale, scale, 1);
  return new DecimalType(precision, scale);
}

function binary(op: Extract<Expr, { kind: 'binary' }>['op'], left: Expr, right: Expr, scope: ExprScope): PlanExpr {
  const x = (child: Expr) => toExpr(child, scope);
  if ((op === '+' || op === '-') && (right.kind === 'interval' || left.kind === 'interval')) {
    if (right.kind === 'interval') return addInterval(x(left), right, op === '-');
    if (op === '+' && left.kind === 'interval') return addInterval(x(right), left, false);
  }
  switch (op) {
    case 'and':
      return binaryOf('AND', x(left), x(right));
    case 'or':
      return binaryOf('OR', x(left), x(right));
    case '<>':
      return not(binaryOf('=', x(left), x(right)));
    case '||':
      return callOf('concat', [x(left), x(right)]);
    case 'div':
      return callOf('div', [x(left), x(right)]);
    case '&':
      return callOf('bitwise_and', [x(left), x(right)]);
    case '|':
      return callOf('bitwise_or', [x(left), x(right)]);
    case '^':
      return callOf('bitwise_xor', [x(left), x(right)]);
    case '<<':
      return callOf('shiftleft', [x(left), x(right)]);
    case '>>':
      return callOf('shiftright', [x(left), x(right)]);
    case '>>>':
      return callOf('shiftrightunsigned', [x(left), x(right)]);
    default:
      return binaryOf(op, x(left), x(right));
  }
}

function functionCall(e: FunctionCall, scope: ExprScope): PlanExpr {
  const name = e.name.toLowerCase();
  let args = e.args.map((a) => (a.kind === 'star' && !a.qualifier ? lit(1, Types.int) : toExpr(a, scope)));
  // f(p) WITHIN GROUP (ORDER BY x [DESC]) is f(x, p, descending) (mode: mode(x, true, descending)).
  // listagg(x[, d]) WITHIN GROUP (ORDER BY k [DESC]) is listagg(x, d, k, descending).
  const joinsValues = name === 'listagg' || name === 'string_agg';
  if (e.withinGroup && joinsValues) args = [args[0]!, args[1] ?? lit(null, Types.null), toExpr(e.withinGroup.expr, scope), lit(!e.withinGroup.ascending, Types.boolean)];
  else if (e.withinGroup) args = [toExpr(e.withinGroup.expr, scope), ...(name === 'mode' ? [lit(true, Types.boolean)] : args), lit(!e.withinGroup.ascending, Types.boolean)];
  if (e.filter) {
    // agg(x) FILTER (WHERE c) aggregates only the rows where c holds: agg(CASE WHEN c THEN x END).
    const condition = toExpr(e.filter, scope);
    args = args.map((a) => ({ kind: 'caseWhen', branches: [[condition, a]], otherwise: undefined }));
  }
  if (e.ignoreNulls !== null) args = [...args, lit(e.ignoreNulls, Types.boolean)];
  const call = e.filter ? { ...callOf(name, args, e.distinct), filtered: true } : callOf(name, args, e.distinct);
  if (!e.over) return call;
  return { kind: 'window', fn: call, spec: windowSpec(e.over, scope) };
}

function windowSpec(spec: WindowSpec | WindowRef, scope: ExprScope): WindowSpecExpr {
  let resolved: WindowSpec;
  if (spec.kind === 'windowRef') {
    const named = scope.windows.get(spec.name.toLowerCase());
    if (!named) throw new Error(`[MISSING_WINDOW_SPECIFICATION] Window specification ${spec.name} is not defined in the WINDOW clause.`);
    resolved = named;
  } else {
    resolved = spec;
  }
  return {
    partitionBy: resolved.partitionBy.map((p) => toExpr(p, scope)),
    orderBy: resolved.orderBy.map((o) => sortOrder(o, scope)),
    frame: resolved.frame ? frame(resolved.frame.unit, resolved.frame.start, resolved.frame.end) : undefined,
  };
}

function frame(unit: 'rows' | 'range', start: FrameBound, end: FrameBound): WindowFrame {
  return { type: unit, start: boundOffset(start), end: boundOffset(end) };
}

function boundOffset(bound: FrameBound): number {
  switch (bound.kind) {
    case 'unboundedPreceding':
      return UNBOUNDED_PRECEDING;
    case 'unboundedFollowing':
      return UNBOUNDED_FOLLOWING;
    case 'currentRow':
      return 0;
    case 'preceding':
    case 'following': {
      const offset = bound.offset;
      if (offset.kind !== 'literal' || (offset.type !== 'int' && offset.type !== 'bigint')) {
        throw unsupported(`a window frame bound of ${formatExpr(offset)} (use an integer)`);
      }
      const n = Number(offset.value);
      return bound.kind === 'preceding' ? -n : n;
    }
  }
}

export function sortOrder(item: SortItem, scope: ExprScope): SortOrderExpr {
  return { kind: 'sortOrder', child: toExpr(item.expr, scope), ascending: item.ascending, nullsFirst: item.nullsFirst };
}

