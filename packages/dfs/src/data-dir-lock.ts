/**
 * One process per data directory, as HDFS's `in_use.lock`: a namenode or datanode creates
 * DIR/in_use.lock (exclusively, with its pid and host) before it reads anything there, and removes
 * it when it stops. A second process on the directory refuses to start with one clear error. A lock
 * whose process is gone (SIGKILL leaves the file behind) is stale and taken over: the process is
 * checked by pid on this machine, where a zombie counts as gone.
 */
import { openSync, readFileSync, renameSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DfsError } from './errors.js';

export const LOCK_FILE = 'in_use.lock';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly role: string;
}

export interface DataDirLock {
  release(): void;
}

/** Directories this process holds: a second node in the same process is refused too. */
const heldHere = new Set<string>();

export function lockDataDirectory(dir: string, role: 'namenode' | 'datanode'): DataDirLock {
  const path = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), role };
  if (!createExclusively(path, owner)) {
    const current = readOwner(path);
    if (heldHere.has(dir) || (current !== undefined && current.pid !== process.pid && isRunning(current.pid))) {
      const who = current === undefined ? 'another process' : `${current.role} process ${current.pid} on ${current.host}`;
      throw new DfsError('ALREADY_EXISTS', `data directory ${dir} is in use by ${who} (lock file ${path}); stop it, or use another data directory`);
    }
    // Stale: its process is gone. Replace the file whole, so no reader sees it half-written.
    writeFileSync(`${path}.${process.pid}`, JSON.stringify(owner));
    renameSync(`${path}.${process.pid}`, path);
  }
  heldHere.add(dir);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldHere.delete(dir);
      if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
    },
  };
}

function createExclusively(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, host: String(owner.host), role: String(owner.role) } : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A killed child its parent has not reaped yet still answers signal 0: it is a zombie, gone.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}
