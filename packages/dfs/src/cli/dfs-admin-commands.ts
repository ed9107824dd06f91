/** `flint dfs fsck | report`: the health of files and of the cluster. */
import type { FsckReport } from '../protocol/client-namenode.js';
import { parseCommandLine } from './command-line.js';
import type { DfsCommandContext } from './dfs-context.js';

const FSCK = {
  usage: 'usage: flint dfs fsck [PATH] [--json]\n  Checks the blocks of every file under PATH (default /); exit code 0 when HEALTHY, 1 when not.',
  options: { json: { type: 'boolean' } },
  args: { min: 0, max: 1 },
} as const;

const REPORT = {
  usage: 'usage: flint dfs report [--json]\n  The cluster: live and dead datanodes, blocks, replication problems.',
  options: { json: { type: 'boolean' } },
} as const;

/** Exit code 0 when the path is healthy, 1 when it is not (so scripts can wait on it). */
export async function fsck(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, FSCK);
  const report = await (await context.connect()).fsck(context.dfsPath(positionals[0] ?? '/'));
  if (values.json) context.print(JSON.stringify(report, null, 2));
  else printFsck(report, context);
  return report.healthy ? 0 : 1;
}

function printFsck(report: FsckReport, context: DfsCommandContext): void {
  if (report.safeMode.on) context.print(report.safeMode.reason);
  for (const file of report.files) {
    for (const block of file.blocks) {
      const corrupt = block.corrupt.length > 0 ? `, corrupt on ${block.corrupt.map((l) => l.nodeId).join(',')}` : '';
      if (block.status === 'healthy' && corrupt === '') continue;
      const live = block.live.map((l) => l.nodeId).join(',') || 'none';
      context.print(`${file.path} ${block.blockId}: ${block.status}, ${block.live.length}/${block.expectedReplicas} live on ${live}${corrupt}`);
    }
  }
  context.print(`Total size:              ${report.totalBytes} B`);
  context.print(`Total files:             ${report.files.length}`);
  context.print(`Total directories:       ${report.directories}`);
  context.print(`Total blocks:            ${report.totalBlocks}`);
  context.print(`Under-replicated blocks: ${report.underReplicatedBlocks}`);
  context.print(`Over-replicated blocks:  ${report.overReplicatedBlocks}`);
  context.print(`Missing blocks:          ${report.missingBlocks}`);
  context.print(`Corrupt replicas:        ${report.corruptReplicas}`);
  context.print(`Live datanodes:          ${report.liveDatanodes.length}`);
  context.print(`Dead datanodes:          ${report.deadDatanodes.length}${report.deadDatanodes.length ? ` (${report.deadDatanodes.join(', ')})` : ''}`);
  context.print(`The filesystem under path '${report.path}' is ${report.healthy ? 'HEALTHY' : 'NOT HEALTHY'}`);
}

export async function report(argv: string[], context: DfsCommandContext): Promise<number> {
  const { values } = parseCommandLine(argv, REPORT);
  const cluster = await (await context.connect()).report();
  if (values.json) {
    context.print(JSON.stringify(cluster, null, 2));
    return 0;
  }
  const live = cluster.datanodes.filter((node) => node.state === 'live');
  context.print(cluster.safeMode.reason);
  context.print(`${cluster.files} files, ${cluster.directories} directories, ${cluster.blocks} blocks`);
  context.print(`Under-replicated blocks: ${cluster.underReplicatedBlocks}, missing blocks: ${cluster.missingBlocks}, corrupt replicas: ${cluster.corruptReplicas}`);
  context.print(`Live datanodes (${live.length}), dead datanodes (${cluster.datanodes.length - live.length}):`);
  for (const node of cluster.datanodes) {
    const seen = ((Date.now() - node.lastHeartbeat) / 1000).toFixed(1);
    context.print(
      `  ${node.nodeId}  ${node.host}:${node.dataPort}  ${node.state.padEnd(4)}  blocks ${node.blockCount}  ` +
        `used ${(node.usedBytes / 2 ** 20).toFixed(1)} MiB of ${(node.capacityBytes / 2 ** 30).toFixed(1)} GiB  last heartbeat ${seen} s ago`,
    );
  }
  return 0;
}
