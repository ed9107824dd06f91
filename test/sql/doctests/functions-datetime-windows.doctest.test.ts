// Time windows: PySpark 4's docstring examples of window, window_time and session_window
// (functions/builtin.py), then tumbling windows checked against DuckDB's time_bucket, sliding
// windows against a sequential assignment of each time to the windows that contain it, session
// windows against a sequential merge of each sensor's sorted readings, SQL's
// `GROUP BY window(ts, ...)` with `window.start`, rows with a null time (dropped, as Spark's
// TimeWindowing filters them) and Spark's errors for bad durations.
//
// One difference: engine timestamps are milliseconds, so window_time is the window's end less one
// millisecond (Spark, with microseconds, prints 2016-03-11 09:00:09.999999; Flint 09:00:09.999).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { DuckDbReference } from '../duckdb-reference.js';
import { docText, shows } from './doctest-support.js';

let fc: FlintContext;
let duck: DuckDbReference;

/** 300 readings over two hours of 2024-05-01, a few seconds to minutes apart, with a null time every 50th. */
const BASE = Date.UTC(2024, 4, 1, 10, 0, 0);
const READINGS = Array.from({ length: 300 }, (_, i) => ({
  sensor: `s${i % 3}`,
  ts: i % 50 === 49 ? null : new Date(BASE + ((i * 79_193) % 7_200_000) + (i % 7) * 1000),
  value: (i * 37) % 101,
}));

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-datetime-windows' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
  fc.createDataFrame(READINGS, 'sensor STRING, ts TIMESTAMP, value INT').createOrReplaceTempView('readings');
  duck = await DuckDbReference.open(1);
  await duck.query("SET TimeZone = 'UTC'; CREATE TABLE readings (sensor VARCHAR, ts TIMESTAMP, value INTEGER)");
  const value = (r: (typeof READINGS)[number]) => `('${r.sensor}', ${r.ts === null ? 'NULL' : `TIMESTAMP '${r.ts.toISOString().replace('T', ' ').replace('Z', '')}'`}, ${r.value})`;
  await duck.query(`INSERT INTO readings VALUES ${READINGS.map(value).join(', ')}`);
}, 60_000);

afterAll(async () => {
  duck?.close();
  await fc?.stop();
});

describe('window and window_time (the docstrings)', () => {
  const df = () => fc.createDataFrame([[new Date(Date.UTC(2016, 2, 11, 9, 0, 7)), 1]], ['dt', 'v']);

  it('window groups into 5 second tumbling windows', async () => {
    const df2 = df().groupBy(sf.window('dt', '5 seconds')).agg(sf.sum('v'));
    await shows(df2, `
      +------------------------------------------+------+
      |window                                    |sum(v)|
      +------------------------------------------+------+
      |{2016-03-11 09:00:05, 2016-03-11 09:00:10}|1     |
      +------------------------------------------+------+`, 20, false);
    expect(df2.schema.treeString()).toBe(docText(`
      root
       |-- window: struct (nullable = false)
       |    |-- start: timestamp (nullable = true)
       |    |-- end: timestamp (nullable = true)
       |-- sum(v): long (nullable = true)
      `) + '\n');
  });

  it('window_time is the last instant of the window', async () => {
    const df2 = df().groupBy(sf.window('dt', '5 seconds')).agg(sf.sum('v'));
    await shows(df2.select('*', sf.window_time('window')), `
      +------------------------------------------+------+-----------------------+
      |window                                    |sum(v)|window_time(window)    |
      +------------------------------------------+------+-----------------------+
      |{2016-03-11 09:00:05, 2016-03-11 09:00:10}|1     |2016-03-11 09:00:09.999|
      +------------------------------------------+------+-----------------------+`, 20, false);
  });
});

type Row = { sensor: string; start: Date; stop?: Date; n: number; total: number };
const byKey = (a: Row, b: Row) => a.sensor.localeCompare(b.sensor) || a.start.getTime() - b.start.getTime();

/** Every window [start, start + size) with start = startTime + k * slide that holds the time (the definition, not Spark's formula). */
function referenceWindows(sizeMs: number, slideMs: number, startMs: number): Row[] {
  const groups = new Map<string, Row>();
  for (const r of READINGS) {
    if (r.ts === null) continue;
    const t = r.ts.getTime();
    for (let k = Math.floor((t - startMs - sizeMs) / slideMs); k * slideMs + startMs <= t; k++) {
      const start = k * slideMs + startMs;
      if (t < start || t >= start + sizeMs) continue;
      const key = `${r.sensor}|${start}`;
      const g = groups.get(key) ?? { sensor: r.sensor, start: new Date(start), n: 0, total: 0 };
      g.n++;
      g.total += r.value;
      groups.set(key, g);
    }
  }
  return [...groups.values()].sort(byKey);
}

