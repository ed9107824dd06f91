/**
 * Idiomatic logistic regression on Flint (memory mode, local-cluster[2,1]) against the
 * hand-written two-thread program with the same per-record logic, in alternating rounds so a slow
 * spell of the shared machine hits both. Later iterations (2..n of every round) are what an
 * iterative job pays once its points are cached: their median and their maximum (spikes), in
 * wall-clock time and in CPU time (all processes and threads of each program).
 */
import { onFreshCluster, PARTITIONS } from '../bench-cluster.js';
import { median } from '../stats.js';
import type { IterationClock } from './cpu-time.js';
import { idiomaticLogisticRegression } from './flint-job.js';
import { twoThreadLogisticRegression } from './two-threads.js';

export interface LaterIterations {
  /** Every round's iteration times; the first of each also loads the points. */
  readonly roundsWallMs: number[][];
  readonly roundsCpuMs: number[][];
  readonly laterMedianMs: number;
  readonly laterMaxMs: number;
  /** NaN where CPU time could not be read. */
  readonly laterMedianCpuMs: number;
}

export interface IdiomaticLrResult {
  readonly points: number;
  readonly iterations: number;
  readonly flint: LaterIterations;
  readonly handWritten: LaterIterations;
}

/** The issue's target: Flint's later iteration within this factor of the hand-written program's. */
export const IDIOMATIC_LR_TARGET = 1.2;

export async function compareIdiomaticLr(localInput: string, points: number, iterations: number, rounds: number): Promise<IdiomaticLrResult> {
  const flint: IterationClock[] = [];
  const handWritten: IterationClock[] = [];
  for (let round = 1; round <= rounds; round++) {
    const flintClock = await onFreshCluster('memory', 'bench-idiomatic-lr', [localInput], (fc, [input]) =>
      idiomaticLogisticRegression(fc, input, iterations, PARTITIONS),
    );
    flint.push(flintClock);
    const handClock = await twoThreadLogisticRegression(localInput, iterations);
    handWritten.push(handClock);
    console.log(`  round ${round}/${rounds}: Flint ${laps(flintClock)}; two threads ${laps(handClock)}`);
  }
  const result = { points, iterations, flint: laterIterations(flint), handWritten: laterIterations(handWritten) };
  console.log(`  ${ratioLine(result)}`);
  return result;
}

/** One line: both programs' later iterations and Flint's ratios to the hand-written program. */
export function ratioLine({ flint, handWritten }: IdiomaticLrResult): string {
  const ratio = flint.laterMedianMs / handWritten.laterMedianMs;
  const cpuRatio = flint.laterMedianCpuMs / handWritten.laterMedianCpuMs;
  return (
    `later iteration, median (max) wall: Flint ${ms(flint.laterMedianMs)} (${ms(flint.laterMaxMs)}), ` +
    `two threads ${ms(handWritten.laterMedianMs)} (${ms(handWritten.laterMaxMs)}); ` +
    `Flint / two threads ${ratio.toFixed(2)}× (target ≤ ${IDIOMATIC_LR_TARGET}×: ${ratio <= IDIOMATIC_LR_TARGET ? 'met' : 'not met'}); ` +
    `median CPU time: Flint ${ms(flint.laterMedianCpuMs)}, two threads ${ms(handWritten.laterMedianCpuMs)}, ${cpuRatio.toFixed(2)}×; ` +
    `ratio round by round: CPU ${roundRatios(flint.roundsCpuMs, handWritten.roundsCpuMs)}, wall ${roundRatios(flint.roundsWallMs, handWritten.roundsWallMs)}`
  );
}

/**
 * Flint's later-iteration median over the hand-written program's, within each round, and their
 * median: the two programs of a round run back to back, so a change of the machine's load
 * between rounds (which stretches CPU time too) does not tilt the ratio as pooled medians can.
 */
function roundRatios(flintRounds: number[][], handWrittenRounds: number[][]): string {
  const ratios = flintRounds.map((times, round) => median(times.slice(1)) / median(handWrittenRounds[round].slice(1)));
  if (ratios.some((ratio) => !Number.isFinite(ratio))) return 'not measured';
  return `${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(', ')} (median ${median(ratios).toFixed(2)}×)`;
}

function laterIterations(clocks: IterationClock[]): LaterIterations {
  const later = clocks.flatMap((clock) => clock.wallMs.slice(1));
  return {
    roundsWallMs: clocks.map((clock) => clock.wallMs),
    roundsCpuMs: clocks.map((clock) => clock.cpuMs),
    laterMedianMs: median(later),
    laterMaxMs: Math.max(...later),
    laterMedianCpuMs: median(clocks.flatMap((clock) => clock.cpuMs.slice(1))),
  };
}

function laps(clock: IterationClock): string {
  return `[${clock.wallMs.map(ms).join(' ')}] (CPU [${clock.cpuMs.map(ms).join(' ')}])`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
