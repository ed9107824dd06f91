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

  it('sends each added file to an executor once, with its next task, and again after the executor was lost', () => {
    const files = new ShippedFiles('app-shipped-test');
    dirs.push(files.rootDirectory);
    expect(files.forExecutor('e1')).toBeUndefined();
    files.add(fileWith('a.txt', 'A'), false);
    expect(files.forExecutor('e1')?.map((f) => [f.name, Buffer.from(f.bytes).toString()])).toEqual([['a.txt', 'A']]);
    expect(files.forExecutor('e1')).toBeUndefined();
    files.add(fileWith('b.txt', 'B'), false);
    expect(files.forExecutor('e1')?.map((f) => f.name)).toEqual(['b.txt']);
    expect(files.forExecutor('e2')?.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    files.executorRemoved('e1');
    expect(files.forExecutor('e1')?.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    expect(fs.readFileSync(path.join(files.rootDirectory, 'b.txt'), 'utf8')).toBe('B');
    files.removeDirectory();
    expect(fs.existsSync(files.rootDirectory)).toBe(false);
  });
});
