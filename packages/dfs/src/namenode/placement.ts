/**
 * Where new replicas go (a rack-less BlockPlacementPolicyDefault): never two replicas on one
 * node, the first on the writer's own node when the writer is a live datanode, the others on
 * random live nodes with room for the block, preferring the less busy of two random picks.
 */
import type { DatanodeDescriptor } from './datanode-manager.js';

export interface PlacementRequest {
  count: number;
  /** Nodes that must not get a replica (they hold one already, or failed for this writer). */
  excluded: ReadonlySet<string>;
  writerNodeId?: string;
  blockSize: number;
}

export function chooseTargets(liveNodes: DatanodeDescriptor[], request: PlacementRequest, random: () => number = Math.random): DatanodeDescriptor[] {
  const candidates = liveNodes.filter(
    (node) => !request.excluded.has(node.nodeId) && node.capacityBytes - node.usedBytes >= request.blockSize,
  );
  const chosen: DatanodeDescriptor[] = [];
  const writer = candidates.find((node) => node.nodeId === request.writerNodeId);
  if (writer && request.count > 0) {
    chosen.push(writer);
    candidates.splice(candidates.indexOf(writer), 1);
  }
  while (chosen.length < request.count && candidates.length > 0) {
    const a = Math.floor(random() * candidates.length);
    const b = Math.floor(random() * candidates.length);
    const pick = load(candidates[a]) <= load(candidates[b]) ? a : b;
    chosen.push(candidates[pick]);
    candidates.splice(pick, 1);
  }
  return chosen;
}

function load(node: DatanodeDescriptor): number {
  return node.activeTransfers + node.queuedTransfers.length;
}
