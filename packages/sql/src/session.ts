/**
 * The SQL session of a FlintContext (Spark's SparkSession): temp views, configuration, and the
 * entry points that make DataFrames (createDataFrame, sql, table, range, read).
 */
import { StructField, StructType, inferSchema, parseDataType, type DataType } from './types/index.js';
import { newExprId, type Attr, type UdfRef } from './expr/expression.js';
import { analyze, type Catalog } from './analyzer/analyzer.js';
import type { LogicalPlan, RowSource } from './plan/logical-plan.js';
import type { SqlHost } from './session-host.js';
import { sqlFrontEnd } from './sql-front-end.js';
import { defaultTimeZone } from './format/index.js';
import { DEFAULT_BROADCAST_THRESHOLD } from './physical/join-selection.js';
import { DataFrame } from './dataframe/dataframe.js';
import { LocalRows, RddRows } from './dataframe/sources.js';
import { toInternal } from './dataframe/row-conversion.js';
import { DataFrameReader } from './dataframe/reader.js';
import { RangeRows } from './dataframe/range-source.js';
import type { RDD } from '@flint/rdd';
import type { Table as ArrowTable } from 'apache-arrow';
import { arrowToRows, isArrowTable } from './interop/arrow-to-rows.js';
import { rowToEngine } from './dataframe/rdd-conversion.js';
import { rddSchema } from './dataframe/rdd-schema.js';
import { withSessionFunctions } from './analyzer/session-functions.js';
import { GLOBAL_TEMP_DATABASE, globalViewName } from './analyzer/global-temp-views.js';
import { UDFRegistration } from './udf-registration.js';
import { isValidZoneId } from './format/zone-ids.js';
import { checkForeignColumns } from './analyzer/foreign-columns.js';
import { filePartitioning, type FilePartitioning } from './io/files/file-partitions.js';

/** What createDataFrame takes: rows (objects or arrays), an RDD of them, or an Apache Arrow table. */
export type DataFrameInput = readonly unknown[] | RDD<unknown> | ArrowTable;

/** Configuration with Spark's names where Spark has one (`spark.sql.shuffle.partitions`). */
const TIME_ZONE_KEYS = new Set(['spark.sql.session.timeZone', 'flint.sql.session.timeZone']);

export class RuntimeConfig {
  private readonly values = new Map<string, string>();
  /** Sets a key; a session time zone must be one ZoneId.of(_, SHORT_IDS) reads (Spark's SQLConf check). */
  set(key: string, value: string | number | boolean): void {
    const text = String(value);
    if (TIME_ZONE_KEYS.has(key) && !isValidZoneId(text)) {
      throw new Error(`[INVALID_CONF_VALUE.TIME_ZONE] The value '${text}' in the config "${key}" is invalid. Cannot resolve the given timezone. SQLSTATE: 22022`);
    }
    this.values.set(key, text);
  }
  get(key: string, defaultValue?: string): string | undefined {
    return this.values.get(key) ?? defaultValue;
  }
  unset(key: string): void {
    this.values.delete(key);
  }
  /** Every key set in this session, with its value (SQL's SET lists them). */
  entries(): IterableIterator<[string, string]> {
    return this.values.entries();
  }
  /** Forgets every key set in this session (SQL's RESET). */
  clear(): void {
    this.values.clear();
  }
}

export class SqlSession implements Catalog {
  readonly conf = new RuntimeConfig();
  private readonly views = new Map<string, LogicalPlan>();
  private readonly globalViews = new Map<string, LogicalPlan>();
  /** Functions registered for SQL text, by lower-case name. */
  private readonly functions = new Map<string, UdfRef>();
  /** PySpark's `spark.udf`: `register(name, f, returnType?)`. */
  readonly udf = new UDFRegistration(this.functions);

  constructor(readonly host: SqlHost) {}

  /** Partitions after a shuffle: `spark.sql.shuffle.partitions` / `flint.sql.shuffle.partitions`, default the parallelism. */
  get shufflePartitions(): number {
    const value = this.conf.get('flint.sql.shuffle.partitions') ?? this.conf.get('spark.sql.shuffle.partitions');
    return value === undefined ? Math.max(1, this.host.defaultParallelism) : Number(value);
  }

