/** The shape of one benchmarked engine: it runs a task and returns the answer's rows. */
import type { EngineTask } from '../engine-result.js';

export type Engine = (task: EngineTask) => Promise<Record<string, unknown>[]>;

/** Thrown by an engine that cannot run a task (a missing optional package, an input format it cannot read). */
export class EngineSkipped extends Error {}

export function salesQueryOf(task: EngineTask): 'group-by' | 'join' | 'sort' {
  if (task.query === 'group-by' || task.query === 'join' || task.query === 'sort') return task.query;
  throw new EngineSkipped(`${task.engine} runs only the sales queries, not ${task.query}`);
}
