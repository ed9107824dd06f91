import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBed } from './shared/test-bed.js';
import { generateDocuments, writeDocumentFiles, writeDocumentLines, type Document } from './inverted-index/generate.js';
import { buildInvertedIndex, documentsFromLines, invertedIndex } from './inverted-index/job.js';
import { invertedIndexSequential } from './inverted-index/reference.js';

describe('inverted index example', () => {
  const bed = useTestBed('inverted-index-test');
  let documents: Document[];

  beforeAll(() => {
    documents = generateDocuments({ count: 60 });
  });

  it('indexes a directory of text files, one document per file', async () => {
    const dir = join(bed.dir, 'files');
    writeDocumentFiles(dir, documents);
    expect(await buildInvertedIndex(bed.fc, dir)).toEqual(invertedIndexSequential(documents));
  });

  it('indexes [docId, text] lines, documents spanning files and partitions', async () => {
    const dir = join(bed.dir, 'lines');
    writeDocumentLines(dir, documents, 3);
    const index = await invertedIndex(documentsFromLines(bed.fc, dir, 6)).collect();
    expect(index).toEqual(invertedIndexSequential(documents));
  });
});
