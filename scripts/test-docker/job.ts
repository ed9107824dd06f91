/**
 * The job of `npm run test:docker` (scripts/test-docker-job.ts, run with `flint submit`), the
 * worker kill during it, and its sequential reference.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readLines } from '../../examples/shared/read-lines.js';
import { repo, run, say } from './shell.js';

const flint = join(repo, 'packages/driver/dist/cli/flint.js');
const JOB_TIMEOUT_MS = 600_000;
/** A job whose scheduler reports nothing for this long is stuck. */
const JOB_SILENCE_MS = 90_000;

export type Joined = [string, [number, number | null]][];

/** The job's result computed sequentially: word -> [occurrences, lines it starts or null]. */
export function reference(input: string): Joined {
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

export interface JobEvent {
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

export interface Kill {
  readonly container: string;
  readonly executor: string;
  /** Milliseconds into the job, by the job's own clock. */
  readonly atMs: number;
  /** performance.now() of this process as it ran `docker kill`. */
  readonly at: number;
  readonly stage: number;
  readonly stageTasksDone: number;
  readonly stageTasks: number;
}

export interface JobOptions {
  readonly master: string;
  readonly input: string;
  readonly output: string;
  readonly env: NodeJS.ProcessEnv;
  /** Worker container name by executor id. */
  readonly containers: Map<string, string>;
  readonly killDuring: 'first' | 'second';
  /** Called with the `flint submit` process as soon as it runs, so that cleanup can stop it. */
  readonly started: (child: ChildProcess) => void;
  /** Called right after the kill. */
  readonly killed: (kill: Kill) => void;
}

/**
 * Runs the job with `flint submit`, follows its events and kills one worker container at the
 * chosen moment: `second` — the first shuffle stage has completed and a task of the other one
 * just ended on that worker; `first` — the first task of the job just ended on that worker.
 */
export async function runJobAndKill(options: JobOptions): Promise<{ events: JobEvent[]; kill: Kill | undefined }> {
  const events: JobEvent[] = [];
  let kill: Kill | undefined;
  const completed = new Set<number>();
  const stageTasks = new Map<number, number>();
  const succeeded = new Map<number, number>();
  const job = join(repo, 'scripts/test-docker-job.ts');
  const child = spawn(process.execPath, [flint, 'submit', job, '--master', options.master, '--', options.input, options.output], {
    cwd: repo,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.started(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((r) => child.on('exit', (code, signal) => r(code ?? (signal ? 1 : 0))));

  const shouldKill = (event: JobEvent): boolean => {
    if (kill || event.type !== 'taskEnded' || event.outcome !== 'success' || !event.executor) return false;
    if (options.killDuring === 'first') return completed.size === 0;
    return completed.size > 0 && !completed.has(event.stage!) && (succeeded.get(event.stage!) ?? 0) < (stageTasks.get(event.stage!) ?? 0);
  };

  let lastEvent: JobEvent | undefined;
  let lastOutput = performance.now();
  const jobStarted = performance.now();
  let stuck: string | undefined;
  const watchdog = setInterval(() => {
    if (performance.now() - jobStarted > JOB_TIMEOUT_MS) stuck = `did not finish within ${JOB_TIMEOUT_MS / 1000} s`;
    else if (performance.now() - lastOutput > JOB_SILENCE_MS) stuck = `reported nothing for ${JOB_SILENCE_MS / 1000} s`;
    else return;
    say(`the job ${stuck}: stopping it`);
    clearInterval(watchdog);
    child.kill('SIGTERM');
  }, 1_000);
  try {
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
        const container = options.containers.get(event.executor!);
        if (!container) throw new Error(`no worker container runs executor ${event.executor}`);
        const at = performance.now();
        run('docker', ['kill', container]);
        const stage = event.stage!;
        kill = { container, executor: event.executor!, atMs: event.ms, at, stage, stageTasksDone: succeeded.get(stage) ?? 0, stageTasks: stageTasks.get(stage) ?? 0 };
        say(`docker kill ${container} (executor ${kill.executor}), ${(kill.atMs / 1000).toFixed(1)} s into the job, stage ${stage} at ${kill.stageTasksDone}/${kill.stageTasks} tasks`);
        options.killed(kill);
      }
    }
  } finally {
    clearInterval(watchdog);
  }
  const code = await exited;
  if (stuck) throw new Error(`the job ${stuck}, after ${lastEvent ? describe(lastEvent) : 'starting'}${kill ? ` (${kill.container} was killed during stage ${kill.stage})` : ''}`);
  if (code !== 0) throw new Error(`the job exited with code ${code}:\n${stderr}`);
  return { events, kill };
}

export function describe(event: JobEvent): string {
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
export function recomputed(events: JobEvent[]): string {
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
