/**
 * The task side of `profile: true` (PySpark's spark.python.profile): a V8 CPU profile of the task
 * thread while it computes one task, taken with the thread's own inspector session and sent back
 * with the task's result as the JSON of a `.cpuprofile` (the format Chrome DevTools and VS Code open).
 */
import { Session } from 'node:inspector/promises';

/** Microseconds between samples: fine enough for tasks of a few milliseconds. */
const SAMPLING_INTERVAL_US = 200;

let session: Session | undefined;

/** Runs `work`, profiled when `enabled`; the profile is UTF-8 JSON bytes. */
export async function profiled<R>(enabled: boolean, work: () => Promise<R>): Promise<{ value: R; profile?: Uint8Array }> {
  if (!enabled) return { value: await work() };
  const inspector = await startProfiler();
  const stop = () => inspector.post('Profiler.stop');
  let value: R;
  try {
    value = await work();
  } catch (error) {
    await stop();
    throw error;
  }
  const { profile } = await stop();
  return { value, profile: Buffer.from(JSON.stringify(profile)) };
}

async function startProfiler(): Promise<Session> {
  if (!session) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  }
  await session.post('Profiler.start');
  return session;
}
