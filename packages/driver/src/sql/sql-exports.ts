/**
 * @flint/sql's exports as @flint/driver re-exports them, each loading the SQL layer on first use
 * (load-sql.ts). Types cost nothing and come straight from @flint/sql; a class is both a
 * value (here) and a type (its instances'). test/api/sql-layer-loading.test.ts checks that this list
 * is @flint/sql's.
 */
import type * as Sql from '@flint/sql';
import { lazySqlValue } from './load-sql.js';

export type * from '@flint/sql';

// Classes
export const AnalysisException = lazySqlValue('AnalysisException', 'function');
export type AnalysisException = Sql.AnalysisException;
export const ArrayType = lazySqlValue('ArrayType', 'function');
export type ArrayType = Sql.ArrayType;
export const AtomicType = lazySqlValue('AtomicType', 'function');
export type AtomicType = Sql.AtomicType;
export const BinaryType = lazySqlValue('BinaryType', 'function');
export type BinaryType = Sql.BinaryType;
export const BooleanType = lazySqlValue('BooleanType', 'function');
export type BooleanType = Sql.BooleanType;
export const ByteType = lazySqlValue('ByteType', 'function');
export type ByteType = Sql.ByteType;
export const CalendarIntervalType = lazySqlValue('CalendarIntervalType', 'function');
export type CalendarIntervalType = Sql.CalendarIntervalType;
export const Column = lazySqlValue('Column', 'function');
export type Column = Sql.Column;
export const CsvRowConverter = lazySqlValue('CsvRowConverter', 'function');
export type CsvRowConverter = Sql.CsvRowConverter;
export const CsvSchemaInferrer = lazySqlValue('CsvSchemaInferrer', 'function');
export type CsvSchemaInferrer = Sql.CsvSchemaInferrer;
export const DataFrame = lazySqlValue('DataFrame', 'function');
export type DataFrame = Sql.DataFrame;
export const DataFrameNaFunctions = lazySqlValue('DataFrameNaFunctions', 'function');
export type DataFrameNaFunctions = Sql.DataFrameNaFunctions;
export const DataFrameReader = lazySqlValue('DataFrameReader', 'function');
export type DataFrameReader = Sql.DataFrameReader;
export const DataFrameStatFunctions = lazySqlValue('DataFrameStatFunctions', 'function');
export type DataFrameStatFunctions = Sql.DataFrameStatFunctions;
export const DataFrameWriter = lazySqlValue('DataFrameWriter', 'function');
export type DataFrameWriter = Sql.DataFrameWriter;
export const DataType = lazySqlValue('DataType', 'function');
export type DataType = Sql.DataType;
export const DateType = lazySqlValue('DateType', 'function');
export type DateType = Sql.DateType;
export const DayTimeIntervalType = lazySqlValue('DayTimeIntervalType', 'function');
export type DayTimeIntervalType = Sql.DayTimeIntervalType;
export const DecimalType = lazySqlValue('DecimalType', 'function');
export type DecimalType = Sql.DecimalType;
export const DoubleType = lazySqlValue('DoubleType', 'function');
export type DoubleType = Sql.DoubleType;
export const FloatType = lazySqlValue('FloatType', 'function');
export type FloatType = Sql.FloatType;
export const FractionalType = lazySqlValue('FractionalType', 'function');
export type FractionalType = Sql.FractionalType;
export const GroupedData = lazySqlValue('GroupedData', 'function');
export type GroupedData = Sql.GroupedData;
export const IntegerType = lazySqlValue('IntegerType', 'function');
export type IntegerType = Sql.IntegerType;
export const IntegralType = lazySqlValue('IntegralType', 'function');
export type IntegralType = Sql.IntegralType;
export const JsonRowConverter = lazySqlValue('JsonRowConverter', 'function');
export type JsonRowConverter = Sql.JsonRowConverter;
export const LocalRows = lazySqlValue('LocalRows', 'function');
export type LocalRows = Sql.LocalRows;
export const LongType = lazySqlValue('LongType', 'function');
export type LongType = Sql.LongType;
export const MalformedRecordError = lazySqlValue('MalformedRecordError', 'function');
export type MalformedRecordError = Sql.MalformedRecordError;
export const MapType = lazySqlValue('MapType', 'function');
export type MapType = Sql.MapType;
export const NullType = lazySqlValue('NullType', 'function');
export type NullType = Sql.NullType;
export const NumericType = lazySqlValue('NumericType', 'function');
export type NumericType = Sql.NumericType;
export const Observation = lazySqlValue('Observation', 'function');
export type Observation = Sql.Observation;
export const RangeRows = lazySqlValue('RangeRows', 'function');
export type RangeRows = Sql.RangeRows;
export const RddRows = lazySqlValue('RddRows', 'function');
export type RddRows = Sql.RddRows;
export const RuntimeConfig = lazySqlValue('RuntimeConfig', 'function');
export type RuntimeConfig = Sql.RuntimeConfig;
export const ShortType = lazySqlValue('ShortType', 'function');
export type ShortType = Sql.ShortType;
export const SqlSession = lazySqlValue('SqlSession', 'function');
export type SqlSession = Sql.SqlSession;
export const StringType = lazySqlValue('StringType', 'function');
export type StringType = Sql.StringType;
export const StructField = lazySqlValue('StructField', 'function');
export type StructField = Sql.StructField;
export const StructType = lazySqlValue('StructType', 'function');
export type StructType = Sql.StructType;
export const TimestampNTZType = lazySqlValue('TimestampNTZType', 'function');
export type TimestampNTZType = Sql.TimestampNTZType;
export const TimestampType = lazySqlValue('TimestampType', 'function');
export type TimestampType = Sql.TimestampType;
export const WindowSpec = lazySqlValue('WindowSpec', 'function');
export type WindowSpec = Sql.WindowSpec;
export const YearMonthIntervalType = lazySqlValue('YearMonthIntervalType', 'function');
export type YearMonthIntervalType = Sql.YearMonthIntervalType;

