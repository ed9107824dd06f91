import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFaultDemo, type FaultDemoReport } from './fault-tolerance/demo.js';
import { recoveryOf } from './fault-tolerance/recovery.js';
import { topicRowsSequential } from './fault-tolerance/reference.js';

describe('fault-tolerance demo', () => {
  let dir: string;
  let report: FaultDemoReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-fault-tolerance-test-'));
    report = await runFaultDemo(
      {
        dataDir: dir,
        textBytes: 2 * 2 ** 20,
        blockSize: 128 * 1024,
        vocabularySize: 2_000,
        reducePartitions: 6,
        killAfterTasks: 1,
        replicationTimeoutMs: 15_000,
      },
      () => {},
    );
  }, 45_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('kills a worker while the stage that reads the shuffle runs', () => {
    expect(report.kill).toBeDefined();
    const stage = report.stages.get(report.kill!.stageId);
    expect(stage?.readsShuffles.length).toBeGreaterThan(0);
  });

  it('gets the same rows as the sequential reference and as a run without a failure', () => {
    const [text, lexicon] = report.files.map((file) => file.localPath);
    const expected = topicRowsSequential(text, lexicon);
    expect(expected.length).toBeGreaterThan(1_000);
    expect(report.rows).toEqual(expected);
    expect(report.reference.rows).toEqual(expected);
  });

  it('reruns tasks after the kill, recomputing every lost map output and nothing that was kept', () => {
    const recovery = recoveryOf(report);
    expect(recovery.rerun.length).toBeGreaterThanOrEqual(1);
    expect(recovery.rerun.every(({ task }) => task.atMs >= report.kill!.atMs)).toBe(true);
    const recomputed = recovery.rerun
      .filter((task) => task.reason === 'output lost')
      .map(({ stageId, partition }) => [report.stages.get(stageId)!.writesShuffle, partition]);
    expect(sorted(recomputed)).toEqual(sorted(recovery.lostMapOutputs));
    expect(recovery.rerun.filter((task) => task.reason === 'stage resubmitted')).toEqual([]);
  });

  it('re-replicates the blocks that had a replica on the dead worker', () => {
    expect(report.replication?.blocks.length).toBeGreaterThan(0);
    expect(report.replication?.repairedAtMs).toBeDefined();
    expect(report.replication?.healthy).toBe(true);
  });
});

function sorted(pairs: readonly (readonly (number | undefined)[])[]): string[] {
  return pairs.map((pair) => pair.join(':')).sort();
}
