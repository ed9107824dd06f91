/**
 * Micro-benchmarks: msgpack encode/decode of a partition (tinybench, in this process), and
 * shuffle throughput in both modes on local-cluster[2,1] (records through a hash shuffle).
 */
import { Bench } from 'tinybench';
import { decode, encode } from '@flint/rdd';
import { seededRandom } from '../../examples/shared/random.js';
import { MODES, onFreshCluster, type Mode } from './bench-cluster.js';
import { median } from './stats.js';

export interface CodecResult {
  readonly partition: string;
  readonly records: number;
  readonly bytes: number;
  readonly encodeMBps: number;
  readonly decodeMBps: number;
  readonly encodeRecordsPerS: number;
  readonly decodeRecordsPerS: number;
}

export interface ShuffleResult {
  readonly mode: Mode;
  readonly records: number;
  /** msgpack bytes of the shuffled records, as one encoded array. */
  readonly bytes: number;
  readonly medianMs: number;
  readonly recordsPerS: number;
  readonly MBps: number;
}

const PARTITION_RECORDS = 50_000;

/** Partitions shaped like the benchmark's: word counts, labelled points, graph links. */
function samplePartitions(): { name: string; records: unknown[] }[] {
  const random = seededRandom(7);
  return [
    { name: '[word, count] pairs', records: Array.from({ length: PARTITION_RECORDS }, (_, i) => [`word${i % 5_000}`, i]) },
    { name: '[label, 11 doubles] points', records: Array.from({ length: PARTITION_RECORDS }, () => [random() < 0.5 ? -1 : 1, Array.from({ length: 11 }, () => random())]) },
    { name: '[vertex, 8 neighbours] links', records: Array.from({ length: PARTITION_RECORDS }, (_, i) => [i, Array.from({ length: 8 }, () => Math.floor(random() * 1e6))]) },
  ];
}

export async function codecBenchmarks(): Promise<CodecResult[]> {
  const results: CodecResult[] = [];
  for (const { name, records } of samplePartitions()) {
    const bytes = encode(records);
    const bench = new Bench({ time: 1_000, warmupTime: 200 });
    bench.add('encode', () => void encode(records)).add('decode', () => void decode(bytes));
    await bench.run();
    const [encodeMs, decodeMs] = bench.tasks.map((task) => {
      if (task.result.state !== 'completed') throw new Error(`tinybench task ${task.name} ended ${task.result.state}`);
      return task.result.latency.mean;
    });
    results.push({
      partition: name,
      records: records.length,
      bytes: bytes.length,
      encodeMBps: bytes.length / 1e3 / encodeMs,
      decodeMBps: bytes.length / 1e3 / decodeMs,
      encodeRecordsPerS: (records.length * 1e3) / encodeMs,
      decodeRecordsPerS: (records.length * 1e3) / decodeMs,
    });
    console.log(`  msgpack ${name}: encode ${(bytes.length / 1e3 / encodeMs).toFixed(0)} MB/s, decode ${(bytes.length / 1e3 / decodeMs).toFixed(0)} MB/s`);
  }
  return results;
}

/** `records` [key, 10-char string] pairs generated on the workers, hash-shuffled into 4 partitions and counted. */
export async function shuffleBenchmarks(records: number, rounds: number): Promise<ShuffleResult[]> {
  const bytes = encode(Array.from({ length: records }, (_, i) => [i, `value-${String(i % 1e4).padStart(4, '0')}`])).length;
  const results: ShuffleResult[] = [];
  for (const mode of MODES) {
    const timesMs = await onFreshCluster(mode, `bench-shuffle-${mode}`, [], async (fc) => {
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        const count = await fc
          .range(0, records, 1, 4)
          .map((i): [number, string] => [i, `value-${String(i % 1e4).padStart(4, '0')}`])
          .partitionBy(4)
          .count();
        times.push(performance.now() - started);
        if (count !== records) throw new Error(`shuffle benchmark: counted ${count} records, want ${records}`);
      }
      return times;
    });
    const medianMs = median(timesMs);
    results.push({ mode, records, bytes, medianMs, recordsPerS: (records * 1e3) / medianMs, MBps: bytes / 1e3 / medianMs });
    console.log(`  shuffle ${records} records, ${mode}: ${Math.round(medianMs)} ms`);
  }
  return results;
}
