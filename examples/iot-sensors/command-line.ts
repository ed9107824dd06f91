/** The command line the IoT sensor examples share (RDD, DataFrame and SQL versions): demo data and the printed tables. */
import type { FlintContext } from '@flint/driver';
import { cachedPath } from '../shared/generated-file.js';
import { exampleDataPath } from '../shared/data-dir.js';
import { printTable, runExample } from '../shared/cli.js';
import { generateReadings } from './generate.js';
import type { SensorAverage, SensorAverages } from './job.js';

/** Runs `averages` over the input (generated readings of 12 sensors across 3 days by default) and prints them. */
export function runSensorAverages(script: string, averages: (fc: FlintContext, input: string) => Promise<SensorAverages>): void {
  runExample('iot-sensors', `npx tsx examples/${script} [--master URL] [--top N] [input]`, async (fc, args) => {
    const input = args.input ?? demoReadings();
    const { daily, perMinute } = await averages(fc, input);
    console.log(`daily averages over ${input}:`);
    printTable(['day', 'sensor', 'average'], daily.map(row));
    console.log(`\nper-minute averages: ${perMinute.length} rows, the first ${args.top}:`);
    printTable(['minute', 'sensor', 'average'], perMinute.slice(0, args.top).map(row));
  });
}

function row([[period, sensor], average]: SensorAverage): string[] {
  return [period, sensor, average.toFixed(3)];
}

function demoReadings(): string {
  return cachedPath(exampleDataPath('iot-readings'), (dir) => {
    console.log(`generating sensor readings in ${dir} (once)...`);
    generateReadings(dir, { files: 8, readingsPerFile: 100_000, days: 3 });
  });
}
