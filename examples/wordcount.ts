/**
 * The demo (`npm run demo`): word count over a text, by default a generated 20 MB text of
 * Zipf-distributed words, cached in the system's temp directory.
 *
 *   npx tsx examples/wordcount.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { cachedPath } from './shared/generated-file.js';
import { exampleDataPath } from './shared/data-dir.js';
import { printTable, runExample } from './shared/cli.js';
import { generateText } from './wordcount/generate.js';
import { topWords, wordCounts } from './wordcount/job.js';

const DEMO_TEXT_BYTES = 20 * 1024 * 1024;

runExample('wordcount', 'npx tsx examples/wordcount.ts [--master URL] [--top N] [input]', async (fc, args) => {
  const input = args.input ?? demoText();
  const counts = wordCounts(fc, input);
  console.log(`word count over ${input}\n\nlineage:\n${counts.toDebugString()}\n`);
  const top = await topWords(counts, args.top);
  console.log(`top ${args.top} words:`);
  printTable(['word', 'count'], top);
  // A second action on the same shuffle: its map stage is skipped.
  console.log(`\ndistinct words: ${await counts.count()}`);
});

function demoText(): string {
  return cachedPath(exampleDataPath('zipf-words-20MB.txt'), (path) => {
    console.log(`generating a 20 MB text at ${path} (once)...`);
    generateText(path, { bytes: DEMO_TEXT_BYTES });
  });
}
