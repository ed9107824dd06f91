/**
 * The file a task is reading, for `input_file_name()` (Spark's InputFileBlockHolder): a reader
 * sets it while it reads each split's rows and clears it when it is done, so rows read after a
 * shuffle, or from no file, see ''. A task thread runs one task at a time, so one holder per
 * thread (a global) is enough.
 */
import { pathToFileURL } from 'node:url';

const HOLDER = 'flint.sql.inputFileName';

const HOLDER_CODE = `globalThis[Symbol.for('${HOLDER}')]`;

/** Generated code's expression for the current input file ('' when none). */
export const INPUT_FILE_NAME_CODE = `(${HOLDER_CODE} ?? '')`;

/** A local path or URI as the URI input_file_name() shows (`file:///...` for a local file). */
export const fileUri = (path: string): string => (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : pathToFileURL(path).href);

/** Generated statements that run `body` with `path` as the input file. */
export function whileReadingCode(path: string, body: string): string {
  return `${HOLDER_CODE} = ${JSON.stringify(fileUri(path))};\ntry {\n${body}\n} finally {\n${HOLDER_CODE} = '';\n}`;
}

/** Reads the splits one by one, each split's file (as a URI, like Spark's) the input file while its rows are read. */
export function* readingFiles<S extends { path: string }, T>(splits: Iterable<S>, read: (split: S) => Iterable<T>): Generator<T> {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(HOLDER);
  try {
    for (const split of splits) {
      holder[key] = fileUri(split.path);
      yield* read(split);
    }
  } finally {
    holder[key] = '';
  }
}
