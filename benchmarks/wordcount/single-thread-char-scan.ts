/** The hand-tuned single-threaded word count: read the file, scan it character by character. */
import { readFileSync } from 'node:fs';
import { countWordsByCharScan } from './char-scan.js';
import { programArgs, writeProgramResult } from './program-result.js';

const { input, resultFile } = programArgs();
const started = performance.now();
const counts = countWordsByCharScan(readFileSync(input, 'utf8'));
writeProgramResult(resultFile, started, counts);
