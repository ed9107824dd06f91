import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ShippedFiles } from '../src/context/shipped-files.js';

describe('ShippedFiles', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function fileWith(name: string, content: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-shipped-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  }

  it('sends each added file and archive to an executor once, with its next task, and again after the executor was lost', () => {
    const files = new ShippedFiles('app-shipped-test', undefined, () => {});
    dirs.push(files.rootDirectory);
    expect(files.forExecutor('e1')).toBeUndefined();
    files.addFile(fileWith('a.txt', 'A'), false);
    expect(files.forExecutor('e1')?.map((f) => [f.name, Buffer.from(f.bytes).toString()])).toEqual([['a.txt', 'A']]);
    expect(files.forExecutor('e1')).toBeUndefined();
    files.addFile(fileWith('b.txt', 'B'), false);
    expect(files.forExecutor('e1')?.map((f) => f.name)).toEqual(['b.txt']);
    // A .tar of one 512-byte header and two zero blocks: an empty file named x (checksum by hand below).
    files.addArchive(fileWith('c.tar', emptyFileTar('x')));
    expect(files.forExecutor('e1')?.map((f) => [f.name, f.archive])).toEqual([['c.tar', 'tar']]);
    expect(files.forExecutor('e2')?.map((f) => f.name)).toEqual(['a.txt', 'b.txt', 'c.tar']);
    files.executorRemoved('e1');
    expect(files.forExecutor('e1')?.map((f) => f.name)).toEqual(['a.txt', 'b.txt', 'c.tar']);
    expect(fs.statSync(path.join(files.rootDirectory, 'c.tar', 'x')).size).toBe(0);
    expect(fs.readFileSync(path.join(files.rootDirectory, 'b.txt'), 'utf8')).toBe('B');
    files.removeDirectory();
    expect(fs.existsSync(files.rootDirectory)).toBe(false);
  });
});

/** A ustar archive holding one empty regular file, built to the format's spec. */
function emptyFileTar(name: string): string {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100); // mode
  header.write('0000000\0', 108); // uid
  header.write('0000000\0', 116); // gid
  header.write('00000000000\0', 124); // size
  header.write('00000000000\0', 136); // mtime
  header.write('        ', 148); // checksum field counts as spaces
  header.write('0', 156); // regular file
  header.write('ustar\x0000', 257);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  return Buffer.concat([header, Buffer.alloc(1024)]).toString('latin1');
}
