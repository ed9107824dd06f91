/**
 * Iteration times, wall-clock and CPU: the CPU time of this process and its child processes (a
 * local-cluster's namenode and workers), all threads, from Linux's /proc (none elsewhere). On a
 * shared machine whose load stretches wall-clock times, the CPU time an iteration takes is the
 * steadier measure of its work.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Wall-clock and CPU time of each iteration of a loop: call lap() at the end of each. */
export class IterationClock {
  readonly wallMs: number[] = [];
  /** Empty where CPU time cannot be read. */
  readonly cpuMs: number[] = [];
  private wallStart = performance.now();
  private cpuStart = processTreeCpuMs();

  lap(): void {
    const [wall, cpu] = [performance.now(), processTreeCpuMs()];
    this.wallMs.push(wall - this.wallStart);
    if (cpu !== undefined && this.cpuStart !== undefined) this.cpuMs.push(cpu - this.cpuStart);
    [this.wallStart, this.cpuStart] = [wall, cpu];
  }
}

function processTreeCpuMs(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  const { user, system } = process.cpuUsage();
  const processes = new Map<number, string[]>();
  for (const entry of readdirSync('/proc')) {
    const stat = /^\d+$/.test(entry) ? statFields(Number(entry)) : undefined;
    if (stat) processes.set(Number(entry), stat);
  }
  let total = (user + system) / 1000;
  const parents = [process.pid];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    for (const [pid, stat] of processes) {
      if (Number(stat[1]) !== parent) continue;
      total += ((Number(stat[11]) + Number(stat[12])) * 1000) / TICKS_PER_SECOND;
      parents.push(pid);
    }
  }
  return total;
}

/** The fields of /proc/PID/stat after the command name: [state, ppid, ..., utime at 11, stime at 12]; undefined if the process is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}
