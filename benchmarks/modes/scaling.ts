/** Word count (memory mode) on local[1] and local[2] over a local file: how it scales from one thread to two. */
import { FlintContext } from '@flint/driver';
import { wordCounts } from '../../examples/wordcount/job.js';
import { median } from './stats.js';

export interface ScalingResult {
  readonly master: string;
  readonly timesMs: number[];
  readonly medianMs: number;
}

export const SCALING_MASTERS = ['local[1]', 'local[2]'] as const;

export async function wordCountScaling(text: string, rounds: number): Promise<ScalingResult[]> {
  const timesMs: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const master of round % 2 === 0 ? SCALING_MASTERS : [...SCALING_MASTERS].reverse()) {
      const fc = await FlintContext.create({ master, mode: 'memory', appName: 'bench-scaling' });
      try {
        const started = performance.now();
        await wordCounts(fc, text).count();
        (timesMs[master] ??= []).push(performance.now() - started);
      } finally {
        await fc.stop();
      }
      console.log(`  word count on ${master}: ${Math.round(timesMs[master].at(-1)!)} ms`);
    }
  }
  return SCALING_MASTERS.map((master) => ({ master, timesMs: timesMs[master], medianMs: median(timesMs[master]) }));
}
