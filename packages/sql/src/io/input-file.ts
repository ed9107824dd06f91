/**
 * The file a task is reading, for `input_file_name()` (Spark's InputFileBlockHolder): a reader
 * sets it while it reads each split's rows and clears it when it is done, so rows read after a
 * shuffle, or from no file, see ''. A task thread runs one task at a time, so one holder per
 * thread (a global) is enough.
 */
import { pathToFileURL } from 'node:url';

const HOLDER = 'flint.sql.inputFileName';

/** Generated code's expression for the current input file ('' when none). */
export const INPUT_FILE_NAME_CODE = `(globalThis[Symbol.for('${HOLDER}')] ?? '')`;

/** Reads the splits one by one, each split's file (as a URI, like Spark's) the input file while its rows are read. */
export function* readingFiles<S extends { path: string }, T>(splits: Iterable<S>, read: (split: S) => Iterable<T>): Generator<T> {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(HOLDER);
  try {
    for (const split of splits) {
      holder[key] = /^[a-z][a-z0-9+.-]*:\/\//i.test(split.path) ? split.path : pathToFileURL(split.path).href;
      yield* read(split);
    }
  } finally {
    holder[key] = '';
  }
}
