export { Executor, type ExecutorOptions, type Peers } from './executor/executor.js';
export { BlockManager, type BlockPolicy, type BlockManagerStats } from './executor/block-manager.js';
export * from './protocol.js';
export type { StageSpec, StageOutput } from './stage-spec.js';
export { archiveFormatOf, unpackArchive } from './executor/archives.js';
export { blockKeys } from './block-keys.js';
export { partFileName } from './thread/part-files.js';
// A worker process's own modules (its datanode: all of @flint/dfs) load only where one starts:
// @flint/worker/process and @flint/worker/command.
export type { WorkerHandle, WorkerOptions } from './service/worker-process.js';
export { WORKER_EXECUTOR_MEMORY } from './service/worker-memory.js';
export { toDriver, toExecutor, type ToDriver, type ToExecutor } from './service/messages.js';
export { executorId, parseExecutorId } from './service/executor-id.js';
export { lostExecutorReason } from './service/lost-executor.js';
export { packBlock, unpackBlock, type WireBlock } from './service/block-transfer.js';
