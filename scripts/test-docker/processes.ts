/**
 * Stopping a process this test started and proving it is gone. The proof reads the process's
 * state in /proc: `kill -0` also succeeds on a zombie, an exited child that its parent has not
 * yet reaped, so it cannot tell a stopped daemon from a running one.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from './shell.js';

interface ProcessStat {
  readonly pid: number;
  readonly command: string;
  /** R running, S sleeping, D disk wait, Z zombie, T stopped, ... (proc(5)). */
  readonly state: string;
  readonly parent: number;
}

/** The process's /proc/PID/stat, or undefined when no such process exists (exited and reaped). */
export function processStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "PID (COMMAND) STATE PPID ...": the command may hold spaces and parentheses.
  const close = text.lastIndexOf(')');
  const [state, parent] = text.slice(close + 2).split(' ');
  return { pid, command: text.slice(text.indexOf('(') + 1, close), state, parent: Number(parent) };
}

/** Every live descendant of `pid` (children, their children, ...), found by scanning /proc. */
export function descendants(pid: number): ProcessStat[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => processStat(Number(name)))
    .filter((stat): stat is ProcessStat => stat !== undefined);
  const found: ProcessStat[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of all) {
      if (parents.has(stat.parent) && !parents.has(stat.pid)) {
        parents.add(stat.pid);
        found.push(stat);
        grew = true;
      }
    }
  }
  return found;
}

/** Still there (a zombie counts: it has not been reaped) with the same command as before. */
const stillThere = (before: ProcessStat): boolean => processStat(before.pid)?.command === before.command;

/**
 * Stops `child` (SIGTERM, then SIGKILL after `graceMs`) and the processes it had started, and
 * checks in /proc that it was reaped and that they are gone. Returns how long it took to exit.
 * Throws when something survives: a zombie or an orphan would outlive the test.
 */
export async function stopAndReap(child: ChildProcess, name: string, graceMs: number): Promise<number> {
  const pid = child.pid!;
  const started = performance.now();
  const self = processStat(pid);
  const ownChildren = descendants(pid);
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const forceKill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    // Node reaps the child (waitpid) before it emits 'exit'.
    await exited;
    clearTimeout(forceKill);
  }
  const exitMs = performance.now() - started;
  if (self && stillThere(self)) {
    const state = processStat(pid)!.state;
    throw new Error(`${name} (PID ${pid}) is still in the process table after its exit, in state ${state}${state === 'Z' ? ' (a zombie: not reaped)' : ''}`);
  }
  // Its children exit on its own shutdown; give them the same grace, then stop them by PID.
  const deadline = Date.now() + graceMs;
  while (ownChildren.some(stillThere) && Date.now() < deadline) await sleep(100);
  const orphans = ownChildren.filter(stillThere);
  for (const orphan of orphans) process.kill(orphan.pid, 'SIGKILL');
  if (orphans.length > 0) {
    throw new Error(`${name} left ${orphans.map((o) => `${o.command} (PID ${o.pid}, state ${o.state})`).join(', ')} running after it stopped: killed now`);
  }
  return exitMs;
}
