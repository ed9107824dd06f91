/**
 * The hand-written two-thread word count: the file is cut in two at the line start nearest its
 * middle, each half is counted by a worker thread, and the two maps are merged.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { lineStartAtOrAfter, type ByteRange } from './byte-range.js';
import { programArgs, writeProgramResult } from './program-result.js';

const { input, resultFile } = programArgs();
const started = performance.now();
const size = statSync(input).size;
const middle = lineStartAtOrAfter(input, Math.floor(size / 2), size);
const [counts, otherHalf] = await Promise.all([
  countInWorker({ path: input, start: 0, end: middle }),
  countInWorker({ path: input, start: middle, end: size }),
]);
for (const [word, count] of otherHalf) counts.set(word, (counts.get(word) ?? 0) + count);
writeProgramResult(resultFile, started, counts);

function countInWorker(range: ByteRange): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./count-range-worker.js', import.meta.url), { workerData: range });
    worker.once('message', (counts: Map<string, number>) => resolve(counts));
    worker.once('error', reject);
  });
}
