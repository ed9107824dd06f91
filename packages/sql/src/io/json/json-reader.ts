/**
 * Reading JSON lines (one JSON document per line; a line holding an array gives one row per
 * element) into a schema and rows, with Spark's inference and parse modes. A line that is not
 * JSON, or not an object, is malformed; so is a field whose value does not fit its column.
 * PERMISSIVE keeps a malformed line's row (bad fields null) with the line in the corrupt-record
 * column; when inferring, that column is added (first) if any line was malformed.
 */
import { StringType, StructField, StructType } from '../../types/index.js';
import type { ReadResult, TextFile } from '../csv/csv-reader.js';
import { MalformedRecordError } from '../parse-mode.js';
import type { ReaderOptions } from '../reader-options.js';
import { INVALID } from '../values/parse-value.js';
import { canonicalJsonType, inferJsonValueType, mergeJsonTypes } from './json-infer.js';
import { parseJsonOptions, type JsonOptions } from './json-options.js';
import { JsonFraction, JsonSyntaxError, parseJsonDocument } from './json-parser.js';
import { makeJsonConverter, type JsonConverter } from './json-value-converter.js';

interface JsonLine {
  file: string;
  line: number;
  text: string;
  /** The line's documents, or the reason it is malformed. */
  documents: Record<string, unknown>[] | string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonFraction);
}

export function parseJsonLine(text: string): Record<string, unknown>[] | string {
  let value: unknown;
  try {
    value = parseJsonDocument(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return `not valid JSON (${e.message})`;
    throw e;
  }
  if (isObject(value)) return [value];
  if (Array.isArray(value) && value.every(isObject)) return value;
  return 'not a JSON object';
}

function jsonLines(files: readonly TextFile[]): JsonLine[] {
  const out: JsonLine[] = [];
  for (const file of files) {
    const lines = file.text.split(/\r?\n/);
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      out.push({ file: file.path, line: i + 1, text, documents: parseJsonLine(text) });
    });
  }
  return out;
}

function inferSchema(lines: readonly JsonLine[], options: JsonOptions): StructType {
  let type: StructType = new StructType([]);
  let malformed = false;
  for (const line of lines) {
    if (typeof line.documents === 'string') {
      if (options.mode === 'FAILFAST') throw new MalformedRecordError('JSON', line, line.documents);
      malformed = true;
      continue;
    }
    for (const doc of line.documents) type = mergeJsonTypes(type, inferJsonValueType(doc, options)) as StructType;
  }
  const schema = canonicalJsonType(type) as StructType;
  if (malformed && options.mode === 'PERMISSIVE' && !schema.fieldNames().includes(options.columnNameOfCorruptRecord)) {
    return new StructType([new StructField(options.columnNameOfCorruptRecord, new StringType(), true), ...schema.fields]);
  }
  return schema;
}

/** Converts documents to rows of one schema, applying the parse mode. */
export class JsonRowConverter {
  private readonly fields: { name: string; position: number; convert: JsonConverter }[];
  private readonly corruptPosition: number;

  constructor(
    private readonly schema: StructType,
    private readonly options: JsonOptions,
    columns?: readonly number[],
  ) {
    this.corruptPosition = schema.fields.findIndex((f) => f.name === options.columnNameOfCorruptRecord);
    const asked = new Set(columns ?? schema.fields.map((_, i) => i));
    this.fields = schema.fields
      .map((f, position) => ({ name: f.name, position, convert: makeJsonConverter(f.dataType, options) }))
      .filter((f) => f.position !== this.corruptPosition && asked.has(f.position));
  }

  /** The rows of one line (none when DROPMALFORMED drops it); throws in FAILFAST mode. */
  convertLine(line: { file: string; line: number; text: string }, documents: Record<string, unknown>[] | string): unknown[][] {
    if (typeof documents === 'string') return this.malformed([this.emptyRow()], line, documents);
    const rows: unknown[][] = [];
    let problem: string | undefined;
    for (const doc of documents) {
      const row = this.emptyRow();
      for (const f of this.fields) {
        if (!(f.name in doc)) continue;
        const value = f.convert(doc[f.name]);
        if (value === INVALID) {
          problem ??= `field '${f.name}' has ${JSON.stringify(doc[f.name] instanceof JsonFraction ? (doc[f.name] as JsonFraction).value : doc[f.name])}, not a ${this.schema.fields[f.position].dataType.simpleString()}`;
          continue;
        }
        row[f.position] = value;
      }
      rows.push(row);
    }
    return problem === undefined ? rows : this.malformed(rows, line, problem);
  }

  private emptyRow(): unknown[] {
    return new Array<unknown>(this.schema.fields.length).fill(null);
  }

  private malformed(rows: unknown[][], line: { file: string; line: number; text: string }, problem: string): unknown[][] {
    switch (this.options.mode) {
      case 'FAILFAST':
        throw new MalformedRecordError('JSON', line, problem);
      case 'DROPMALFORMED':
        return [];
      default:
        if (this.corruptPosition >= 0) for (const row of rows) row[this.corruptPosition] = line.text;
        return rows;
    }
  }
}

/** The schema the reader produces for these files and options. */
export function jsonSchema(files: readonly TextFile[], rawOptions: ReaderOptions = {}): StructType {
  const options = parseJsonOptions(rawOptions);
  return options.schema ?? inferSchema(jsonLines(files), options);
}

/** Reads JSON-lines files (Spark's `spark.read.json(paths, **options)`) into a schema and rows. */
export function readJsonFiles(files: readonly TextFile[], rawOptions: ReaderOptions = {}, columns?: readonly number[]): ReadResult {
  const options = parseJsonOptions(rawOptions);
  const lines = jsonLines(files);
  const schema = options.schema ?? inferSchema(lines, options);
  const converter = new JsonRowConverter(schema, options, columns);
  const rows: unknown[][] = [];
  for (const line of lines) rows.push(...converter.convertLine(line, line.documents));
  return { schema, rows };
}