// Functions
export const arithmeticResultType = lazySqlValue('arithmeticResultType', 'function');
export const avgResultType = lazySqlValue('avgResultType', 'function');
export const boundedDecimal = lazySqlValue('boundedDecimal', 'function');
export const calendarIntervalText = lazySqlValue('calendarIntervalText', 'function');
export const canCast = lazySqlValue('canCast', 'function');
export const cast = lazySqlValue('cast', 'function');
export const castFunction = lazySqlValue('castFunction', 'function');
export const cellText = lazySqlValue('cellText', 'function');
export const col = lazySqlValue('col', 'function');
export const comparisonType = lazySqlValue('comparisonType', 'function');
export const csvColumnNames = lazySqlValue('csvColumnNames', 'function');
export const csvRecords = lazySqlValue('csvRecords', 'function');
export const csvSchema = lazySqlValue('csvSchema', 'function');
export const dataTypeFromJson = lazySqlValue('dataTypeFromJson', 'function');
export const dayTimeIntervalText = lazySqlValue('dayTimeIntervalText', 'function');
export const decimalArithmetic = lazySqlValue('decimalArithmetic', 'function');
export const decimalForIntegral = lazySqlValue('decimalForIntegral', 'function');
export const decimalToString = lazySqlValue('decimalToString', 'function');
export const defaultTimeZone = lazySqlValue('defaultTimeZone', 'function');
export const doubleToJavaString = lazySqlValue('doubleToJavaString', 'function');
export const escapeMetaCharacters = lazySqlValue('escapeMetaCharacters', 'function');
export const expr = lazySqlValue('expr', 'function');
export const findTightestCommonType = lazySqlValue('findTightestCommonType', 'function');
export const findWiderCommonType = lazySqlValue('findWiderCommonType', 'function');
export const findWiderTypeOf = lazySqlValue('findWiderTypeOf', 'function');
export const floatToJavaString = lazySqlValue('floatToJavaString', 'function');
export const forEachCsvRecord = lazySqlValue('forEachCsvRecord', 'function');
export const formatDate = lazySqlValue('formatDate', 'function');
export const formatTimestamp = lazySqlValue('formatTimestamp', 'function');
export const hasNullType = lazySqlValue('hasNullType', 'function');
export const implicitCastType = lazySqlValue('implicitCastType', 'function');
export const inferSchema = lazySqlValue('inferSchema', 'function');
export const inferType = lazySqlValue('inferType', 'function');
export const isPlainObject = lazySqlValue('isPlainObject', 'function');
export const jsonSchema = lazySqlValue('jsonSchema', 'function');
export const lit = lazySqlValue('lit', 'function');
export const lookupFunction = lazySqlValue('lookupFunction', 'function');
export const mergeTypes = lazySqlValue('mergeTypes', 'function');
export const parquetSchemaOf = lazySqlValue('parquetSchemaOf', 'function');
export const parseCsvOptions = lazySqlValue('parseCsvOptions', 'function');
export const parseDataType = lazySqlValue('parseDataType', 'function');
export const parseDate = lazySqlValue('parseDate', 'function');
export const parseJsonLine = lazySqlValue('parseJsonLine', 'function');
export const parseJsonOptions = lazySqlValue('parseJsonOptions', 'function');
export const parseTimestamp = lazySqlValue('parseTimestamp', 'function');
export const readCsvFiles = lazySqlValue('readCsvFiles', 'function');
export const readJsonFiles = lazySqlValue('readJsonFiles', 'function');
export const readParquetFile = lazySqlValue('readParquetFile', 'function');
export const registerFormatReader = lazySqlValue('registerFormatReader', 'function');
export const registerFormatWriter = lazySqlValue('registerFormatWriter', 'function');
export const registerFunction = lazySqlValue('registerFunction', 'function');
export const registerSqlFrontEnd = lazySqlValue('registerSqlFrontEnd', 'function');
export const rowGroupsToRead = lazySqlValue('rowGroupsToRead', 'function');
export const sessionFor = lazySqlValue('sessionFor', 'function');
export const showString = lazySqlValue('showString', 'function');
export const sparkSchemaOfParquet = lazySqlValue('sparkSchemaOfParquet', 'function');
export const stringHalfWidth = lazySqlValue('stringHalfWidth', 'function');
export const sumResultType = lazySqlValue('sumResultType', 'function');
export const timeZoneOffsetMillis = lazySqlValue('timeZoneOffsetMillis', 'function');
export const toExternal = lazySqlValue('toExternal', 'function');
export const toInternal = lazySqlValue('toInternal', 'function');
export const treeString = lazySqlValue('treeString', 'function');
export const tryCast = lazySqlValue('tryCast', 'function');
export const tryCastFunction = lazySqlValue('tryCastFunction', 'function');
export const writeParquetFile = lazySqlValue('writeParquetFile', 'function');
export const yearMonthIntervalText = lazySqlValue('yearMonthIntervalText', 'function');

// Namespaces
export const Window = lazySqlValue('Window', 'object');
export const functions = lazySqlValue('functions', 'object');
/** The types `functions` exports, for `F.LambdaColumn` where F is this stand-in. */
export declare namespace functions {
  type LambdaColumn = Sql.functions.LambdaColumn;
  type FormatOptions = Sql.functions.FormatOptions;
  type SchemaArgument = Sql.functions.SchemaArgument;
  type UserDefinedFunction = Sql.functions.UserDefinedFunction;
}

// Constants (a primitive cannot stand in for itself; the test compares them with @flint/sql's)
export const SQL_PACKAGE = '@flint/sql';
export const DECIMAL_MAX_PRECISION = 38;
