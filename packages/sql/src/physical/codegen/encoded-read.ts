/**
 * The generated read of a column that may be dictionary-encoded — a Parquet scan batch's string
 * column (pipeline.ts) or a broadcast table's dictionary column (broadcast-probe.ts): the row's
 * entry in `codes` is its value when `dictionary` is undefined, else the index of its value in
 * the dictionary. A consumer that recognizes the read (encodedRead) can work on the codes (the
 * group-by's word table numbers a dictionary once instead of hashing a string per row).
 */
export interface EncodedRead {
  /** The code of the row's entry, e.g. `col3[scanRow]`. */
  readonly codes: string;
  /** The code of the dictionary (an array, or undefined when the entries are the values). */
  readonly dictionary: string;
}

/** The value of row `row` of the column `codes` that may be encoded with `dictionary`. */
export const encodedValue = (dictionary: string, codes: string, row: string): string =>
  `(${dictionary} === undefined ? ${codes}[${row}] : ${dictionary}[${codes}[${row}]])`;

/** The read when `code` is encodedValue's, else undefined. */
export function encodedRead(code: string): EncodedRead | undefined {
  const match = /^\((\w+) === undefined \? (\w+\[\w+\]) : \1\[\2\]\)$/.exec(code);
  return match === null ? undefined : { dictionary: match[1], codes: match[2] };
}
