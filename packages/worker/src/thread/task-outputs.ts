/** What a task does with its computed records, by the kind of stage it belongs to. */
import { eachRecord, encode, partitionFunction, recordsToArray, recordToJson, type KeyValueClasses } from '@flint/rdd';
import type { StageOutput } from '../stage-spec.js';
import { writePartFile } from './part-files.js';
import { CODEC_EXTENSIONS, compress } from './compression.js';
import { encodeObjectFile } from './object-file.js';
import { encodeSequenceFile, type SequenceCodec } from './sequence-file/sequence-file.js';
import { writableText } from './sequence-file/writables.js';

export interface WrittenOutput {
  result?: Uint8Array;
  buckets?: Uint8Array[];
  /** Records the task wrote (to the driver, shuffle buckets or files): the task's recordsOut. */
  recordsWritten: number;
  /** Bytes of what it wrote: the encoded result, the buckets, or the part file's data. */
  bytesWritten: number;
}

const NOTHING = encode([]);

export async function writeOutput(output: StageOutput, records: Iterable<unknown>, partition: number, attempt: number): Promise<WrittenOutput> {
  switch (output.kind) {
    case 'collect': {
      const all = recordsToArray(records);
      const result = encode(all);
      return { result, recordsWritten: all.length, bytesWritten: result.length };
    }
    case 'shuffle': {
      const { buckets, recordsWritten } = bucketize(records, output.partitioner);
      return { buckets, recordsWritten, bytesWritten: buckets.reduce((sum, bucket) => sum + bucket.length, 0) };
    }
    case 'saveText': {
      const { text, lines } = textLines(records, output.keyValue ? keyValueLine(output.keyValue) : String);
      const data = output.codec ? compress(text, output.codec) : text;
      if (output.codec) await writePartFile(output.dir, partition, attempt, data, undefined, CODEC_EXTENSIONS[output.codec]);
      else await writePartFile(output.dir, partition, attempt, data);
      return { result: NOTHING, recordsWritten: lines, bytesWritten: data.length };
    }
    case 'saveSequence': {
      const all = recordsToArray(records);
      return savedPart(output.dir, partition, attempt, all.length, encodeSequenceFile(all, sequenceOptions(output)));
    }
    case 'saveObjects': {
      const all = recordsToArray(records);
      return savedPart(output.dir, partition, attempt, all.length, encodeObjectFile(all, output.batchSize));
    }
    case 'store': {
      if (output.format === 'binary') {
        const all = recordsToArray(records);
        return savedPart(output.dir, partition, attempt, all.length, encode(all), output.replication);
      }
      const { text, lines } = textLines(records, recordToJson);
      return savedPart(output.dir, partition, attempt, lines, text, output.replication);
    }
  }
}

async function savedPart(dir: string, partition: number, attempt: number, records: number, data: Uint8Array, replication?: number): Promise<WrittenOutput> {
  await writePartFile(dir, partition, attempt, data, replication);
  return { result: NOTHING, recordsWritten: records, bytesWritten: data.length };
}

function textLines(records: Iterable<unknown>, format: (record: unknown) => string): { text: Uint8Array; lines: number } {
  const lines: string[] = [];
  eachRecord(records, (record) => {
    lines.push(format(record));
  });
  return { text: Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`), lines: lines.length };
}

/** Splits a map task's [key, value] records into one encoded bucket per reduce partition. */
function bucketize(records: Iterable<unknown>, partitioner: Parameters<typeof partitionFunction>[0]): { buckets: Uint8Array[]; recordsWritten: number } {
  const partitionOf = partitionFunction(partitioner);
  const buckets: unknown[][] = Array.from({ length: partitioner.numPartitions }, () => []);
  let recordsWritten = 0;
  eachRecord(records, (record) => {
    recordsWritten++;
    if (!Array.isArray(record)) {
      throw new TypeError(`a shuffle needs [key, value] pairs, got ${typeof record}: ${String(record).slice(0, 60)}`);
    }
    buckets[partitionOf(record[0])].push(record);
  });
  return { buckets: buckets.map((bucket) => encode(bucket)), recordsWritten };
}

/** [key, value] records as Hadoop's TextOutputFormat writes them: `key<TAB>value`, leaving out a null side, each as its Writable prints. */
function keyValueLine({ keyClass, valueClass }: KeyValueClasses): (record: unknown) => string {
  return (record) => {
    if (!Array.isArray(record) || record.length !== 2) throw new TypeError(`TextOutputFormat writes [key, value] pairs, got ${typeof record}`);
    const [key, value] = record as [unknown, unknown];
    if (key === null || key === undefined) return value === null || value === undefined ? '' : writableText(value, valueClass);
    return value === null || value === undefined ? writableText(key, keyClass) : `${writableText(key, keyClass)}\t${writableText(value, valueClass)}`;
  };
}

function sequenceOptions(output: Extract<StageOutput, { kind: 'saveSequence' }>): Parameters<typeof encodeSequenceFile>[1] {
  return { compression: output.compression, codec: output.codec as SequenceCodec | undefined, keyClass: output.keyClass, valueClass: output.valueClass };
}
