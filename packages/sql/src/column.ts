/**
 * Column: an expression under construction. JavaScript has no operator overloading, so operators
 * are methods with Scala's names (`plus`, `gt`, `and`, ...) beside PySpark's Column methods.
 * A plain value given to an operator is a literal (PySpark's `df.age + 1`).
 */
import { DataType, parseDataType } from './types/index.js';
import {
  aliasOf,
  binaryOf,
  callOf,
  unaryOf,
  type BinaryOp,
  type Expr,
  type SortOrderExpr,
} from './expr/expression.js';
import { prettyName } from './expr/names.js';
import { literalExpr } from './expr/literal.js';
import type { WindowSpec } from './window.js';

/** What a Column method accepts as an operand: a Column or a plain value (a literal). */
export type ColumnOrValue = Column | string | number | boolean | null | Date | Uint8Array;

export class Column {
  constructor(readonly expr: Expr) {}

  // ---- operators (Scala names) -----------------------------------------------------------
  plus(other: ColumnOrValue): Column {
    return this.binary('+', other);
  }
  minus(other: ColumnOrValue): Column {
    return this.binary('-', other);
  }
  multiply(other: ColumnOrValue): Column {
    return this.binary('*', other);
  }
  divide(other: ColumnOrValue): Column {
    return this.binary('/', other);
  }
  mod(other: ColumnOrValue): Column {
    return this.binary('%', other);
  }
  equalTo(other: ColumnOrValue): Column {
    return this.binary('=', other);
  }
  eq(other: ColumnOrValue): Column {
    return this.equalTo(other);
  }
  /** Spark writes `a != b` as `NOT (a = b)`, and names the column so. */
  notEqual(other: ColumnOrValue): Column {
    return new Column(unaryOf('NOT', binaryOf('=', this.expr, operand(other))));
  }
  ne(other: ColumnOrValue): Column {
    return this.notEqual(other);
  }
  gt(other: ColumnOrValue): Column {
    return this.binary('>', other);
  }
  geq(other: ColumnOrValue): Column {
    return this.binary('>=', other);
  }
  lt(other: ColumnOrValue): Column {
    return this.binary('<', other);
  }
  leq(other: ColumnOrValue): Column {
    return this.binary('<=', other);
  }
  eqNullSafe(other: ColumnOrValue): Column {
    return this.binary('<=>', other);
  }
  and(other: ColumnOrValue): Column {
    return this.binary('AND', other);
  }
  or(other: ColumnOrValue): Column {
    return this.binary('OR', other);
  }
  bitwiseOR(other: ColumnOrValue): Column {
    return this.call('bitwise_or', other);
  }
  bitwiseAND(other: ColumnOrValue): Column {
    return this.call('bitwise_and', other);
  }
  bitwiseXOR(other: ColumnOrValue): Column {
    return this.call('bitwise_xor', other);
  }
  not(): Column {
    return new Column(unaryOf('NOT', this.expr));
  }
  negate(): Column {
    return new Column(unaryOf('-', this.expr));
  }

  // ---- naming and types -------------------------------------------------------------------
  /** One name, or several for a generator's columns (`explode(map).alias('key', 'value')`). */
  alias(...names: string[]): Column {
    if (names.length === 0) throw new Error('alias() needs at least one name');
    const alias = aliasOf(this.expr, names[0]);
    return new Column(names.length === 1 ? alias : { ...alias, names });
  }
  name(name: string): Column {
    return this.alias(name);
  }
  cast(dataType: DataType | string): Column {
    const to = typeof dataType === 'string' ? parseDataType(dataType) : dataType;
    return new Column({ kind: 'cast', child: this.expr, to });
  }
  /** PySpark 4's Column.try_cast: null where cast would raise an error (malformed input, overflow). */
  try_cast(dataType: DataType | string): Column {
    const to = typeof dataType === 'string' ? parseDataType(dataType) : dataType;
    return new Column({ kind: 'cast', child: this.expr, to, try: true });
  }
  astype(dataType: DataType | string): Column {
    return this.cast(dataType);
  }

  // ---- predicates -------------------------------------------------------------------------
  isNull(): Column {
    return new Column(unaryOf('IS NULL', this.expr));
  }
  isNotNull(): Column {
    return new Column(unaryOf('IS NOT NULL', this.expr));
  }
  isin(...values: (ColumnOrValue | ColumnOrValue[])[]): Column {
    const list = values.length === 1 && Array.isArray(values[0]) ? values[0] : (values as ColumnOrValue[]);
    return new Column({ kind: 'in', child: this.expr, list: list.map(operand) });
  }
  between(lower: ColumnOrValue, upper: ColumnOrValue): Column {
    return this.geq(lower).and(this.leq(upper));
  }
  like(pattern: string): Column {
    return this.call('like', pattern);
  }
  ilike(pattern: string): Column {
    return this.call('ilike', pattern);
  }
  rlike(pattern: string): Column {
    return this.call('rlike', pattern);
  }
  startswith(other: ColumnOrValue): Column {
    return this.call('startswith', other);
  }
  endswith(other: ColumnOrValue): Column {
    return this.call('endswith', other);
  }
  contains(other: ColumnOrValue): Column {
    return this.call('contains', other);
  }
  substr(startPos: ColumnOrValue, length: ColumnOrValue): Column {
    return this.call('substr', startPos, length);
  }

