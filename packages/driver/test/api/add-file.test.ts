// fc.addFile, fc.listFiles and SparkFiles on local[2], following PySpark's addFile doctest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, SparkFiles as DriverSparkFiles } from '@flint/driver';

// Shipped functions name SparkFiles as a global, which task threads define (vitest renames imports).
declare const SparkFiles: typeof DriverSparkFiles;

let fc: FlintContext;
let tmp: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-add-file' });
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

  it("refuses a missing file, a directory without recursive and a second file of the same name, with Spark's messages", () => {
    const missing = path.join(tmp, 'nope.txt');
    expect(() => fc.addFile(missing)).toThrow(`File file:${missing} does not exist`);
    fs.mkdirSync(path.join(tmp, 'plain-dir'));
    expect(() => fc.addFile(path.join(tmp, 'plain-dir'))).toThrow(`Added file file:${path.join(tmp, 'plain-dir')} is a directory and recursive is not turned on.`);
    const other = write('other/test1.txt', 'x');
    expect(() => fc.addFile(other)).toThrow(
      `File test1.txt was already registered with a different path (old path = file:${path.join(tmp, 'test1.txt')}, new path = file:${other})`,
    );
  });
});
