/**
 * `@flint/dfs/client`: what a reader of DFS and local files needs — the client, URLs and range
 * readers — without the namenode, datanode and CLI modules, so that task threads, which import
 * it, start quickly.
 */
export { formatAddress, parseAddress, type NodeAddress } from './address.js';
export { DfsError } from './errors.js';
export { localFileRangeReader, type RangeReader } from './splits/line-reader.js';
export { DfsClient, liveNodes } from './client/dfs-client.js';
export type { DfsOutputStream } from './client/output-stream.js';
export type { LiveNode } from './protocol/client-namenode.js';
export { formatDfsUrl, isDfsUrl, parseDfsUrl, type DfsUrl } from './client/dfs-url.js';
