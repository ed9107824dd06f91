/** `df.na` (PySpark's DataFrameNaFunctions): fill and drop rows with nulls. */
import { Column } from '../column.js';
import { aliasOf, callOf, type Attr, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { isBoolean, isNumeric, isString } from '../expr/type-rules.js';
import { resolveColumn } from '../analyzer/resolve-expression.js';
import type { DataFrame } from './dataframe.js';

type FillValue = number | string | boolean;

export class DataFrameNaFunctions {
  constructor(private readonly df: DataFrame) {}

  /**
   * Replaces nulls: `fill(0)` in numeric columns, `fill('x')` in string columns, `fill(true)` in
   * boolean columns, or `fill({ age: 0, name: 'x' })` per column; `subset` limits the columns.
   */
  fill(value: unknown, subset?: string | string[]): DataFrame {
    const output = this.df.output;
    const perColumn = value !== null && typeof value === 'object' ? (value as Record<string, FillValue>) : undefined;
    const names = perColumn ? Object.keys(perColumn) : subset === undefined ? undefined : typeof subset === 'string' ? [subset] : subset;
    const chosen = new Set((names ?? output.map((a) => a.name)).map((n) => (resolveColumn(n, undefined, output) as Attr).id));
    const exprs: Expr[] = output.map((a) => {
      if (!chosen.has(a.id)) return a;
      const v = perColumn ? perColumn[Object.keys(perColumn).find((k) => k.toLowerCase() === a.name.toLowerCase())!] : (value as FillValue);
      if (!fits(v, a)) return a;
      return aliasOf(callOf('coalesce', [a, { kind: 'cast', child: literalExpr(v), to: a.dataType }]), a.name);
    });
    return this.df.select(...exprs.map((e) => new Column(e)));
  }

  /**
   * Replaces values: `replace(10, 20)`, `replace(['Alice', 'Bob'], ['A', 'B'])` or
   * `replace({ Alice: 'A' })`, in the columns of `subset` (all by default) whose type fits the
   * values (numbers in numeric columns, strings in string columns, booleans in boolean ones).
   */
  replace(toReplace: FillValue | FillValue[] | Record<string, FillValue | null>, value?: FillValue | FillValue[] | null, subset?: string | string[]): DataFrame {
    const pairs: [FillValue, FillValue | null][] = Array.isArray(toReplace)
      ? toReplace.map((old, i) => [old, Array.isArray(value) ? value[i] : (value ?? null)])
      : typeof toReplace === 'object'
        ? Object.entries(toReplace)
        : [[toReplace, Array.isArray(value) ? value[0] : (value ?? null)]];
    if (Array.isArray(toReplace) && Array.isArray(value) && value.length !== toReplace.length) {
      throw new Error('[LENGTH_SHOULD_BE_THE_SAME] to_replace and value should be of the same length.');
    }
    const output = this.df.output;
    const names = subset === undefined ? output.map((a) => a.name) : typeof subset === 'string' ? [subset] : subset;
    const chosen = new Set(names.map((n) => (resolveColumn(n, undefined, output) as Attr).id));
    const exprs: Expr[] = output.map((a) => {
      const applicable = pairs.filter(([old]) => chosen.has(a.id) && fits(old, a));
      if (applicable.length === 0) return a;
      const branches = applicable.map(
        ([old, replacement]) =>
          [
            { kind: 'binary', op: '=', left: a, right: literalExpr(old) },
            replacement === null ? literalExpr(null) : { kind: 'cast', child: literalExpr(replacement), to: a.dataType },
          ] as const,
      );
      return aliasOf({ kind: 'caseWhen', branches, otherwise: a } as Expr, a.name);
    });
    return this.df.select(...exprs.map((e) => new Column(e)));
  }

  /** Drops rows with nulls (or NaN, as Spark 4): `how` 'any' or 'all', or fewer than `thresh` present values, among `subset`. */
  drop(how: 'any' | 'all' = 'any', thresh?: number, subset?: string | string[]): DataFrame {
    if (how !== 'any' && how !== 'all') throw new Error(`[VALUE_NOT_ANY_OR_ALL] Value for \`how\` must be 'any' or 'all', got '${how}'.`);
    const output = this.df.output;
    const names = subset === undefined ? output.map((a) => a.name) : typeof subset === 'string' ? [subset] : subset;
    const attrs = names.map((n) => resolveColumn(n, undefined, output) as Attr);
    const needed = thresh ?? (how === 'any' ? attrs.length : 1);
    const nonNulls = attrs
      .map((a): Expr => ({ kind: 'caseWhen', branches: [[present(a), literalExpr(1)]], otherwise: literalExpr(0) }))
      .reduce<Expr>((acc, e) => ({ kind: 'binary', op: '+', left: acc, right: e }), literalExpr(0));
    return this.df.filter(new Column({ kind: 'binary', op: '>=', left: nonNulls, right: literalExpr(needed) }));
  }
}

/** A value that is neither null nor, in a float or double column, NaN. */
function present(a: Attr): Expr {
  const notNull: Expr = { kind: 'unary', op: 'IS NOT NULL', child: a };
  if (a.dataType.typeName() !== 'double' && a.dataType.typeName() !== 'float') return notNull;
  return { kind: 'binary', op: 'AND', left: notNull, right: { kind: 'unary', op: 'NOT', child: callOf('isnan', [a]) } };
}

/** A fill value applies to columns of its kind only, as in PySpark. */
function fits(value: FillValue, a: Attr): boolean {
  if (typeof value === 'number') return isNumeric(a.dataType);
  if (typeof value === 'string') return isString(a.dataType);
  return isBoolean(a.dataType);
}
