/**
 * User code that misbehaves beyond throwing — fills its thread's heap, throws from a timer, calls
 * process.exit, loops forever, or just runs longer than the connections' idle timeout — on
 * local-cluster[2,1]: the job fails (or succeeds on a retry) as maxFailures says, with a message
 * naming the cause, and the worker processes stay up: same PIDs, their datanodes still serve the
 * file written before, and the next job runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsClient } from '@flint/dfs';
import { FlintContext, type TaskContext as DriverTaskContext } from '@flint/driver';

// Shipped functions name TaskContext as a global, which task threads define (vitest renames
// imported bindings, so this file declares it instead of importing it).
declare const TaskContext: typeof DriverTaskContext;

// Connections idle this long are closed (the workers inherit it): a quiet connection is a dead one.
process.env.FLINT_NET_IDLE_TIMEOUT_MS = '1000';
const THREAD_HEAP = 64 * 1024 * 1024;
// The timeout tests run on a context of their own, so that this bound does not race the threads
// that fill their heap in the other tests.
const TASK_TIMEOUT_MS = 2_000;
const FILE = '/faults/before.bin';
const fileBytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));

let fc: FlintContext;
let dfs: DfsClient;
let pids: number[];

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local-cluster[2,1]', maxFailures: 2, threadHeap: THREAD_HEAP });
  pids = fc.localCluster!.workers.map((w) => w.process.pid!);
  dfs = await DfsClient.connect(fc.localCluster!.namenode);
  // One replica on each worker's datanode.
  await dfs.writeFile(FILE, fileBytes, { replication: 2, blockSize: 64 * 1024 });
});

afterAll(async () => {
  dfs?.close();
  await fc?.stop();
});

/** The workers are the processes started with the cluster, alive, and their datanodes serve reads and writes. */
async function expectWorkersUp(): Promise<void> {
  const workers = fc.localCluster!.workers;
  expect(workers.map((w) => w.process.pid)).toEqual(pids);
  expect(workers.map((w) => w.process.exitCode ?? w.process.signalCode)).toEqual([null, null]);
  expect((await dfs.liveNodes()).length).toBe(2);
  expect(Buffer.compare(await dfs.readFile(FILE), fileBytes)).toBe(0);
  const probe = `/faults/probe-${Date.now()}`;
  await dfs.writeFile(probe, Buffer.from('still serving'), { replication: 2 });
  expect((await dfs.readFile(probe)).toString()).toBe('still serving');
  expect(await fc.parallelize([1, 2, 3, 4], 2).map((x) => x * 10).collect()).toEqual([10, 20, 30, 40]);
}

describe('a task that exhausts its thread heap', () => {
  it('fails with the heap limit named after maxFailures attempts; the workers stay up', async () => {
    const job = fc
      .parallelize([1], 1)
      .map((x) => {
        const hoard: number[][] = [];
        for (;;) hoard.push(new Array(1000).fill(x));
      })
      .collect();
    await expect(job).rejects.toThrow(/failed 2 times; most recent failure \(attempt 1\): TaskThreadOutOfMemory: task thread ran out of memory \(limit 64 MB\)/);
    await expectWorkersUp();
  });

  it('succeeds when only the first attempt runs out of memory', async () => {
    const result = await fc
      .parallelize([1, 2, 3], 1)
      .mapPartitions((records) => {
        if (TaskContext.get()!.attemptNumber() === 0) {
          const hoard: number[][] = [];
          for (;;) hoard.push(new Array(1000).fill(hoard.length));
        }
        return records;
      })
      .collect();
    expect(result).toEqual([1, 2, 3]);
    await expectWorkersUp();
  });
});

describe('a task whose timer throws', () => {
  it('fails with the timer error when it throws during the task', async () => {
    const job = fc
      .parallelize([1, 2], 1)
      .map((x) => {
        setTimeout(() => {
          throw new RangeError('boom in a timer');
        });
        return x;
      })
      .collect();
    await expect(job).rejects.toThrow(/UncaughtTaskError: uncaught error in a timer or callback: RangeError: boom in a timer/);
    await expectWorkersUp();
  });

  it('loses only its thread when it throws after the task ended; the job result stands', async () => {
    const result = await fc
      .parallelize([1, 2], 2)
      .map((x) => {
        setTimeout(() => {
          throw new Error('late boom');
        }, 50);
        return x + 1;
      })
      .collect();
    expect(result).toEqual([2, 3]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expectWorkersUp();
  });
});

describe('a task that calls process.exit', () => {
  it('fails naming the exit; the workers stay up', async () => {
    const job = fc
      .parallelize([1], 1)
      .map(() => process.exit(3))
      .collect();
    await expect(job).rejects.toThrow(/TaskThreadExited: task thread exited with code 3/);
    await expectWorkersUp();
  });
});

describe('a task that runs longer than the idle timeout', () => {
  it('is not cut off: the driver keeps its executor connection alive, and the first attempt ends the job', async () => {
    const attempts = await fc
      .parallelize([1], 1)
      .map(() => {
        const end = Date.now() + 2_500;
        while (Date.now() < end);
        return TaskContext.get()!.attemptNumber();
      })
      .collect();
    expect(attempts).toEqual([0]);
    await expectWorkersUp();
  }, 20_000);
});

describe('taskTimeoutMs', () => {
  let timed: FlintContext;
  let timedPids: number[];
  beforeAll(async () => {
    timed = await FlintContext.create({ master: 'local-cluster[2,1]', maxFailures: 2, taskTimeoutMs: TASK_TIMEOUT_MS });
    timedPids = timed.localCluster!.workers.map((w) => w.process.pid!);
  });
  afterAll(() => timed?.stop());

  it('ends a task that loops forever and fails the job naming the timeout; the workers stay up', async () => {
    const job = timed
      .parallelize([1], 1)
      .map((x) => {
        for (;;) x++;
      })
      .collect();
    await expect(job).rejects.toThrow(/failed 2 times; most recent failure \(attempt 1\): TaskTimedOut: .*ran longer than taskTimeoutMs \(2000 ms\); its thread was terminated/);
    expect(timed.localCluster!.workers.map((w) => w.process.pid)).toEqual(timedPids);
    expect(await timed.parallelize([1, 2, 3, 4], 2).map((x) => x * 10).collect()).toEqual([10, 20, 30, 40]);
  });

  it('lets the retry succeed when only the first attempt hangs', async () => {
    const result = await timed
      .parallelize([5, 6], 1)
      .mapPartitions((records) => {
        if (TaskContext.get()!.attemptNumber() === 0) for (;;);
        return records;
      })
      .collect();
    expect(result).toEqual([5, 6]);
  });
});
