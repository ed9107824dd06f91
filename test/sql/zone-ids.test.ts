/**
 * Zone ids read as Spark reads them (DateTimeUtils.getZoneId: `+h:mm` and `+hh:m` padded, then
 * java.time's ZoneId.of(id, ZoneId.SHORT_IDS)), wherever a zone is given: the session time zone,
 * from_utc_timestamp / to_utc_timestamp / convert_timezone, and the CSV reader's timeZone option.
 * Expected offsets are Java's: SHORT_IDS makes EST, MST and HST the fixed -05:00, -07:00, -10:00 and
 * the rest regions (PST America/Los_Angeles, ECT Europe/Paris, JST Asia/Tokyo), whose July 2024
 * offsets are the tz database's (-07:00 with daylight time, +02:00, +09:00). A session zone
 * ZoneId.of rejects is Spark's INVALID_CONF_VALUE.TIME_ZONE.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
const scratch = mkdtempSync(join(tmpdir(), 'flint-zone-ids-'));

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
});
afterEach(() => fc.conf.unset('spark.sql.session.timeZone'));
afterAll(async () => {
  await fc?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Minutes the zone's wall clock 2024-07-01 00:00 is ahead of UTC: (UTC instant of it) read back. */
async function offsetMinutes(zone: string): Promise<number> {
  fc.conf.set('spark.sql.session.timeZone', zone);
  const [row] = await fc.sql("SELECT unix_seconds(CAST(TIMESTAMP_NTZ '2024-07-01 00:00:00' AS TIMESTAMP)) AS s").collect();
  return (Date.UTC(2024, 6, 1) / 1000 - Number(row!.s)) / 60;
}

it.each([
  ['EST', -300],
  ['MST', -420],
  ['HST', -600],
  ['PST', -420],
  ['ECT', 120],
  ['JST', 540],
  ['GMT+8', 480],
  ['UTC+08:00', 480],
  ['UT+8', 480],
  ['+8', 480],
  ['-8:30', -510],
  ['+08:3', 483],
  ['+0530', 330],
  ['Z', 0],
])('the session time zone %s is %i minutes from UTC', async (zone, minutes) => {
  expect(await offsetMinutes(zone)).toBe(minutes);
});

it.each(['abc', 'GMT+25', '+19', 'pst', 'Asia/shanghai', '+830'])('the session time zone %s is refused as Spark refuses it', (zone) => {
  expect(() => fc.conf.set('spark.sql.session.timeZone', zone)).toThrow(
    `[INVALID_CONF_VALUE.TIME_ZONE] The value '${zone}' in the config "spark.sql.session.timeZone" is invalid. Cannot resolve the given timezone. SQLSTATE: 22022`,
  );
  expect(() => fc.sql(`SET spark.sql.session.timeZone=${zone}`).collect()).toThrow(/^\[INVALID_CONF_VALUE\.TIME_ZONE\]/);
});

it('zone arguments of functions read the same ids', async () => {
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
  const ts = "TIMESTAMP '2024-07-01 00:00:00'";
  const [row] = await fc
    .sql(
      `SELECT from_utc_timestamp(${ts}, 'EST') AS est, from_utc_timestamp(${ts}, 'ECT') AS ect, from_utc_timestamp(${ts}, 'UT+8') AS ut,
        from_utc_timestamp(${ts}, '+08:3') AS padded, to_utc_timestamp(${ts}, 'HST') AS hst,
        convert_timezone('PST', 'EST', TIMESTAMP_NTZ '2024-07-01 00:00:00') AS converted`,
    )
    .collect();
  expect(row).toEqual({
    est: new Date(Date.UTC(2024, 5, 30, 19)),
    ect: new Date(Date.UTC(2024, 6, 1, 2)),
    ut: new Date(Date.UTC(2024, 6, 1, 8)),
    padded: new Date(Date.UTC(2024, 6, 1, 8, 3)),
    hst: new Date(Date.UTC(2024, 6, 1, 10)),
    converted: new Date(Date.UTC(2024, 6, 1, 2)),
  });
});

it("the CSV reader's timeZone option reads short ids", async () => {
  const path = join(scratch, 'visits.csv');
  writeFileSync(path, 'seen\n2024-07-01 00:00:00\n');
  const rows = await fc.read.option('header', 'true').option('timeZone', 'JST').schema('seen TIMESTAMP').csv(path).collect();
  expect(rows).toEqual([{ seen: new Date(Date.UTC(2024, 5, 30, 15)) }]);
});
