import type { Locality, SchedulerEvent } from '@flint/driver';

/** Counts the successful tasks of the stages that read the input (no parent stage), by locality. */
export class InputLocality {
  readonly tasks: Record<Locality, number> = { PROCESS_LOCAL: 0, NODE_LOCAL: 0, ANY: 0 };
  private readonly inputStages = new Set<number>();
  private readonly placed = new Map<number, Locality>();

  /** The listener to pass to fc.addListener. */
  readonly onEvent = (event: SchedulerEvent): void => {
    if (event.type === 'jobStart') {
      for (const stage of event.stages) if (stage.parentStageIds.length === 0 && stage.kind === 'shuffleMap') this.inputStages.add(stage.stageId);
    } else if (event.type === 'taskStart') {
      this.placed.set(event.taskId, event.locality);
    } else if (event.type === 'taskEnd' && event.status === 'success' && this.inputStages.has(event.stageId)) {
      this.tasks[this.placed.get(event.taskId) ?? 'ANY']++;
    }
  };
}
