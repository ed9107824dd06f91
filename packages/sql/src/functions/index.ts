/** `functions` (PySpark's pyspark.sql.functions, imported as F): one family per file. */
import '../expr/builtins/index.js';
export * from './core.js';
export * from './aggregate.js';
export * from './strings.js';
export * from './math.js';
export * from './datetime.js';
export * from './collection.js';
export * from './hashing.js';
export * from './higher-order.js';
export * from './json-csv.js';
export { udf, type UserDefinedFunction } from './udf.js';
export * from './misc.js';
export * from './time-windows.js';
export * from './text.js';
export * from './datetime-parts.js';
export * from './random.js';
export * from './session-and-errors.js';
