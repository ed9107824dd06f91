import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt, seededRandom, zipfSampler } from '../shared/random.js';
import { vocabulary } from '../shared/vocabulary.js';

export interface TweetsOptions {
  files: number;
  tweetsPerFile: number;
  users?: number;
  hashtags?: number;
  seed?: number;
}

const KNOWN_HASHTAGS = ['flint', 'spark', 'bigdata', 'typescript', 'nodejs', 'hadoop', 'dataengineering', 'mapreduce'];
/** How many of the fixed vocabulary's words are common English ones; made-up words follow. */
const COMMON_WORDS = 150;
const DECORATIONS = ['', '', '', '!', ',', '.', ' 🔥', ' 👍'];

/**
 * Writes JSON-lines tweets (`{"id", "user", "text"}`) into `files` files in `dir`. Users and
 * hashtags are Zipf-distributed; a hashtag is written in varying case and sometimes followed by
 * punctuation or an emoji (non-ASCII bytes, so partition boundaries can fall inside one).
 */
export function generateTweets(dir: string, options: TweetsOptions): void {
  const { files, tweetsPerFile, users = 500, hashtags = 200, seed = 1 } = options;
  const random = seededRandom(seed);
  const words = vocabulary(COMMON_WORDS + users + hashtags);
  const userNames = words.slice(COMMON_WORDS, COMMON_WORDS + users).map((word, i) => `${word}_${i % 100}`);
  const tags = [...KNOWN_HASHTAGS, ...words.slice(COMMON_WORDS + users)].slice(0, hashtags);
  const nextWord = zipfSampler(COMMON_WORDS, random);
  const nextUser = zipfSampler(userNames.length, random);
  const nextTag = zipfSampler(tags.length, random);
  const pick = <T>(items: T[]): T => items[randomInt(random, 0, items.length - 1)];
  const spellings = [(tag: string) => tag, (tag: string) => tag.toUpperCase(), capitalized];

  mkdirSync(dir, { recursive: true });
  let id = 0;
  for (let file = 0; file < files; file++) {
    const lines: string[] = [];
    for (let i = 0; i < tweetsPerFile; i++) {
      const text = Array.from({ length: randomInt(random, 4, 14) }, () => words[nextWord()]);
      for (let tagCount = randomInt(random, 0, 3); tagCount > 0; tagCount--) {
        const tag = `#${pick(spellings)(tags[nextTag()])}${pick(DECORATIONS)}`;
        text.splice(randomInt(random, 0, text.length), 0, tag);
      }
      lines.push(JSON.stringify({ id: id++, user: userNames[nextUser()], text: text.join(' ') }));
    }
    writeFileSync(join(dir, `tweets-${String(file).padStart(3, '0')}.jsonl`), lines.join('\n') + '\n');
  }
}

function capitalized(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}
