/** Flint's word count (the example job) on `local[2]`, context start-up included. */
import { FlintContext } from '@flint/driver';
import { wordCounts } from '../../examples/wordcount/job.js';
import { programArgs, writeProgramResult } from './program-result.js';

const { input, resultFile } = programArgs();
const started = performance.now();
const fc = await FlintContext.create({ master: 'local[2]', appName: 'bench-wordcount' });
const counts = await wordCounts(fc, input).collectAsMap();
writeProgramResult(resultFile, started, counts);
await fc.stop();
