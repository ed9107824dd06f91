/**
 * The hand-written peer of the idiomatic Flint job: a two-thread Node.js program with the same
 * per-record logic. Each worker thread reads and parses its half of the file once, keeps the
 * points, and per iteration returns the sum of its points' gradients; the main thread adds the
 * two sums and takes the step, as Flint's driver does.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { lineStartAtOrAfter } from '../../wordcount/byte-range.js';
import { addArrays, step } from './per-record.js';
import { DIMENSIONS } from './flint-job.js';
import type { GradientReply } from './point-thread.js';
import { IterationClock } from './cpu-time.js';

/** The time of each iteration; the first also starts the threads and reads and parses the points. */
export async function twoThreadLogisticRegression(input: string, iterations: number): Promise<IterationClock> {
  const clock = new IterationClock();
  const size = statSync(input).size;
  const middle = lineStartAtOrAfter(input, Math.floor(size / 2), size);
  const threads = [startThread({ path: input, start: 0, end: middle }), startThread({ path: input, start: middle, end: size })];
  try {
    let w = new Array<number>(DIMENSIONS).fill(0);
    for (let iteration = 0; iteration < iterations; iteration++) {
      const replies = await Promise.all(threads.map((thread) => gradientOf(thread, w)));
      const gradient = replies.map((reply) => reply.gradient).reduce(addArrays);
      w = step(w, gradient, replies.reduce((total, reply) => total + reply.count, 0));
      clock.lap();
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return clock;
}

/**
 * A worker thread running point-thread.ts. The benchmark runs under tsx, whose loader Node 20's
 * worker threads do not inherit, so the thread registers it before importing the module.
 */
function startThread(range: { path: string; start: number; end: number }): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const module = new URL('./point-thread.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: range });
}

function gradientOf(thread: Worker, w: number[]): Promise<GradientReply> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    thread.once('error', onError);
    thread.once('message', (reply: GradientReply) => {
      thread.off('error', onError);
      resolve(reply);
    });
    thread.postMessage(w);
  });
}
