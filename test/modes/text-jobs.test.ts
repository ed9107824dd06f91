/**
 * The non-iterative example jobs return exactly the same result in `mapreduce` mode as in
 * `memory` mode on local[2]. Their results are integers and strings (iot-sensors sums integer
 * hundredths before its one division), so they must match exactly.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateText } from '../../examples/wordcount/generate.js';
import { topWords, wordCounts } from '../../examples/wordcount/job.js';
import { generateReadings } from '../../examples/iot-sensors/generate.js';
import { sensorAverages } from '../../examples/iot-sensors/job.js';
import { generateTweets } from '../../examples/tweets/generate.js';
import { tweetStats } from '../../examples/tweets/job.js';
import { generateDocuments, writeDocumentFiles, writeDocumentLines } from '../../examples/inverted-index/generate.js';
import { buildInvertedIndex, documentsFromLines, invertedIndex } from '../../examples/inverted-index/job.js';
import { compareStrings } from '../../examples/shared/compare.js';
import { inBothModes, useTempDir } from './both-modes.js';

const MASTER = 'local[2]';

describe('text example jobs: mapreduce mode returns what memory mode returns (local[2])', () => {
  const dir = useTempDir('text');

  beforeAll(() => {
    for (const seed of [1, 2]) generateText(join(dir, 'text', `part-${seed}.txt`), { bytes: 150_000, seed, vocabularySize: 2_000 });
    generateReadings(join(dir, 'readings'), { files: 3, readingsPerFile: 3_000, days: 2, sensors: 4 });
    generateTweets(join(dir, 'tweets'), { files: 2, tweetsPerFile: 3_000, users: 200, hashtags: 100 });
    const documents = generateDocuments({ count: 40 });
    writeDocumentFiles(join(dir, 'documents'), documents);
    writeDocumentLines(join(dir, 'document-lines'), documents, 3);
  });

  it('word count: every count, and the top words', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'text'), async (fc, input) => {
      const counts = await wordCounts(fc, input, 5).collect();
      return { counts: counts.sort(([a], [b]) => compareStrings(a, b)), top: await topWords(wordCounts(fc, input, 5), 200) };
    });
    expect(mapreduce.counts.length).toBeGreaterThan(1_000);
    expect(mapreduce).toEqual(memory);
  });

  it('iot-sensors: daily and per-minute averages (a cached input read by two group-bys)', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'readings'), (fc, input) => sensorAverages(fc, input, 4));
    expect(mapreduce.daily.length).toBeGreaterThanOrEqual(2 * 4);
    expect(mapreduce).toEqual(memory);
  });

  it('tweets: top hashtags and users', async () => {
    const { memory, mapreduce } = await inBothModes(MASTER, join(dir, 'tweets'), (fc, input) => tweetStats(fc, input, 80, 5));
    expect(mapreduce.topHashtags).toHaveLength(80);
    expect(mapreduce).toEqual(memory);
  });

  it('inverted index: from one file per document, and from JSON lines', async () => {
    const fromFiles = await inBothModes(MASTER, join(dir, 'documents'), (fc, input) => buildInvertedIndex(fc, input));
    expect(fromFiles.mapreduce.length).toBeGreaterThan(100);
    expect(fromFiles.mapreduce).toEqual(fromFiles.memory);
    const fromLines = await inBothModes(MASTER, join(dir, 'document-lines'), (fc, input) => invertedIndex(documentsFromLines(fc, input, 4)).collect());
    expect(fromLines.mapreduce).toEqual(fromLines.memory);
    expect(fromLines.mapreduce).toEqual(fromFiles.memory);
  });
});
