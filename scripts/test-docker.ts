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
 *  6. Checks that the driver declared the executor lost and that the result equals a sequential
 *     reference computed here; then that the namenode declares the killed datanode dead and,
 *     after that, re-replicates each of its blocks onto another worker (fsck HEALTHY again).
 * Containers, volumes, the test image and a dockerd it started are removed at the end, also when
 * a step fails or the run is interrupted; what is left behind fails the test.
 *
 * The cluster's secret is FLINT_SECRET from the environment, or one generated for the run: every
 * process it starts (containers included, through docker-compose.yml) inherits it.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DfsClient, liveNodes } from '@flint/dfs';
import { cachedPath } from '../examples/shared/generated-file.js';
import { generateText } from '../examples/wordcount/generate.js';
import { baseImage, composeCommand, composeRun, ensureDocker, imageExists, stopDockerd, type StartedDockerd } from './test-docker/engine.js';
import { checkNoLeftovers, IMAGE_PREFIX, PROJECT_PREFIX, removeStaleRuns, snapshot, type DockerSnapshot } from './test-docker/leftovers.js';
import { recomputed, reference, runJobAndKill, type Joined } from './test-docker/job.js';
import { stopAndReap } from './test-docker/processes.js';
import { fsckCommandHealthy, replicaNodes, ReplicationWatch } from './test-docker/re-replication.js';
import { elapsed, freePort, repo, run, say, tryRun, waitFor } from './test-docker/shell.js';

const flint = join(repo, 'packages/driver/dist/cli/flint.js');
const DFS_PATH = '/docker-test';
const HEARTBEAT_MS = 500;
const RECHECK_MS = 1_000;
/** When the namenode declares a silent datanode dead (its rule: 2 × recheck + 10 × heartbeat). */
const DEAD_AFTER_MS = 2 * RECHECK_MS + 10 * HEARTBEAT_MS;
const DEAD_TIMEOUT_MS = DEAD_AFTER_MS + 30_000;
const REREPLICATION_TIMEOUT_MS = 60_000;

