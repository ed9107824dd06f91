/**
 * A worker thread of the two-thread program: parses the lines of its byte range into points once,
 * then answers each weight vector it is sent with the sum of its points' gradients.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readRange, type ByteRange } from '../../wordcount/byte-range.js';
import { addArrays, parsePoint, pointGradient, type Point } from './per-record.js';

export interface GradientReply {
  gradient: number[];
  count: number;
}

const points: Point[] = [];
for (const line of readRange(workerData as ByteRange).toString('utf8').split('\n')) {
  if (line !== '') points.push(parsePoint(line));
}

parentPort!.on('message', (w: number[]) => {
  const env = { w };
  let sum: number[] | undefined;
  for (let i = 0; i < points.length; i++) {
    const gradient = pointGradient(points[i], env);
    sum = sum === undefined ? gradient : addArrays(sum, gradient);
  }
  parentPort!.postMessage({ gradient: sum ?? w.map(() => 0), count: points.length } satisfies GradientReply);
});
