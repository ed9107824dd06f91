import { capture, type FlintContext, type RDD } from '@flint/driver';

/** A sensor's average over a period: `[[period, sensor], average]`. */
export type SensorAverage = [[string, string], number];

export interface SensorAverages {
  /** Keyed by `[YYYY-MM-DD, sensor]`, in key order. */
  daily: SensorAverage[];
  /** Keyed by `[YYYY-MM-DDTHH:MM, sensor]`, in key order. */
  perMinute: SensorAverage[];
}

/**
 * A parsed reading: `[time, sensor, value]` with the time as UTC ISO-8601 and the value in
 * hundredths. Integer hundredths make sums exact in any order, so the averages do not depend on
 * how records fall into partitions.
 */
export type Reading = [string, string, number];

/** Parses `timestamp,sensor,value` lines; a malformed line fails the job, naming the line. */
export function parseReadings(fc: FlintContext, input: string, minPartitions?: number): RDD<Reading> {
  return fc
    .textFile(input, minPartitions)
    .filter((line) => line.length > 0)
    .map((line): Reading => {
      const [timestamp, sensor, value, ...rest] = line.split(',');
      const time = new Date(timestamp);
      const hundredths = Math.round(Number(value) * 100);
      if (rest.length > 0 || !sensor || Number.isNaN(time.getTime()) || !Number.isFinite(hundredths)) {
        throw new Error(`malformed reading (want timestamp,sensor,value): ${line}`);
      }
      return [time.toISOString(), sensor, hundredths];
    });
}

/** Each sensor's average per day or per minute (UTC), in key order. */
export function averagesBy(readings: RDD<Reading>, period: 'day' | 'minute'): RDD<SensorAverage> {
  const prefixLength = period === 'day' ? 'YYYY-MM-DD'.length : 'YYYY-MM-DDTHH:MM'.length;
  return readings
    .map(
      capture({ prefixLength }, ([time, sensor, hundredths], { prefixLength }): [[string, string], number] => [
        [time.slice(0, prefixLength), sensor],
        hundredths,
      ]),
    )
    .aggregateByKey(
      [0, 0] as [number, number],
      ([sum, count], hundredths): [number, number] => [sum + hundredths, count + 1],
      ([sumA, countA], [sumB, countB]): [number, number] => [sumA + sumB, countA + countB],
    )
    .mapValues(([sum, count]) => sum / count / 100)
    .sortByKey();
}

/** The daily and per-minute averages of every sensor; the parsed readings are cached for both. */
export async function sensorAverages(fc: FlintContext, input: string, minPartitions?: number): Promise<SensorAverages> {
  const readings = parseReadings(fc, input, minPartitions).setName('readings').cache();
  const daily = await averagesBy(readings, 'day').collect();
  const perMinute = await averagesBy(readings, 'minute').collect();
  readings.unpersist();
  return { daily, perMinute };
}
