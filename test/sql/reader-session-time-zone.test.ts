/**
 * CSV and JSON readers parse a timestamp without a zone in the session's time zone
 * (`flint.sql.session.timeZone`), as Spark's CSVOptions/JSONOptions default `timeZone` to
 * SQLConf.sessionLocalTimeZone, resolved when the query is planned; a `timeZone` option wins.
 * The session's zone is picked unlike the process's, so that reading in the process's zone fails.
 * Known answers: '2024-03-01 12:00:00' is 03:00Z in Asia/Tokyo (+09:00, no DST), 06:30Z at +05:30.
 * Writers, too, spell timestamps in the session's zone (Spark 4's default pattern, with the offset).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
// The session's zone, its offset, the instant its noon is, and its wall clock at 12:00Z.
const [sessionZone, offset, utcAtNoon, twelveUtcThere] =
  processZone === 'Asia/Tokyo'
    ? ['Asia/Kolkata', '+05:30', '2024-03-01T06:30:00.000Z', '2024-03-01T17:30:00.000+05:30']
    : ['Asia/Tokyo', '+09:00', '2024-03-01T03:00:00.000Z', '2024-03-01T21:00:00.000+09:00'];
const scratch = mkdtempSync(join(tmpdir(), 'flint-reader-session-zone-'));
const csv = join(scratch, 'visits.csv');
const json = join(scratch, 'visits.json');
let fc: FlintContext;

beforeAll(async () => {
  writeFileSync(csv, 'name,seen\nAnn,2024-03-01 12:00:00\n');
  writeFileSync(json, '{"name":"Ann","seen":"2024-03-01 12:00:00","visit":{"at":"2024-03-01 12:00:00"}}\n');
  fc = await FlintContext.create({ master: 'local[1]', ui: false });
});
afterAll(async () => {
  await fc?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const instants = (rows: Record<string, unknown>[], column = 'seen') => rows.map((r) => (r[column] as Date).toISOString());

it('reads CSV and JSON timestamps in the session time zone set before the action', async () => {
  const visitsCsv = fc.read.schema('name STRING, seen TIMESTAMP').option('header', true).csv(csv);
  const visitsJson = fc.read.schema('name STRING, seen TIMESTAMP, visit STRUCT<at: TIMESTAMP>').json(json);
  fc.conf.set('flint.sql.session.timeZone', sessionZone);
  try {
    expect(instants(await visitsCsv.collect())).toEqual([utcAtNoon]);
    const fromJson = await visitsJson.collect();
    expect(instants(fromJson)).toEqual([utcAtNoon]);
    expect(fromJson.map((r) => ((r.visit as Record<string, unknown>).at as Date).toISOString())).toEqual([utcAtNoon]);
    fc.conf.set('flint.sql.session.timeZone', '+05:30');
    expect(instants(await visitsCsv.collect())).toEqual(['2024-03-01T06:30:00.000Z']);
  } finally {
    fc.conf.unset('flint.sql.session.timeZone');
  }
});

it('lets a timeZone option win over the session time zone', async () => {
  fc.conf.set('flint.sql.session.timeZone', sessionZone);
  try {
    const csvRows = await fc.read.schema('name STRING, seen TIMESTAMP').options({ header: true, timeZone: 'UTC' }).csv(csv).collect();
    const jsonRows = await fc.read.schema('name STRING, seen TIMESTAMP').option('timeZone', 'UTC').json(json).collect();
    expect([...instants(csvRows), ...instants(jsonRows)]).toEqual(['2024-03-01T12:00:00.000Z', '2024-03-01T12:00:00.000Z']);
  } finally {
    fc.conf.unset('flint.sql.session.timeZone');
  }
});

const partFile = (dir: string) => readFileSync(join(dir, readdirSync(dir).find((name) => name.startsWith('part-'))!), 'utf8');

it('writes timestamps in the session time zone (Spark 4: yyyy-MM-ddTHH:mm:ss.SSS and the offset), or the timeZone option', async () => {
  const visits = fc.read.schema('name STRING, seen TIMESTAMP').options({ header: true, timeZone: 'UTC' }).csv(csv);
  fc.conf.set('flint.sql.session.timeZone', sessionZone);
  try {
    await visits.write.option('header', true).csv(join(scratch, 'zoned-csv'));
    await visits.write.json(join(scratch, 'zoned-json'));
    await visits.write.option('timeZone', 'UTC').csv(join(scratch, 'utc-csv'));
  } finally {
    fc.conf.unset('flint.sql.session.timeZone');
  }
  expect(partFile(join(scratch, 'zoned-csv'))).toBe(`name,seen\nAnn,${twelveUtcThere}\n`);
  expect(partFile(join(scratch, 'zoned-json'))).toBe(`{"name":"Ann","seen":"${twelveUtcThere}"}\n`);
  expect(partFile(join(scratch, 'utc-csv'))).toBe('Ann,2024-03-01T12:00:00.000Z\n');
});

it('reads back the instants it wrote, in another session time zone too', async () => {
  fc.conf.set('flint.sql.session.timeZone', sessionZone);
  try {
    const visits = fc.read.schema('name STRING, seen TIMESTAMP').option('header', true).csv(csv);
    await visits.write.option('header', true).csv(join(scratch, 'out-csv'));
    await visits.write.json(join(scratch, 'out-json'));
    expect(partFile(join(scratch, 'out-csv'))).toBe(`name,seen\nAnn,2024-03-01T12:00:00.000${offset}\n`);
    const readBack = async () => [
      ...instants(await fc.read.schema('name STRING, seen TIMESTAMP').option('header', true).csv(join(scratch, 'out-csv')).collect()),
      ...instants(await fc.read.schema('name STRING, seen TIMESTAMP').json(join(scratch, 'out-json')).collect()),
    ];
    expect(await readBack()).toEqual([utcAtNoon, utcAtNoon]);
    fc.conf.set('flint.sql.session.timeZone', 'America/Los_Angeles');
    expect(await readBack()).toEqual([utcAtNoon, utcAtNoon]);
  } finally {
    fc.conf.unset('flint.sql.session.timeZone');
  }
});
