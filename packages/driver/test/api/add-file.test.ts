// fc.addFile, fc.listFiles, fc.addArchive, fc.listArchives and SparkFiles on local[2], following
// PySpark's addFile and addArchive doctests. The archives are made by Python's zipfile and tarfile
// (as the doctest makes its zip), not by Flint.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, SparkFiles as DriverSparkFiles, capture } from '@flint/driver';

// Shipped functions name SparkFiles as a global, which task threads define (vitest renames imports).
declare const SparkFiles: typeof DriverSparkFiles;

const MAKE_ARCHIVE = `
import os, sys, tarfile, zipfile
kind, out, src = sys.argv[1:4]
if kind == 'zip':
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(src):
            for f in sorted(files):
                z.write(os.path.join(root, f), os.path.relpath(os.path.join(root, f), src))
elif kind == 'zip-slip':
    with zipfile.ZipFile(out, 'w') as z:
        z.writestr('../escaped.txt', 'out')
else:
    with tarfile.open(out, 'w:gz' if kind == 'tgz' else 'w') as t:
        for name in sorted(os.listdir(src)):
            t.add(os.path.join(src, name), name)
`;

let fc: FlintContext;
let tmp: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-added-files' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-add-file-'));
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

describe('addFile and SparkFiles', () => {
  it('lists added files once and reads them in tasks (doctest)', async () => {
    const path1 = write('test1.txt', '100');
    const path2 = write('test2.txt', '200');
    fc.addFile(path1);
    const fileList1 = [...fc.listFiles].sort();
    fc.addFile(path2);
    const fileList2 = [...fc.listFiles].sort();
    fc.addFile(path2); // added twice: ignored
    const fileList3 = [...fc.listFiles].sort();
    const collected = await fc
      .parallelize([1, 2, 3, 4])
      .mapPartitions(function* (iterator) {
        const mul = Number(process.getBuiltinModule('node:fs').readFileSync(SparkFiles.get('test1.txt'), 'utf8').split('\n')[0]);
        for (const x of iterator) yield x * mul;
      })
      .collect();
    expect(fileList1).toEqual([`file:${path1}`]);
    expect(fileList2).toEqual([`file:${path1}`, `file:${path2}`]);
    expect(fileList3).toEqual(fileList2);
    expect(collected).toEqual([100, 200, 300, 400]);
  });

  it('has a copy on the driver too, and tasks see their executor directory', async () => {
    expect(fs.readFileSync(DriverSparkFiles.get('test2.txt'), 'utf8')).toBe('200');
    const [taskRoot] = await fc.parallelize([0], 1).map(() => SparkFiles.getRootDirectory()).collect();
    expect(taskRoot).not.toBe(DriverSparkFiles.getRootDirectory());
    expect(fs.readFileSync(path.join(taskRoot, 'test2.txt'), 'utf8')).toBe('200');
  });

  it('ships a directory with recursive, keeping its layout', async () => {
    write('conf/a.txt', 'A');
    write('conf/nested/b.txt', 'B');
    fc.addFile(path.join(tmp, 'conf'), true);
    const read = await fc
      .parallelize(['a.txt', 'nested/b.txt'], 2)
      .map((name) => [name, process.getBuiltinModule('node:fs').readFileSync(`${SparkFiles.get('conf')}/${name}`, 'utf8')])
      .collect();
    expect(read).toEqual([
      ['a.txt', 'A'],
      ['nested/b.txt', 'B'],
    ]);
  });

  it("refuses a missing file, a directory without recursive, an unreachable DFS and a second file of the same name, with Spark's messages", () => {
    const missing = path.join(tmp, 'nope.txt');
    expect(() => fc.addFile(missing)).toThrow(`File file:${missing} does not exist`);
    fs.mkdirSync(path.join(tmp, 'plain-dir'));
    expect(() => fc.addFile(path.join(tmp, 'plain-dir'))).toThrow(`Added file file:${path.join(tmp, 'plain-dir')} is a directory and recursive is not turned on.`);
    expect(() => fc.addFile('dfs:///lookup.json')).toThrow('dfs:///lookup.json: there is no namenode in local mode; give dfs://host:port/path');
    expect(() => fc.addFile('dfs://127.0.0.1:1/lookup.json')).toThrow(/^cannot reach namenode 127\.0\.0\.1:1/);
    const other = write('other/test1.txt', 'x');
    expect(() => fc.addFile(other)).toThrow(
      `File test1.txt was already registered with a different path (old path = file:${path.join(tmp, 'test1.txt')}, new path = file:${other})`,
    );
  });
});

/** Packs the directory `src` (under tmp) into `name` with Python: kind zip, tar or tgz. */
function archive(kind: 'zip' | 'tar' | 'tgz' | 'zip-slip', name: string, src = 'tree'): string {
  const out = path.join(tmp, name);
  execFileSync('python3', ['-c', MAKE_ARCHIVE, kind, out, path.join(tmp, src)]);
  return out;
}

