// PySpark semantics for setCheckpointDir, checkpoint and isCheckpointed: isCheckpointed turns
// true after the first action, the data is written under the checkpoint directory, and later
// actions read it instead of recomputing the lineage (observed through an accumulator).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, capture } from '@flint/driver';

let fc: FlintContext;
let checkpointDir: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-checkpoint' });
  checkpointDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-checkpoint-'));
  fc.setCheckpointDir(checkpointDir);
});

afterAll(async () => {
  await fc.stop();
  fs.rmSync(checkpointDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('checkpoint', () => {
  it('isCheckpointed becomes true after an action and later actions read the checkpoint', async () => {
    const computed = fc.accumulator(0);
    const rdd = fc.parallelize(Array.from({ length: 15 }, (_, i) => i), 3).map(
      capture({ computed }, (x, { computed }) => {
        computed.add(1);
        return x * 2;
      }),
    );
    rdd.checkpoint();
    expect(rdd.isCheckpointed).toBe(false);
    expect(await rdd.collect()).toEqual(Array.from({ length: 15 }, (_, i) => i * 2));
    expect(rdd.isCheckpointed).toBe(true);
    expect(filesUnder(checkpointDir).length).toBeGreaterThan(0);
    const afterCheckpoint = computed.value;
    expect(await rdd.sum()).toBe(210);
    expect(await rdd.count()).toBe(15);
    expect(computed.value).toBe(afterCheckpoint);
  }, 15_000);

  it('works together with cache() and with a shuffled RDD', async () => {
    const counts = fc
      .parallelize(['x', 'y', 'x'], 2)
      .map((w) => [w, 1] as [string, number])
      .reduceByKey((a, b) => a + b)
      .cache();
    counts.checkpoint();
    expect(await counts.collectAsMap()).toEqual(new Map([['x', 2], ['y', 1]]));
    expect(counts.isCheckpointed).toBe(true);
    expect(await counts.mapValues((n) => n * 10).collectAsMap()).toEqual(new Map([['x', 20], ['y', 10]]));
  }, 15_000);
});
