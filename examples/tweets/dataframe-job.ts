/**
 * The top hashtags and users of tweets.ts with DataFrames and with SQL: the same answers as the
 * RDD job (job.ts). A hashtag is `#` and word characters; it counts once per tweet however it is
 * cased. The text is lower-cased before the hashtags are extracted: as word characters are
 * ASCII, that finds the tags the RDD job lower-cases after extracting them.
 */
import { col, functions as F, type DataFrame, type FlintContext } from '@flint/driver';
import type { TweetStats } from './job.js';

const HASHTAG = '#(\\w+)';

/** JSON-lines tweets; FAILFAST: a line that is not a JSON object fails the job, naming it. */
export function readTweets(fc: FlintContext, input: string): DataFrame {
  return fc.read.json(input, { schema: 'user STRING, text STRING', mode: 'FAILFAST' });
}

async function pairs(df: DataFrame, key: string): Promise<[string, number][]> {
  return (await df.collect()).map((row): [string, number] => [row[key] as string, row.tweets as number]);
}

/** The n top hashtags and users with the DataFrame API; the tweets are cached for both. */
export async function tweetStatsDataFrame(fc: FlintContext, input: string, n: number): Promise<TweetStats> {
  const tweets = readTweets(fc, input).cache();
  try {
    const hashtags = tweets
      .select(F.explode(F.array_distinct(F.regexp_extract_all(F.lower('text'), F.lit(HASHTAG), 1))).alias('hashtag'))
      .groupBy('hashtag')
      .agg(F.count('*').alias('tweets'))
      .orderBy(col('tweets').desc(), col('hashtag'))
      .limit(n);
    const users = tweets.groupBy('user').agg(F.count('*').alias('tweets')).orderBy(col('tweets').desc(), col('user')).limit(n);
    return { topHashtags: await pairs(hashtags, 'hashtag'), topUsers: await pairs(users, 'user') };
  } finally {
    tweets.unpersist();
  }
}

/** The same in SQL over a temp view `tweets`. */
export async function tweetStatsSql(fc: FlintContext, input: string, n: number): Promise<TweetStats> {
  const tweets = readTweets(fc, input).cache();
  tweets.createOrReplaceTempView('tweets');
  try {
    const hashtags = fc.sql(`
      SELECT hashtag, count(*) AS tweets
      FROM (SELECT explode(array_distinct(regexp_extract_all(lower(text), '${HASHTAG.replaceAll('\\', '\\\\')}', 1))) AS hashtag FROM tweets)
      GROUP BY hashtag
      ORDER BY tweets DESC, hashtag
      LIMIT ${n}`);
    const users = fc.sql(`SELECT user, count(*) AS tweets FROM tweets GROUP BY user ORDER BY tweets DESC, user LIMIT ${n}`);
    return { topHashtags: await pairs(hashtags, 'hashtag'), topUsers: await pairs(users, 'user') };
  } finally {
    tweets.unpersist();
  }
}