async function flintWindows(size: string, slide?: string, startTime?: string): Promise<Row[]> {
  const df = fc.table('readings')
    .groupBy('sensor', sf.window('ts', size, slide, startTime))
    .agg(sf.count('*').alias('n'), sf.sum('value').alias('total'))
    .select('sensor', sf.col('window.start').alias('start'), 'n', 'total');
  return ((await df.collect()) as Row[]).sort(byKey);
}

describe('tumbling and sliding windows over sensor readings', () => {
  it('tumbling windows are DuckDB time_bucket buckets (with and without a start offset)', async () => {
    for (const [size, startTime, origin] of [['10 minutes', undefined, '1970-01-01 00:00:00'], ['7 seconds', '3 seconds', '1970-01-01 00:00:03']] as const) {
      const expected = await duck.query(
        `SELECT sensor, time_bucket(INTERVAL '${size}', ts, TIMESTAMP '${origin}') AS start, count(*) AS n, sum(value) AS total ` +
          'FROM readings WHERE ts IS NOT NULL GROUP BY ALL',
      );
      const actual = await flintWindows(size, startTime === undefined ? undefined : size, startTime);
      expect(actual).toEqual((expected as unknown as Row[]).sort(byKey));
    }
  });

  it('sliding windows hold every reading once per window that contains it', async () => {
    expect(await flintWindows('10 minutes', '4 minutes')).toEqual(referenceWindows(600_000, 240_000, 0));
    expect(await flintWindows('1 hour', '15 minutes', '-5 minutes')).toEqual(referenceWindows(3_600_000, 900_000, -300_000));
  });

  it("SQL: GROUP BY window(ts, '30 minutes') with window.start and window.end", async () => {
    const df = fc.sql(
      "SELECT window.start AS start, window.end AS stop, count(*) AS n FROM readings GROUP BY window(ts, '30 minutes') ORDER BY start",
    );
    const rows = (await df.collect()) as { start: Date; stop: Date; n: number }[];
    expect(rows.map((r) => r.stop.getTime() - r.start.getTime())).toEqual(rows.map(() => 1_800_000));
    const counts = new Map<number, number>();
    for (const r of READINGS) {
      if (r.ts === null) continue;
      const start = Math.floor(r.ts.getTime() / 1_800_000) * 1_800_000;
      counts.set(start, (counts.get(start) ?? 0) + 1);
    }
    expect(rows.map((r) => [r.start.getTime(), r.n])).toEqual([...counts].sort(([a], [b]) => a - b));
  });

  it('time and session windows over a timestamp_ntz column are timestamp_ntz wall clocks, whatever the session time zone', async () => {
    fc.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
    try {
      const w = fc.sql("SELECT to_timestamp_ntz('2016-03-11 09:00:07') AS dt, 1 AS v").groupBy(sf.window('dt', '5 seconds')).agg(sf.sum('v'));
      expect(w.schema.simpleString()).toBe('struct<window:struct<start:timestamp_ntz,end:timestamp_ntz>,sum(v):bigint>');
      expect(await w.select(sf.col('window.start').cast('string').alias('s'), sf.window_time('window').cast('string').alias('t')).collect()).toEqual([{ s: '2016-03-11 09:00:05', t: '2016-03-11 09:00:09.999' }]);
      const sessions = fc.sql("SELECT to_timestamp_ntz('2016-03-11 09:00:07') AS dt, 1 AS v").groupBy(sf.session_window('dt', '5 seconds')).count();
      expect(sessions.schema.simpleString()).toBe('struct<session_window:struct<start:timestamp_ntz,end:timestamp_ntz>,count:bigint>');
      expect(await sessions.select(sf.col('session_window.end').cast('string').alias('e')).collect()).toEqual([{ e: '2016-03-11 09:00:12' }]);
    } finally {
      fc.conf.set('spark.sql.session.timeZone', 'UTC');
    }
  });

  it('a select of window() drops the rows whose time is null', async () => {
    const df = fc.createDataFrame([['2016-03-11 09:00:07', 1], [null, 2]], 'dt STRING, v INT').select(sf.window('dt', '1 minute'), 'v');
    expect(df.columns).toEqual(['window', 'v']);
    expect(await df.collect()).toEqual([{ window: { start: new Date(Date.UTC(2016, 2, 11, 9, 0)), end: new Date(Date.UTC(2016, 2, 11, 9, 1)) }, v: 1 }]);
  });
});

