/**
 * `flint worker --namenode HOST:PORT [--host H] [--port P] [--data DIR] [--threads N]
 *  [--executor-port P] [--executor-memory BYTES]`: starts a worker node and prints its executor id.
 */
import { applySecretFlags, byteSizeFlag, DATANODE_USAGE, datanodeArgOptions, datanodeOptionsFromValues, parseCommandLine, UsageError } from '@flint/dfs';
import { startWorker, type WorkerHandle } from './worker-process.js';

export const WORKER_USAGE = `${DATANODE_USAGE}
  [--threads N]              task threads (default: one per core)
  [--executor-port P]        executor service port (default: any free port)
  [--executor-memory SIZE]   memory for cached partitions and shuffle buckets before spilling,
                             in bytes or with a k/m/g suffix (default 1g)
  [--thread-heap SIZE]       heap limit of each task thread (default: executor memory / threads,
                             within 256m-768m); a task that exceeds it fails, the worker stays up`;

const WORKER_COMMAND = {
  usage: WORKER_USAGE,
  options: { ...datanodeArgOptions, threads: { type: 'string' }, 'executor-port': { type: 'string' }, 'executor-memory': { type: 'string' }, 'thread-heap': { type: 'string' } },
} as const;

export async function runWorkerCommand(argv: string[]): Promise<WorkerHandle> {
  const { values } = parseCommandLine(argv, WORKER_COMMAND);
  const executorMemory = byteSizeFlag('executor-memory', values['executor-memory']);
  if (executorMemory === 0) throw new UsageError('--executor-memory must be positive');
  const threadHeap = byteSizeFlag('thread-heap', values['thread-heap']);
  if (threadHeap !== undefined && threadHeap < 16 * 1024 * 1024) throw new UsageError('--thread-heap must be at least 16m');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const options = {
    ...datanodeOptionsFromValues(values),
    threads: positiveInteger('threads', values.threads),
    executorPort: positiveInteger('executor-port', values['executor-port'], true),
    executorMemory,
    threadHeap,
    log,
    // Said like the start-up line, so whoever reads it (local-cluster) follows the replacement.
    executorRestarted: (id: string) => void process.stdout.write(`executor ${id} replaces the one that died\n`),
  };
  applySecretFlags('the worker', values, log);
  const worker = await startWorker(options);
  process.stdout.write(`worker ${worker.nodeId} executor ${worker.executorId}\n`);
  return worker;
}

function positiveInteger(flag: string, value: string | undefined, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new UsageError(`--${flag} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got '${value}'`);
  return n;
}
