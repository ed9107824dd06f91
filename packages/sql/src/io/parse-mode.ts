/**
 * What a reader does with a malformed record (Spark's ParseMode): PERMISSIVE keeps it with
 * nulls for the bad fields (and the raw text in the corrupt-record column, if the schema has
 * one), DROPMALFORMED drops it, FAILFAST fails the read naming the file, line and field.
 */
export type ParseMode = 'PERMISSIVE' | 'DROPMALFORMED' | 'FAILFAST';

export function parseMode(text: string | undefined): ParseMode {
  if (text === undefined) return 'PERMISSIVE';
  const upper = text.toUpperCase();
  if (upper === 'PERMISSIVE' || upper === 'DROPMALFORMED' || upper === 'FAILFAST') return upper;
  throw new Error(`mode must be PERMISSIVE, DROPMALFORMED or FAILFAST, got '${text}'`);
}

/** Where a record came from, for error messages. */
export interface RecordLocation {
  file: string;
  /** 1-based line number where the record starts. */
  line: number;
  /** The line is counted from the start of a DFS split, not of the file. */
  inSplit?: boolean;
}

/** The FAILFAST error: one line naming the file, the line and what was wrong. */
export class MalformedRecordError extends Error {
  constructor(
    readonly format: string,
    readonly location: RecordLocation,
    readonly problem: string,
  ) {
    super(
      `[MALFORMED_RECORD_IN_PARSING] Malformed ${format} record in ${location.file} at line ${location.line}${location.inSplit ? ' of a DFS split' : ''}: ${problem}. ` +
        "Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.",
    );
    this.name = 'MalformedRecordError';
  }
}

/**
 * FAILFAST in from_json/from_csv: Spark's error, naming the bad record (the partial row as
 * `rowText` prints it, or a JSON array's text) and, for a JSON array read as a struct, why.
 */
export function malformedRecordError(badRecord: string, subclass = 'WITHOUT_SUGGESTION'): Error {
  const why = subclass === 'CANNOT_PARSE_JSON_ARRAYS_AS_STRUCTS' ? ' Parsing JSON arrays as structs is forbidden.' : '';
  return new Error(
    `[MALFORMED_RECORD_IN_PARSING.${subclass}] Malformed records are detected in record parsing: ${badRecord}. Parse Mode: FAILFAST. ` +
      `To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.${why} SQLSTATE: 22023`,
  );
}

/** A partial row as Spark's InternalRow prints it: `[1,null]`. */
export function rowText(values: readonly unknown[]): string {
  return `[${values.map((v) => (v === null || v === undefined ? 'null' : String(v))).join(',')}]`;
}

/** from_json and from_csv read PERMISSIVE or FAILFAST only. */
export function unsupportedParseMode(functionName: string, mode: ParseMode): Error {
  return new Error(
    `[PARSE_MODE_UNSUPPORTED] The function \`${functionName}\` doesn't support the ${mode} mode. Acceptable modes are PERMISSIVE and FAILFAST. SQLSTATE: 42601`,
  );
}
