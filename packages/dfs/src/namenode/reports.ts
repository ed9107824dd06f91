/** Read-only views of the namesystem: fsck, the cluster report and the live-node list. */
import { DfsError } from '../errors.js';
import type { ClusterReport, FsckBlock, FsckReport, LiveNode } from '../protocol/client-namenode.js';
import type { DatanodeLocation } from '../protocol/common.js';
import { locationOf } from './datanode-manager.js';
import { fileLength, normalizePath } from './namespace.js';
import type { Namesystem } from './namesystem.js';
import { countReplicas } from './replication-monitor.js';

export function fsck(system: Namesystem, path: string): FsckReport {
  const normalized = normalizePath(path);
  if (!system.namespace.lookup(normalized)) throw new DfsError('NOT_FOUND', `${normalized}: no such file or directory`);
  const report: FsckReport = {
    path: normalized,
    healthy: true,
    files: [],
    directories: 0,
    totalBytes: 0,
    totalBlocks: 0,
    underReplicatedBlocks: 0,
    overReplicatedBlocks: 0,
    missingBlocks: 0,
    corruptReplicas: 0,
    liveDatanodes: system.datanodes.live().map((node) => node.nodeId),
    deadDatanodes: system.datanodes.all().filter((node) => node.state === 'dead').map((node) => node.nodeId),
    safeMode: system.safeMode.status(),
  };
  for (const [filePath, node] of system.namespace.walk(normalized)) {
    if (node.kind === 'directory') {
      report.directories++;
      continue;
    }
    const blocks: FsckBlock[] = [];
    let offset = 0;
    for (const block of node.blocks) {
      const record = system.blockMap.get(block.blockId);
      const { live, corrupt } = record ? countReplicas(record, system.datanodes) : { live: [], corrupt: [] };
      const status: FsckBlock['status'] =
        live.length === 0 ? 'missing' : live.length < node.replication ? 'under-replicated' : live.length > node.replication ? 'over-replicated' : 'healthy';
      blocks.push({ blockId: block.blockId, offset, length: block.length, expectedReplicas: node.replication, live: locations(system, live), corrupt: locations(system, corrupt), status });
      offset += block.length;
      report.totalBlocks++;
      report.corruptReplicas += corrupt.length;
      if (status === 'missing') report.missingBlocks++;
      if (status === 'under-replicated') report.underReplicatedBlocks++;
      if (status === 'over-replicated') report.overReplicatedBlocks++;
    }
    report.totalBytes += fileLength(node);
    report.files.push({ path: filePath, length: fileLength(node), replication: node.replication, blocks });
  }
  report.healthy = report.underReplicatedBlocks === 0 && report.missingBlocks === 0 && report.corruptReplicas === 0;
  return report;
}

export function clusterReport(system: Namesystem): ClusterReport {
  const whole = fsck(system, '/');
  return {
    safeMode: system.safeMode.status(),
    files: whole.files.length,
    directories: whole.directories,
    blocks: whole.totalBlocks,
    underReplicatedBlocks: whole.underReplicatedBlocks,
    missingBlocks: whole.missingBlocks,
    corruptReplicas: whole.corruptReplicas,
    datanodes: system.datanodes.all().map((node) => system.datanodes.toReport(node)),
  };
}

export function liveNodes(system: Namesystem): LiveNode[] {
  return system.datanodes.live().map((node) => system.datanodes.toLiveNode(node));
}

function locations(system: Namesystem, nodeIds: string[]): DatanodeLocation[] {
  return nodeIds.flatMap((nodeId) => {
    const node = system.datanodes.get(nodeId);
    return node ? [locationOf(node)] : [];
  });
}
