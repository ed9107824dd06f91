export { Executor, type ExecutorOptions, type RemoteBlockFetcher } from './executor/executor.js';
export { BlockManager, type BlockPolicy, type BlockManagerStats } from './executor/block-manager.js';
export * from './protocol.js';
export { blockKeys, type StageSpec, type StageOutput } from './stage-spec.js';
export { partFileName } from './thread/part-files.js';