  /** `flint.sql.autoBroadcastJoinThreshold` (or Spark's name): bytes; -1 disables broadcast joins. */
  get broadcastThreshold(): number {
    const value = this.conf.get('flint.sql.autoBroadcastJoinThreshold') ?? this.conf.get('spark.sql.autoBroadcastJoinThreshold');
    return value === undefined ? DEFAULT_BROADCAST_THRESHOLD : Number(value);
  }

  /** The `spark.sql.files.*` settings that size a file scan's tasks (files/file-partitions.ts); a bad one fails in one line. */
  get filePartitioning(): FilePartitioning {
    return filePartitioning((key) => this.conf.get(key), this.host.defaultParallelism);
  }

  /** `flint.sql.session.timeZone` (or Spark's name), default the process's: how timestamps read, print and split into fields. */
  get timeZone(): string {
    return this.conf.get('flint.sql.session.timeZone') ?? this.conf.get('spark.sql.session.timeZone') ?? defaultTimeZone();
  }

  /** `spark.sql.ansi.enabled` (or `flint.sql.ansi.enabled`), default true as in Spark 4: arithmetic and casts fail on bad values. */
  get ansiEnabled(): boolean {
    const value = this.conf.get('flint.sql.ansi.enabled') ?? this.conf.get('spark.sql.ansi.enabled');
    return value === undefined || value.toLowerCase() !== 'false';
  }

  /** A temp view, or a global one as `global_temp.name` (Spark's global temporary views' database). */
  lookupTable(name: string): LogicalPlan | undefined {
    const [views, key] = this.viewMap(name);
    return views.get(key);
  }

  /** Where the view `name` lives: `global_temp.v` among the global views as `v`, any other name among the session's. */
  private viewMap(name: string): [Map<string, LogicalPlan>, string] {
    const global = globalViewName(name);
    return global === undefined ? [this.views, name.toLowerCase()] : [this.globalViews, global.toLowerCase()];
  }

  /** A DataFrame over a resolved or unresolved plan (analyzed now, so errors surface here). */
  dataFrame(plan: LogicalPlan): DataFrame {
    const analyzed = withSessionFunctions(this.functions, () => analyze(plan, this));
    checkForeignColumns(plan, analyzed);
    return new DataFrame(this, analyzed);
  }

  relation(schema: StructType, source: RowSource): DataFrame {
    const output: Attr[] = schema.fields.map((f) => ({ kind: 'attr', id: newExprId(), name: f.name, dataType: f.dataType, nullable: f.nullable }));
    return this.dataFrame({ kind: 'relation', output, source });
  }

  /**
   * Rows as plain objects (or arrays), with an optional schema: a StructType, a DDL string
   * (`'age INT, name STRING'`), or a list of column names (types inferred as PySpark does).
   */
  createDataFrame(data: DataFrameInput, schema?: StructType | DataType | string | readonly string[]): DataFrame {
    if (isArrowTable(data)) return this.fromArrow(data, schema as StructType | string | undefined);
    if (!Array.isArray(data)) return this.fromRdd(data as RDD<unknown>, schema as StructType | string | readonly string[] | undefined);
    const atomic = atomicSchema(schema);
    const rows = atomic ? (data as readonly unknown[]).map((value) => [value]) : (data as readonly unknown[]);
    const struct = atomic ?? resolveSchema(rows, schema as StructType | string | readonly string[] | undefined);
    const internal = rows.map((row) => rowToInternal(row, struct));
    return this.relation(struct, new LocalRows(internal));
  }

  /** An Arrow table's columns, typed by its schema (interop/arrow-to-flint-types.ts), into rows held by the driver. */
  private fromArrow(table: ArrowTable, schema: StructType | string | readonly string[] | undefined): DataFrame {
    if (schema !== undefined) throw new Error('createDataFrame(arrowTable) takes its schema from the table; cast the columns afterwards to change it');
    const { schema: struct, rows } = arrowToRows(table);
    return this.relation(struct, new LocalRows(rows));
  }

  /** `createDataFrame(rdd)` and `rdd.toDF()` (`caller` names the one called in an error). */
  fromRdd(rdd: RDD<unknown>, schema: StructType | string | readonly string[] | undefined, caller = 'createDataFrame(rdd)'): DataFrame {
    const struct = rddSchema(rdd, schema, caller);
    return this.relation(struct, new RddRows(rowsOfRdd(rdd, struct)));
  }

