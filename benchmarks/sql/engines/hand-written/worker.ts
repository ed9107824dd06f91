/** A thread of the hand-written program: runs its query over its byte range of sales.csv. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ByteRange } from '../../../wordcount/byte-range.js';
import { groupTotals, segmentTotals, sortedRun } from './sales-work.js';

export interface WorkerJob {
  query: 'group-by' | 'join' | 'sort';
  range: ByteRange;
  customersPath: string;
}

const job = workerData as WorkerJob;
if (job.query === 'sort') {
  const run = sortedRun(job.range);
  parentPort?.postMessage(run, [run.orderIds.buffer as ArrayBuffer, run.prices.buffer as ArrayBuffer]);
} else {
  parentPort?.postMessage(job.query === 'group-by' ? groupTotals(job.range) : segmentTotals(job.range, job.customersPath));
}
