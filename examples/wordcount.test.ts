import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sortedEntries, useTestBed } from './shared/test-bed.js';
import { topByCount } from './shared/top-n.js';
import { generateText } from './wordcount/generate.js';
import { topWords, wordCounts } from './wordcount/job.js';
import { wordCountsSequential } from './wordcount/reference.js';

describe('word count example', () => {
  const bed = useTestBed('wordcount-test');
  let input: string;

  beforeAll(() => {
    input = join(bed.dir, 'text');
    // Three files, split further into at least five partitions: words cross partition boundaries.
    for (const seed of [1, 2, 3]) {
      generateText(join(input, `part-${seed}.txt`), { bytes: 200_000, seed, vocabularySize: 2_000 });
    }
  });

  it('counts every word as the sequential reference does', async () => {
    const counts = await wordCounts(bed.fc, input, 5).collectAsMap();
    expect(sortedEntries(counts)).toEqual(sortedEntries(wordCountsSequential(input)));
  });

  // Deep enough into the ranking that many counts tie.
  it('ranks the top words by count, then alphabetically', async () => {
    const top = await topWords(wordCounts(bed.fc, input, 5), 300);
    expect(top).toEqual(topByCount(wordCountsSequential(input), 300));
  });
});
