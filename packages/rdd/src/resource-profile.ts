/**
 * PySpark's ResourceProfile, accepted and recorded so that code written for Spark runs:
 * `rdd.withResources(profile)` keeps it and `rdd.getResourceProfile()` returns it. Flint does not
 * schedule by it: every stage runs on the executors' task threads whatever it asks for (no GPUs,
 * no per-stage executor sizes).
 */
export interface ResourceRequest {
  readonly resourceName: string;
  readonly amount: number;
}

export class ResourceProfile {
  private static nextId = 1;
  readonly id = ResourceProfile.nextId++;

  constructor(
    /** Per executor: `cores`, `memory`, ... as Spark's ExecutorResourceRequests. */
    readonly executorResources: Readonly<Record<string, ResourceRequest>> = {},
    /** Per task: `cpus`, `gpu`, ... as Spark's TaskResourceRequests. */
    readonly taskResources: Readonly<Record<string, ResourceRequest>> = {},
  ) {}
}
