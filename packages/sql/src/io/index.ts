export { readCsvFiles, csvSchema, type TextFile, type ReadResult } from './csv/csv-reader.js';
export { parseCsvOptions, type CsvOptions } from './csv/csv-options.js';
export { csvRecords, forEachCsvRecord, type CsvRecord, type CsvTokenizerOptions } from './csv/csv-tokenizer.js';
export { CsvRowConverter } from './csv/csv-row-converter.js';
export { CsvSchemaInferrer, csvColumnNames } from './csv/csv-infer.js';
export { readJsonFiles, jsonSchema, JsonRowConverter, parseJsonLine } from './json/json-reader.js';
export { parseJsonOptions, type JsonOptions } from './json/json-options.js';
export { MalformedRecordError, type ParseMode } from './parse-mode.js';
export type { ReaderOptions, ReaderOptionValue } from './reader-options.js';