  sql(text: string): DataFrame {
    const front = sqlFrontEnd('fc.sql()');
    const command = front.runCommand(text, this);
    const parsed = command ? undefined : front.parsePlan(text);
    const df = command ?? this.dataFrame(parsed!);
    df.sqlText = text;
    df.parsedPlan = parsed;
    return df;
  }

  table(name: string): DataFrame {
    return this.dataFrame({ kind: 'unresolvedRelation', name });
  }

  /** `range(start, end?, step = 1, numPartitions?)`: one `bigint` column `id` (JS bigints past 2^53 too). */
  range(start: number | bigint, end?: number | bigint, step: number | bigint = 1, numPartitions?: number): DataFrame {
    const [from, to] = end === undefined ? [0, start] : [start, end];
    if (step === 0 || step === 0n) throw new Error('range(): step must not be 0');
    const schema = new StructType([new StructField('id', parseDataType('bigint'), false)]);
    return this.relation(schema, new RangeRows(from, to, step, numPartitions));
  }

  get read(): DataFrameReader {
    return new DataFrameReader(this);
  }

  /**
   * `createTempView` and, named `global_temp.name`, `createGlobalTempView`: a global view is read as
   * `global_temp.name`, apart from a session view `name`. Spark shares those between an application's
   * sessions; Flint has one session per context, so they live as long as it.
   */
  registerTempView(name: string, plan: LogicalPlan, replace: boolean): void {
    const [views, key] = this.viewMap(name);
    if (!replace && views.has(key)) {
      const global = globalViewName(name);
      const shown = global === undefined ? `\`${name}\`` : `\`${GLOBAL_TEMP_DATABASE}\`.\`${global}\``;
      throw new Error(`[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view ${shown} because it already exists.`);
    }
    views.set(key, plan);
  }

  readonly catalog = {
    listTables: (): { name: string; isTemporary: boolean; tableType: string }[] =>
      [...this.views.keys()].sort().map((name) => ({ name, isTemporary: true, tableType: 'TEMPORARY' })),
    tableExists: (name: string): boolean => this.lookupTable(name) !== undefined,
    dropTempView: (name: string): boolean => {
      const [views, key] = this.viewMap(name);
      return views.delete(key);
    },
    dropGlobalTempView: (name: string): boolean => this.catalog.dropTempView(`${GLOBAL_TEMP_DATABASE}.${name}`),
  };
}

/** PySpark wraps a schema that is a plain type (`'STRING'`) into one column named `value`; each row is a value. */
function atomicSchema(schema: StructType | DataType | string | readonly string[] | undefined): StructType | undefined {
  if (schema === undefined || schema instanceof StructType || Array.isArray(schema)) return undefined;
  const type = typeof schema === 'string' ? parseDataType(schema as string) : (schema as DataType);
  return type instanceof StructType ? undefined : new StructType([new StructField('value', type, true)]);
}

function resolveSchema(rows: readonly unknown[], schema: StructType | string | readonly string[] | undefined): StructType {
  if (schema instanceof StructType) return schema;
  if (typeof schema === 'string') return StructType.fromDDL(schema);
  return inferSchema(rows, schema);
}

function rowToInternal(row: unknown, schema: StructType): unknown[] {
  const fields = schema.fields;
  if (Array.isArray(row)) {
    if (row.length !== fields.length) {
      throw new Error(`[LENGTH_SHOULD_BE_THE_SAME] obj and fields should be of the same length, got ${row.length} and ${fields.length}.`);
    }
    return fields.map((f, i) => checked(toInternal(row[i], f.dataType), f.name, f.dataType, f.nullable));
  }
  if (row === null || typeof row !== 'object') throw new Error(`createDataFrame: a row must be an object or an array, got ${row === null ? 'null' : typeof row}`);
  const record = row as Record<string, unknown>;
  return fields.map((f) => checked(toInternal(record[f.name], f.dataType), f.name, f.dataType, f.nullable));
}

function checked(value: unknown, name: string, type: DataType, nullable: boolean): unknown {
  if (value === null && !nullable) {
    throw new Error(`[FIELD_NOT_NULLABLE_WITH_NAME] Field \`${name}\` is not nullable, but got None.`);
  }
  return value;
}

/** Converts an RDD of user rows (objects or arrays) to engine rows on the workers. */
function rowsOfRdd(rdd: RDD<unknown>, schema: StructType): RDD<unknown[]> {
  return rdd.map(rowToEngine(schema)) as RDD<unknown[]>;
}
