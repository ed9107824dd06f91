/**
 * The syntax tree of Spark SQL text, before any name is resolved. Nodes are immutable plain
 * objects with a literal `kind`, so handlers can be exhaustive (`Record<Expr['kind'], ...>`).
 * `parser/to-plan.ts` turns this tree into the logical plan; `ast-text.ts` prints it back as
 * normalized SQL (fully parenthesized), which is how tests show trees.
 */

import type { QueryOrigin } from '../expr/query-context.js';

// ---------------------------------------------------------------- statements

export type Statement = Query | CreateView | DropView | Describe | ShowTables | Explain | SetStatement | ResetStatement;

/** SET [key[=value]] (key null: list what is set; value null: show the key), SET TIME ZONE. */
export interface SetStatement {
  readonly kind: 'set';
  readonly key: string | null;
  readonly value: string | null;
}

/** RESET [key]: key null resets every key set in the session. */
export interface ResetStatement {
  readonly kind: 'reset';
  readonly key: string | null;
}

/** CREATE [OR REPLACE] [GLOBAL] TEMP[ORARY] VIEW [IF NOT EXISTS] name [(cols)] AS query */
export interface CreateView {
  readonly kind: 'createView';
  readonly name: readonly string[];
  readonly orReplace: boolean;
  readonly global: boolean;
  readonly ifNotExists: boolean;
  readonly columns: readonly string[] | null;
  readonly query: Query;
}

/** DROP VIEW [IF EXISTS] name */
export interface DropView {
  readonly kind: 'dropView';
  readonly name: readonly string[];
  readonly ifExists: boolean;
}

/** DESCRIBE [TABLE] [EXTENDED] name, or DESCRIBE [QUERY] query */
export interface Describe {
  readonly kind: 'describe';
  readonly target: { readonly kind: 'table'; readonly name: readonly string[] } | Query;
  readonly extended: boolean;
}

/** SHOW TABLES [(FROM | IN) database] [[LIKE] 'pattern'] */
export interface ShowTables {
  readonly kind: 'showTables';
  readonly database: string | null;
  readonly pattern: string | null;
}

export type ExplainMode = 'simple' | 'extended' | 'codegen' | 'cost' | 'formatted';

/** EXPLAIN [EXTENDED | CODEGEN | COST | FORMATTED] statement */
export interface Explain {
  readonly kind: 'explain';
  readonly mode: ExplainMode;
  readonly statement: Statement;
}

// ---------------------------------------------------------------- queries

/**
 * A full query: CTEs, a body (select, set operation, VALUES, TABLE t or a parenthesized query),
 * and the ORDER BY / LIMIT / OFFSET that apply to the whole body.
 */
export interface Query {
  readonly kind: 'query';
  readonly ctes: readonly Cte[];
  readonly body: QueryBody;
  readonly orderBy: readonly SortItem[];
  readonly limit: Expr | null;
  readonly offset: Expr | null;
}

export type QueryBody = Select | SetOperation | Values | TableQuery | Query;

/** WITH name [(columns)] AS (query) */
export interface Cte {
  readonly name: string;
  readonly columns: readonly string[] | null;
  readonly query: Query;
}

export type SetOperator = 'union' | 'intersect' | 'except';

/** UNION/INTERSECT/EXCEPT (MINUS is EXCEPT); `all` false means DISTINCT, the default. */
export interface SetOperation {
  readonly kind: 'setOperation';
  readonly op: SetOperator;
  readonly all: boolean;
  readonly left: QueryBody;
  readonly right: QueryBody;
}

/** VALUES (1, 'a'), (2, 'b') as a query; a row of one value may be written without parentheses. */
export interface Values {
  readonly kind: 'values';
  readonly rows: readonly (readonly Expr[])[];
}

/** TABLE name */
export interface TableQuery {
  readonly kind: 'tableQuery';
  readonly name: readonly string[];
}

