/**
 * The top hashtags and users of tweets.ts, written in SQL.
 *
 *   npx tsx examples/tweets-sql.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { runTweetStats } from './tweets/command-line.js';
import { tweetStatsSql } from './tweets/dataframe-job.js';

runTweetStats('tweets-sql.ts', tweetStatsSql);
