import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBed } from './shared/test-bed.js';
import { generateTweets } from './tweets/generate.js';
import { tweetStats } from './tweets/job.js';
import { tweetStatsSequential } from './tweets/reference.js';

describe('tweets example', () => {
  const bed = useTestBed('tweets-test');
  let input: string;

  beforeAll(() => {
    input = join(bed.dir, 'tweets');
    generateTweets(input, { files: 3, tweetsPerFile: 4_000, users: 300, hashtags: 150 });
  });

  // Deep enough into both rankings that many counts tie.
  it('finds the top hashtags and users of the sequential reference', async () => {
    const stats = await tweetStats(bed.fc, input, 100, 7);
    expect(stats).toEqual(tweetStatsSequential(input, 100));
  });

  it('counts hashtags case-insensitively, once per tweet', async () => {
    const file = join(bed.dir, 'few.jsonl');
    const tweets = [
      { user: 'ada', text: 'learning #Flint and #flint again #FLINT!' },
      { user: 'bob', text: '#spark, #flint' },
      { user: 'ada', text: 'no tags here' },
    ];
    writeFileSync(file, tweets.map((tweet) => JSON.stringify(tweet)).join('\n') + '\n');
    const stats = await tweetStats(bed.fc, file, 5);
    expect(stats.topHashtags).toEqual([['flint', 2], ['spark', 1]]);
    expect(stats.topUsers).toEqual([['ada', 2], ['bob', 1]]);
  });
});
