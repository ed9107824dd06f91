// textFile (a file, a directory, a glob; Hadoop's line rule across splits), saveAsTextFile
// (part-00000... files and _SUCCESS) and pipe, following the PySpark doctests in rdd.py and
// context.py.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
let tmp: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-io' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-io-'));
});

afterAll(async () => {
  await fc.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function write(name: string, content: string): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const sortedStrings = (xs: string[]) => [...xs].sort();

describe('textFile', () => {
  it('reads a one-line file (context.py doctest)', async () => {
    const file = write('sample-text.txt', 'Hello world!');
    expect(await fc.textFile(file).collect()).toEqual(['Hello world!']);
  });

  it('unions with a parallelized RDD (context.py union doctest)', async () => {
    const file = write('union-text.txt', 'Hello');
    const textFile = fc.textFile(file);
    expect(await textFile.collect()).toEqual(['Hello']);
    const parallelized = fc.parallelize(['World!']);
    expect(sortedStrings(await fc.union([textFile, parallelized]).collect())).toEqual(['Hello', 'World!']);
  });

  it('splits lines on \\n and \\r\\n, keeps empty lines, drops only the final terminator', async () => {
    expect(await fc.textFile(write('lines-a.txt', 'a\nb\n')).collect()).toEqual(['a', 'b']);
    expect(await fc.textFile(write('lines-b.txt', 'a\nb')).collect()).toEqual(['a', 'b']);
    expect(await fc.textFile(write('lines-c.txt', 'a\n\nb\n\n')).collect()).toEqual(['a', '', 'b', '']);
    expect(await fc.textFile(write('lines-d.txt', 'a\r\nb\r\n')).collect()).toEqual(['a', 'b']);
    expect(await fc.textFile(write('lines-e.txt', '')).collect()).toEqual([]);
  });

  it('reads every line exactly once whatever the split boundaries (Hadoop line rule)', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `${i} ${'x'.repeat(i % 37)} héllo ☃ 日本 ${i}`);
    const file = write('many-lines.txt', lines.join('\n') + '\n');
    for (const minPartitions of [1, 3, 7]) {
      const rdd = fc.textFile(file, minPartitions);
      expect(rdd.getNumPartitions()).toBeGreaterThanOrEqual(minPartitions);
      expect(await rdd.collect(), `minPartitions=${minPartitions}`).toEqual(lines);
    }
  });

  it('reads every file of a directory', async () => {
    write('dir/part-a.txt', 'a1\na2\n');
    write('dir/part-b.txt', 'b1\n');
    write('dir/part-c.txt', 'c1\nc2\nc3');
    expect(sortedStrings(await fc.textFile(path.join(tmp, 'dir')).collect())).toEqual(['a1', 'a2', 'b1', 'c1', 'c2', 'c3']);
  });

  it('reads the files matched by a glob, and only those', async () => {
    write('glob/one.log', 'l1\n');
    write('glob/two.log', 'l2\nl3\n');
    write('glob/skip.txt', 'not me\n');
    expect(sortedStrings(await fc.textFile(path.join(tmp, 'glob', '*.log')).collect())).toEqual(['l1', 'l2', 'l3']);
  });

  it('fails a later action once its input file is deleted (test_rdd.py, SPARK-1025)', async () => {
    const file = write('deleted-later.txt', 'Hello World!');
    const filtered = fc.textFile(file).filter(() => true);
    expect(await filtered.count()).toBe(1);
    fs.unlinkSync(file);
    await expect((async () => filtered.count())()).rejects.toThrow();
  }, 20_000);

  it('feeds a word count like the README example', async () => {
    const file = write('words.txt', 'the cat\nthe dog  the end\n\n');
    const top = await fc
      .textFile(file)
      .flatMap((line) => line.split(' '))
      .filter((w) => w.length > 0)
      .map((w) => [w, 1] as [string, number])
      .reduceByKey((a, b) => a + b)
      .takeOrdered(2, ([w, n]) => [-n, w]);
    expect(top).toEqual([['the', 3], ['cat', 1]]);
  });
});

