import { readFileSync } from 'node:fs';
import type { FlintContext, SchedulerEvent } from '@flint/driver';

/**
 * /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 per second for user space
 * on every mainstream architecture.
 */
const TICKS_PER_SECOND = 100;

/**
 * Measures the CPU time (user + system, all threads) a context's processes use from its
 * creation on: this driver, and for a local cluster its namenode and workers (with their
 * executor processes). CPU time is
 * steadier than wall time on a shared machine. The workers are read again at every task end, so
 * a worker SIGKILLed by a listener registered after this one counts up to its death. Linux only.
 */
export class CpuMeter {
  private readonly ownAtStart = ownCpuMs();
  private readonly atStart = new Map<number, number>();
  private readonly latest = new Map<number, number>();

  constructor(private readonly fc: FlintContext) {
    this.read(this.atStart);
  }

  /** The listener to pass to fc.addListener. */
  readonly onEvent = (event: SchedulerEvent): void => {
    if (event.type === 'taskEnd') this.read(this.latest);
  };

  /** CPU ms used since the meter was created. */
  usedMs(): number {
    this.read(this.latest);
    let used = ownCpuMs() - this.ownAtStart;
    for (const [pid, ms] of this.latest) used += ms - (this.atStart.get(pid) ?? 0);
    return used;
  }

  private read(into: Map<number, number>): void {
    const cluster = this.fc.localCluster;
    const children = cluster ? [cluster.namenodeProcess, ...cluster.workers.map((worker) => worker.process)] : [];
    const pids = children.flatMap(({ pid }) => (pid === undefined ? [] : [pid, ...childrenOf(pid)]));
    for (const pid of pids) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) into.set(pid, ms);
    }
  }
}

function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A process's children (a worker's executor process), from /proc; none once it is gone. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A process's CPU ms so far, or undefined once it is gone (a killed one keeps its last reading). */
function processCpuMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