const USAGE = 'usage: npm run test:docker [-- --kill-during first|second] [--workers N>=3] [--mb N]';
const usageError = (message: string): never => {
  console.error(`test:docker: ${message}\n${USAGE}`);
  process.exit(2);
};
const options = (() => {
  try {
    return parseArgs({
      options: {
        'kill-during': { type: 'string', default: 'second' },
        workers: { type: 'string', default: '3' },
        mb: { type: 'string', default: '80' },
      },
    }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
})();
const killDuring = options['kill-during'];
const workerCount = Number(options.workers);
const inputMb = Number(options.mb);
if (killDuring !== 'first' && killDuring !== 'second') usageError(`--kill-during wants first or second, got '${killDuring}'`);
// Replication 2: a third worker must be left to take the killed one's replicas.
if (!Number.isInteger(workerCount) || workerCount < 3) usageError(`--workers wants a whole number of at least 3, got '${options.workers}'`);
if (!(inputMb > 0)) usageError(`--mb wants a positive number, got '${options.mb}'`);

/** What the test created, so that cleanup removes exactly that. */
const created: {
  dockerd?: StartedDockerd;
  project?: string;
  compose?: string[];
  image?: string;
  job?: ChildProcess;
  dfs?: DfsClient;
  watch?: ReplicationWatch;
  dir?: string;
  /** Containers and volumes that existed before the project started. */
  preexisting?: DockerSnapshot;
} = {};

process.env.FLINT_SECRET ||= randomBytes(32).toString('hex');

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

  created.dockerd = await ensureDocker();
  created.compose = composeCommand();
  say(`docker ${run('docker', ['version', '--format', '{{.Server.Version}}']).trim()}, compose: ${created.compose.join(' ')}`);
  removeStaleRuns(created.compose);

  const base = baseImage();
  created.image = `${IMAGE_PREFIX}${process.pid}`;
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
    FLINT_DFS_HEARTBEAT_MS: String(HEARTBEAT_MS),
    FLINT_DFS_RECHECK_MS: String(RECHECK_MS),
    FLINT_NAMENODE: namenode,
  };
  created.preexisting = snapshot();
  created.project = `${PROJECT_PREFIX}${process.pid}`;
  say(`${created.compose.join(' ')} up --scale worker=${workerCount} (project ${created.project}, namenode ${namenode}, host networking)`);
  compose(['up', '-d', '--no-build', '--scale', `worker=${workerCount}`], env);
  const workerNodes = await waitFor(`${workerCount} workers to register`, 60_000, async () => {
    const nodes = (await liveNodes(namenode, { rpcTimeoutMs: 2_000 }).catch(() => [])).filter((n) => n.services.executor);
    return nodes.length >= workerCount ? nodes : undefined;
  });
  const containers = workerContainers(env);
  for (const [executor, container] of containers) say(`  ${container}: executor ${executor}`);

  await waitFor('the namenode to leave safe mode', 60_000, () =>
    /safe mode is off/.test(tryRun(process.execPath, [flint, 'dfs', 'report', '--namenode', namenode]).stdout) ? true : undefined,
  );
  say(`flint dfs put ${input} ${DFS_PATH}/words.txt --replication 2 --block-size 8m`);
  run(process.execPath, [flint, 'dfs', 'put', input, `${DFS_PATH}/words.txt`, '--replication', '2', '--block-size', '8m', '--namenode', namenode]);
  created.dfs = await DfsClient.connect(namenode);
  const dfs = created.dfs;
  const beforeKill = await waitFor(`fsck to report ${DFS_PATH} healthy after the put`, 30_000, async () => {
    const report = await dfs.fsck(DFS_PATH);
    return report.healthy ? report : undefined;
  });
  const nodeOfExecutor = new Map(workerNodes.map((n) => [n.services.executor!, n.nodeId]));

  created.dir = mkdtempSync(join(tmpdir(), 'flint-test-docker-'));
  const output = join(created.dir, 'result.json');
  const master = `flint://${namenode}`;
  say(`flint submit scripts/test-docker-job.ts --master ${master} (a worker is killed during the ${killDuring} stage)`);
  const jobStarted = performance.now();
  let killedNode: string | undefined;
  const { events, kill } = await runJobAndKill({
    master,
    input: `dfs://${DFS_PATH}/words.txt`,
    output,
    env,
    containers,
    killDuring: killDuring as 'first' | 'second',
    started: (child) => (created.job = child),
    // The namenode's side of the kill is watched from this moment on, while the job recovers.
    killed: (kill) => {
      killedNode = nodeOfExecutor.get(kill.executor);
      if (!killedNode || !beforeKill.liveDatanodes.includes(killedNode)) return;
      created.watch = new ReplicationWatch(dfs, {
        path: DFS_PATH,
        deadNode: killedNode,
        before: replicaNodes(beforeKill),
        killedAt: kill.at,
        deadTimeoutMs: DEAD_TIMEOUT_MS,
        deadExpectation: `its rule: 2 × recheck ${RECHECK_MS} ms + 10 × heartbeat ${HEARTBEAT_MS} ms = ${DEAD_AFTER_MS / 1000} s after its last heartbeat`,
        healthyTimeoutMs: REREPLICATION_TIMEOUT_MS,
      });
    },
  });
  created.job = undefined;
  const jobSeconds = (performance.now() - jobStarted) / 1000;
  if (!kill) throw new Error(`the job finished before a worker could be killed during its ${killDuring} stage: use a bigger input (--mb)`);
  const afterKill = (ms: number): string => `${(ms / 1000).toFixed(1)} s after the kill`;

  if (!events.some((e) => e.type === 'executorLost' && e.executor === kill.executor)) throw new Error(`the driver never declared executor ${kill.executor} lost`);
  say(`job finished in ${jobSeconds.toFixed(1)} s (${afterKill(performance.now() - kill.at)}); ${recomputed(events)}`);

  const expected = readFileSync(expectedPath, 'utf8');
  const actual = readFileSync(output, 'utf8');
  if (actual !== expected) {
    const got = JSON.parse(actual) as Joined;
    throw new Error(`the result differs from the sequential reference (${got.length} words vs ${(JSON.parse(expected) as Joined).length})`);
  }
  say(`result: ${(JSON.parse(actual) as Joined).length} words, equal to the sequential reference`);

  if (!killedNode) throw new Error(`no datanode registered executor ${kill.executor}`);
  if (!created.watch) throw new Error(`${killedNode} was not a live datanode before the kill (fsck after the put: live ${beforeKill.liveDatanodes.join(', ')})`);
  const heldBlocks = [...replicaNodes(beforeKill).values()].filter((nodes) => nodes.includes(killedNode!)).length;
  if (heldBlocks === 0) throw new Error(`${killedNode} held no block of ${DFS_PATH}: nothing to re-replicate (use a bigger input, --mb)`);
  say(`waiting for the namenode to declare ${killedNode} (${kill.container}) dead, then for ${DFS_PATH} to be HEALTHY (fsck every 250 ms since the kill)`);
  const replication = await created.watch.result;
  say(`fsck: ${killedNode} declared dead ${afterKill(replication.deadAfterMs)} (live before the kill); ${replication.underReplicatedWhenDead} of ${beforeKill.totalBlocks} blocks under-replicated then`);
  say(`fsck: ${DFS_PATH} HEALTHY ${afterKill(replication.healthyAfterMs)}: the ${replication.blocksCopied} blocks that had a replica on ${killedNode} have 2 live replicas again, each copied to a new node`);
  if (!fsckCommandHealthy(namenode, DFS_PATH)) throw new Error(`flint dfs fsck ${DFS_PATH} does not exit 0 although the namenode's report says HEALTHY`);
  console.log(
    `\ntest:docker: killed ${kill.container} ${(kill.atMs / 1000).toFixed(1)} s into the job (stage ${kill.stage} at ${kill.stageTasksDone}/${kill.stageTasks} tasks); ` +
      `result equal to the reference; ${killedNode} declared dead ${afterKill(replication.deadAfterMs)}, HEALTHY ${afterKill(replication.healthyAfterMs)}; ${elapsed()} in all`,
  );
  console.log('1 passed, 0 failed');
}

