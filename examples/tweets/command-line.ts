/** The command line the tweets examples share (RDD, DataFrame and SQL versions): demo data and the printed tables. */
import type { FlintContext } from '@flint/driver';
import { cachedPath } from '../shared/generated-file.js';
import { exampleDataPath } from '../shared/data-dir.js';
import { printTable, runExample } from '../shared/cli.js';
import { generateTweets } from './generate.js';
import type { TweetStats } from './job.js';

/** Runs `stats` over the input (generated tweets by default) and prints the top hashtags and users. */
export function runTweetStats(script: string, stats: (fc: FlintContext, input: string, n: number) => Promise<TweetStats>): void {
  runExample('tweets', `npx tsx examples/${script} [--master URL] [--top N] [input]`, async (fc, args) => {
    const input = args.input ?? demoTweets();
    const { topHashtags, topUsers } = await stats(fc, input, args.top);
    console.log(`top ${args.top} hashtags in ${input}:`);
    printTable(['hashtag', 'tweets'], topHashtags.map(([tag, count]) => [`#${tag}`, count]));
    console.log(`\ntop ${args.top} users:`);
    printTable(['user', 'tweets'], topUsers);
  });
}

function demoTweets(): string {
  return cachedPath(exampleDataPath('tweets'), (dir) => {
    console.log(`generating tweets in ${dir} (once)...`);
    generateTweets(dir, { files: 8, tweetsPerFile: 25_000 });
  });
}