/** Reads `relative` inside the added archive `name` in a task, on each of 4 partitions. */
async function readInTasks(name: string, relative: string): Promise<string[]> {
  return fc
    .parallelize([0, 1, 2, 3], 4)
    .map(capture({ name, relative }, (_, { name, relative }) => process.getBuiltinModule('node:fs').readFileSync(`${SparkFiles.get(name)}/${relative}`, 'utf8')))
    .collect();
}

describe('addArchive and listArchives', () => {
  it('lists added archives once and reads a file inside one in tasks (doctest)', async () => {
    write('doctest/test.txt', '100');
    const zipPath1 = archive('zip', 'test1.zip', 'doctest');
    const zipPath2 = archive('zip', 'test2.zip', 'doctest');
    fc.addArchive(zipPath1);
    const archList1 = [...fc.listArchives].sort();
    fc.addArchive(zipPath2);
    const archList2 = [...fc.listArchives].sort();
    fc.addArchive(zipPath2); // added twice: ignored
    const archList3 = [...fc.listArchives].sort();
    const collected = await fc
      .parallelize([1, 2, 3, 4])
      .mapPartitions(function* (iterator) {
        const mul = Number(process.getBuiltinModule('node:fs').readFileSync(`${SparkFiles.get('test1.zip')}/test.txt`, 'utf8').split('\n')[0]);
        for (const x of iterator) yield x * mul;
      })
      .collect();
    expect(archList1).toEqual([`file:${zipPath1}`]);
    expect(archList2).toEqual([`file:${zipPath1}`, `file:${zipPath2}`]);
    expect(archList3).toEqual(archList2);
    expect(collected).toEqual([100, 200, 300, 400]);
    expect(fc.listFiles).not.toContain(`file:${zipPath1}`);
  });

  it('unpacks .tar, .tar.gz, .tgz and .jar, nested directories included, on the executors and the driver', async () => {
    write('tree/top.txt', 'top');
    write('tree/conf/nested/deep.txt', 'deep');
    const added = [archive('tar', 'plain.tar'), archive('tgz', 'gzipped.tar.gz'), archive('tgz', 'short.tgz'), archive('zip', 'classes.jar')];
    for (const file of added) fc.addArchive(file);
    for (const name of ['plain.tar', 'gzipped.tar.gz', 'short.tgz', 'classes.jar']) {
      expect(await readInTasks(name, 'conf/nested/deep.txt')).toEqual(['deep', 'deep', 'deep', 'deep']);
      expect(fs.readFileSync(path.join(DriverSparkFiles.get(name), 'top.txt'), 'utf8')).toBe('top');
    }
  });

  it('unpacks into the directory named by the fragment of path#name, and lists the URI with it', async () => {
    const zip = archive('zip', 'deps.zip');
    fc.addArchive(`${zip}#env`);
    expect(fc.listArchives).toContain(`file:${zip}#env`);
    expect(await readInTasks('env', 'top.txt')).toEqual(['top', 'top', 'top', 'top']);
  });

  it('copies a file it cannot unpack as it is, as Spark does', async () => {
    write('notes.txt', 'plain notes');
    fc.addArchive(path.join(tmp, 'notes.txt'));
    const [read] = await fc
      .parallelize([0], 1)
      .map(() => process.getBuiltinModule('node:fs').readFileSync(SparkFiles.get('notes.txt'), 'utf8'))
      .collect();
    expect(read).toBe('plain notes');
  });

  it('refuses a corrupt archive, an entry outside its directory, a missing file and a name already taken, each in one line', () => {
    const corrupt = write('broken.zip', 'this is not a zip file at all');
    expect(() => fc.addArchive(corrupt)).toThrow(`Cannot unpack file:${corrupt} as a zip archive: invalid zip data`);
    expect(fc.listArchives).not.toContain(`file:${corrupt}`);
    const brokenTar = write('broken.tgz', 'x'.repeat(2048));
    expect(() => fc.addArchive(brokenTar)).toThrow(`Cannot unpack file:${brokenTar} as a tar archive`);
    const slip = archive('zip-slip', 'slip.zip');
    expect(() => fc.addArchive(slip)).toThrow(/Cannot unpack .*slip\.zip as a zip archive: \.\.\/escaped\.txt is not a path under/);
    expect(fs.existsSync(path.join(DriverSparkFiles.getRootDirectory(), 'escaped.txt'))).toBe(false);
    const missing = path.join(tmp, 'nope.zip');
    expect(() => fc.addArchive(missing)).toThrow(`File file:${missing} does not exist`);
    const clash = write('other/test1.zip', 'x');
    expect(() => fc.addArchive(clash)).toThrow(
      `File test1.zip was already registered with a different path (old path = file:${path.join(tmp, 'test1.zip')}, new path = file:${clash})`,
    );
  });
});
