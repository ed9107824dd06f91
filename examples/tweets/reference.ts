import { readLines } from '../shared/read-lines.js';
import { topByCount } from '../shared/top-n.js';
import type { Tweet, TweetStats } from './job.js';

/** The sequential top hashtags and users that the Flint job is checked against. */
export function tweetStatsSequential(input: string, n: number): TweetStats {
  const hashtags = new Map<string, number>();
  const users = new Map<string, number>();
  for (const line of readLines(input)) {
    if (line.trim().length === 0) continue;
    const tweet = JSON.parse(line) as Tweet;
    users.set(tweet.user, (users.get(tweet.user) ?? 0) + 1);
    const tags = new Set(Array.from(tweet.text.matchAll(/#(\w+)/g), (match) => match[1].toLowerCase()));
    for (const tag of tags) hashtags.set(tag, (hashtags.get(tag) ?? 0) + 1);
  }
  return { topHashtags: topByCount(hashtags, n), topUsers: topByCount(users, n) };
}
