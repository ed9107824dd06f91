/**
 * The file a task is reading, for `input_file_name()` (Spark's InputFileBlockHolder): a reader
 * sets it while it reads each split's rows and clears it when it is done, so rows read after a
 * shuffle, or from no file, see ''. A task thread runs one task at a time, so one holder per
 * thread (a global) is enough.
 */
import { pathToFileURL } from 'node:url';
import type { RDD } from '@flint/rdd';

const HOLDER = 'flint.sql.inputFileName';

const HOLDER_CODE = `globalThis[Symbol.for('${HOLDER}')]`;

/** Generated code's expression for the current input file ('' when none). */
export const INPUT_FILE_NAME_CODE = `(${HOLDER_CODE} ?? '')`;

/** A local path or URI as the URI input_file_name() shows (`file:///...` for a local file). */
export const fileUri = (path: string): string => (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : pathToFileURL(path).href);

/** Generated statements that run `body` with the URI `uriCode` (a JavaScript expression) as the input file. */
export function whileReadingCode(uriCode: string, body: string): string {
  return `${HOLDER_CODE} = ${uriCode};\ntry {\n${body}\n} finally {\n${HOLDER_CODE} = '';\n}`;
}

/** The URI of the file each partition of a textFile RDD (or a union of them) reads: a DFS block split's file is `dfs://namenode/path`. */
export function partitionFileUris(lines: RDD<unknown>): string[] {
  const node = lines.node;
  if (node.kind === 'textFile') return node.splits.map((split) => fileUri(split.path));
  if (node.kind === 'union' && !node.partitionerAware) return node.parents.flatMap(partitionFileUris);
  throw new Error(`internal error: no input files for a ${node.kind} RDD`);
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
