/**
 * Spark's generated column names (Catalyst's `toPrettySQL`): `(age * 2)`, `sum(quantity)`,
 * `count(1)`, `CASE WHEN (age > 3) THEN 1 ELSE 0 END`, `(a AND b)`. String literals print bare,
 * attributes by name without qualifier.
 */
import type { Expr, WindowSpecExpr, WindowFrame } from './expression.js';
import { lookupFunction } from './registry.js';
import { literalText } from './literal.js';

export function prettyName(e: Expr): string {
  return render(e, false);
}

/** An expression as Spark prints it in plans: attributes with their ids (`age#3L`), aliases as `x AS name#7`. */
export function planString(e: Expr): string {
  return render(e, true);
}

function render(e: Expr, withIds: boolean): string {
  const prettyName = (x: Expr) => render(x, withIds);
  switch (e.kind) {
    case 'column':
      return e.name;
    case 'star':
      return e.qualifier ? `${e.qualifier}.*` : '*';
    case 'attr':
      return withIds ? `${e.name}#${e.id}${e.dataType.typeName() === 'long' ? 'L' : ''}` : e.name;
    case 'alias':
      return withIds ? `${prettyName(e.child)} AS ${e.name}#${e.id}` : e.name;
    case 'literal':
      return literalText(e.digits ?? e.value, e.dataType, false);
    case 'call': {
      const condition = e.filtered ? filterCondition(e.args) : undefined;
      if (condition === undefined) return callName(e.name, e.args.map(prettyName), e.distinct ?? false);
      const values = e.args.map((a) => (a.kind === 'caseWhen' ? a.branches[0][1] : a));
      return `${callName(e.name, values.map(prettyName), e.distinct ?? false)} FILTER (WHERE ${prettyName(condition)})`;
    }
    case 'udf':
      return `${e.udf.name}(${e.args.map(prettyName).join(', ')})`;
    case 'unary':
      // In plans Spark prints IsNull/IsNotNull by their toString: isnull(x#1), isnotnull(x#1).
      if (withIds && (e.op === 'IS NULL' || e.op === 'IS NOT NULL')) return `${e.op === 'IS NULL' ? 'isnull' : 'isnotnull'}(${prettyName(e.child)})`;
      // and Not by its toString too, without the parentheses of its column name: NOT exists#12.
      if (withIds && e.op === 'NOT') return `NOT ${prettyName(e.child)}`;
      return unaryName(e.op, prettyName(e.child));
    case 'binary':
      if (e.datetime) return `${prettyName(e.left)} ${e.op} ${prettyName(e.right)}`;
      if (isIntervalLiteral(e.left) !== isIntervalLiteral(e.right)) {
        // A datetime ± an interval literal is Spark's DateAddYMInterval, TimestampAddInterval, ...: no parentheses.
        if (e.op === '+' || e.op === '-') return `${prettyName(e.left)} ${e.op} ${prettyName(e.right)}`;
        // A number times one is Spark's MultiplyYMInterval / MultiplyDTInterval(interval, number).
        if (e.op === '*' && isIntervalLiteral(e.right)) return `(${prettyName(e.right)} * ${prettyName(e.left)})`;
      }
      return `(${prettyName(e.left)} ${e.op} ${prettyName(e.right)})`;
    case 'caseWhen': {
      const branches = e.branches.map(([c, v]) => ` WHEN ${prettyName(c)} THEN ${prettyName(v)}`).join('');
      const otherwise = e.otherwise ? ` ELSE ${prettyName(e.otherwise)}` : '';
      return `CASE${branches}${otherwise} END`;
    }
    case 'cast':
      if (e.typedLiteral !== undefined) return e.typedLiteral;
      return `${e.try ? 'TRY_CAST' : 'CAST'}(${prettyName(e.child)} AS ${e.to.simpleString().toUpperCase()})`;
    case 'in':
      return `(${prettyName(e.child)} IN (${e.list.map(prettyName).join(', ')}))`;
    case 'sortOrder':
      return `${prettyName(e.child)} ${e.ascending ? 'ASC' : 'DESC'} NULLS ${e.nullsFirst ? 'FIRST' : 'LAST'}`;
    case 'window':
      return `${prettyName(e.fn)} OVER (${windowSpecName(e.spec, prettyName)})`;
    case 'subquery': {
      // Spark's exists(...), listquery(...) and scalarsubquery(...) list the outer columns the subquery reads.
      const outer = (e.outerNames ?? []).join(', ');
      if (e.mode === 'in') return `(${prettyName(e.child!)} IN (listquery(${outer})))`;
      return `${e.mode === 'exists' ? 'exists' : 'scalarsubquery'}(${outer})`;
    }
  }
}

const isIntervalLiteral = (e: Expr): boolean => e.kind === 'literal' && e.dataType.typeName().startsWith('interval');

function unaryName(op: string, child: string): string {
  switch (op) {
    case 'NOT':
      return `(NOT ${child})`;
    case '-':
      return `(- ${child})`;
    default:
      return `(${child} ${op})`;
  }
}

function callName(name: string, args: string[], distinct: boolean): string {
  const def = lookupFunction(name);
  if (def?.pretty) return def.pretty(args, distinct);
  const shown = def?.prettyName ?? name;
  return `${shown}(${distinct ? 'DISTINCT ' : ''}${args.join(', ')})`;
}

export function windowSpecName(spec: WindowSpecExpr, text: (e: Expr) => string): string {
  const parts: string[] = [];
  if (spec.partitionBy.length > 0) parts.push(`PARTITION BY ${spec.partitionBy.map(text).join(', ')}`);
  if (spec.orderBy.length > 0) parts.push(`ORDER BY ${spec.orderBy.map(text).join(', ')}`);
  if (spec.frame) parts.push(frameName(spec.frame));
  return parts.join(' ');
}

export const UNBOUNDED_PRECEDING = -Number.MAX_SAFE_INTEGER;
export const UNBOUNDED_FOLLOWING = Number.MAX_SAFE_INTEGER;

function frameName(frame: WindowFrame): string {
  return `${frame.type.toUpperCase()} BETWEEN ${boundName(frame.start)} AND ${boundName(frame.end)}`;
}

function boundName(b: number): string {
  if (b <= UNBOUNDED_PRECEDING) return 'UNBOUNDED PRECEDING';
  if (b >= UNBOUNDED_FOLLOWING) return 'UNBOUNDED FOLLOWING';
  if (b === 0) return 'CURRENT ROW';
  // A literal bound prints as Spark's boundarySql does: `-1 FOLLOWING` for the DataFrame API's -1.
  return `${b} FOLLOWING`;
}

/** The condition of an aggregate's FILTER clause: its first argument's CASE WHEN c THEN x END. */
function filterCondition(args: readonly Expr[]): Expr | undefined {
  const first = args[0];
  return first?.kind === 'caseWhen' && first.branches.length === 1 && first.otherwise === undefined ? first.branches[0][0] : undefined;
}