  // ---- nested values ----------------------------------------------------------------------
  getItem(key: ColumnOrValue): Column {
    return this.call('get_item', key);
  }
  getField(name: string): Column {
    return this.call('get_field', name);
  }
  /** A struct with field `fieldName` (a dotted path reaches into nested structs) set to `col`. */
  withField(fieldName: string, col: Column): Column {
    const [head, ...rest] = fieldName.split('.');
    const value = rest.length === 0 ? col : this.getField(head!).withField(rest.join('.'), col);
    return new Column(callOf('with_field', [this.expr, literalExpr(head), value.expr]));
  }
  /** A struct without the named fields (dotted paths reach into nested structs). */
  dropFields(...fieldNames: string[]): Column {
    const top = fieldNames.filter((n) => !n.includes('.'));
    let result: Column = top.length === 0 ? this : new Column(callOf('drop_fields', [this.expr, ...top.map(literalExpr)]));
    for (const path of fieldNames.filter((n) => n.includes('.'))) {
      const [head, ...rest] = path.split('.');
      result = result.withField(head!, result.getField(head!).dropFields(rest.join('.')));
    }
    return result;
  }

  // ---- ordering ---------------------------------------------------------------------------
  asc(): Column {
    return this.order(true, true);
  }
  asc_nulls_first(): Column {
    return this.order(true, true);
  }
  asc_nulls_last(): Column {
    return this.order(true, false);
  }
  desc(): Column {
    return this.order(false, false);
  }
  desc_nulls_first(): Column {
    return this.order(false, true);
  }
  desc_nulls_last(): Column {
    return this.order(false, false);
  }

  // ---- CASE WHEN and windows --------------------------------------------------------------
  /** Adds a branch to a column made by `F.when(...)`. */
  when(condition: Column, value: ColumnOrValue): Column {
    const e = this.expr;
    if (e.kind !== 'caseWhen' || e.otherwise !== undefined) {
      throw new Error('when() can only be applied on a Column previously generated by when() function');
    }
    return new Column({ ...e, branches: [...e.branches, [condition.expr, operand(value)]] });
  }
  otherwise(value: ColumnOrValue): Column {
    const e = this.expr;
    if (e.kind !== 'caseWhen') throw new Error('otherwise() can only be applied on a Column previously generated by when()');
    if (e.otherwise !== undefined) throw new Error('otherwise() can only be applied once on a Column previously generated by when()');
    return new Column({ ...e, otherwise: operand(value) });
  }
  over(window: WindowSpec): Column {
    return new Column({ kind: 'window', fn: this.expr, spec: window.spec });
  }

  /** PySpark's repr: `Column<'(age + 1)'>`. */
  toString(): string {
    return `Column<'${prettyName(this.expr)}'>`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  private binary(op: BinaryOp, other: ColumnOrValue): Column {
    return new Column(binaryOf(op, this.expr, operand(other)));
  }
  private call(name: string, ...args: ColumnOrValue[]): Column {
    return new Column(callOf(name, [this.expr, ...args.map(operand)]));
  }
  private order(ascending: boolean, nullsFirst: boolean): Column {
    const order: SortOrderExpr = { kind: 'sortOrder', child: this.expr, ascending, nullsFirst };
    return new Column(order);
  }
}

/** A Column's expression, or a literal for a plain value. */
export function operand(value: ColumnOrValue): Expr {
  if (value instanceof Column) return value.expr;
  if (typeof value === 'string' && value.includes("Column<'")) throw operatorText('other', value);
  return literalExpr(value);
}

/** Where a column is expected, a string names one (`'age'`, `'t.age'`, `'*'`). */
export function columnExpr(value: Column | string): Expr {
  return argumentExpr(value, 'col');
}

/** A Column or a column name given as PySpark's argument `argName` (named in the error for anything else). */
export function argumentExpr(value: Column | string, argName: string): Expr {
  if (value instanceof Column) return value.expr;
  if (typeof value !== 'string') throw notColumn(argName, value, true);
  if (value.includes("Column<'")) throw operatorText(argName, value);
  return nameToExpr(value);
}

/** `col('age') + 1` is the text `Column<'age'>1` in JavaScript. */
function operatorText(argName: string, text: string): TypeError {
  return new TypeError(`[NOT_COLUMN_OR_STR] Argument \`${argName}\` is the text of a Column (${text}), made by a JavaScript operator. ${NO_OPERATORS}`);
}

const NO_OPERATORS = "JavaScript has no operator overloading: use Column's methods, col('age').gt(21), col('age').plus(1), c1.and(c2), F.not(c).";

/**
 * PySpark's NOT_COLUMN / NOT_COLUMN_OR_STR for a value where a Column belongs. A boolean or a
 * number there is what `col('age') > 21` or `col('age') + 1` give in JavaScript: the hint says so.
 */
export function notColumn(argName: string, value: unknown, orStr: boolean): TypeError {
  const type = value === null ? 'null' : typeof value;
  const hint = type === 'boolean' || type === 'number' ? ` ${NO_OPERATORS}` : '';
  const errorClass = orStr ? 'NOT_COLUMN_OR_STR' : 'NOT_COLUMN';
  return new TypeError(`[${errorClass}] Argument \`${argName}\` should be a Column${orStr ? ' or str' : ''}, got ${type}.${hint}`);
}

export function nameToExpr(name: string): Expr {
  if (name === '*') return { kind: 'star' };
  if (name.endsWith('.*')) return { kind: 'star', qualifier: name.slice(0, -2) };
  const bare = /^`(.*)`$/.exec(name);
  if (bare) return { kind: 'column', name: bare[1].replace(/``/g, '`') };
  const dot = name.indexOf('.');
  if (dot > 0 && !name.includes('`')) return { kind: 'column', name: name.slice(dot + 1), qualifier: name.slice(0, dot) };
  return { kind: 'column', name };
}
