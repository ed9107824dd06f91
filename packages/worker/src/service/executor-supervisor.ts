/**
 * Keeps a worker's executor running in a child process (executor-main.ts), so that a task which
 * takes its process down (V8 aborts the whole process on a fatal out-of-memory error, whatever the
 * thread's heap limit) takes only the executor: the worker process, and the datanode in it, stay.
 * An executor that dies is started again, as a new executor (a new port, so a new id: what the old
 * one held is gone). Why it died (its exit signal or code and V8's fatal-error line from its
 * stderr) is reported, so the driver can tell a task that killed its executor from a lost worker.
 * An executor that keeps dying soon after starting is restarted after a growing delay. The first
 * one is forked before its settings are known (they need the datanode's id), so that its start
 * overlaps the datanode's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExecutorProcessConfig, FromExecutorProcess, ToExecutorProcess } from './executor-process-messages.js';

const EXECUTOR_MAIN = fileURLToPath(new URL('./executor-main.js', import.meta.url));
const STDERR_TAIL_CHARS = 8192;
const STOP_GRACE_MS = 5_000;
/** An executor that lived this long is restarted at once; one that died sooner waits longer each time. */
const HEALTHY_LIFETIME_MS = 30_000;
const FIRST_RESTART_DELAY_MS = 250;
const MAX_RESTART_DELAY_MS = 10_000;

export interface RunningExecutor {
  readonly id: string;
  readonly threads: number;
}

export interface SupervisorEvents {
  /** An executor is ready: the first one, or a replacement. */
  started(executor: RunningExecutor): void;
  /** The executor `id` died on its own; a replacement follows. */
  died(id: string, reason: string): void;
}

export class ExecutorSupervisor {
  private child: ChildProcess | undefined;
  private stopped = false;
  private quickDeaths = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private tasks = 0;

  private constructor(
    private readonly config: Promise<ExecutorProcessConfig>,
    private readonly events: SupervisorEvents,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts the first executor; fails with its own error line if it cannot start (a port in use, ...). */
  static async start(config: Promise<ExecutorProcessConfig>, events: SupervisorEvents, log: (line: string) => void): Promise<ExecutorSupervisor> {
    const supervisor = new ExecutorSupervisor(config, events, log);
    events.started(await supervisor.launch());
    return supervisor;
  }

  /** Tasks the executor runs now, as it last said. */
  get runningTasks(): number {
    return this.tasks;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      child.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      const stop: ToExecutorProcess = { type: 'stop' };
      if (child.connected) child.send(stop);
      else child.kill('SIGKILL');
    });
  }

  private async launch(): Promise<RunningExecutor> {
    const child = fork(EXECUTOR_MAIN, [], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    this.child = child;
    let startedAt = Date.now();
    let stderrTail = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    const ready = new Promise<RunningExecutor>((resolve, reject) => {
      let running: RunningExecutor | undefined;
      child.on('message', (message: FromExecutorProcess) => {
        if (message.type === 'runningTasks') {
          this.tasks = message.count;
          return;
        }
        running = { id: message.id, threads: message.threads };
        resolve(running);
      });
      // 'close', not 'exit': the stderr tail is complete only once the streams have closed.
      child.once('close', (code, signal) => {
        if (!running) return reject(new Error(lastErrorLine(stderrTail) ?? `the executor process ${describeExit(code, signal)} while starting`));
        this.tasks = 0;
        if (this.stopped) return;
        const reason = `executor process ${child.pid} ${describeExit(code, signal)}${fatalErrorOf(stderrTail)}`;
        this.log(`executor ${running.id} died: ${reason}; starting a new one`);
        this.events.died(running.id, reason);
        this.restartAfter(Date.now() - startedAt);
      });
    });
    let config: ExecutorProcessConfig;
    try {
      config = await this.config;
    } catch (error) {
      child.kill('SIGKILL');
      ready.catch(() => undefined);
      throw error;
    }
    // What a dead executor left on disk belongs to no one now.
    rmSync(config.directory, { recursive: true, force: true });
    const start: ToExecutorProcess = { type: 'start', config };
    child.send(start);
    startedAt = Date.now();
    return ready;
  }

  private restartAfter(lifetimeMs: number): void {
    this.quickDeaths = lifetimeMs >= HEALTHY_LIFETIME_MS ? 0 : this.quickDeaths + 1;
    const delay = this.quickDeaths <= 1 ? 0 : Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (this.quickDeaths - 2));
    this.restartTimer = setTimeout(() => {
      if (this.stopped) return;
      this.launch().then(
        (executor) => this.events.started(executor),
        (error: Error) => {
          this.log(`executor did not start again: ${error.message}`);
          this.restartAfter(0);
        },
      );
    }, delay);
  }
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was ended by ${signal}` : `exited with code ${code}`;
}

/** V8's and Node's fatal-error line (the cause of an abort), as ": <line>", or nothing. */
function fatalErrorOf(stderr: string): string {
  const match = /^(FATAL ERROR: .*|Fatal JavaScript .*|# Fatal error .*)$/m.exec(stderr);
  return match ? `: ${match[1].trim()}` : '';
}

function lastErrorLine(stderr: string): string | undefined {
  const lines = stderr.trim().split('\n');
  return lines.at(-1)?.trim() || undefined;
}
