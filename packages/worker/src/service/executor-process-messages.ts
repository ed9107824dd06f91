/** What the worker's supervisor and its executor process tell each other over the IPC channel. */

/** The executor process's settings, sent as its first message. */
export interface ExecutorProcessConfig {
  readonly nodeId: string;
  readonly host: string;
  /** Port of the executor service; 0 picks a free one. */
  readonly port: number;
  readonly threads: number;
  readonly memoryBudget: number;
  readonly directory: string;
  readonly threadHeap?: number;
}

export type FromExecutorProcess =
  | { readonly type: 'ready'; readonly id: string; readonly threads: number }
  /** Sent when the number of running tasks changes (checked a few times a second), for the worker's heartbeats. */
  | { readonly type: 'runningTasks'; readonly count: number };

export type ToExecutorProcess = { readonly type: 'start'; readonly config: ExecutorProcessConfig } | { readonly type: 'stop' };
