/**
 * A fixed vocabulary for the generated texts: the most common English words first (so a word
 * count's top ranks read naturally), then made-up words of two or more consonant-vowel syllables
 * for the long tail. Deterministic, so a vocabulary of size n is the same everywhere.
 */

const COMMON_WORDS = (
  'the of and to a in is it you that he was for on are with as his they be at one have this ' +
  'from or had by hot but some what there we can out other were all your when up use word how ' +
  'said an each she which do their time if will way about many then them would write like so ' +
  'these her long make thing see him two has look more day could go come did my sound no most ' +
  'number who over know water than call first people may down side been now find any new work ' +
  'part take get place made live where after back little only round man year came show every ' +
  'good me give our under name very through just form much great think say help low line before'
).split(' ');

const CONSONANTS = 'bcdfghjklmnprstvwxyz';
const VOWELS = 'aeiou';

export function vocabulary(size: number): string[] {
  const words = COMMON_WORDS.slice(0, size);
  const seen = new Set(words);
  const syllables = CONSONANTS.length * VOWELS.length;
  for (let index = syllables; words.length < size; index++) {
    const word = syllableWord(index, syllables);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Writes `index` in base `syllables`, one consonant-vowel pair per digit (so no two collide). */
function syllableWord(index: number, syllables: number): string {
  let word = '';
  for (let rest = index; rest > 0; rest = Math.floor(rest / syllables)) {
    const digit = rest % syllables;
    word = CONSONANTS[Math.floor(digit / VOWELS.length)] + VOWELS[digit % VOWELS.length] + word;
  }
  return word;
}
