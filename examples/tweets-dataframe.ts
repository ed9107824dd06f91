/**
 * The top hashtags and users of tweets.ts, written with the DataFrame API.
 *
 *   npx tsx examples/tweets-dataframe.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { runTweetStats } from './tweets/command-line.js';
import { tweetStatsDataFrame } from './tweets/dataframe-job.js';

runTweetStats('tweets-dataframe.ts', tweetStatsDataFrame);
