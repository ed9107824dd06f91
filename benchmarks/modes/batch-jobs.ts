/**
 * The one-pass jobs in both modes, each run on a fresh local-cluster[2,1]: word count, a group-by aggregation
 * (the iot-sensors example), a join and a sort. Each runs `rounds` times per mode, the modes
 * alternating (memory, mapreduce, mapreduce, memory, ...); results must agree between modes.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FlintContext } from '@flint/driver';
import { wordCounts } from '../../examples/wordcount/job.js';
import { sensorAverages } from '../../examples/iot-sensors/job.js';
import { MODES, onFreshCluster, type Mode } from './bench-cluster.js';
import { median } from './stats.js';

/** Local paths of the inputs. */
export interface BatchInputs {
  readonly text: string;
  readonly readings: string;
  readonly orders: string;
  readonly customers: string;
}

export interface BatchResult {
  readonly job: string;
  readonly input: string;
  readonly medianMs: Record<Mode, number>;
  readonly timesMs: Record<Mode, number[]>;
}

interface BatchJob {
  readonly name: string;
  readonly describeInput: string;
  /** Which inputs the job reads. */
  readonly reads: readonly (keyof BatchInputs)[];
  /** Runs the job over the inputs it reads, as dfs:/// paths in the order of `reads`. */
  run(fc: FlintContext, inputs: string[]): Promise<unknown>;
}

export function batchJobs(describe: Record<keyof BatchInputs, string>): BatchJob[] {
  return [
    {
      name: 'word count',
      describeInput: describe.text,
      reads: ['text'],
      run: async (fc, [text]) => (await wordCounts(fc, text).collect()).length,
    },
    {
      name: 'group-by aggregation (iot-sensors)',
      describeInput: describe.readings,
      reads: ['readings'],
      run: async (fc, [readings]) => (await sensorAverages(fc, readings)).perMinute.length,
    },
    {
      name: 'join (orders ⋈ customers, count)',
      describeInput: `${describe.orders} ⋈ ${describe.customers}`,
      reads: ['orders', 'customers'],
      run: (fc, [ordersPath, customersPath]) => {
        const orders = fc.textFile(ordersPath).map((line): [number, number] => {
          const [customer, amount] = line.split(' ');
          return [Number(customer), Number(amount)];
        });
        const customers = fc.textFile(customersPath).map((line): [number, string] => {
          const [customer, country] = line.split(' ');
          return [Number(customer), country];
        });
        return orders.join(customers).count();
      },
    },
    {
      name: 'sort (text lines, count)',
      describeInput: describe.text,
      reads: ['text'],
      run: (fc, [text]) => fc.textFile(text).sortBy((line) => line).count(),
    },
  ];
}

export async function runBatchJobs(jobs: BatchJob[], inputs: BatchInputs, rounds: number): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const job of jobs) {
    const timesMs: Record<Mode, number[]> = { memory: [], mapreduce: [] };
    const answers: unknown[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 === 0 ? MODES : [...MODES].reverse()) {
        const { answer, ms } = await onFreshCluster(mode, `bench-${job.name}-${mode}`, job.reads.map((name) => inputs[name]), async (fc, paths) => {
          const started = performance.now();
          return { answer: await job.run(fc, paths), ms: performance.now() - started };
        });
        answers.push(answer);
        timesMs[mode].push(ms);
        console.log(`  ${job.name}, ${mode}: ${Math.round(timesMs[mode].at(-1)!)} ms`);
      }
    }
    if (!answers.every((answer) => isDeepStrictEqual(answer, answers[0]))) throw new Error(`${job.name}: the modes disagree: ${JSON.stringify(answers)}`);
    results.push({ job: job.name, input: job.describeInput, timesMs, medianMs: { memory: median(timesMs.memory), mapreduce: median(timesMs.mapreduce) } });
  }
  return results;
}
