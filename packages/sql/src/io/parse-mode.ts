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
