/**
 * Logistic regression on Flint as a user writes it: parse the points once and cache them, then
 * each iteration maps every point to its gradient array and reduces the arrays by adding them.
 */
import { capture, type FlintContext } from '@flint/driver';
import { addArrays, parsePoint, pointGradient, step } from './per-record.js';
import { IterationClock } from './cpu-time.js';

/** The time of each iteration; the first also reads, parses and caches the points. */
export async function idiomaticLogisticRegression(fc: FlintContext, input: string, iterations: number, partitions: number): Promise<IterationClock> {
  const clock = new IterationClock();
  const points = fc.textFile(input, partitions).map(parsePoint).cache();
  const count = await points.count();
  let w = new Array<number>(DIMENSIONS).fill(0);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = await points.map(capture({ w }, pointGradient)).reduce(addArrays);
    w = step(w, gradient, count);
    clock.lap();
  }
  points.unpersist();
  return clock;
}

export const DIMENSIONS = 10;
