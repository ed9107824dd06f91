/** @flint/dfs: Flint's small HDFS — namenode, datanode, client library, text splits and CLI commands. */
export { formatAddress, parseAddress, type NodeAddress } from './address.js';
export { DfsError, type ErrorCode } from './errors.js';

export {
  iterateLineSplit,
  localFileRangeReader,
  readLineSplit,
  type LineSplitOptions,
  type RangeReader,
} from './splits/line-reader.js';
export { computeFileSplits, type ByteRange } from './splits/file-splits.js';
export { dfsRangeReader, getTextSplits, type TextSplit } from './splits/dfs-splits.js';

export {
  DEFAULT_BLOCK_SIZE,
  DEFAULT_REPLICATION,
  DfsClient,
  liveNodes,
  type CreateOptions,
  type DfsClientOptions,
} from './client/dfs-client.js';
export { DfsInputStream } from './client/input-stream.js';
export { DfsOutputStream } from './client/output-stream.js';
export { DEFAULT_NAMENODE_PORT, defaultNamenode, formatDfsUrl, isDfsUrl, parseDfsUrl, type DfsUrl } from './client/dfs-url.js';
export type {
  BlockLocations,
  ClusterReport,
  ContentSummary,
  DatanodeReport,
  FileStatus,
  FsckReport,
  LiveNode,
  LocatedBlock,
} from './protocol/client-namenode.js';
export type { DatanodeLocation } from './protocol/common.js';

export { startDatanode, type DatanodeHandle, type DatanodeOptions } from './datanode/datanode.js';
export { namenodeConfig, type NamenodeConfig } from './namenode/config.js';
export { expiryMs as deadNodeTimeoutMs } from './namenode/datanode-manager.js';
export { startNamenode, type NamenodeHandle } from './namenode/namenode.js';
/** The shapes of the cluster UI's JSON API (`/api/workers`, `/api/files`, `/api/blocks`, `/api/namenode`). */
export type { BlocksView, BlockView, FilesView, NamenodeView, WorkerView } from './namenode/ui/cluster-views.js';

export { DFS_USAGE, runDfsCommand } from './cli/dfs-command.js';
export type { CommandIo } from './cli/dfs-context.js';
export { NAMENODE_USAGE, parseNamenodeArgs, runNamenodeCommand } from './cli/namenode-command.js';
export { DATANODE_USAGE, datanodeArgOptions, datanodeOptionsFromValues } from './cli/worker-command.js';
export { applySecretFlags } from './cli/secret-flags.js';
export { FLINT_VERSION, HelpOrVersion, parseCommandLine, reportCommandEnd, UsageError, type CommandSpec, type ParsedCommandLine } from './cli/command-line.js';
export { byteSizeFlag, integerFlag, parseByteSize } from './cli/flags.js';
