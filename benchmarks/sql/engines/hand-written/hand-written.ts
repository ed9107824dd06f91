/**
 * The hand-written two-thread Node.js program: sales.csv is cut in two at the line start
 * nearest its middle, a worker thread runs the query over each half (sales-work.ts), and the
 * main thread merges the two totals maps, or merges the two sorted runs into the order hash.
 */
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { lineStartAtOrAfter } from '../../../wordcount/byte-range.js';
import { digestRow, foldOrderId } from '../../order-digest.js';
import type { EngineTask } from '../../engine-result.js';
import { EngineSkipped, salesQueryOf } from '../engine.js';
import type { SortedRun, Totals } from './sales-work.js';
import type { WorkerJob } from './worker.js';

export async function handWritten(task: EngineTask): Promise<Record<string, unknown>[]> {
  const query = salesQueryOf(task);
  if (task.format !== 'csv') throw new EngineSkipped('the hand-written program reads CSV only');
  const path = task.tables.sales;
  const size = statSync(path).size;
  const middle = lineStartAtOrAfter(path, Math.floor(size / 2), size);
  const halves = [
    { path, start: 0, end: middle },
    { path, start: middle, end: size },
  ];
  const results = await Promise.all(halves.map((range) => inWorker({ query, range, customersPath: task.tables.customers })));
  if (query === 'sort') return [mergedDigest(results[0] as SortedRun, results[1] as SortedRun)];
  const [totals, other] = results as Map<string, Totals>[];
  for (const [key, [revenue, orders, priceSum]] of other) {
    const t = totals.get(key);
    if (t === undefined) totals.set(key, [revenue, orders, priceSum]);
    else (t[0] += revenue), (t[1] += orders), (t[2] += priceSum);
  }
  return [...totals].map(([key, [revenue, orders, priceSum]]) => {
    if (query === 'join') return { segment: key, revenue, orders };
    const [region, product] = key.split('|');
    return { region, product_id: Number(product), revenue, orders, avg_price: priceSum / orders };
  });
}

function inWorker(job: WorkerJob): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function mergedDigest(a: SortedRun, b: SortedRun): Record<string, unknown> {
  let hash = 0;
  let i = 0;
  let j = 0;
  while (i < a.orderIds.length || j < b.orderIds.length) {
    const takeA =
      j >= b.orderIds.length ||
      (i < a.orderIds.length && (a.prices[i] > b.prices[j] || (a.prices[i] === b.prices[j] && a.orderIds[i] < b.orderIds[j])));
    hash = foldOrderId(hash, takeA ? a.orderIds[i++] : b.orderIds[j++]);
  }
  return digestRow({ rows: a.orderIds.length + b.orderIds.length, hash });
}
