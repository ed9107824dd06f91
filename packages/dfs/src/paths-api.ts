/**
 * `@flint/dfs/paths`: DFS URLs, node addresses and local range readers, without the client and the
 * network layer it loads, so that a task thread that reads no DFS file does not load them.
 */
export { formatAddress, parseAddress, type NodeAddress } from './address.js';
export { DfsError } from './errors.js';
export { localFileRangeReader, type RangeReader } from './splits/line-reader.js';
export { formatDfsUrl, isDfsUrl, parseDfsUrl, type DfsUrl } from './client/dfs-url.js';
