import { readLines } from '../shared/read-lines.js';
import { compareStrings } from '../shared/compare.js';
import type { SensorAverage, SensorAverages } from './job.js';

/** The sequential daily and per-minute averages that the Flint job is checked against. */
export function sensorAveragesSequential(input: string): SensorAverages {
  const daily = new Map<string, [number, number]>();
  const perMinute = new Map<string, [number, number]>();
  for (const line of readLines(input)) {
    if (line.length === 0) continue;
    const [timestamp, sensor, value] = line.split(',');
    const time = new Date(timestamp).toISOString();
    const hundredths = Math.round(Number(value) * 100);
    add(daily, [time.slice(0, 10), sensor], hundredths);
    add(perMinute, [time.slice(0, 16), sensor], hundredths);
  }
  return { daily: averages(daily), perMinute: averages(perMinute) };
}

function add(sums: Map<string, [number, number]>, key: [string, string], hundredths: number): void {
  const id = JSON.stringify(key);
  const [sum, count] = sums.get(id) ?? [0, 0];
  sums.set(id, [sum + hundredths, count + 1]);
}

function averages(sums: Map<string, [number, number]>): SensorAverage[] {
  return [...sums]
    .map(([id, [sum, count]]): SensorAverage => [JSON.parse(id) as [string, string], sum / count / 100])
    .sort(([a], [b]) => compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]));
}