export interface Select {
  readonly kind: 'select';
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  /** Comma-separated FROM items, in order (an implicit cross join); empty without FROM. */
  readonly from: readonly Relation[];
  readonly where: Expr | null;
  readonly groupBy: GroupBy | null;
  readonly having: Expr | null;
  readonly windows: readonly NamedWindow[];
  /** `LATERAL VIEW`s after the FROM items (parser/lateral-views.ts). */
  readonly lateralViews?: readonly LateralView[];
  /** `SELECT /*+ BROADCAST(t), REPARTITION(4) *\/ ...`: each hint's name and parameters. */
  readonly hints?: readonly SqlHint[];
}

/** `LATERAL VIEW [OUTER] generator(args) [alias] [AS] columns`. */
export interface LateralView {
  readonly outer: boolean;
  readonly generator: Expr;
  readonly alias: string | undefined;
  readonly columns: readonly string[];
}

export interface SqlHint {
  readonly name: string;
  readonly parameters: readonly (string | number)[];
}

/** One item of the select list: an expression (a `*` is a `star` expression) and its alias. */
export interface SelectItem {
  readonly expr: Expr;
  readonly alias: string | null;
  /** `AS (a, b)`: names for each column of a generator (Spark's MultiAlias); `alias` is the first. */
  readonly aliases?: readonly string[];
}

/** GROUP BY items, or GROUP BY ALL (`all` true and no items). */
export interface GroupBy {
  readonly items: readonly GroupingItem[];
  readonly all: boolean;
}

export type GroupingItem = Expr | GroupingAnalytics;

/** ROLLUP(...), CUBE(...) and GROUPING SETS(...): each set is a list of expressions. */
export interface GroupingAnalytics {
  readonly kind: 'rollup' | 'cube' | 'groupingSets';
  readonly sets: readonly (readonly Expr[])[];
  /** Hive's `GROUP BY a, b GROUPING SETS (...)`: the grouping columns, those no set names too (always null). */
  readonly columns?: readonly Expr[];
}

export interface NamedWindow {
  readonly name: string;
  readonly spec: WindowSpec;
}

export interface SortItem {
  readonly expr: Expr;
  readonly ascending: boolean;
  /** Spark's default: NULLS FIRST when ascending, NULLS LAST when descending. */
  readonly nullsFirst: boolean;
}

// ---------------------------------------------------------------- relations (FROM)

export type Relation = TableRef | SubqueryRef | TableFunctionRef | InlineTable | Join;

export interface TableAlias {
  readonly name: string;
  /** Column aliases `t(a, b)`, or null. */
  readonly columns: readonly string[] | null;
}

export interface TableRef {
  readonly kind: 'table';
  readonly name: readonly string[];
  readonly alias: TableAlias | null;
}

export interface SubqueryRef {
  readonly kind: 'subquery';
  readonly query: Query;
  readonly alias: TableAlias | null;
}

/** A table-valued function such as range(0, 10) in FROM. */
export interface TableFunctionRef {
  readonly kind: 'tableFunction';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly alias: TableAlias | null;
}

/** VALUES in FROM: `FROM VALUES (1, 2) AS t(a, b)`. */
export interface InlineTable {
  readonly kind: 'inlineTable';
  readonly rows: readonly (readonly Expr[])[];
  readonly alias: TableAlias | null;
}

/** The join types, named as PySpark's `how` strings. */
export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross';

export type JoinCriteria =
  | { readonly kind: 'on'; readonly condition: Expr }
  | { readonly kind: 'using'; readonly columns: readonly string[] }
  | { readonly kind: 'natural' }
  | { readonly kind: 'none' };

