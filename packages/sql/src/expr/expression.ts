/**
 * Expressions as immutable data: one node per operation with a literal `kind`, so a query's
 * expressions travel to the planner and its generated code as plain trees (no closures).
 *
 * Unresolved nodes (`column`, `star`, `call` before its function is looked up) come from the
 * user API and the SQL parser; the analyzer turns column names into `attr` nodes, which carry a
 * unique id, a type and nullability, as Catalyst's AttributeReference does.
 */
import type { DataType } from '../types/index.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import type { QueryOrigin } from './query-context.js';

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%'
  | '=' | '<' | '<=' | '>' | '>=' | '<=>'
  | 'AND' | 'OR';

export type UnaryOp = 'NOT' | '-' | 'IS NULL' | 'IS NOT NULL';

/**
 * How arithmetic, casts and a few math functions treat a zero divisor or an overflow (Spark's
 * EvalMode). Absent is ANSI, Spark 4's default: an error. `legacy` (spark.sql.ansi.enabled=false,
 * stamped before planning by optimizer/session-ansi-mode.ts): null for a zero divisor, integers
 * wrap. `try` (try_add, try_divide, ...): null for both.
 */
export type EvalMode = 'legacy' | 'try';

export interface SortOrderExpr {
  readonly kind: 'sortOrder';
  readonly child: Expr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

/** A window frame bound: a row/range offset, or one of Spark's unbounded markers. */
export type FrameBound = number;
export interface WindowFrame {
  readonly type: 'rows' | 'range';
  readonly start: FrameBound;
  readonly end: FrameBound;
}

export interface WindowSpecExpr {
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortOrderExpr[];
  readonly frame: WindowFrame | undefined;
}

/** A function given by the user (F.udf): its source travels like an RDD function. */
export interface UdfRef {
  readonly source: string;
  readonly env: Record<string, unknown> | undefined;
  readonly name: string;
  readonly returnType: DataType;
  /**
   * The JavaScript function itself, on the driver: a task's stack frame inside the UDF is shown at
   * the line the user wrote it (rdd's recordOrigins). Not part of what the UDF is: JSON (exprJson)
   * leaves functions out.
   */
  readonly fn?: Function;
}

export type Expr =
  | { readonly kind: 'column'; readonly name: string; readonly qualifier?: string }
  /** `*`, `t.*`, or (`regex`, from df.colRegex) the columns whose whole name matches a Java regex, any case. */
  | { readonly kind: 'star'; readonly qualifier?: string; readonly regex?: string }
  | {
      readonly kind: 'attr';
      readonly id: number;
      readonly name: string;
      readonly dataType: DataType;
      readonly nullable: boolean;
      readonly qualifier?: string;
    }
  /** `digits`: a decimal literal's text as written, which names it when the double `value` cannot hold all its digits. */
  | { readonly kind: 'literal'; readonly value: unknown; readonly dataType: DataType; readonly digits?: string }
  /**
   * `names`: a generator's columns named at once (`explode(m).alias('k', 'v')`, Spark's MultiAlias);
   * `qualifier`: the table name they answer to (a LATERAL VIEW's alias).
   */
  | { readonly kind: 'alias'; readonly child: Expr; readonly name: string; readonly id: number; readonly names?: readonly string[]; readonly qualifier?: string }
  /** `timeZone`: the session time zone, set before planning on the functions that read one (optimizer/session-time-zone.ts). */
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly distinct?: boolean;
      /** SQL's agg(x) FILTER (WHERE c), whose arguments are CASE WHEN c THEN x END: named `agg(x) FILTER (WHERE c)`, as Spark names it. */
      readonly filtered?: boolean;
      readonly timeZone?: string;
      readonly evalMode?: EvalMode;
      /** Where it is in the SQL text it was parsed from (the query context of its runtime errors). */
      readonly origin?: QueryOrigin;
    }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly child: Expr; readonly evalMode?: EvalMode; readonly origin?: QueryOrigin }
  /** `datetime`: a date or timestamp ± an interval, which Spark names without parentheses (its TimeAdd, DatetimeSub, ...). */
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly evalMode?: EvalMode;
      readonly datetime?: boolean;
      readonly origin?: QueryOrigin;
    }
  | { readonly kind: 'caseWhen'; readonly branches: readonly (readonly [Expr, Expr])[]; readonly otherwise: Expr | undefined }
  /**
   * `try`: TRY_CAST, null where CAST raises an error; `evalMode` legacy: CAST with spark.sql.ansi.enabled=false.
   * `typedLiteral`: SQL's `TIMESTAMP '...'`, a cast read in the session time zone that names itself as Spark's literal does.
   */
  | {
      readonly kind: 'cast';
      readonly child: Expr;
      readonly to: DataType;
      readonly try?: boolean;
      readonly timeZone?: string;
      readonly evalMode?: 'legacy';
      readonly typedLiteral?: string;
      /** Where it is in the SQL text it was parsed from (the query context of its runtime errors). */
      readonly origin?: QueryOrigin;
    }
  | { readonly kind: 'in'; readonly child: Expr; readonly list: readonly Expr[] }
  | SortOrderExpr
  | { readonly kind: 'window'; readonly fn: Expr; readonly spec: WindowSpecExpr }
  | { readonly kind: 'udf'; readonly udf: UdfRef; readonly args: readonly Expr[] }
  /**
   * A subquery used as a value (`scalar`), in `x IN (...)` (`in`, with `child` = x) or in
   * `EXISTS (...)`. Its plan may read columns of the enclosing query (a correlated subquery);
   * the analyzer rewrites subqueries into joins (analyzer/subqueries.ts).
   */
  | {
      readonly kind: 'subquery';
      readonly mode: 'scalar' | 'exists' | 'in';
      readonly plan: LogicalPlan;
      readonly child?: Expr;
      /** Once resolved: the names of the enclosing queries' columns it reads (Spark names a scalar subquery `scalarsubquery(a)` by them). */
      readonly outerNames?: readonly string[];
    };

