import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FlintContext } from '@flint/driver';
import { useTestBed } from './shared/test-bed.js';
import { generateTweets } from './tweets/generate.js';
import { tweetStats } from './tweets/job.js';
import { tweetStatsDataFrame, tweetStatsSql } from './tweets/dataframe-job.js';
import { tweetStatsSequential } from './tweets/reference.js';

// Each version of the job, a line it rejects and how it names the line: the RDD job checks the
// fields, the DataFrame and SQL versions read with a schema in FAILFAST mode (bad JSON fails).
const NOT_JSON = '{"user": "bob", "text": ';
describe.each([
  ['RDD', (fc: FlintContext, input: string, n: number) => tweetStats(fc, input, n, 7), '{"user": 7, "text": "#no"}', /malformed tweet .*: \{"user": 7, "text": "#no"\}/],
  ['DataFrame', tweetStatsDataFrame, NOT_JSON, /bad\.jsonl.*line 2/],
  ['SQL', tweetStatsSql, NOT_JSON, /bad\.jsonl.*line 2/],
] as const)('tweets example, %s version', (_, stats, badLine, malformed) => {
  const bed = useTestBed('tweets-test');
  let input: string;

  beforeAll(() => {
    input = join(bed.dir, 'tweets');
    generateTweets(input, { files: 3, tweetsPerFile: 4_000, users: 300, hashtags: 150 });
  });

  // Deep enough into both rankings that many counts tie.
  it('finds the top hashtags and users of the sequential reference', async () => {
    expect(await stats(bed.fc, input, 100)).toEqual(tweetStatsSequential(input, 100));
  });

  it('counts hashtags case-insensitively, once per tweet', async () => {
    const file = join(bed.dir, 'few.jsonl');
    const tweets = [
      { user: 'ada', text: 'learning #Flint and #flint again #FLINT!' },
      { user: 'bob', text: '#spark, #flint' },
      { user: 'ada', text: 'no tags here' },
    ];
    writeFileSync(file, tweets.map((tweet) => JSON.stringify(tweet)).join('\n') + '\n');
    const result = await stats(bed.fc, file, 5);
    expect(result.topHashtags).toEqual([['flint', 2], ['spark', 1]]);
    expect(result.topUsers).toEqual([['ada', 2], ['bob', 1]]);
  });

  it('names the line that is not a tweet', async () => {
    const file = join(bed.dir, 'bad.jsonl');
    writeFileSync(file, `{"user": "ada", "text": "#ok"}\n${badLine}\n`);
    await expect(stats(bed.fc, file, 5)).rejects.toThrow(malformed);
  });
});
