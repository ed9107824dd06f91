/**
 * `@flint/dfs/client`: what a reader of DFS and local files needs — the client, URLs and range
 * readers — without the namenode, datanode and CLI modules, so that a driver starts quickly (a
 * task thread imports only @flint/dfs/paths, and the client when it first reads a DFS file).
 */
export * from './paths-api.js';
export { DfsClient, liveNodes } from './client/dfs-client.js';
export type { DfsOutputStream } from './client/output-stream.js';
export type { LiveNode } from './protocol/client-namenode.js';
