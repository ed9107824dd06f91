// Hadoop's TextInputFormat as Flint reads a split: [byte offset, line] for each line starting in
// the split, lines ended by LF, CR or CR LF (Hadoop's LineReader). Cut at every byte, the splits
// together give every line once, against a reference that splits the whole text with a regex.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRangeSplit } from '../src/thread/range-input.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-offset-lines-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every line with its byte offset, by one regex over the whole text (no final empty line after a terminator). */
function reference(text: string): [number, string][] {
  const lines: [number, string][] = [];
  const pattern = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  for (let match = pattern.exec(text); match && match.index < text.length; match = pattern.exec(text)) {
    lines.push([Buffer.byteLength(text.slice(0, match.index)), match[1]]);
    if (match[0] === '') break;
  }
  return lines;
}

async function readInTwo(file: string, size: number, cut: number): Promise<[number, string][]> {
  const first = await readRangeSplit({ path: file, start: 0, length: cut, hosts: [] }, 'offsetLines');
  const second = await readRangeSplit({ path: file, start: cut, length: size - cut, hosts: [] }, 'offsetLines');
  return [...(first as [number, string][]), ...(second as [number, string][])];
}

describe('TextInputFormat splits', () => {
  it.each([
    ['LF', 'alpha\nbeta\n\ngamma\n'],
    ['CR LF', 'alpha\r\nbeta\r\n\r\ngamma'],
    ['lone CR', 'alpha\rbeta\r\rgamma\r'],
    ['mixed, UTF-8', 'é\r\nb\rc\n\r\nd\r\r\ne€\n'],
  ])('%s: every line once with its offset, wherever the file is cut in two', async (name, text) => {
    const file = path.join(dir, `${name.replace(/\W/g, '_')}.txt`);
    fs.writeFileSync(file, text);
    const size = Buffer.byteLength(text);
    for (let cut = 0; cut <= size; cut++) expect(await readInTwo(file, size, cut), `cut at ${cut}`).toEqual(reference(text));
  });
});
