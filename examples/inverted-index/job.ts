import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { capture, type FlintContext, type RDD } from '@flint/driver';
import { inputFiles } from '../shared/read-lines.js';

/** A word and the sorted ids of the documents it occurs in. */
export type IndexEntry = [string, string[]];

/**
 * `[docId, text]` records from a directory holding one text file per document (id: the file name
 * without extension). One RDD per file, united and coalesced: many small files would otherwise
 * make as many tiny map tasks, and the shuffle after them as many reduce partitions.
 */
export function documentsFromFiles(fc: FlintContext, dir: string): RDD<[string, string]> {
  const files = inputFiles(dir);
  if (files.length === 0) throw new Error(`no documents in ${dir}`);
  const perFile = files.map((file) =>
    fc.textFile(file, 1).map(capture({ docId: basename(file, extname(file)) }, (line, { docId }): [string, string] => [docId, line])),
  );
  return fc.union(perFile).coalesce(fc.defaultParallelism);
}

/** `[docId, text]` records from JSON lines (a file, directory or glob); a document may span lines. */
export function documentsFromLines(fc: FlintContext, input: string, minPartitions?: number): RDD<[string, string]> {
  return fc
    .textFile(input, minPartitions)
    .filter((line) => line.length > 0)
    .map((line): [string, string] => {
      const record: unknown = JSON.parse(line);
      if (!Array.isArray(record) || record.length !== 2 || !record.every((field) => typeof field === 'string')) {
        throw new Error(`malformed document record (want ["docId", "text"]): ${line}`);
      }
      return [record[0], record[1]];
    });
}

/**
 * Word → sorted ids of the documents containing it, in word order. Words are lower-cased runs of
 * ASCII letters and digits.
 */
export function invertedIndex(documents: RDD<[string, string]>): RDD<IndexEntry> {
  return documents
    .flatMap(([docId, text]) =>
      Array.from(new Set(text.toLowerCase().match(/[a-z0-9]+/g)), (word): [string, string] => [word, docId]),
    )
    .groupByKey()
    .mapValues((docIds) => [...new Set(docIds)].sort())
    .sortByKey();
}

/**
 * The index of `input`: a directory is read as one document per file, anything else as
 * JSON lines of `[docId, text]`.
 */
export function buildInvertedIndex(fc: FlintContext, input: string, minPartitions?: number): Promise<IndexEntry[]> {
  const documents = statSync(input, { throwIfNoEntry: false })?.isDirectory()
    ? documentsFromFiles(fc, input)
    : documentsFromLines(fc, input, minPartitions);
  return invertedIndex(documents).collect();
}
