import type { FlintContext, RDD } from '@flint/driver';

export interface Tweet {
  user: string;
  text: string;
}

export interface TweetStats {
  /** `[hashtag, tweets using it]`, hashtags lower-cased, most used first, ties alphabetical. */
  topHashtags: [string, number][];
  /** `[user, tweets]`, most tweets first, ties alphabetical. */
  topUsers: [string, number][];
}

/** Parses JSON-lines tweets; a line without a string `user` and `text` fails the job, naming it. */
export function parseTweets(fc: FlintContext, input: string, minPartitions?: number): RDD<Tweet> {
  return fc
    .textFile(input, minPartitions)
    .filter((line) => line.trim().length > 0)
    .map((line): Tweet => {
      const tweet = JSON.parse(line) as Partial<Tweet>;
      if (typeof tweet.user !== 'string' || typeof tweet.text !== 'string') {
        throw new Error(`malformed tweet (want {"user": string, "text": string}): ${line}`);
      }
      return { user: tweet.user, text: tweet.text };
    });
}

/** How many tweets use each hashtag (case-insensitive; a tag twice in one tweet counts once). */
export function hashtagCounts(tweets: RDD<Tweet>): RDD<[string, number]> {
  return tweets
    .flatMap((tweet) => [...new Set(Array.from(tweet.text.matchAll(/#(\w+)/g), (match) => match[1].toLowerCase()))])
    .map((tag): [string, number] => [tag, 1])
    .reduceByKey((a, b) => a + b);
}

export function userCounts(tweets: RDD<Tweet>): RDD<[string, number]> {
  return tweets.map((tweet): [string, number] => [tweet.user, 1]).reduceByKey((a, b) => a + b);
}

/** The n top hashtags and users; the parsed tweets are cached for both. */
export async function tweetStats(fc: FlintContext, input: string, n: number, minPartitions?: number): Promise<TweetStats> {
  const tweets = parseTweets(fc, input, minPartitions).setName('tweets').cache();
  const topHashtags = await hashtagCounts(tweets).takeOrdered(n, ([tag, count]) => [-count, tag]);
  const topUsers = await userCounts(tweets).takeOrdered(n, ([user, count]) => [-count, user]);
  tweets.unpersist();
  return { topHashtags, topUsers };
}
