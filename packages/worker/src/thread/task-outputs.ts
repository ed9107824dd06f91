/** What a task does with its computed records, by the kind of stage it belongs to. */
import { eachRecord, encode, partitionFunction, recordsToArray } from '@flint/rdd';
import type { StageOutput } from '../stage-spec.js';
import { writePartFile } from './part-files.js';

export interface WrittenOutput {
  result?: Uint8Array;
  buckets?: Uint8Array[];
}

export function writeOutput(output: StageOutput, records: Iterable<unknown>, partition: number, attempt: number): WrittenOutput {
  switch (output.kind) {
    case 'collect':
      return { result: encode(recordsToArray(records)) };
    case 'shuffle':
      return { buckets: bucketize(records, output.partitioner) };
    case 'saveText': {
      let text = '';
      eachRecord(records, (record) => {
        text += `${String(record)}\n`;
      });
      writePartFile(output.dir, partition, attempt, text);
      return { result: encode([]) };
    }
    case 'checkpoint':
      writePartFile(output.dir, partition, attempt, encode(recordsToArray(records)));
      return { result: encode([]) };
  }
}

/** Splits a map task's [key, value] records into one encoded bucket per reduce partition. */
function bucketize(records: Iterable<unknown>, partitioner: Parameters<typeof partitionFunction>[0]): Uint8Array[] {
  const partitionOf = partitionFunction(partitioner);
  const buckets: unknown[][] = Array.from({ length: partitioner.numPartitions }, () => []);
  eachRecord(records, (record) => {
    if (!Array.isArray(record)) {
      throw new TypeError(`a shuffle needs [key, value] pairs, got ${typeof record}: ${String(record).slice(0, 60)}`);
    }
    buckets[partitionOf(record[0])].push(record);
  });
  return buckets.map((bucket) => encode(bucket));
}
