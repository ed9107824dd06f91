import type { Locality, SchedulerListener, Stage, TaskEnd } from '@flint/driver';

/** Counts the successful tasks of the stages that read the input (no parent stage), by locality. */
export class InputLocality implements SchedulerListener {
  readonly tasks: Record<Locality, number> = { PROCESS_LOCAL: 0, NODE_LOCAL: 0, ANY: 0 };
  private readonly inputStages = new Set<number>();

  stageSubmitted(stage: Stage): void {
    if (stage.parents.length === 0 && stage.kind === 'shuffleMap') this.inputStages.add(stage.id);
  }

  taskEnded(request: { stageId: number }, _executor: string, end: TaskEnd, locality: Locality): void {
    if (end.kind === 'success' && this.inputStages.has(request.stageId)) this.tasks[locality]++;
  }
}
