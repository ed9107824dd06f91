/**
 * An inverted index: word → sorted ids of the documents containing it. The input is a directory
 * with one text file per document (its id is the file name without extension), or a file or glob of JSON lines
 * `["docId", "text"]`; by default, generated documents cached in the temp directory.
 *
 *   npx tsx examples/inverted-index.ts [--master URL] [--top N] [input directory, file or glob]
 */
import { cachedPath } from './shared/generated-file.js';
import { exampleDataPath } from './shared/data-dir.js';
import { printTable, runExample } from './shared/cli.js';
import { generateDocuments, writeDocumentFiles } from './inverted-index/generate.js';
import { buildInvertedIndex } from './inverted-index/job.js';

const SHOWN_DOC_IDS = 5;

runExample('inverted-index', 'npx tsx examples/inverted-index.ts [--master URL] [--top N] [input]', async (fc, args) => {
  const input = args.input ?? demoDocuments();
  const index = await buildInvertedIndex(fc, input);
  console.log(`indexed ${input}: ${index.length} words; the ${args.top} in most documents:`);
  const widest = [...index].sort(([, a], [, b]) => b.length - a.length).slice(0, args.top);
  printTable(
    ['word', 'documents', 'ids'],
    widest.map(([word, docIds]) => [word, docIds.length, shortList(docIds)]),
  );
});

function shortList(docIds: string[]): string {
  const shown = docIds.slice(0, SHOWN_DOC_IDS).join(', ');
  return docIds.length > SHOWN_DOC_IDS ? `${shown}, ...` : shown;
}

function demoDocuments(): string {
  return cachedPath(exampleDataPath('documents'), (dir) => {
    console.log(`generating documents in ${dir} (once)...`);
    writeDocumentFiles(dir, generateDocuments({ count: 200 }));
  });
}
