/** What a task does with its computed records, by the kind of stage it belongs to. */
import { eachRecord, encode, partitionFunction, recordsToArray, recordToJson } from '@flint/rdd';
import type { StageOutput } from '../stage-spec.js';
import { writePartFile } from './part-files.js';
import { CODEC_EXTENSIONS, compress } from './compression.js';
import { encodeObjectFile } from './object-file.js';
import { encodeSequenceFile, type SequenceCodec } from './sequence-file/sequence-file.js';

export interface WrittenOutput {
  result?: Uint8Array;
  buckets?: Uint8Array[];
}

const NOTHING = encode([]);

export async function writeOutput(output: StageOutput, records: Iterable<unknown>, partition: number, attempt: number): Promise<WrittenOutput> {
  switch (output.kind) {
    case 'collect':
      return { result: encode(recordsToArray(records)) };
    case 'shuffle':
      return { buckets: bucketize(records, output.partitioner) };
    case 'saveText': {
      const text = textLines(records, output.keyValue ? keyValueLine : String);
      if (output.codec) await writePartFile(output.dir, partition, attempt, compress(text, output.codec), undefined, CODEC_EXTENSIONS[output.codec]);
      else await writePartFile(output.dir, partition, attempt, text);
      return { result: NOTHING };
    }
    case 'saveSequence':
      await writePartFile(output.dir, partition, attempt, encodeSequenceFile(records, sequenceOptions(output)));
      return { result: NOTHING };
    case 'saveObjects':
      await writePartFile(output.dir, partition, attempt, encodeObjectFile(records, output.batchSize));
      return { result: NOTHING };
    case 'store': {
      const data = output.format === 'binary' ? encode(recordsToArray(records)) : textLines(records, recordToJson);
      await writePartFile(output.dir, partition, attempt, data, output.replication);
      return { result: NOTHING };
    }
  }
}

function textLines(records: Iterable<unknown>, format: (record: unknown) => string): Uint8Array {
  const lines: string[] = [];
  eachRecord(records, (record) => {
    lines.push(format(record));
  });
  return Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
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

/** A [key, value] record as Hadoop's TextOutputFormat writes it: `key<TAB>value`, leaving out a null side. */
function keyValueLine(record: unknown): string {
  if (!Array.isArray(record) || record.length !== 2) throw new TypeError(`TextOutputFormat writes [key, value] pairs, got ${typeof record}`);
  const [key, value] = record as [unknown, unknown];
  if (key === null || key === undefined) return value === null || value === undefined ? '' : String(value);
  return value === null || value === undefined ? String(key) : `${String(key)}\t${String(value)}`;
}

function sequenceOptions(output: Extract<StageOutput, { kind: 'saveSequence' }>): Parameters<typeof encodeSequenceFile>[1] {
  return { compression: output.compression, codec: output.codec as SequenceCodec | undefined, keyClass: output.keyClass, valueClass: output.valueClass };
}
