/**
 * PySpark's stage-level scheduling API (pyspark.resource): `rdd.withResources(profile)` gives the
 * stage that computes the RDD a ResourceProfile. Flint schedules by its task `cpus`: a task of
 * that stage takes that many of its executor's slots (task threads), so an executor with N
 * threads runs at most floor(N / cpus) of them at once, as Spark's TaskResourceProfile does with
 * dynamic allocation off. Executor requests (`cores`, `memory`, ...) and other task resources
 * (GPUs) are recorded and returned, not acted on: Flint's executors are started once, per worker.
 *
 *   const profile = new ResourceProfileBuilder().require(new TaskResourceRequests().cpus(2)).build;
 *   rdd.withResources(profile);
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
  ) {
    const cpus = taskResources.cpus?.amount;
    if (cpus !== undefined) requirePositiveInteger(cpus, 'task cpus');
  }

  /** The executor slots one task of a stage with this profile takes (1 when the profile says nothing of cpus). */
  get taskCpus(): number {
    return this.taskResources.cpus?.amount ?? 1;
  }
}

/** Requests by resource name; a later request of the same name replaces an earlier one. */
abstract class ResourceRequests {
  private readonly byName = new Map<string, ResourceRequest>();

  resource(resourceName: string, amount: number): this {
    this.byName.set(resourceName, { resourceName, amount });
    return this;
  }

  get requests(): Record<string, ResourceRequest> {
    return Object.fromEntries(this.byName);
  }
}

/** Spark's TaskResourceRequests: what each task of the stage needs (`cpus` is scheduled by, others recorded). */
export class TaskResourceRequests extends ResourceRequests {
  /** CPUs (executor slots) per task; a positive integer. */
  cpus(amount: number): this {
    requirePositiveInteger(amount, 'TaskResourceRequests.cpus');
    return this.resource('cpus', amount);
  }
}

/** Spark's ExecutorResourceRequests: recorded in the profile; Flint does not start executors per profile. */
export class ExecutorResourceRequests extends ResourceRequests {
  cores(amount: number): this {
    return this.resource('cores', amount);
  }
  /** Memory per executor: MiB, or a string as Spark writes it (`"6g"`, `"512m"`); recorded in MiB. */
  memory(amount: number | string): this {
    return this.resource('memory', typeof amount === 'number' ? amount : mebibytes(amount));
  }
}

/** Spark's ResourceProfileBuilder: `require` adds requests (later ones of the same name replace earlier), `build` makes the profile. */
export class ResourceProfileBuilder {
  private executorRequests: Record<string, ResourceRequest> = {};
  private taskRequests: Record<string, ResourceRequest> = {};

  require(requests: TaskResourceRequests | ExecutorResourceRequests): this {
    if (requests instanceof TaskResourceRequests) this.taskRequests = { ...this.taskRequests, ...requests.requests };
    else if (requests instanceof ExecutorResourceRequests) this.executorRequests = { ...this.executorRequests, ...requests.requests };
    else throw new TypeError('ResourceProfileBuilder.require expects TaskResourceRequests or ExecutorResourceRequests');
    return this;
  }

  clearExecutorResourceRequests(): void {
    this.executorRequests = {};
  }

  clearTaskResourceRequests(): void {
    this.taskRequests = {};
  }

  get executorResources(): Record<string, ResourceRequest> {
    return { ...this.executorRequests };
  }

  get taskResources(): Record<string, ResourceRequest> {
    return { ...this.taskRequests };
  }

  /** A new ResourceProfile with the requests so far (a property, as PySpark's `rpb.build`). */
  get build(): ResourceProfile {
    return new ResourceProfile({ ...this.executorRequests }, { ...this.taskRequests });
  }
}

const UNIT_MIB: Record<string, number> = { k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 };

function mebibytes(size: string): number {
  const match = /^(\d+)([kmgt])b?$/i.exec(size.trim());
  if (!match) throw new RangeError(`ExecutorResourceRequests.memory: cannot read '${size}' as a size (e.g. '512m', '6g')`);
  return Math.ceil(Number(match[1]) * UNIT_MIB[match[2].toLowerCase()]);
}

function requirePositiveInteger(amount: number, what: string): void {
  if (!Number.isInteger(amount) || amount < 1) throw new RangeError(`${what} must be a positive integer, got ${amount}`);
}