describe('session_window', () => {
  it('the docstring: one row, a session of 5 seconds', async () => {
    const df2 = fc.createDataFrame([['2016-03-11 09:00:07', 1]], ['dt', 'v']).groupBy(sf.session_window('dt', '5 seconds')).agg(sf.sum('v'));
    await shows(df2, `
      +------------------------------------------+------+
      |session_window                            |sum(v)|
      +------------------------------------------+------+
      |{2016-03-11 09:00:07, 2016-03-11 09:00:12}|1     |
      +------------------------------------------+------+`, 20, false);
    expect(df2.schema.treeString()).toBe(docText(`
      root
       |-- session_window: struct (nullable = false)
       |    |-- start: timestamp (nullable = true)
       |    |-- end: timestamp (nullable = true)
       |-- sum(v): long (nullable = true)
      `) + '\n');
  });

  /** Per sensor, readings sorted by time: a reading within the gap of the session's end (or at it) extends the session (Spark's MergingSessionsIterator). */
  function referenceSessions(gapMs: number): Row[] {
    const sessions: (Row & { end: number })[] = [];
    const sorted = READINGS.filter((r) => r.ts !== null).sort((a, b) => a.sensor.localeCompare(b.sensor) || a.ts!.getTime() - b.ts!.getTime());
    for (const r of sorted) {
      const t = r.ts!.getTime();
      const last = sessions.at(-1);
      if (last && last.sensor === r.sensor && t <= last.end) {
        last.end = Math.max(last.end, t + gapMs);
        last.n++;
        last.total += r.value;
      } else sessions.push({ sensor: r.sensor, start: new Date(t), end: t + gapMs, n: 1, total: r.value });
    }
    return sessions.map(({ end, ...s }) => ({ ...s, stop: new Date(end) })).sort(byKey);
  }

  it('merges the sessions of each sensor as a sequential pass does', async () => {
    for (const [gap, gapMs] of [['30 seconds', 30_000], ['2 minutes', 120_000]] as const) {
      const df = fc.table('readings')
        .groupBy('sensor', sf.session_window('ts', gap))
        .agg(sf.count('*').alias('n'), sf.sum('value').alias('total'))
        .select('sensor', sf.col('session_window.start').alias('start'), sf.col('session_window.end').alias('stop'), 'n', 'total');
      expect(((await df.collect()) as Row[]).sort(byKey)).toEqual(referenceSessions(gapMs));
    }
  });

  it("SQL's GROUP BY session_window(ts, ...) reads session_window.start; a select gives each row its own session", async () => {
    const rows = await fc.sql("SELECT session_window.start AS start, count(*) AS n FROM readings WHERE sensor = 's1' GROUP BY session_window(ts, '1 minute') ORDER BY start").collect();
    expect(rows).toEqual(referenceSessions(60_000).filter((s) => s.sensor === 's1').map((s) => ({ start: s.start, n: s.n })));
    const own = fc.createDataFrame([['2016-03-11 09:00:07'], ['2016-03-11 09:00:09'], [null]], 'dt STRING').select(sf.session_window('dt', '5 seconds'));
    expect((await own.collect()).map((r) => (r as { session_window: { start: Date } }).session_window.start.toISOString())).toEqual(['2016-03-11T09:00:07.000Z', '2016-03-11T09:00:09.000Z']);
  });
});

describe('window errors', () => {
  const windowOver = (args: string) => () => fc.sql(`SELECT window(ts, ${args}) FROM readings`);

  it("bad durations fail with Spark's messages", () => {
    expect(windowOver("'10 seconds', '20 seconds'")).toThrow(
      '[DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION] Cannot resolve "window(ts, 10000000, 20000000, 0)" due to data type mismatch: The `slide_duration`(20000000L) must be <= the `window_duration`(10000000L). SQLSTATE: 42K09',
    );
    expect(windowOver("'10 seconds', '5 seconds', '5 seconds'")).toThrow('The `abs(start_time)`(5000000L) must be < the `slide_duration`(5000000L).');
    expect(windowOver("'1 month'")).toThrow(/^Intervals greater than a month is not supported \(1 month\)\.$/);
    expect(windowOver("'2 fortnights'")).toThrow('[INVALID_INTERVAL_FORMAT.INVALID_UNIT]');
    // IntervalUtils.stringToInterval's rules: a fraction only on seconds, decimal digits only.
    expect(windowOver("'1.5 hours'")).toThrow('[INVALID_INTERVAL_FORMAT.INVALID_FRACTION]');
    expect(windowOver("'1e3 seconds'")).toThrow('[INVALID_INTERVAL_FORMAT.INVALID_VALUE]');
    expect(windowOver("'0 months 90 seconds'")).not.toThrow();
    expect(windowOver('value')).toThrow(/^The duration and time inputs to window must be an integer, long or string literal\.$/);
    expect(() => fc.sql("SELECT window(value, '1 minute') FROM readings")).toThrow('The first parameter requires the "TIMESTAMP" type, however "value" has the type "INT".');
  });

  it('two different windows in one aggregate are refused', () => {
    expect(() => fc.table('readings').groupBy(sf.window('ts', '1 minute'), sf.window('ts', '2 minutes')).count()).toThrow(
      'Multiple time/session window expressions would result in a cartesian product of rows',
    );
  });
});
