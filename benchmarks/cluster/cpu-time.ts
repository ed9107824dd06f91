import { readFileSync } from 'node:fs';
import type { FlintContext } from '@flint/driver';

/**
 * /proc reports CPU time in USER_HZ ticks, which Linux fixes at 100 per second for user space
 * on every mainstream architecture.
 */
const TICKS_PER_SECOND = 100;

/**
 * A clock of the CPU time (user + system, all threads) used so far by a context's processes:
 * this driver, and for a local cluster its namenode and workers as they are when it is read.
 * CPU time is steadier than wall time on a shared machine. Linux only (reads /proc).
 */
export function cpuClock(fc: FlintContext): () => number {
  return () => {
    const own = process.cpuUsage();
    const cluster = fc.localCluster;
    const children = cluster ? [cluster.namenodeProcess, ...cluster.workers.map((worker) => worker.process)] : [];
    return (own.user + own.system) / 1000 + children.reduce((sum, child) => sum + processCpuMs(child.pid!), 0);
  };
}

function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
