/** A worker thread of the two-thread program: counts the words of its byte range. */
import { parentPort, workerData } from 'node:worker_threads';
import { readRange, type ByteRange } from './byte-range.js';
import { countWords } from './count-words.js';

parentPort?.postMessage(countWords(readRange(workerData as ByteRange).toString('utf8')));
