/**
 * `npm run test:docker [-- --kill-during first|second] [--workers N] [--mb N]`: the Docker path,
 * end to end. Not part of `npm test`: it needs a Docker engine.
 *
 *  1. Finds Docker (starting `dockerd` itself when it is installed but not running and we are
 *     root, with host networking only) and Compose (`docker compose` or `docker-compose`).
 *  2. Builds the image from the Dockerfile, on node:20-slim when that image is present, else on
 *     a base made by scripts/docker-base-image.sh with `docker import`.
 *  3. Starts docker-compose.yml as its own project with `--scale worker=N` (default 3) on
 *     free loopback ports (host networking: all traffic stays on 127.0.0.1).
 *  4. Puts a seeded text (default 80 MB) into DFS with replication 2, and runs
 *     scripts/test-docker-job.ts (a word count joined with line-start counts: two shuffle map
 *     stages and a join) with `flint submit --master flint://127.0.0.1:PORT` from the host.
 *  5. `docker kill`s the worker container that just finished a task of the job's second stage,
 *     after the first stage has completed, so its map outputs of the first stage are lost with
 *     it (`--kill-during first`: while the first stage runs instead).
 *  6. Checks that the driver declared the executor lost, that the result equals a sequential
 *     reference computed here, and that the namenode re-replicates the killed worker's blocks.
 * Containers, volumes, the network, the test image and a dockerd it started are removed at the
 * end, also when a step fails or the run is interrupted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { liveNodes, type FsckReport } from '@flint/dfs';
import { cachedPath } from '../examples/shared/generated-file.js';
import { readLines } from '../examples/shared/read-lines.js';
import { generateText } from '../examples/wordcount/generate.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const flint = join(repo, 'packages/driver/dist/cli/flint.js');
const JOB_TIMEOUT_MS = 600_000;
/** A job whose scheduler reports nothing for this long is stuck. */
const JOB_SILENCE_MS = 90_000;
const REREPLICATION_TIMEOUT_MS = 60_000;

const { values: options } = parseArgs({
  options: {
    'kill-during': { type: 'string', default: 'second' },
    workers: { type: 'string', default: '3' },
    mb: { type: 'string', default: '80' },
  },
});
const killDuring = options['kill-during'];
if (killDuring !== 'first' && killDuring !== 'second') throw new Error(`--kill-during wants first or second, got ${killDuring}`);
const workerCount = Number(options.workers);
const inputMb = Number(options.mb);

const started = performance.now();
const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string): void => console.log(`[test:docker ${seconds()}] ${line}`);

