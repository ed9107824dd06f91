/** How a task attempt ends, as the task scheduler reports it, and where it ran relative to its data. */
import type { ExecutorId, TaskOutcome } from '@flint/worker';

/** Why an executor was lost; `exitCausedByApp`: its process died under its tasks, which count it as their failure. */
export interface ExecutorLossCause {
  readonly reason: string;
  readonly exitCausedByApp: boolean;
}

/** What ended a task: its outcome, or the loss of the executor it ran on. */
export type TaskEnd = TaskOutcome | ({ readonly kind: 'executorLost'; readonly executor: ExecutorId } & Partial<ExecutorLossCause>);

export type Locality = 'PROCESS_LOCAL' | 'NODE_LOCAL' | 'ANY';
