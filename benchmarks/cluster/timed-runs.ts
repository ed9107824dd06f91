/** One timed word count, plain or with a worker killed halfway through its map stage. */
import type { FlintContext, Locality, SchedulerEventListener } from '@flint/driver';
import { wordCounts } from '../../examples/wordcount/job.js';
import { KillSwitch, type Kill } from '../../examples/fault-tolerance/kill-switch.js';
import { Recorder } from '../../examples/fault-tolerance/recorder.js';
import { recoveryOf } from '../../examples/fault-tolerance/recovery.js';
import { CpuMeter } from './cpu-meter.js';
import { InputLocality } from './input-locality.js';

export interface JobRun {
  readonly ms: number;
  /** CPU time of all the context's processes during the job (see CpuMeter). */
  readonly cpuMs: number;
  readonly counts: [string, number][];
  /** The tasks that read the input, by locality level. */
  readonly inputTasks: Record<Locality, number>;
}

export interface KilledRun extends JobRun {
  readonly kill: Kill;
  /** Tasks that ran again because of the kill, and map outputs that were lost with the worker. */
  readonly rerunTasks: number;
  readonly lostMapOutputs: number;
}

export async function timedWordCount(fc: FlintContext, input: string, extra: SchedulerEventListener[] = []): Promise<JobRun> {
  const locality = new InputLocality();
  const cpu = new CpuMeter(fc);
  // The meter goes first: it reads the workers' CPU before a KillSwitch among `extra` kills one.
  const removers = [cpu.onEvent, locality.onEvent, ...extra].map((listener) => fc.addListener(listener));
  try {
    const started = performance.now();
    const counts = await wordCounts(fc, input).collect();
    return { ms: performance.now() - started, cpuMs: cpu.usedMs(), counts, inputTasks: locality.tasks };
  } finally {
    removers.forEach((remove) => remove());
  }
}

/** Word count on a local cluster, SIGKILLing the worker that finishes half of the map tasks. */
export async function timedWordCountWithKill(fc: FlintContext, input: string): Promise<KilledRun> {
  const started = performance.now();
  const now = (): number => performance.now() - started;
  const recorder = new Recorder(now);
  const killSwitch = new KillSwitch(fc.localCluster!, now, {
    inStage: (stage) => stage.parentStageIds.length === 0,
    afterTasks: (numTasks) => Math.ceil(numTasks / 2),
  });
  const run = await timedWordCount(fc, input, [killSwitch.onEvent, recorder.onEvent]);
  if (!killSwitch.kill) throw new Error('no worker was killed: the map stage ended before half of its tasks had succeeded');
  const recovery = recoveryOf({ events: recorder.events, stages: recorder.stages, kill: killSwitch.kill });
  return { ...run, kill: killSwitch.kill, rerunTasks: recovery.rerun.length, lostMapOutputs: recovery.lostMapOutputs.length };
}
