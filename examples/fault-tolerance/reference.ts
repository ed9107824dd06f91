import { readLines } from '../shared/read-lines.js';
import { wordCountsSequential } from '../wordcount/reference.js';
import { sortRows, type TopicRow } from './job.js';
import { lexiconEntry } from './lexicon.js';

/** The demo job computed sequentially, without Flint: what every distributed run must equal. */
export function topicRowsSequential(text: string, lexicon: string): TopicRow[] {
  const topics = new Map(readLines(lexicon).map(lexiconEntry));
  const rows: TopicRow[] = [];
  for (const [word, count] of wordCountsSequential(text)) {
    const topic = topics.get(word);
    if (topic !== undefined) rows.push([word, count, topic]);
  }
  return sortRows(rows);
}
