// The event log of real runs: every event as a JSON line in DIR/APP_ID.inprogress while the
// application runs, DIR/APP_ID once it stopped; replayed, it gives the same job history. Locally
// and on the DFS of another application's local cluster.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DfsClient, parseDfsUrl } from '@flint/dfs';
import { FlintContext, type SchedulerEvent } from '@flint/driver';
import { JobHistory } from '../../src/context/job-history.js';
import { parseEventLog, readEventLog } from '../../src/event-log/event-log-reader.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flint-event-log-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two jobs over one shuffle (the second skips the map stage) and a failing one. */
async function someJobs(fc: FlintContext): Promise<void> {
  const counts = fc.parallelize(['a', 'b', 'a', 'c'], 2).map((w): [string, number] => [w, 1]).reduceByKey((a, b) => a + b, 2);
  await counts.collect();
  await counts.count();
  await fc.parallelize([1], 1).map(() => {
    throw new Error('boom');
  }).collect().catch(() => undefined);
}

function replayed(events: SchedulerEvent[]): JobHistory {
  const history = new JobHistory();
  for (const event of events) history.onEvent(event);
  return history;
}

describe('the event log', () => {
  it('is written while the application runs, renamed when it stops, and replays into the same job history', async () => {
    const fc = await FlintContext.create({ master: 'local[2]', maxFailures: 1, eventLog: dir });
    await someJobs(fc);
    const inProgress = join(dir, `${fc.applicationId}.inprogress`);
    const finished = join(dir, fc.applicationId);
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(inProgress)).toBe(true);
    expect(existsSync(finished)).toBe(false);
    expect(readEventLog(inProgress)[0]).toMatchObject({ type: 'applicationStart', appId: fc.applicationId });
    await fc.stop();
    expect(existsSync(inProgress)).toBe(false);

    const events = readEventLog(finished);
    expect(events.at(0)).toMatchObject({ type: 'applicationStart', conf: expect.arrayContaining([{ key: 'eventLog', value: dir, source: 'FlintContext option' }]) });
    expect(events.at(-1)).toMatchObject({ type: 'applicationEnd', appId: fc.applicationId });
    expect(events.filter((e) => e.type === 'jobStart')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'taskEnd').length).toBe(events.filter((e) => e.type === 'taskStart').length);
    expect(fc.jobHistory.map((job) => job.succeeded)).toEqual([true, true, false]);
    expect(replayed(events).jobs).toEqual(fc.jobHistory);
  });

  it('is written on the DFS (dfs://), finished under its name', async () => {
    const holder = await FlintContext.create({ master: 'local-cluster[1,1]', progress: false });
    try {
      const logDir = `dfs://${holder.namenode}/event-logs`;
      const fc = await FlintContext.create({ master: 'local[2]', maxFailures: 1, eventLog: logDir });
      await someJobs(fc);
      await fc.stop();
      const client = await DfsClient.connect(parseDfsUrl(logDir).namenode);
      try {
        const names = (await client.list('/event-logs')).map((status) => status.path);
        expect(names).toEqual([`/event-logs/${fc.applicationId}`]);
        const events = parseEventLog((await client.readFile(`/event-logs/${fc.applicationId}`)).toString('utf8'), fc.applicationId);
        expect(events.at(-1)).toMatchObject({ type: 'applicationEnd' });
        expect(replayed(events).jobs).toEqual(fc.jobHistory);
      } finally {
        client.close();
      }
    } finally {
      await holder.stop();
    }
  });

  it('refuses a directory it cannot write in, with one line', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    await expect(FlintContext.create({ master: 'local[1]', eventLog: file })).rejects.toThrow(/^cannot write the event log in .*a-file: .+$/);
    expect(readFileSync(file, 'utf8')).toBe('not a directory');
  });

  it('is refused when a line is not an event', () => {
    expect(() => parseEventLog('{"type":"jobEnd","time":1}\nnot json\n', 'app-1')).toThrow('app-1:2: not an event log line (not JSON): not json');
  });
});
