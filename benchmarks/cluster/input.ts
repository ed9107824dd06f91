import { fileURLToPath } from 'node:url';
import { cachedPath } from '../../examples/shared/generated-file.js';
import { generateText } from '../../examples/wordcount/generate.js';

/** The word count benchmark's text parameters, so both benchmarks share the cached files. */
const VOCABULARY_SIZE = 50_000;
const SEED = 1;

/** A Zipf-distributed text of `megabytes` MiB under benchmarks/data/, generated once. */
export function benchText(megabytes: number): string {
  const path = fileURLToPath(new URL(`../data/zipf-words-${megabytes}MB-seed${SEED}.txt`, import.meta.url));
  return cachedPath(path, (partial) => {
    console.log(`generating a ${megabytes} MB Zipf-distributed text at ${path} (once)...`);
    generateText(partial, { bytes: megabytes * 2 ** 20, seed: SEED, vocabularySize: VOCABULARY_SIZE });
  });
}
