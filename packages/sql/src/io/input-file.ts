/**
 * The file block a task is reading, for `input_file_name()`, `input_file_block_start()` and
 * `input_file_block_length()` (Spark's InputFileBlockHolder): a reader sets it while it reads
 * each split's rows and clears it when it is done, so rows read after a shuffle, or from no file,
 * see '', -1 and -1. A task thread runs one task at a time, so one holder per thread (a global) is
 * enough.
 */
import { pathToFileURL } from 'node:url';
import type { RDD } from '@flint/rdd';

/** A file's URI and the byte range of it being read (-1, -1 when unknown). */
export type FileBlock = readonly [uri: string, start: number, length: number];

const HOLDER = 'flint.sql.inputFileBlock';

const HOLDER_CODE = `globalThis[Symbol.for('${HOLDER}')]`;

/** Generated code's expressions for the current input file ('' when none) and its block's start and length (-1 when none). */
export const INPUT_FILE_NAME_CODE = `(${HOLDER_CODE}?.[0] ?? '')`;
export const INPUT_FILE_BLOCK_START_CODE = `(${HOLDER_CODE}?.[1] ?? -1)`;
export const INPUT_FILE_BLOCK_LENGTH_CODE = `(${HOLDER_CODE}?.[2] ?? -1)`;

/** A local path or URI as the URI input_file_name() shows (`file:///...` for a local file). */
export const fileUri = (path: string): string => (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : pathToFileURL(path).href);

/** Generated statements that run `body` with the block `blockCode` (a JavaScript expression of a FileBlock) as the input file's. */
export function whileReadingCode(blockCode: string, body: string): string {
  return `${HOLDER_CODE} = ${blockCode};\ntry {\n${body}\n} finally {\n${HOLDER_CODE} = undefined;\n}`;
}

/** The block each partition of a textFile RDD (or a union of them) reads: a DFS block split's file is `dfs://namenode/path`. */
export function partitionFileBlocks(lines: RDD<unknown>): FileBlock[] {
  const node = lines.node;
  if (node.kind === 'textFile') return node.splits.map((split): FileBlock => [fileUri(split.path), split.start, split.length]);
  if (node.kind === 'union' && !node.partitionerAware) return node.parents.flatMap(partitionFileBlocks);
  throw new Error(`internal error: no input files for a ${node.kind} RDD`);
}

/** A split of a file: a byte range of it. */
interface FileSplit {
  readonly path: string;
  readonly start: number;
  readonly length: number;
}

const splitBlock = (split: FileSplit): FileBlock => [fileUri(split.path), split.start, split.length];

/** Reads the splits one by one, each split's block (its file as a URI, like Spark's) the input file's while its rows are read. */
export function* readingFiles<S, T>(splits: Iterable<S>, read: (split: S) => Iterable<T>, blockOf: (split: S) => FileBlock = splitBlock as (split: S) => FileBlock): Generator<T> {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(HOLDER);
  try {
    for (const split of splits) {
      holder[key] = blockOf(split);
      yield* read(split);
    }
  } finally {
    holder[key] = undefined;
  }
}
