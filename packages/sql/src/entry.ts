/**
 * `import '@flint/sql'`: the bundle when it is current, else the plain modules (bundle-freshness.cts).
 * The bundle gets @flint/rdd as imported here, and the plain modules are imported rather than
 * require()d: a require() hook that compiles ES modules itself (tsx's) would answer require() with a
 * second copy. Types come from index.d.ts (package.json).
 */
import * as rdd from '@flint/rdd';
import { loadsBundle } from './bundle-freshness.cjs';
import { bundledLayer } from './bundled-layer.cjs';

const layer = (loadsBundle() ? bundledLayer(rdd) : await import('./index.js')) as typeof import('./index.js');

export const {
  AnalysisException, ArrayType, AtomicType, BinaryType, BooleanType, ByteType, CalendarIntervalType,
  Column, CsvRowConverter, CsvSchemaInferrer, DECIMAL_MAX_PRECISION, DataFrame,
  DataFrameNaFunctions, DataFrameReader, DataFrameStatFunctions, DataFrameWriter, DataType,
  DateType, DayTimeIntervalType, DecimalType, DoubleType, FloatType, FractionalType, GroupedData,
  IntegerType, IntegralType, JsonRowConverter, LocalRows, LongType, MalformedRecordError, MapType,
  NullType, NumericType, Observation, RangeRows, RddRows, RuntimeConfig, SQL_PACKAGE, ShortType,
  SqlSession, StringType, StructField, StructType, TimestampNTZType, TimestampType, Window,
  WindowSpec, YearMonthIntervalType, arithmeticResultType, avgResultType, boundedDecimal,
  calendarIntervalText, canCast, cast, castFunction, cellText, col, comparisonType, csvColumnNames,
  csvRecords, csvSchema, dataTypeFromJson, dayTimeIntervalText, decimalArithmetic,
  decimalForIntegral, decimalToString, defaultTimeZone, doubleToJavaString, escapeMetaCharacters,
  expr, findTightestCommonType, findWiderCommonType, findWiderTypeOf, floatToJavaString,
  forEachCsvRecord, formatDate, formatTimestamp, functions, hasNullType, implicitCastType,
  inferSchema, inferType, isPlainObject, jsonSchema, lit, lookupFunction, mergeTypes,
  parquetSchemaOf, parseCsvOptions, parseDataType, parseDate, parseJsonLine, parseJsonOptions,
  parseTimestamp, readCsvFiles, readJsonFiles, readParquetFile, registerFormatReader,
  registerFormatWriter, registerFunction, registerSqlFrontEnd, rowGroupsToRead, sessionFor,
  showString, sparkSchemaOfParquet, stringHalfWidth, sumResultType, timeZoneOffsetMillis,
  toExternal, toInternal, treeString, tryCast, tryCastFunction, writeParquetFile,
  yearMonthIntervalText,
} = layer;

// Every value index.ts exports is exported here: tsc fails naming the one missing.
type Missing = Exclude<keyof typeof import('./index.js'), keyof typeof import('./entry.js')>;
const everyExport: [Missing] extends [never] ? true : Missing = true;
void everyExport;
