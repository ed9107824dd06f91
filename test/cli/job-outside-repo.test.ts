/**
 * `flint submit` runs a job file that lives outside the repository, as spark-submit runs a script
 * from anywhere: Flint's packages resolve from the installation, TypeScript with top-level await
 * works in a directory without a package.json, and the job's own modules work (a helper function
 * imported from one and captured for a transformation runs on the workers).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlint } from './run-flint.js';

const LINES = ['the quick brown fox', 'the lazy dog', 'the fox'];

/** The sequential reference: word counts sorted by word. */
function reference(): [string, number][] {
  const counts = new Map<string, number>();
  for (const word of LINES.join(' ').split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

const JOB_BODY = `
const fc = await FlintContext.create({ appName: 'outside' });
const counts = await fc
  .textFile(process.argv[2])
  .flatMap((line) => line.split(' '))
  .map((word) => [word, 1])
  .reduceByKey((a, b) => a + b)
  .sortByKey()
  .collect();
console.log(JSON.stringify(counts));
await fc.stop();
`;

let dir: string;
let input: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-outside-'));
  input = join(dir, 'words.txt');
  writeFileSync(input, `${LINES.join('\n')}\n`);
  writeFileSync(join(dir, 'words.ts'), 'export function splitWords(line: string): string[] {\n  return line.split(\' \');\n}\n');
  writeFileSync(
    join(dir, 'job.ts'),
    `import { capture, FlintContext } from '@flint/driver';
import { splitWords } from './words.ts';
const path: string = process.argv[2];
const fc = await FlintContext.create({ appName: 'outside-ts' });
const counts = await fc
  .textFile(path)
  .flatMap(capture({ splitWords }, (line: string, { splitWords }) => splitWords(line)))
  .map((word): [string, number] => [word, 1])
  .reduceByKey((a: number, b: number) => a + b)
  .sortByKey()
  .collect();
console.log(JSON.stringify(counts));
await fc.stop();
`,
  );
  writeFileSync(join(dir, 'job.js'), `import { FlintContext } from '@flint/driver';\n${JOB_BODY}`);
  writeFileSync(join(dir, 'job.mjs'), `import { FlintContext } from '@flint/driver';\n${JOB_BODY}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a job file outside the repository', () => {
  for (const file of ['job.ts', 'job.js', 'job.mjs']) {
    it(`runs ${file} with flint submit`, async () => {
      const result = await runFlint(['submit', file, '--master', 'local[2]', '--', input], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout.trim())).toEqual(reference());
    });
  }
});
