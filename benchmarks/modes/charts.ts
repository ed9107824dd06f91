/** The report's SVG charts: per-iteration times of each iterative job, and MEMORY_ONLY degradation. */
import type { DegradationResult } from './degradation.js';
import type { IterationTimes, IterativeResult } from './iterative.js';
import { svgBarChart } from './svg-bars.js';

export interface Chart {
  /** File name suffix, e.g. `kmeans-400000`. */
  readonly name: string;
  readonly svg: string;
}

const COLORS = { mapreduce: '#c92a2a', memory: '#1971c2', byHand: '#868e96', first: '#f08c00', later: '#2f9e44' } as const;

export function iterationChart(result: IterativeResult): Chart {
  const iterations = Math.max(...result.runs.map((run) => run.iterationMs.length), result.byHand.iterationMs.length);
  const seconds = (times: readonly number[]): number[] => Array.from({ length: iterations }, (_, i) => (i < times.length ? times[i] / 1000 : Number.NaN));
  return {
    name: `${result.job.replace(/ /g, '-').toLowerCase()}-${result.size}`,
    svg: svgBarChart({
      title: `${result.job}, ${result.size.toLocaleString('en')} ${result.unit}: time per iteration`,
      yLabel: 'seconds',
      categories: Array.from({ length: iterations }, (_, i) => `${i + 1}`),
      series: [
        ...result.runs.map((run) => ({ name: `Flint ${run.mode}`, color: COLORS[run.mode], values: seconds(run.iterationMs) })),
        { name: 'hand-written Node.js', color: COLORS.byHand, values: seconds(result.byHand.iterationMs) },
      ],
    }),
  };
}

export function degradationChart(result: DegradationResult): Chart {
  const seconds = (pick: (times: IterationTimes) => number): number[] => result.runs.map((run) => (run.ok ? pick(run) / 1000 : Number.NaN));
  return {
    name: `memory-only-${result.job.replace(/ /g, '-').toLowerCase()}`,
    svg: svgBarChart({
      title: `${result.job}, MEMORY_ONLY, part of the working set in memory (a gap: the run failed)`,
      yLabel: 'seconds per iteration',
      categories: result.runs.map((run) => `${run.fraction * 100}% in memory`),
      series: [
        { name: 'first iteration', color: COLORS.first, values: seconds((run) => run.firstMs) },
        { name: 'later iterations (median)', color: COLORS.later, values: seconds((run) => run.laterMs) },
      ],
    }),
  };
}
