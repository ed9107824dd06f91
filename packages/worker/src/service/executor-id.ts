/**
 * An executor's id names the worker's datanode and where its service listens: `node@host:port`.
 * Peers reach each other from the id alone; DFS block locations (datanode ids) map to executors
 * through the node part. A restarted worker listens on a new port, so it is a new executor: what
 * the old one held is gone, and the driver must not look for it there.
 */
export function executorId(nodeId: string, host: string, port: number): string {
  return `${nodeId}@${host}:${port}`;
}

export function parseExecutorId(id: string): { nodeId: string; host: string; port: number } {
  const match = /^(.+)@([^@:]+):(\d+)$/.exec(id);
  if (!match) throw new Error(`not an executor id: ${id}`);
  return { nodeId: match[1], host: match[2], port: Number(match[3]) };
}
