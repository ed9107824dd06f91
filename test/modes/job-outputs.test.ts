/**
 * Which RDDs mapreduce mode writes to storage: the output of a reduce phase that later jobs read,
 * as Hadoop chains jobs; not a chain of narrow transformations over input files, which every job
 * re-reads and re-parses, as Hadoop's map tasks do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

const dir = mkdtempSync(join(tmpdir(), 'flint-job-outputs-test-'));
const input = join(dir, 'numbers.txt');
const numbers = Array.from({ length: 2_000 }, (_, i) => i);
writeFileSync(input, numbers.join('\n') + '\n');

const contexts: FlintContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.map((fc) => fc.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function mapreduceContext(): Promise<FlintContext> {
  const fc = await FlintContext.create({ master: 'local[2]', mode: 'mapreduce', appName: 'job-outputs' });
  contexts.push(fc);
  return fc;
}

const writingJobs = (fc: FlintContext) => fc.jobHistory.filter((job) => job.description.startsWith('mapreduce job writing'));

describe('mapreduce mode job outputs', () => {
  it('re-reads and re-parses the input for every job over a narrow chain', async () => {
    const fc = await mapreduceContext();
    const parsed = fc.textFile(input, 2).map(Number).filter((n) => n % 3 === 0);
    expect(await parsed.count()).toBe(numbers.filter((n) => n % 3 === 0).length);
    expect(await parsed.sum()).toBe(numbers.filter((n) => n % 3 === 0).reduce((a, b) => a + b, 0));
    expect(writingJobs(fc)).toEqual([]);
    expect(fc.jobHistory.map((job) => job.description)).toEqual(['count', 'sum']);
  });

  it('writes a reduce phase’s output once and lets later jobs read it', async () => {
    const fc = await mapreduceContext();
    const byLastDigit = fc.textFile(input, 2).map((line): [number, number] => [Number(line) % 10, 1]).reduceByKey((a, b) => a + b);
    expect(await byLastDigit.count()).toBe(10);
    expect(new Map(await byLastDigit.collect())).toEqual(new Map(Array.from({ length: 10 }, (_, digit) => [digit, 200])));
    expect(writingJobs(fc)).toHaveLength(1);
  });

  it('reads back stored Maps, typed arrays, NaN and undefined as they were computed', async () => {
    const fc = await mapreduceContext();
    // Per last digit: a Map of counts by parity, the values as a Float64Array, and values JSON would turn into null.
    const summaries = fc
      .textFile(input, 2)
      .map((line): [number, number[]] => [Number(line) % 10, [Number(line)]])
      .reduceByKey((a, b) => [...a, ...b])
      .mapValues((values) => ({
        parity: new Map([[values[0] % 2, values.length]]),
        values: Float64Array.from(values.sort((a, b) => a - b)),
        missing: [undefined, NaN, -Infinity],
      }));
    const expected = Array.from({ length: 10 }, (_, digit) => {
      const values = numbers.filter((n) => n % 10 === digit);
      return [digit, { parity: new Map([[digit % 2, values.length]]), values: Float64Array.from(values), missing: [undefined, NaN, -Infinity] }];
    });
    expect(await summaries.count()).toBe(10);
    const collected = await summaries.collect();
    expect(writingJobs(fc)).toHaveLength(1);
    expect(collected.sort(([a], [b]) => a - b)).toStrictEqual(expected);
  });
});
