import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FlintContext } from '@flint/driver';
import { useTestBed } from './shared/test-bed.js';
import { generateReadings } from './iot-sensors/generate.js';
import { sensorAverages } from './iot-sensors/job.js';
import { sensorAveragesDataFrame, sensorAveragesSql } from './iot-sensors/dataframe-job.js';
import { sensorAveragesSequential } from './iot-sensors/reference.js';

// Each version of the job, and how it names a malformed reading.
describe.each([
  ['RDD', (fc: FlintContext, input: string) => sensorAverages(fc, input, 6), /malformed reading .*: 2024-03-01T00:01:00Z,sensor-01,hot/],
  ['DataFrame', sensorAveragesDataFrame, /bad\.csv at line 2: field 'value' \(column 3\) has 'hot'/],
  ['SQL', sensorAveragesSql, /bad\.csv at line 2: field 'value' \(column 3\) has 'hot'/],
] as const)('IoT sensor averages example, %s version', (_, averagesOf, malformed) => {
  const bed = useTestBed('iot-sensors-test');
  let input: string;

  beforeAll(() => {
    input = join(bed.dir, 'readings');
    // One time-ordered stream cut into four files spanning two days: days and minutes cross files.
    generateReadings(input, { files: 4, readingsPerFile: 5_000, days: 2, sensors: 5 });
  });

  it('computes the daily and per-minute averages of the sequential reference', async () => {
    const averages = await averagesOf(bed.fc, input);
    const expected = sensorAveragesSequential(input);
    expect(averages.daily).toEqual(expected.daily);
    expect(averages.perMinute).toEqual(expected.perMinute);
    expect(averages.daily).toHaveLength(2 * 5);
  });

  it('names the malformed line when a reading cannot be parsed', async () => {
    const bad = join(bed.dir, 'bad.csv');
    writeFileSync(bad, '2024-03-01T00:00:00Z,sensor-01,20.5\n2024-03-01T00:01:00Z,sensor-01,hot\n');
    await expect(averagesOf(bed.fc, bad)).rejects.toThrow(malformed);
  });
});
