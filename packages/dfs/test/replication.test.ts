import { describe, expect, it } from 'vitest';
import { BlockMap } from '../src/namenode/block-map.js';
import { DatanodeManager, expiryMs } from '../src/namenode/datanode-manager.js';
import { chooseTargets } from '../src/namenode/placement.js';
import { ReplicationMonitor } from '../src/namenode/replication-monitor.js';
import { SafeMode } from '../src/namenode/safe-mode.js';

function cluster(nodeCount: number) {
  let now = 1_000;
  const clock = () => now;
  const datanodes = new DatanodeManager(expiryMs(100, 200), clock);
  for (let i = 0; i < nodeCount; i++) {
    datanodes.register({ nodeId: `dn${i}`, host: '127.0.0.1', dataPort: 1000 + i, services: {}, capacityBytes: 1e9, usedBytes: i * 1e6, blockCount: 0, activeTransfers: 0 });
  }
  const blockMap = new BlockMap();
  const monitor = new ReplicationMonitor(blockMap, datanodes, { pendingTimeoutMs: 500, maxQueuedTransfersPerNode: 100 }, clock);
  const addBlock = (blockId: string, replication: number, holders: string[]) => {
    blockMap.add(blockId, { replication }, 10, true);
    for (const nodeId of holders) blockMap.addReplica(blockId, nodeId, 10);
  };
  return { datanodes, blockMap, monitor, addBlock, advance: (ms: number) => (now += ms) };
}

describe('dead-node detection', () => {
  it('uses 2 × recheck + 10 × heartbeat', () => {
    expect(expiryMs(3_000, 300_000)).toBe(630_000);
    const { datanodes, advance } = cluster(2);
    advance(1_400);
    datanodes.heartbeat('dn1', {}, { capacityBytes: 1, usedBytes: 0, blockCount: 0, activeTransfers: 0 });
    advance(1);
    expect(datanodes.expire().map((n) => n.nodeId)).toEqual(['dn0']);
    expect(() => datanodes.heartbeat('dn0', {}, { capacityBytes: 1, usedBytes: 0, blockCount: 0, activeTransfers: 0 })).toThrow(/register again/);
    expect(datanodes.live().map((n) => n.nodeId)).toEqual(['dn1']);
  });
});

describe('placement', () => {
  it('puts the first replica on the writer and never two on one node', () => {
    const { datanodes } = cluster(5);
    for (let round = 0; round < 20; round++) {
      const targets = chooseTargets(datanodes.live(), { count: 3, excluded: new Set(['dn4']), writerNodeId: 'dn2', blockSize: 10 });
      expect(targets[0].nodeId).toBe('dn2');
      expect(new Set(targets.map((t) => t.nodeId)).size).toBe(3);
      expect(targets.map((t) => t.nodeId)).not.toContain('dn4');
    }
    expect(chooseTargets(datanodes.live(), { count: 9, excluded: new Set(), blockSize: 10 })).toHaveLength(5);
    expect(chooseTargets(datanodes.live(), { count: 2, excluded: new Set(), blockSize: 2e9 })).toHaveLength(0);
  });
});

describe('replication monitor', () => {
  it('repairs the blocks with the fewest live replicas first, from a live source to new nodes', () => {
    const { datanodes, monitor, addBlock } = cluster(4);
    addBlock('blk_two', 3, ['dn0', 'dn1']);
    addBlock('blk_one', 3, ['dn2']);
    expect(monitor.run().copiesScheduled).toBe(2);
    const commands = ['dn0', 'dn1', 'dn2', 'dn3'].flatMap((id) => datanodes.takeCommands(id, 10).map((c) => ({ id, c })));
    const one = commands.find(({ c }) => c.type === 'transfer' && c.blockId === 'blk_one')!;
    expect(one.id).toBe('dn2');
    expect(one.c.type === 'transfer' && one.c.targets.map((t) => t.nodeId).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/dn[013]/)]));
    expect(one.c.type === 'transfer' && one.c.targets).toHaveLength(2);
    // Pending copies are not scheduled twice until they time out.
    expect(monitor.run().copiesScheduled).toBe(0);
  });

  it('schedules again when a pending copy is not confirmed in time', () => {
    const { monitor, addBlock, advance } = cluster(3);
    addBlock('blk_a', 2, ['dn0']);
    expect(monitor.run().copiesScheduled).toBe(1);
    advance(501);
    expect(monitor.run().copiesScheduled).toBe(1);
  });

  it('trims surplus replicas from the fullest nodes', () => {
    const { blockMap, datanodes, monitor, addBlock } = cluster(4);
    addBlock('blk_a', 2, ['dn0', 'dn1', 'dn2', 'dn3']);
    expect(monitor.run().surplusDeleted).toBe(2);
    expect([...blockMap.get('blk_a')!.replicas.keys()].sort()).toEqual(['dn0', 'dn1']);
    expect(datanodes.takeCommands('dn3', 4)).toEqual([{ type: 'delete', blockIds: ['blk_a'] }]);
  });

  it('keeps a corrupt replica until a good copy replaces it, unless its node is the only target', () => {
    const { blockMap, monitor, addBlock } = cluster(4);
    addBlock('blk_a', 3, ['dn0', 'dn1', 'dn2']);
    blockMap.markCorrupt('blk_a', 'dn2');
    expect(monitor.run()).toEqual({ copiesScheduled: 1, surplusDeleted: 0, corruptDeleted: 0 });
    blockMap.addReplica('blk_a', 'dn3', 10);
    monitor.replicaReceived('blk_a', 'dn3');
    expect(monitor.run().corruptDeleted).toBe(1);
    expect([...blockMap.get('blk_a')!.replicas.keys()].sort()).toEqual(['dn0', 'dn1', 'dn3']);

    const small = cluster(3);
    small.addBlock('blk_b', 3, ['dn0', 'dn1', 'dn2']);
    small.blockMap.markCorrupt('blk_b', 'dn1');
    expect(small.monitor.run().corruptDeleted).toBe(1);
    // The node becomes a target again once its delete command has gone out with a heartbeat.
    expect(small.monitor.run().copiesScheduled).toBe(0);
    expect(small.datanodes.takeCommands('dn1', 4)).toEqual([{ type: 'delete', blockIds: ['blk_b'] }]);
    expect(small.monitor.run().copiesScheduled).toBe(1);
  });

  it('marks a reported replica of the wrong length corrupt', () => {
    const { blockMap } = cluster(1);
    blockMap.add('blk_a', { replication: 1 }, 10, true);
    expect(blockMap.addReplica('blk_a', 'dn0', 9)).toBe('wrong-length');
    expect(blockMap.get('blk_a')!.replicas.get('dn0')!.corrupt).toBe(true);
  });
});

describe('safe mode', () => {
  it('ends once the threshold of blocks has been reported for the extension time', () => {
    let now = 0;
    const safeMode = new SafeMode(0.999, 1_000, () => now);
    safeMode.update(10, 9);
    expect(safeMode.isOn).toBe(true);
    expect(() => safeMode.assertOff('delete /x')).toThrow(/cannot delete \/x: namenode is in safe mode \(9 of 10 blocks reported/);
    safeMode.update(10, 10);
    now = 999;
    safeMode.update(10, 10);
    expect(safeMode.isOn).toBe(true);
    now = 1_000;
    safeMode.update(10, 10);
    expect(safeMode.isOn).toBe(false);
  });

  it('is off at once for an empty namespace', () => {
    const safeMode = new SafeMode(0.999, 30_000);
    safeMode.update(0, 0);
    expect(safeMode.isOn).toBe(false);
  });
});
