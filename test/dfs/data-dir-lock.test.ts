/**
 * A data directory belongs to one process: a second namenode or worker on a directory in use
 * refuses to start with one clear line (exit 1) naming the owner's pid, and a lock left behind by
 * a SIGKILLed process is stale and taken over. Real processes, real SIGKILL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsTestCluster, runCli, TIMING_FLAGS } from './cluster-harness.js';

let cluster: DfsTestCluster;

beforeAll(async () => {
  cluster = await DfsTestCluster.start({ datanodes: 1 });
});
afterAll(async () => {
  await cluster?.stop();
});

function lockOwner(dataDir: string): number {
  return (JSON.parse(readFileSync(join(dataDir, 'in_use.lock'), 'utf8')) as { pid: number }).pid;
}

function expectRefusal(result: { code: number | null; stderr: string }, command: string, dataDir: string, pid: number): void {
  expect(result.code, result.stderr).toBe(1);
  const lines = result.stderr.trimEnd().split('\n').filter((line) => line.startsWith('flint '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^flint ${command}: data directory ${dataDir} is in use by \\w+ process ${pid} on \\S+ \\(lock file ${dataDir}/in_use\\.lock\\); stop it, or use another data directory$`));
}

describe('a data directory in use', () => {
  it('makes a second namenode refuse to start', async () => {
    const namenode = cluster.namenode!;
    expect(lockOwner(namenode.dataDir)).toBe(namenode.child.pid);
    const second = await runCli(['namenode', '--port', '0', '--ui-port', '0', '--data', namenode.dataDir, ...TIMING_FLAGS]);
    expectRefusal(second, 'namenode', namenode.dataDir, namenode.child.pid!);
    expect(lockOwner(namenode.dataDir)).toBe(namenode.child.pid);
  });

  it('makes a second worker refuse to start', async () => {
    const worker = cluster.datanodes[0];
    expect(lockOwner(worker.dataDir)).toBe(worker.child.pid);
    const second = await runCli(['worker', '--namenode', cluster.namenodeAddress, '--data', worker.dataDir]);
    expectRefusal(second, 'worker', worker.dataDir, worker.child.pid!);
  });

  it('is taken over when its owner was SIGKILLed', async () => {
    const old = cluster.namenode!;
    await cluster.killAndWait(old);
    expect(lockOwner(old.dataDir)).toBe(old.child.pid);
    const restarted = await cluster.startNamenode();
    expect(lockOwner(restarted.dataDir)).toBe(restarted.child.pid);
    const worker = cluster.datanodes[0];
    await cluster.killAndWait(worker);
    const again = await cluster.startDatanode(worker.dataDir);
    expect(lockOwner(again.dataDir)).toBe(again.child.pid);
  });
});