export type ExprKind = Expr['kind'];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;
export type Attr = ExprOf<'attr'>;
export type Alias = ExprOf<'alias'>;
/** What a projection produces: a named column. */
export type NamedExpr = Attr | Alias;

let nextExprId = 1;
/**
 * An expression as JSON text, to compare two trees: a long literal past 2^53 holds a JS bigint,
 * which JSON.stringify rejects, so it is written as its digits and `n`. Where an expression was
 * written (`origin`) is not part of what it is: `a + 1` in SELECT is the `a + 1` of GROUP BY.
 */
export function exprJson(e: unknown, replacer?: (key: string, value: any) => unknown): string {
  return JSON.stringify(e, (key, value: unknown) =>
    key === 'origin' ? undefined : typeof value === 'bigint' ? `${value}n` : replacer ? replacer(key, value) : value,
  );
}

/** The operations that keep where they were written (`origin`): the expressions whose errors take a query context. */
export const takesOrigin = (e: Expr): e is Extract<Expr, { kind: 'binary' | 'unary' | 'call' | 'cast' }> =>
  e.kind === 'binary' || e.kind === 'unary' || e.kind === 'call' || e.kind === 'cast';

/** A fresh id for an attribute or alias (unique within the process, like Catalyst's exprId). */
export function newExprId(): number {
  return nextExprId++;
}

export const columnRef = (name: string, qualifier?: string): Expr =>
  qualifier === undefined ? { kind: 'column', name } : { kind: 'column', name, qualifier };
export const literalOf = (value: unknown, dataType: DataType): Expr => ({ kind: 'literal', value, dataType });
export const aliasOf = (child: Expr, name: string): Alias => ({ kind: 'alias', child, name, id: newExprId() });
/** A select item's expression named by its alias, or by its list of aliases for a generator's columns. */
export const namedBy = (child: Expr, alias: string | null, aliases?: readonly string[]): Expr =>
  alias === null ? child : aliases === undefined ? aliasOf(child, alias) : { ...aliasOf(child, alias), names: aliases };