const compose = (args: string[], env: NodeJS.ProcessEnv): string => composeRun(created.compose!, created.project!, args, env);

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

/** Removes what the test created; returns what could not be removed. */
async function cleanup(): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (what: string, step: () => unknown): Promise<void> => {
    try {
      await step();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  created.watch?.stop();
  created.dfs?.close();
  if (created.job) await attempt('stopping the job', () => stopAndReap(created.job!, 'flint submit', 5_000));
  if (created.project && created.compose) {
    say(`removing project ${created.project}: its containers and volumes`);
    await attempt('compose down', () => compose(['down', '-v', '--remove-orphans', '-t', '5'], { ...process.env, FLINT_IMAGE: created.image }));
  }
  if (created.image) await attempt(`docker rmi ${created.image}`, () => imageExists(created.image!) && run('docker', ['rmi', '-f', created.image!]));
  if (created.preexisting) {
    await attempt('checking for leftovers', () => {
      checkNoLeftovers(created.preexisting!, created.image);
      say(`removed: no container, volume or image of this run is left`);
    });
  }
  if (created.dir && existsSync(created.dir)) rmSync(created.dir, { recursive: true, force: true });
  if (created.dockerd) await attempt('stopping dockerd', () => stopDockerd(created.dockerd!, problems.length > 0 || process.exitCode === 1));
  return problems;
}

let cleaning: Promise<string[]> | undefined;
const cleanupOnce = (): Promise<string[]> => (cleaning ??= cleanup());
let interrupted = false;

async function finish(outcome: 'passed' | 'failed'): Promise<void> {
  const problems = await cleanupOnce();
  for (const problem of problems) console.error(`test:docker: cleanup: ${problem}`);
  if (problems.length > 0 && outcome === 'passed') {
    console.log('0 passed, 1 failed (cleanup)');
    process.exitCode = 1;
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    say(`${signal}: cleaning up`);
    void cleanupOnce().then((problems) => {
      for (const problem of problems) console.error(`test:docker: cleanup: ${problem}`);
      process.exit(130);
    });
  });
}

try {
  await main();
  await finish('passed');
} catch (error) {
  // After Ctrl-C the job and the waits fail as a matter of course: the signal handler reports.
  if (!interrupted) {
    console.error(`\ntest:docker: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
    await finish('failed');
  }
}
