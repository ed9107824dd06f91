/**
 * Top hashtags and top users of a JSON-lines file of tweets (`{"user": ..., "text": ...}`), by
 * default over generated tweets cached in the temp directory.
 *
 *   npx tsx examples/tweets.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { cachedPath } from './shared/generated-file.js';
import { exampleDataPath } from './shared/data-dir.js';
import { printTable, runExample } from './shared/cli.js';
import { generateTweets } from './tweets/generate.js';
import { tweetStats } from './tweets/job.js';

runExample('tweets', 'npx tsx examples/tweets.ts [--master URL] [--top N] [input]', async (fc, args) => {
  const input = args.input ?? demoTweets();
  const { topHashtags, topUsers } = await tweetStats(fc, input, args.top);
  console.log(`top ${args.top} hashtags in ${input}:`);
  printTable(['hashtag', 'tweets'], topHashtags.map(([tag, count]) => [`#${tag}`, count]));
  console.log(`\ntop ${args.top} users:`);
  printTable(['user', 'tweets'], topUsers);
});

function demoTweets(): string {
  return cachedPath(exampleDataPath('tweets'), (dir) => {
    console.log(`generating tweets in ${dir} (once)...`);
    generateTweets(dir, { files: 8, tweetsPerFile: 25_000 });
  });
}