export const callOf = (name: string, args: readonly Expr[], distinct = false): Expr =>
  distinct ? { kind: 'call', name, args, distinct } : { kind: 'call', name, args };
export const binaryOf = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const unaryOf = (op: UnaryOp, child: Expr): Expr => ({ kind: 'unary', op, child });

/** The direct children of an expression, in evaluation order. */
export function children(e: Expr): Expr[] {
  switch (e.kind) {
    case 'column':
    case 'star':
    case 'attr':
    case 'literal':
      return [];
    case 'alias':
    case 'unary':
    case 'cast':
    case 'sortOrder':
      return [e.child];
    case 'call':
    case 'udf':
      return [...e.args];
    case 'binary':
      return [e.left, e.right];
    case 'caseWhen':
      return [...e.branches.flatMap(([c, v]) => [c, v]), ...(e.otherwise ? [e.otherwise] : [])];
    case 'in':
      return [e.child, ...e.list];
    case 'window':
      return [e.fn, ...e.spec.partitionBy, ...e.spec.orderBy];
    case 'subquery':
      return e.child ? [e.child] : [];
  }
}

/** Rebuilds an expression bottom-up: `f` sees each node after its children were rewritten. */
export function transformUp(e: Expr, f: (e: Expr) => Expr): Expr {
  return f(mapChildren(e, (c) => transformUp(c, f)));
}

/** Rewrites top-down: where `f` returns a node, it replaces the subtree and is not descended into. */
export function transformDown(e: Expr, f: (e: Expr) => Expr | undefined): Expr {
  const replaced = f(e);
  if (replaced !== undefined) return replaced;
  return mapChildren(e, (c) => transformDown(c, f));
}

/** The same node over its children rewritten by `f`; the node itself when no child changed. */
export function mapChildren(e: Expr, f: (c: Expr) => Expr): Expr {
  const before = children(e);
  if (before.length === 0) return e;
  const after = before.map(f);
  if (after.every((c, i) => c === before[i])) return e;
  let i = 0;
  const next = () => after[i++];
  switch (e.kind) {
    case 'alias':
    case 'unary':
    case 'cast':
    case 'sortOrder':
      return { ...e, child: next() } as Expr;
    case 'call':
    case 'udf':
      return { ...e, args: e.args.map(next) };
    case 'binary':
      return { ...e, left: next(), right: next() };
    case 'caseWhen': {
      const branches = e.branches.map(() => [next(), next()] as const);
      return { ...e, branches, otherwise: e.otherwise && next() };
    }
    case 'in':
      return { ...e, child: next(), list: e.list.map(next) };
    case 'window':
      return {
        ...e,
        fn: next(),
        spec: { partitionBy: e.spec.partitionBy.map(next), orderBy: e.spec.orderBy.map(() => next() as SortOrderExpr), frame: e.spec.frame },
      };
    case 'subquery':
      return { ...e, child: next() };
    default:
      return e;
  }
}

/** Whether any node of the tree satisfies `p`. */
export function exists(e: Expr, p: (e: Expr) => boolean): boolean {
  return p(e) || children(e).some((c) => exists(c, p));
}

/** Every node of the tree, pre-order. */
export function collect<T extends Expr>(e: Expr, p: (e: Expr) => e is T): T[] {
  const out: T[] = [];
  const visit = (x: Expr): void => {
    if (p(x)) out.push(x);
    children(x).forEach(visit);
  };
  visit(e);
  return out;
}

/** The attribute ids an expression reads. */
export function referencedIds(e: Expr): Set<number> {
  return new Set(collect(e, (x): x is Attr => x.kind === 'attr').map((a) => a.id));
}

export function stripAlias(e: Expr): Expr {
  return e.kind === 'alias' ? stripAlias(e.child) : e;
}

/** The attribute a named expression produces. */
export function toAttr(e: NamedExpr, dataType: DataType, nullable: boolean): Attr {
  return e.kind === 'attr' ? e : { kind: 'attr', id: e.id, name: e.name, dataType, nullable };
}
