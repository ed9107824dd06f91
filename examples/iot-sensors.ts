/**
 * Daily and per-minute averages of IoT sensor readings (`timestamp,sensor,value` CSV lines),
 * by default over generated readings of 12 sensors across 3 days, cached in the temp directory.
 *
 *   npx tsx examples/iot-sensors.ts [--master URL] [--top N] [input file, directory or glob]
 */
import { cachedPath } from './shared/generated-file.js';
import { exampleDataPath } from './shared/data-dir.js';
import { printTable, runExample } from './shared/cli.js';
import { generateReadings } from './iot-sensors/generate.js';
import { sensorAverages, type SensorAverage } from './iot-sensors/job.js';

runExample('iot-sensors', 'npx tsx examples/iot-sensors.ts [--master URL] [--top N] [input]', async (fc, args) => {
  const input = args.input ?? demoReadings();
  const { daily, perMinute } = await sensorAverages(fc, input);
  console.log(`daily averages over ${input}:`);
  printTable(['day', 'sensor', 'average'], daily.map(row));
  console.log(`\nper-minute averages: ${perMinute.length} rows, the first ${args.top}:`);
  printTable(['minute', 'sensor', 'average'], perMinute.slice(0, args.top).map(row));
});

function row([[period, sensor], average]: SensorAverage): string[] {
  return [period, sensor, average.toFixed(3)];
}

function demoReadings(): string {
  return cachedPath(exampleDataPath('iot-readings'), (dir) => {
    console.log(`generating sensor readings in ${dir} (once)...`);
    generateReadings(dir, { files: 8, readingsPerFile: 100_000, days: 3 });
  });
}
