import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt, seededRandom } from '../shared/random.js';

export interface ReadingsOptions {
  files: number;
  readingsPerFile: number;
  /** How many days the readings span, starting at `start`. */
  days: number;
  sensors?: number;
  seed?: number;
  start?: string;
}

const MS_PER_DAY = 86_400_000;

/**
 * Writes `timestamp,sensor,value` CSV readings into `files` files in `dir`, one stream in time
 * order cut into files, so that minutes and days span files. Values follow a daily cycle per
 * sensor with noise, two decimals. One timestamp in ten carries a +01:00 offset instead of Z,
 * as readings from a device on local time would.
 */
export function generateReadings(dir: string, options: ReadingsOptions): void {
  const { files, readingsPerFile, days, sensors = 12, seed = 1, start = '2024-03-01T00:00:00Z' } = options;
  const random = seededRandom(seed);
  const baseValues = Array.from({ length: sensors }, () => 15 + random() * 10);
  const meanGapMs = (days * MS_PER_DAY) / (files * readingsPerFile);
  let time = Date.parse(start);
  mkdirSync(dir, { recursive: true });
  for (let file = 0; file < files; file++) {
    const lines: string[] = [];
    for (let i = 0; i < readingsPerFile; i++) {
      time += Math.round(random() * 2 * meanGapMs);
      const sensor = randomInt(random, 0, sensors - 1);
      const cycle = Math.sin(((time % MS_PER_DAY) / MS_PER_DAY) * 2 * Math.PI);
      const value = baseValues[sensor] + 5 * cycle + (random() - 0.5) * 2;
      lines.push(`${timestamp(time, random() < 0.1)},sensor-${String(sensor).padStart(2, '0')},${value.toFixed(2)}`);
    }
    writeFileSync(join(dir, `readings-${String(file).padStart(3, '0')}.csv`), lines.join('\n') + '\n');
  }
}

function timestamp(ms: number, withOffset: boolean): string {
  if (!withOffset) return new Date(ms).toISOString();
  return new Date(ms + 3_600_000).toISOString().slice(0, -1) + '+01:00';
}
