/**
 * The executor process: task threads, block manager and executor service, forked by the worker's
 * supervisor (executor-supervisor.ts). It lives in its own process because some user-code faults
 * cannot be contained in a thread: V8 aborts the whole process on a fatal out-of-memory error,
 * whatever the thread's heap limit. The supervisor (which keeps the datanode) outlives it.
 * It is forked before its settings are known, so that Node's start and these imports overlap the
 * worker's own start-up; the settings come as the first IPC message. It reports over the IPC
 * channel once its service listens, and ends when that channel closes.
 */
import { Executor } from '../executor/executor.js';
import { startExecutorService } from './executor-service.js';
import { PeerClient } from './peer-client.js';
import { executorId } from './executor-id.js';
import type { ExecutorProcessConfig, FromExecutorProcess, ToExecutorProcess } from './executor-process-messages.js';

const RUNNING_TASKS_CHECK_MS = 250;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

// The supervisor is gone (killed, or it stopped): nothing may outlive it.
process.once('disconnect', () => process.exit(0));
process.once('message', (message: ToExecutorProcess) => {
  if (message.type === 'start') start(message.config).catch(fail);
});

async function start(config: ExecutorProcessConfig): Promise<void> {
  const peers = new PeerClient();
  const executor = new Executor(
    { id: 'pending', threads: config.threads, memoryBudget: config.memoryBudget, directory: config.directory, threadHeap: config.threadHeap, log },
    { fetch: (peer, key) => peers.fetch(peer, key), replicate: (peer, key, level, bytes) => peers.replicate(peer, key, level, bytes) },
  );
  const service = await startExecutorService(executor, config.host, config.port, log);
  const id = executorId(config.nodeId, config.host, service.port);
  executor.assignId(id);
  process.on('message', (message: ToExecutorProcess) => {
    if (message.type !== 'stop') return;
    peers.close();
    void service
      .close()
      .then(() => executor.stop())
      .finally(() => process.exit(0));
  });
  tell({ type: 'ready', id, threads: config.threads });
  let reported = 0;
  setInterval(() => {
    if (executor.runningTasks === reported) return;
    reported = executor.runningTasks;
    tell({ type: 'runningTasks', count: reported });
  }, RUNNING_TASKS_CHECK_MS).unref();
}

function tell(message: FromExecutorProcess): void {
  process.send?.(message);
}

function fail(error: unknown): never {
  log(`executor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
