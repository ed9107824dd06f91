/**
 * The benchmark's generated inputs, written once under benchmarks/data/ (seeded, so every run
 * reads the same bytes) and then copied into the cluster's DFS.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedPath } from '../../examples/shared/generated-file.js';
import { writeLineFile } from '../../examples/iterative/line-file.js';
import { generateText } from '../../examples/wordcount/generate.js';
import { generateReadings } from '../../examples/iot-sensors/generate.js';
import { seededRandom } from '../../examples/shared/random.js';
import type { IterativeJob } from './iterative-jobs.js';

const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

export interface LocalInput {
  readonly path: string;
  readonly bytes: number;
}

function input(name: string, create: (path: string) => void): LocalInput {
  const path = cachedPath(join(DATA_DIR, name), (partial) => {
    console.log(`generating ${name} (once)...`);
    create(partial);
  });
  return { path, bytes: statSync(path).size };
}

export function iterativeInput(job: IterativeJob, size: number): LocalInput {
  return input(`modes-${job.name.replace(/ /g, '-')}-${size}.txt`, (path) => job.generate(path, size));
}

/** The Zipf-distributed text of the word count benchmark (same name, so it is shared). */
export function text(megabytes: number): LocalInput {
  return input(`zipf-words-${megabytes}MB-seed1.txt`, (path) => generateText(path, { bytes: megabytes * 1024 * 1024, seed: 1, vocabularySize: 50_000 }));
}

/** iot-sensors readings, one time-ordered stream in one file. */
export function readings(count: number): LocalInput {
  return input(`modes-readings-${count}.csv`, (path) => {
    const dir = `${path}.parts`;
    generateReadings(dir, { files: 4, readingsPerFile: count / 4, days: 7, sensors: 20 });
    for (const file of readdirSync(dir).sort()) appendFileSync(path, readFileSync(join(dir, file)));
    rmSync(dir, { recursive: true });
  });
}

/** `customer amount` lines, customers drawn uniformly from `customers`. */
export function orders(count: number, customers: number): LocalInput {
  return input(`modes-orders-${count}-${customers}.txt`, (path) => {
    const random = seededRandom(11);
    writeLineFile(path, Array.from({ length: count }, () => `${Math.floor(random() * customers)} ${Math.floor(random() * 10_000)}`));
  });
}

/** `customer country` lines, one per customer. */
export function customers(count: number): LocalInput {
  return input(`modes-customers-${count}.txt`, (path) => {
    writeLineFile(path, Array.from({ length: count }, (_, customer) => `${customer} c${customer % 50}`));
  });
}
