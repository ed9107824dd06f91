/**
 * @flint/sql: DataFrames and SQL (DESIGN.md §8). Queries are parsed and analyzed into logical
 * plans, optimized, and compiled into RDD lineage that Flint's scheduler runs.
 */
import './expr/builtins/index.js';
import './dataframe/text-source.js';
import './rdd-to-df.js';
import './io/sources/text-formats.js';
import './io/sources/parquet-format.js';
import './io/sources/format-writers.js';
import './parser/front-end.js';
// The task threads' runtime too: the layer's bundle is then all a thread needs (runtime-entry.ts).
import './runtime.js';

export const SQL_PACKAGE = '@flint/sql';
export * from './types/index.js';
export * from './format/index.js';
export * from './io/index.js';
export * as functions from './functions/index.js';
export { col, lit, expr } from './functions/index.js';
export { Column } from './column.js';
export { Window, WindowSpec } from './window.js';
export { DataFrame } from './dataframe/dataframe.js';
export { GroupedData } from './dataframe/grouped-data.js';
export { DataFrameReader } from './dataframe/reader.js';
export { DataFrameWriter } from './dataframe/writer.js';
export { DataFrameNaFunctions } from './dataframe/na-functions.js';
export { DataFrameStatFunctions } from './dataframe/stat-functions.js';
export { Observation } from './dataframe/observation.js';
export { SqlSession, RuntimeConfig, type DataFrameInput } from './session.js';
export { sessionFor } from './session-registry.js';
export type { SqlHost } from './session-host.js';
export { registerSqlFrontEnd, type SqlFrontEnd } from './sql-front-end.js';
export { registerFormatReader, registerFormatWriter, type FormatReader, type FormatWriter, type WriteRequest, type SaveMode } from './dataframe/data-sources.js';
export type { LogicalPlan, RowSource, JoinType } from './plan/logical-plan.js';
export type { Expr, Attr, NamedExpr } from './expr/expression.js';
export { registerFunction, lookupFunction, type FunctionDef, type ScalarFunction, type AggregateFunction } from './expr/registry.js';
export { AnalysisException } from './analyzer/analysis-error.js';
export { toInternal, toExternal } from './dataframe/row-conversion.js';
export { LocalRows, RddRows } from './dataframe/sources.js';
export { RangeRows } from './dataframe/range-source.js';