export interface Join {
  readonly kind: 'join';
  readonly joinType: JoinType;
  readonly left: Relation;
  readonly right: Relation;
  readonly criteria: JoinCriteria;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | Literal
  | IntervalLiteral
  | ColumnRef
  | Star
  | UnaryOp
  | BinaryOp
  | IsNull
  | IsBoolean
  | IsDistinctFrom
  | Between
  | Like
  | InList
  | InSubquery
  | Exists
  | ScalarSubquery
  | Case
  | Cast
  | FunctionCall
  | Extract
  | Trim
  | Subscript
  | FieldAccess
  | RowConstructor
  | Lambda;

/**
 * A constant. `value` holds: numbers for int/smallint/tinyint/float/double, the digits (text) for
 * bigint and decimal (exact), the unescaped text for string, the literal text for date and
 * timestamp, the hex digits for binary, true/false for boolean, null for null.
 */
export type Literal =
  | { readonly kind: 'literal'; readonly type: 'int' | 'smallint' | 'tinyint' | 'float' | 'double'; readonly value: number }
  | { readonly kind: 'literal'; readonly type: 'bigint' | 'decimal'; readonly value: string }
  | { readonly kind: 'literal'; readonly type: 'string' | 'date' | 'timestamp' | 'timestamp_ntz' | 'binary'; readonly value: string }
  | { readonly kind: 'literal'; readonly type: 'boolean'; readonly value: boolean }
  | { readonly kind: 'literal'; readonly type: 'null'; readonly value: null };

export type IntervalUnit =
  | 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond' | 'microsecond';

/**
 * INTERVAL literals. `parts` lists value/unit pairs (`INTERVAL 1 DAY 2 HOURS`, `INTERVAL '3' DAY`);
 * `INTERVAL '1-2' YEAR TO MONTH` has one part with unit `year` and `to` = `month`;
 * `INTERVAL '1 day 2 hours'` has one part with unit null. Values keep their text (with sign).
 */
export interface IntervalLiteral {
  readonly kind: 'interval';
  readonly parts: readonly { readonly value: string; readonly unit: IntervalUnit | null }[];
  readonly to: IntervalUnit | null;
}

/** A possibly qualified name: `a`, `t.a`, `db.t.a` or a struct field path; the analyzer decides. */
export interface ColumnRef {
  readonly kind: 'column';
  readonly name: readonly string[];
}

/** `*` or `t.*` (in the select list, or as the argument of count(*)). */
export interface Star {
  readonly kind: 'star';
  readonly qualifier: readonly string[] | null;
}

export type UnaryOperator = '-' | '+' | '~' | 'not';

export interface UnaryOp {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: Expr;
  /** Where it is in the SQL text (Spark's query context of the errors it raises). */
  readonly origin?: QueryOrigin;
}

/** `==` is written `=`, `!=` is written `<>`. */
export type BinaryOperator =
  | 'or' | 'and'
  | '=' | '<>' | '<' | '<=' | '>' | '>=' | '<=>'
  | '|' | '^' | '&' | '<<' | '>>' | '>>>'
  | '+' | '-' | '||'
  | '*' | '/' | '%' | 'div';

export interface BinaryOp {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  /** Where it is in the SQL text (Spark's query context of the errors it raises). */
  readonly origin?: QueryOrigin;
}

export interface IsNull {
  readonly kind: 'isNull';
  readonly operand: Expr;
  readonly negated: boolean;
}

/** x IS [NOT] TRUE | FALSE | UNKNOWN (UNKNOWN is `value` null). */
export interface IsBoolean {
  readonly kind: 'isBoolean';
  readonly operand: Expr;
  readonly value: boolean | null;
  readonly negated: boolean;
}

export interface IsDistinctFrom {
  readonly kind: 'isDistinctFrom';
  readonly left: Expr;
  readonly right: Expr;
  readonly negated: boolean;
}

export interface Between {
  readonly kind: 'between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
}

/** LIKE, ILIKE (with an optional ESCAPE character) and RLIKE/REGEXP. */
export interface Like {
  readonly kind: 'like';
  readonly op: 'like' | 'ilike' | 'rlike';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape: string | null;
  readonly negated: boolean;
}

export interface InList {
  readonly kind: 'inList';
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
}

export interface InSubquery {
  readonly kind: 'inSubquery';
  readonly operand: Expr;
  readonly query: Query;
  readonly negated: boolean;
}

export interface Exists {
  readonly kind: 'exists';
  readonly query: Query;
}

export interface ScalarSubquery {
  readonly kind: 'scalarSubquery';
  readonly query: Query;
}

/** CASE [operand] WHEN ... THEN ... [ELSE ...] END; `operand` null for the searched form. */
export interface Case {
  readonly kind: 'case';
  readonly operand: Expr | null;
  readonly branches: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly else: Expr | null;
}

/**
 * CAST(x AS type), TRY_CAST(x AS type) and x::type. `type` is the data type as DDL text
 * (lower-case keywords, e.g. `decimal(12,2)`, `array<struct<a:int>>`), read by the types module.
 */
export interface Cast {
  readonly kind: 'cast';
  readonly operand: Expr;
  readonly type: string;
  readonly try: boolean;
  /** Where it is in the SQL text (Spark's query context of the errors it raises). */
  readonly origin?: QueryOrigin;
}

/** A function call: name(args), with DISTINCT, `*`, FILTER (WHERE ...), IGNORE NULLS and OVER. */
export interface FunctionCall {
  readonly kind: 'function';
  /** As written (case kept); function names are case-insensitive. */
  readonly name: string;
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  readonly filter: Expr | null;
  /** true for IGNORE NULLS, false for RESPECT NULLS, null when not given. */
  readonly ignoreNulls: boolean | null;
  readonly over: WindowSpec | WindowRef | null;
  /** `WITHIN GROUP (ORDER BY x)` of percentile_cont, percentile_disc and mode. */
  readonly withinGroup?: SortItem;
  /** Where it is in the SQL text (Spark's query context of the errors it raises). */
  readonly origin?: QueryOrigin;
}

/** EXTRACT(field FROM source); `field` as written (year, MONTH, D, ...). */
export interface Extract {
  readonly kind: 'extract';
  readonly field: string;
  readonly source: Expr;
}

/** TRIM([BOTH | LEADING | TRAILING] [chars] FROM source) and trim(source). */
export interface Trim {
  readonly kind: 'trim';
  readonly side: 'both' | 'leading' | 'trailing';
  readonly chars: Expr | null;
  readonly source: Expr;
}

/** base[index]: an array element or a map value. */
export interface Subscript {
  readonly kind: 'subscript';
  readonly base: Expr;
  readonly index: Expr;
  /** Where it is in the SQL text (Spark's query context of the errors it raises). */
  readonly origin?: QueryOrigin;
}

/** (expr).field on something that is not a plain name (names are ColumnRefs with several parts). */
export interface FieldAccess {
  readonly kind: 'fieldAccess';
  readonly base: Expr;
  readonly field: string;
}

/** (a, b): a row of values, as in `(a, b) IN (...)` or a struct. */
export interface RowConstructor {
  readonly kind: 'row';
  readonly items: readonly Expr[];
}

/** x -> expr or (x, y) -> expr, the argument of higher-order functions. */
export interface Lambda {
  readonly kind: 'lambda';
  readonly params: readonly string[];
  readonly body: Expr;
}

// ---------------------------------------------------------------- windows

export interface WindowRef {
  readonly kind: 'windowRef';
  readonly name: string;
}

export interface WindowSpec {
  readonly kind: 'windowSpec';
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortItem[];
  readonly frame: WindowFrame | null;
}

export interface WindowFrame {
  readonly unit: 'rows' | 'range';
  readonly start: FrameBound;
  readonly end: FrameBound;
}

export type FrameBound =
  | { readonly kind: 'unboundedPreceding' }
  | { readonly kind: 'unboundedFollowing' }
  | { readonly kind: 'currentRow' }
  | { readonly kind: 'preceding'; readonly offset: Expr }
  | { readonly kind: 'following'; readonly offset: Expr };