describe('saveAsTextFile', () => {
  function partFiles(dir: string) {
    return fs.readdirSync(dir).filter((f) => f.startsWith('part-')).sort();
  }

  function readParts(dir: string) {
    return partFiles(dir)
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('');
  }

  it('writes the elements as lines in part files (doctest)', async () => {
    const out = path.join(tmp, 'saved-range');
    await expect(fc.parallelize(Array.from({ length: 10 }, (_, i) => i)).saveAsTextFile(out)).resolves.toBeUndefined();
    const lines = readParts(out).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('tolerates empty lines (doctest)', async () => {
    const out = path.join(tmp, 'saved-empty-lines');
    await fc.parallelize(['', 'foo', '', 'bar', '']).saveAsTextFile(out);
    const lines = readParts(out).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.sort()).toEqual(['', '', '', 'bar', 'foo']);
  });

  it('writes one part-NNNNN file per partition, in partition order, and _SUCCESS', async () => {
    const out = path.join(tmp, 'saved-parts');
    await fc.parallelize(['a', 'b', 'c', 'd', 'e'], 3).saveAsTextFile(out);
    expect(partFiles(out)).toEqual(['part-00000', 'part-00001', 'part-00002']);
    expect(fs.existsSync(path.join(out, '_SUCCESS'))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'part-00000'), 'utf8')).toBe('a\n');
    expect(fs.readFileSync(path.join(out, 'part-00001'), 'utf8')).toBe('b\nc\n');
    expect(fs.readFileSync(path.join(out, 'part-00002'), 'utf8')).toBe('d\ne\n');
  });

  it('writes an empty part file for an empty partition', async () => {
    const out = path.join(tmp, 'saved-sparse');
    await fc.parallelize(['only'], 3).saveAsTextFile(out);
    expect(partFiles(out)).toEqual(['part-00000', 'part-00001', 'part-00002']);
    expect(readParts(out)).toBe('only\n');
  });

  it('reads back with textFile', async () => {
    const out = path.join(tmp, 'saved-roundtrip');
    const words = Array.from({ length: 300 }, (_, i) => `word-${i}`);
    await fc.parallelize(words, 4).saveAsTextFile(out);
    expect(sortedStrings(await fc.textFile(out).collect())).toEqual(sortedStrings(words));
  });

  it('writes non-ASCII text as UTF-8 (test_rdd.py, SPARK-970)', async () => {
    const out = path.join(tmp, 'saved-unicode');
    await fc.parallelize(['\u00A1Hola, mundo!']).saveAsTextFile(out);
    expect(readParts(out).trim()).toBe('¡Hola, mundo!');
  });

  it('rejects writing into an existing output directory', async () => {
    const out = path.join(tmp, 'saved-twice');
    await fc.parallelize(['x']).saveAsTextFile(out);
    await expect((async () => fc.parallelize(['y']).saveAsTextFile(out))()).rejects.toThrow(/exist/i);
    expect(readParts(out)).toBe('x\n');
  });
});

describe('pipe', () => {
  it('pipes through cat, keeping empty lines (doctest)', async () => {
    expect(await fc.parallelize(['1', '2', '', '3']).pipe('cat').collect()).toEqual(['1', '2', '', '3']);
  });

  it('writes elements as strings (older doctest with numbers)', async () => {
    expect(await fc.parallelize([1, 2, 3]).pipe('cat').collect()).toEqual(['1', '2', '3']);
  });

  it('passes non-ASCII text through unchanged (test_rdd.py, SPARK-20947)', async () => {
    expect(await fc.parallelize(['\u6d4b\u8bd5', '1']).pipe('cat').collect()).toEqual(['测试', '1']);
  });

  it('a command that prints nothing gives nothing, even when it exits non-zero (test_pipe_functions)', async () => {
    expect(await fc.parallelize(['1', '2', '3']).pipe('grep 4').collect()).toEqual([]);
  });

  it('with checkCode, a non-zero exit fails the job naming the command (test_pipe_functions)', async () => {
    await expect((async () => fc.parallelize(['1', '2', '3']).pipe('grep 4', {}, true).collect())()).rejects.toThrow(
      /grep 4/,
    );
  }, 20_000);

  it('runs the command once per partition with that partition\'s lines', async () => {
    const rdd = fc.parallelize(['ab', 'cd', 'ef', 'gh', 'ij'], 3);
    expect(await rdd.pipe('tr a-z A-Z').glom().collect()).toEqual([['AB'], ['CD', 'EF'], ['GH', 'IJ']]);
    expect(await rdd.pipe('wc -l').map((s) => Number(s.trim())).collect()).toEqual([1, 2, 2]);
  });
});
