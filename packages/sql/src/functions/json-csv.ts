/**
 * JSON and CSV functions (pyspark.sql.functions' from_json, to_json, schema_of_json,
 * get_json_object, json_tuple, json_array_length, json_object_keys, from_csv, to_csv,
 * schema_of_csv). A schema is a DDL string, a DataType (sent as its JSON, as PySpark does) or a
 * Column of schema_of_json/schema_of_csv; options are an object of strings (PySpark's dict).
 */
import { Column, columnExpr } from '../column.js';
import { callOf, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { DataType } from '../types/index.js';
import { fn, type ColumnOrName } from './call.js';

export type FormatOptions = Readonly<Record<string, string | number | boolean>>;
export type SchemaArgument = string | DataType | Column;

/** Options as `map('k', 'v', ...)`, values as strings (PySpark's `_options_to_str`); none: no argument. */
function optionsArg(options: FormatOptions | undefined): Expr[] {
  if (options === undefined || Object.keys(options).length === 0) return [];
  return [callOf('map', Object.entries(options).flatMap(([k, v]) => [literalExpr(k), literalExpr(String(v))]))];
}

function schemaArg(schema: SchemaArgument): Expr {
  if (schema instanceof Column) return schema.expr;
  if (schema instanceof DataType) return literalExpr(schema.json());
  return literalExpr(schema);
}

/** A foldable string: a Column as it is, a JS string a literal (not a column name). */
const textArg = (text: string | Column): Expr => (text instanceof Column ? text.expr : literalExpr(text));

export const from_json = (col: ColumnOrName, schema: SchemaArgument, options?: FormatOptions): Column =>
  new Column(callOf('from_json', [columnExpr(col), schemaArg(schema), ...optionsArg(options)]));
export const to_json = (col: ColumnOrName, options?: FormatOptions): Column => new Column(callOf('to_json', [columnExpr(col), ...optionsArg(options)]));
export const schema_of_json = (json: string | Column, options?: FormatOptions): Column => new Column(callOf('schema_of_json', [textArg(json), ...optionsArg(options)]));
export const get_json_object = (col: ColumnOrName, path: string): Column => new Column(callOf('get_json_object', [columnExpr(col), literalExpr(path)]));
export function json_tuple(col: ColumnOrName, ...fields: string[]): Column {
  if (fields.length === 0) throw new Error('[CANNOT_BE_EMPTY] At least one field must be specified.');
  return new Column(callOf('json_tuple', [columnExpr(col), ...fields.map(literalExpr)]));
}
export const json_array_length = (col: ColumnOrName): Column => fn('json_array_length', col);
export const json_object_keys = (col: ColumnOrName): Column => fn('json_object_keys', col);

export const from_csv = (col: ColumnOrName, schema: SchemaArgument, options?: FormatOptions): Column =>
  new Column(callOf('from_csv', [columnExpr(col), schemaArg(schema), ...optionsArg(options)]));
export const to_csv = (col: ColumnOrName, options?: FormatOptions): Column => new Column(callOf('to_csv', [columnExpr(col), ...optionsArg(options)]));
export const schema_of_csv = (csv: string | Column, options?: FormatOptions): Column => new Column(callOf('schema_of_csv', [textArg(csv), ...optionsArg(options)]));
