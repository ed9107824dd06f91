/** The hand-written single-threaded word count: read the file, count in a Map. */
import { readFileSync } from 'node:fs';
import { countWords } from './count-words.js';
import { programArgs, writeProgramResult } from './program-result.js';

const { input, resultFile } = programArgs();
const started = performance.now();
const counts = countWords(readFileSync(input, 'utf8'));
writeProgramResult(resultFile, started, counts);
