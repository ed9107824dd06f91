/** The Docker engine and Compose for `npm run test:docker`: found, or started and stopped. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopAndReap } from './processes.js';
import { repo, run, say, tryRun, waitFor } from './shell.js';

/** A dockerd this test started, with its log. */
export interface StartedDockerd {
  readonly process: ChildProcess;
  readonly log: string;
}

/**
 * Makes sure a Docker daemon answers. When none runs and this is root, starts `dockerd` with
 * host networking only (no bridge, no iptables rules: containers use the host's loopback) and
 * returns it, for `stopDockerd` at the end.
 */
export async function ensureDocker(): Promise<StartedDockerd | undefined> {
  if (tryRun('docker', ['--version']).status !== 0) {
    throw new Error('docker is not installed (Debian: apt-get install docker.io docker-compose); npm run test:docker needs a Docker engine');
  }
  if (tryRun('docker', ['info']).status === 0) return undefined;
  const canStart = process.getuid?.() === 0 && tryRun('dockerd', ['--version']).status === 0;
  if (!canStart) throw new Error('the Docker daemon is not running (start it, e.g. `dockerd &` as root) and this test cannot start it');
  const log = join(tmpdir(), `flint-test-docker-dockerd-${process.pid}.log`);
  say(`no Docker daemon running: starting dockerd (host networking only, log ${log})`);
  const fd = openSync(log, 'a');
  // Its own process group: Ctrl-C must not stop it before the containers are removed.
  const dockerd = spawn('dockerd', ['--iptables=false', '--ip6tables=false', '--bridge=none'], { stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  const started = { process: dockerd, log };
  const answers = (): true | undefined => {
    if (dockerd.exitCode !== null || dockerd.signalCode !== null) throw new Error(`dockerd exited (${dockerd.signalCode ?? `code ${dockerd.exitCode}`}) before it answered; see ${log}`);
    return tryRun('docker', ['info']).status === 0 ? true : undefined;
  };
  try {
    await waitFor('dockerd to answer `docker info`', 60_000, answers);
  } catch (error) {
    await stopDockerd(started, true);
    throw error;
  }
  return started;
}

/** Stops a dockerd this test started, checks it was reaped and left no containerd behind. */
export async function stopDockerd(dockerd: StartedDockerd, keepLog: boolean): Promise<void> {
  say(`stopping the dockerd this test started (PID ${dockerd.process.pid})`);
  const ms = await stopAndReap(dockerd.process, 'dockerd', 20_000);
  say(`dockerd exited after ${(ms / 1000).toFixed(1)} s and was reaped; the processes it started are gone`);
  if (!keepLog) rmSync(dockerd.log, { force: true });
}

/** `docker compose` (the v2 CLI plugin) or `docker-compose` (v1, Debian's package): whichever is installed. */
export function composeCommand(): string[] {
  if (tryRun('docker', ['compose', 'version']).status === 0) return ['docker', 'compose'];
  if (tryRun('docker-compose', ['version']).status === 0) return ['docker-compose'];
  throw new Error('neither `docker compose` nor `docker-compose` is installed (Debian: apt-get install docker-compose)');
}

/** `COMPOSE -p PROJECT -f docker-compose.yml ARGS...` */
export function composeRun(compose: string[], project: string, args: string[], env: NodeJS.ProcessEnv): string {
  const [command, ...prefix] = compose;
  return run(command, [...prefix, '-p', project, '-f', join(repo, 'docker-compose.yml'), ...args], env);
}

export function imageExists(image: string): boolean {
  return tryRun('docker', ['image', 'inspect', image]).status === 0;
}

/**
 * The image to build on: $BASE_IMAGE, else node:20-slim when present, else flint-node-base:20
 * made from this machine's Node.js with `docker import` (kept and reused by tag, like a pulled base).
 */
export function baseImage(): string {
  if (process.env.BASE_IMAGE) return process.env.BASE_IMAGE;
  if (imageExists('node:20-slim')) return 'node:20-slim';
  const imported = 'flint-node-base:20';
  if (!imageExists(imported)) {
    say(`node:20-slim is not available locally: making ${imported} with docker import (scripts/docker-base-image.sh)`);
    run('bash', [join(repo, 'scripts/docker-base-image.sh'), imported]);
  }
  return imported;
}
