import { SeededRandom } from './random.js';

/**
 * Comments in TPC-H are substrings of a pool of pseudo-English sentences (spec §4.2.2.10).
 * This is a simplified version of that grammar with the spec's word lists: enough for the
 * LIKE patterns the queries use ('%special%requests%', '%Customer%Complaints%'). The words
 * contain no commas or double quotes, so CSV fields never need quoting.
 */

const NOUNS = [
  'foxes', 'ideas', 'theodolites', 'pinto beans', 'instructions', 'dependencies', 'excuses',
  'platelets', 'asymptotes', 'courts', 'dolphins', 'multipliers', 'sauternes', 'warthogs', 'frets',
  'dinos', 'attainments', 'somas', 'Tiresias', 'patterns', 'forges', 'braids', 'hockey players',
  'frays', 'warhorses', 'dugouts', 'notornis', 'epitaphs', 'pearls', 'tithes', 'waters', 'orbits',
  'gifts', 'sheaves', 'depths', 'sentiments', 'decoys', 'realms', 'pains', 'grouches', 'escapades',
  'accounts', 'packages', 'requests', 'deposits',
];
const VERBS = [
  'sleep', 'wake', 'are', 'cajole', 'haggle', 'nag', 'use', 'boost', 'affix', 'detect',
  'integrate', 'maintain', 'nod', 'was', 'lose', 'sublate', 'solve', 'thrash', 'promise', 'engage',
  'hinder', 'print', 'x-ray', 'breach', 'eat', 'grow', 'impress', 'mold', 'poach', 'serve', 'run',
  'dazzle', 'snooze', 'doze', 'unwind', 'kindle', 'play', 'hang', 'believe', 'doubt',
];
const ADJECTIVES = [
  'furious', 'sly', 'careful', 'blithe', 'quick', 'fluffy', 'slow', 'quiet', 'ruthless', 'thin',
  'close', 'dogged', 'daring', 'brave', 'stealthy', 'permanent', 'enticing', 'idle', 'busy',
  'regular', 'final', 'ironic', 'even', 'bold', 'silent', 'special', 'pending', 'unusual', 'express',
];
const ADVERBS = [
  'sometimes', 'always', 'never', 'furiously', 'slyly', 'carefully', 'blithely', 'quickly',
  'fluffily', 'slowly', 'quietly', 'ruthlessly', 'thinly', 'closely', 'doggedly', 'daringly',
  'bravely', 'stealthily', 'permanently', 'enticingly', 'idly', 'busily', 'regularly', 'finally',
  'ironically', 'evenly', 'boldly', 'silently',
];
const PREPOSITIONS = [
  'about', 'above', 'according to', 'across', 'after', 'against', 'along', 'alongside of', 'among',
  'around', 'at', 'atop', 'before', 'behind', 'beneath', 'beside', 'besides', 'between', 'beyond',
  'by', 'despite', 'during', 'except', 'for', 'from', 'in place of', 'inside', 'instead of', 'into',
  'near', 'of', 'on', 'outside', 'over', 'past', 'since', 'through', 'throughout', 'to', 'toward',
  'under', 'until', 'up', 'upon', 'without', 'with', 'within',
];
const AUXILIARIES = [
  'do', 'may', 'might', 'shall', 'will', 'would', 'can', 'could', 'should', 'ought to', 'must',
  'will have to', 'shall have to', 'could have to', 'should have to', 'must have to', 'need to',
  'try to',
];
const TERMINATORS = ['.', ';', ':', '?', '!', '--'];

const POOL_SIZE = 1 << 20;

function nounPhrase(r: SeededRandom): string {
  switch (r.int(0, 3)) {
    case 0: return r.pick(NOUNS);
    case 1: return `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
    case 2: return `${r.pick(ADJECTIVES)} ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
    default: return `${r.pick(ADVERBS)} ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}`;
  }
}

function verbPhrase(r: SeededRandom): string {
  switch (r.int(0, 3)) {
    case 0: return r.pick(VERBS);
    case 1: return `${r.pick(AUXILIARIES)} ${r.pick(VERBS)}`;
    case 2: return `${r.pick(VERBS)} ${r.pick(ADVERBS)}`;
    default: return `${r.pick(AUXILIARIES)} ${r.pick(VERBS)} ${r.pick(ADVERBS)}`;
  }
}

function sentence(r: SeededRandom): string {
  const prepositional = () => `${r.pick(PREPOSITIONS)} the ${nounPhrase(r)}`;
  switch (r.int(0, 4)) {
    case 0: return `${nounPhrase(r)} ${verbPhrase(r)}${r.pick(TERMINATORS)}`;
    case 1: return `${nounPhrase(r)} ${verbPhrase(r)} ${prepositional()}${r.pick(TERMINATORS)}`;
    case 2: return `${nounPhrase(r)} ${verbPhrase(r)} ${nounPhrase(r)}${r.pick(TERMINATORS)}`;
    case 3: return `${nounPhrase(r)} ${prepositional()} ${verbPhrase(r)} ${nounPhrase(r)}${r.pick(TERMINATORS)}`;
    default: return `${nounPhrase(r)} ${prepositional()} ${verbPhrase(r)} ${prepositional()}${r.pick(TERMINATORS)}`;
  }
}

export class TextPool {
  private readonly pool: string;

  constructor() {
    const r = SeededRandom.forStream('text-pool');
    const parts: string[] = [];
    let length = 0;
    while (length < POOL_SIZE) {
      const s = sentence(r);
      parts.push(s);
      length += s.length + 1;
    }
    this.pool = parts.join(' ');
  }

  /** A comment of a random length in [minLength, maxLength], with no leading or trailing space. */
  text(r: SeededRandom, minLength: number, maxLength: number): string {
    const length = r.int(minLength, maxLength);
    const start = r.int(0, this.pool.length - length - 1);
    return this.pool.substring(start, start + length).trim();
  }
}
