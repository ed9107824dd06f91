/**
 * The IoT sensor averages with DataFrames and with SQL: the same answers as job.ts (RDDs).
 * Values are averaged in integer hundredths, as the RDD job does, so the sums are exact in any
 * order and the averages equal the sequential reference's to the last bit.
 */
import { col, functions as F, type DataFrame, type FlintContext } from '@flint/driver';
import type { SensorAverage, SensorAverages } from './job.js';

/** Spark's datetime patterns of the two periods, in UTC. */
const PERIOD_FORMATS = { day: 'yyyy-MM-dd', minute: "yyyy-MM-dd'T'HH:mm" } as const;

/** `timestamp,sensor,value` lines; FAILFAST: a malformed line fails the job, naming the file, line and field. */
export function readReadings(fc: FlintContext, input: string): DataFrame {
  return fc.read.csv(input, { schema: 'time TIMESTAMP, sensor STRING, value DOUBLE', mode: 'FAILFAST' });
}

function averagesDataFrame(readings: DataFrame, period: keyof typeof PERIOD_FORMATS): DataFrame {
  return readings
    .groupBy(F.date_format('time', PERIOD_FORMATS[period]).alias('period'), col('sensor'))
    .agg(F.avg(F.round(col('value').multiply(100))).divide(100).alias('average'))
    .orderBy('period', 'sensor');
}

function averagesSql(fc: FlintContext, period: keyof typeof PERIOD_FORMATS): DataFrame {
  return fc.sql(`
    SELECT date_format(time, "${PERIOD_FORMATS[period]}") AS period, sensor, avg(round(value * 100)) / 100 AS average
    FROM readings
    GROUP BY 1, 2
    ORDER BY period, sensor`);
}

async function collectAverages(df: DataFrame): Promise<SensorAverage[]> {
  return (await df.collect()).map((row): SensorAverage => [[row.period as string, row.sensor as string], row.average as number]);
}

/** The daily and per-minute averages with the DataFrame API; the readings are cached for both. */
export async function sensorAveragesDataFrame(fc: FlintContext, input: string): Promise<SensorAverages> {
  const readings = readReadings(fc, input).cache();
  try {
    return { daily: await collectAverages(averagesDataFrame(readings, 'day')), perMinute: await collectAverages(averagesDataFrame(readings, 'minute')) };
  } finally {
    readings.unpersist();
  }
}

/** The same with SQL over a temp view `readings`. */
export async function sensorAveragesSql(fc: FlintContext, input: string): Promise<SensorAverages> {
  const readings = readReadings(fc, input).cache();
  readings.createOrReplaceTempView('readings');
  try {
    return { daily: await collectAverages(averagesSql(fc, 'day')), perMinute: await collectAverages(averagesSql(fc, 'minute')) };
  } finally {
    readings.unpersist();
  }
}