// ---- running commands ---------------------------------------------------------------------------

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function tryRun(command: string, args: string[], env?: NodeJS.ProcessEnv): Ran {
  const result = spawnSync(command, args, { cwd: repo, env: env ?? process.env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) return { status: null, stdout: '', stderr: result.error.message };
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const result = tryRun(command, args, env);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

// ---- docker and compose -------------------------------------------------------------------------

/** What the test created, so that cleanup removes exactly that. */
const created: { dockerd?: ChildProcess; project?: string; compose?: string[]; image?: string; job?: ChildProcess; dir?: string } = {};

async function ensureDocker(): Promise<void> {
  if (tryRun('docker', ['--version']).status !== 0) {
    throw new Error('docker is not installed (Debian: apt-get install docker.io docker-compose); npm run test:docker needs a Docker engine');
  }
  if (tryRun('docker', ['info']).status === 0) return;
  const canStart = process.getuid?.() === 0 && tryRun('dockerd', ['--version']).status === 0;
  if (!canStart) throw new Error('the Docker daemon is not running (start it, e.g. `dockerd &` as root) and this test cannot start it');
  const log = join(tmpdir(), `flint-test-docker-dockerd-${process.pid}.log`);
  say(`no Docker daemon running: starting dockerd (host networking only, log ${log})`);
  const fd = openSync(log, 'a');
  created.dockerd = spawn('dockerd', ['--iptables=false', '--ip6tables=false', '--bridge=none'], { stdio: ['ignore', fd, fd] });
  await waitFor('dockerd to answer', 60_000, () => (tryRun('docker', ['info']).status === 0 ? true : undefined));
}

function composeCommand(): string[] {
  if (tryRun('docker', ['compose', 'version']).status === 0) return ['docker', 'compose'];
  if (tryRun('docker-compose', ['version']).status === 0) return ['docker-compose'];
  throw new Error('neither `docker compose` nor `docker-compose` is installed (Debian: apt-get install docker-compose)');
}

function imageExists(image: string): boolean {
  return tryRun('docker', ['image', 'inspect', image]).status === 0;
}

function baseImage(): string {
  if (process.env.BASE_IMAGE) return process.env.BASE_IMAGE;
  if (imageExists('node:20-slim')) return 'node:20-slim';
  const imported = 'flint-node-base:20';
  if (!imageExists(imported)) {
    say(`node:20-slim is not available locally: making ${imported} with docker import (scripts/docker-base-image.sh)`);
    run('bash', [join(repo, 'scripts/docker-base-image.sh'), imported]);
  }
  return imported;
}

function compose(args: string[], env: NodeJS.ProcessEnv): string {
  const [command, ...prefix] = created.compose!;
  return run(command, [...prefix, '-p', created.project!, '-f', join(repo, 'docker-compose.yml'), ...args], env);
}

/** Worker containers by executor id, read from each container's first output line. */
function workerContainers(env: NodeJS.ProcessEnv): Map<string, string> {
  const byExecutor = new Map<string, string>();
  for (const id of compose(['ps', '-q', 'worker'], env).split('\n').filter(Boolean)) {
    const name = run('docker', ['inspect', '--format', '{{.Name}}', id]).trim().replace(/^\//, '');
    const executor = /^worker \S+ executor (\S+)$/m.exec(run('docker', ['logs', id]))?.[1];
    if (executor) byExecutor.set(executor, name);
  }
  return byExecutor;
}

// ---- the job and its reference ------------------------------------------------------------------

type Joined = [string, [number, number | null]][];

/** The job's result computed sequentially: word -> [occurrences, lines it starts or null]. */
function reference(input: string): Joined {
  const counts = new Map<string, number>();
  const starts = new Map<string, number>();
  for (const line of readLines(input)) {
    if (line.length > 0) {
      const first = line.split(' ', 1)[0];
      starts.set(first, (starts.get(first) ?? 0) + 1);
    }
    for (const word of line.split(' ')) if (word.length > 0) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const joined: Joined = [...counts].map(([word, count]) => [word, [count, starts.get(word) ?? null]]);
  return joined.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

interface JobEvent {
  readonly ms: number;
  readonly type: string;
  readonly stage?: number;
  readonly attempt?: number;
  readonly numTasks?: number;
  readonly partition?: number;
  readonly executor?: string;
  readonly outcome?: string;
  readonly lostMapOutputs?: [number, number][];
  readonly reason?: string;
}

interface Kill {
  readonly container: string;
  readonly executor: string;
  readonly atMs: number;
  readonly stage: number;
  readonly stageTasksDone: number;
  readonly stageTasks: number;
}

/**
 * Runs the job with `flint submit`, follows its events and kills one worker container at the
 * chosen moment: `second` — the first shuffle stage has completed and a task of the other one
 * just ended on that worker; `first` — the first task of the job just ended on that worker.
 */
async function runJobAndKill(master: string, input: string, output: string, containers: Map<string, string>, env: NodeJS.ProcessEnv) {
  const events: JobEvent[] = [];
  let kill: Kill | undefined;
  const completed = new Set<number>();
  const stageTasks = new Map<number, number>();
  const succeeded = new Map<number, number>();
  const child = spawn(process.execPath, [flint, 'submit', join(repo, 'scripts/test-docker-job.ts'), '--master', master, '--', input, output], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  created.job = child;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((r) => child.on('exit', (code, signal) => r(code ?? (signal ? 1 : 0))));

  const shouldKill = (event: JobEvent): boolean => {
    if (kill || event.type !== 'taskEnded' || event.outcome !== 'success' || !event.executor) return false;
    if (killDuring === 'first') return completed.size === 0;
    return completed.size > 0 && !completed.has(event.stage!) && (succeeded.get(event.stage!) ?? 0) < (stageTasks.get(event.stage!) ?? 0);
  };

  let lastEvent: JobEvent | undefined;
  let lastOutput = performance.now();
  let hung = false;
  const watchdog = setInterval(() => {
    if (performance.now() - lastOutput < JOB_SILENCE_MS) return;
    say(`the job reported nothing for ${JOB_SILENCE_MS / 1000} s after ${lastEvent ? describe(lastEvent) : 'starting'}: stopping it`);
    hung = true;
    child.kill('SIGTERM');
  }, 1_000);
  for await (const line of createInterface({ input: child.stdout! })) {
    lastOutput = performance.now();
    if (!line.startsWith('event ')) {
      console.log(`  job: ${line}`);
      continue;
    }
    const event = JSON.parse(line.slice('event '.length)) as JobEvent;
    events.push(event);
    lastEvent = event;
    if (event.type === 'stageSubmitted') stageTasks.set(event.stage!, event.numTasks!);
    if (event.type === 'stageCompleted') completed.add(event.stage!);
    if (event.type === 'taskEnded' && event.outcome === 'success') succeeded.set(event.stage!, (succeeded.get(event.stage!) ?? 0) + 1);
    if (event.type !== 'taskEnded') say(`job: ${describe(event)}`);
    if (shouldKill(event)) {
      const container = containers.get(event.executor!);
      if (!container) throw new Error(`no worker container runs executor ${event.executor}`);
      run('docker', ['kill', container]);
      kill = {
        container,
        executor: event.executor!,
        atMs: event.ms,
        stage: event.stage!,
        stageTasksDone: succeeded.get(event.stage!) ?? 0,
        stageTasks: stageTasks.get(event.stage!) ?? 0,
      };
      say(`docker kill ${container} (executor ${kill.executor}), ${(kill.atMs / 1000).toFixed(1)} s into the job, stage ${kill.stage} at ${kill.stageTasksDone}/${kill.stageTasks} tasks`);
    }
  }
  const code = await exited;
  clearInterval(watchdog);
  created.job = undefined;
  if (hung) throw new Error(`the job hung after ${describe(lastEvent!)}${kill ? ` (${kill.container} was killed during stage ${kill.stage})` : ''}`);
  if (code !== 0) throw new Error(`the job exited with code ${code}:\n${stderr}`);
  return { events, kill };
}

function describe(event: JobEvent): string {
  switch (event.type) {
    case 'stageSubmitted':
      return `stage ${event.stage} submitted (attempt ${event.attempt}, ${event.numTasks} tasks)`;
    case 'stageCompleted':
      return `stage ${event.stage} completed`;
    case 'stageResubmitted':
      return `stage ${event.stage} resubmitted: ${event.reason}`;
    case 'executorLost':
      return `executor ${event.executor} lost, with map outputs ${JSON.stringify(event.lostMapOutputs)} ([shuffle, map partition])`;
    default:
      return JSON.stringify(event);
  }
}

/** Task runs beyond one per partition, per stage: the work the failure cost. */
function recomputed(events: JobEvent[]): string {
  const runs = new Map<number, number>();
  const partitions = new Map<number, Set<number>>();
  for (const e of events) {
    if (e.type !== 'taskEnded' || e.outcome !== 'success') continue;
    runs.set(e.stage!, (runs.get(e.stage!) ?? 0) + 1);
    partitions.set(e.stage!, (partitions.get(e.stage!) ?? new Set()).add(e.partition!));
  }
  const lostRunning = events.filter((e) => e.type === 'taskEnded' && e.outcome === 'executorLost').length;
  const extra = [...runs].map(([stage, n]) => `stage ${stage}: ${n - partitions.get(stage)!.size}`).join(', ');
  return `${lostRunning} running task(s) lost; extra successful task runs per stage: ${extra}`;
}

// ---- the test -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dataDir = join(tmpdir(), 'flint-test-docker');
  const input = cachedPath(join(dataDir, `words-${inputMb}MB.txt`), (path) => {
    say(`generating ${inputMb} MB of text at ${path} (once)`);
    mkdirSync(dataDir, { recursive: true });
    generateText(path, { bytes: inputMb * 2 ** 20, seed: 7 });
  });
  const expectedPath = cachedPath(join(dataDir, `words-${inputMb}MB.expected.json`), (path) => {
    say('computing the sequential reference (once)');
    writeFileSync(path, JSON.stringify(reference(input)));
  });

  await ensureDocker();
  created.compose = composeCommand();
  say(`docker ${run('docker', ['version', '--format', '{{.Server.Version}}']).trim()}, compose: ${created.compose.join(' ')}`);

  const base = baseImage();
  created.image = `flint:docker-test-${process.pid}`;
  say(`building ${created.image} on ${base}`);
  run('docker', ['build', '--build-arg', `BASE_IMAGE=${base}`, '-t', created.image, repo]);

  const namenodePort = await freePort();
  const uiPort = await freePort();
  const namenode = `127.0.0.1:${namenodePort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FLINT_IMAGE: created.image,
    FLINT_HOST: '127.0.0.1',
    FLINT_NAMENODE_HOST: '127.0.0.1',
    FLINT_NAMENODE_PORT: String(namenodePort),
    FLINT_UI_PORT: String(uiPort),
    FLINT_WORKER_THREADS: '1',
    FLINT_DFS_HEARTBEAT_MS: '500',
    FLINT_DFS_RECHECK_MS: '1000',
    FLINT_NAMENODE: namenode,
  };
  created.project = `flint-docker-test-${process.pid}`;
  say(`docker compose up --scale worker=${workerCount} (project ${created.project}, namenode ${namenode}, host networking)`);
  compose(['up', '-d', '--no-build', '--scale', `worker=${workerCount}`], env);
  const workerNodes = await waitFor(`${workerCount} workers to register`, 60_000, async () => {
    const nodes = (await liveNodes(namenode, { rpcTimeoutMs: 2_000 }).catch(() => [])).filter((n) => n.services.executor);
    return nodes.length >= workerCount ? nodes : undefined;
  });
  const containers = workerContainers(env);
  for (const [executor, container] of containers) say(`  ${container}: executor ${executor}`);

  say(`flint dfs put ${input} /docker-test/words.txt --replication 2 --block-size 8m`);
  await waitFor('the namenode to leave safe mode', 60_000, () =>
    /safe mode is off/.test(tryRun(process.execPath, [flint, 'dfs', 'report', '--namenode', namenode]).stdout) ? true : undefined,
  );
  run(process.execPath, [flint, 'dfs', 'put', input, '/docker-test/words.txt', '--replication', '2', '--block-size', '8m', '--namenode', namenode]);

  created.dir = mkdtempSync(join(tmpdir(), 'flint-test-docker-'));
  const output = join(created.dir, 'result.json');
  const master = `flint://${namenode}`;
  say(`flint submit scripts/test-docker-job.ts --master ${master} (a worker is killed during the ${killDuring} stage)`);
  const jobStarted = performance.now();
  const timeout = setTimeout(() => {
    say(`the job did not finish within ${JOB_TIMEOUT_MS / 1000} s: stopping it`);
    created.job?.kill('SIGTERM');
  }, JOB_TIMEOUT_MS);
  const { events, kill } = await runJobAndKill(master, 'dfs:///docker-test/words.txt', output, containers, env).finally(() => clearTimeout(timeout));
  const jobSeconds = (performance.now() - jobStarted) / 1000;
  if (!kill) throw new Error(`the job finished before a worker could be killed during its ${killDuring} stage: use a bigger input (--mb)`);

  const lost = events.find((e) => e.type === 'executorLost' && e.executor === kill.executor);
  if (!lost) throw new Error(`the driver never declared executor ${kill.executor} lost`);
  say(`job finished in ${jobSeconds.toFixed(1)} s; ${recomputed(events)}`);

  const expected = readFileSync(expectedPath, 'utf8');
  const actual = readFileSync(output, 'utf8');
  if (actual !== expected) {
    const got = JSON.parse(actual) as Joined;
    throw new Error(`the result differs from the sequential reference (${got.length} words vs ${(JSON.parse(expected) as Joined).length})`);
  }
  say(`result: ${(JSON.parse(actual) as Joined).length} words, equal to the sequential reference`);

  // Healthy only counts once the namenode knows the worker is dead: before that, fsck still counts
  // the killed worker's replicas as live and reports healthy without any re-replication.
  const killedNode = workerNodes.find((n) => n.services.executor === kill.executor)?.nodeId;
  if (!killedNode) throw new Error(`no datanode registered executor ${kill.executor}`);
  say(`waiting for the namenode to declare ${killedNode} (${kill.container}) dead (flint dfs fsck)`);
  await waitFor(`the namenode to declare ${killedNode} dead`, REREPLICATION_TIMEOUT_MS, () => (fsckReport(namenode).deadDatanodes.includes(killedNode) ? true : undefined));
  say('waiting for the namenode to re-replicate its blocks (flint dfs fsck)');
  await waitFor('fsck to report /docker-test healthy', REREPLICATION_TIMEOUT_MS, () =>
    tryRun(process.execPath, [flint, 'dfs', 'fsck', '/docker-test', '--namenode', namenode]).status === 0 ? true : undefined,
  );
  say(`fsck: /docker-test is healthy again (every block has 2 live replicas, none on ${killedNode})`);
  console.log(`\ntest:docker: killed ${kill.container} during stage ${kill.stage}; result correct; ${seconds()} in all`);
  console.log('1 passed, 0 failed');
}

function fsckReport(namenode: string): FsckReport {
  return JSON.parse(run(process.execPath, [flint, 'dfs', 'fsck', '/docker-test', '--json', '--namenode', namenode])) as FsckReport;
}

function cleanup(): void {
  created.job?.kill('SIGKILL');
  if (created.project && created.compose) {
    say(`removing project ${created.project}: its containers and volumes`);
    const result = tryRun(created.compose[0], [...created.compose.slice(1), '-p', created.project, '-f', join(repo, 'docker-compose.yml'), 'down', '-v', '--remove-orphans', '-t', '5'], {
      ...process.env,
      FLINT_IMAGE: created.image,
    });
    if (result.status !== 0) console.error(result.stderr);
  }
  if (created.image) tryRun('docker', ['rmi', '-f', created.image]);
  if (created.dir && existsSync(created.dir)) rmSync(created.dir, { recursive: true, force: true });
}

/**
 * Stops the dockerd this test started and waits for it to exit. The wait is on the child's exit
 * event: `kill -0` from a blocked event loop would go on succeeding, because an exited child stays
 * a zombie until this process reaps it, which it does from its event loop.
 */
async function stopDockerd(): Promise<void> {
  const dockerd = created.dockerd;
  if (!dockerd || dockerd.exitCode !== null || dockerd.signalCode !== null) return;
  say('stopping the dockerd this test started');
  const exited = new Promise((resolve) => dockerd.once('exit', resolve));
  dockerd.kill('SIGTERM');
  const timer = setTimeout(() => dockerd.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanup();
    created.dockerd?.kill('SIGKILL');
    process.exit(1);
  });
}

try {
  await main();
} catch (error) {
  console.error(`\ntest:docker: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  cleanup();
  await stopDockerd();
}
