/**
 * Top hashtags and top users of a JSON-lines file of tweets (`{"user": ..., "text": ...}`), by
 * default over generated tweets cached in the temp directory.
 * The same job with DataFrames: tweets-dataframe.ts; with SQL: tweets-sql.ts.
 *
 *   npx tsx examples/tweets.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { runTweetStats } from './tweets/command-line.js';
import { tweetStats } from './tweets/job.js';

runTweetStats('tweets.ts', (fc, input, n) => tweetStats(fc, input, n));
